import Foundation
import Testing
import TestSupport

/// Real PDF and DOCX files as published (`testdata/binary`, see its MANIFEST.tsv): outlines
/// reviewed by eye, the same claims as the text version, bad files as one-line errors.
@Suite("office files", .serialized)
struct OfficeFileTests {
    let gongwen = Repository.executable
    static let folder = "testdata/binary"
    static let files = [
        "fiscal_yinchuan_city_2025_budget_report.pdf", "statcomm_jiaozuo_city_2025.pdf",
        "fiscal_chengde_city_2025_budget_report.docx", "statcomm_hotan_prefecture_2025.docx",
    ]

    @Test(arguments: files)
    func outlineSnapshot(_ name: String) throws {
        let result = try run(gongwen, ["parse", "\(Self.folder)/\(name)", "--format", "outline"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try Snapshot.assertMatches(result.stdout, named: "office-" + name + ".outline")
    }

    /// Each file and its text version: the Yinchuan PDF's text as the repository's author extracted
    /// it, the others made by `scripts/make-text-versions.py` with tools that are not gongwen's
    /// readers (pdfminer.six; Python's zipfile and xml.etree), committed next to the files.
    static let textVersions = [
        "fiscal_yinchuan_city_2025_budget_report.pdf": "fiscal_yinchuan_city_2025_budget_report_pdftext.txt",
        "statcomm_jiaozuo_city_2025.pdf": "statcomm_jiaozuo_city_2025_pdfminer.txt",
        "fiscal_chengde_city_2025_budget_report.docx": "fiscal_chengde_city_2025_budget_report_docxxml.txt",
        "statcomm_hotan_prefecture_2025.docx": "statcomm_hotan_prefecture_2025_docxxml.txt",
    ]

    /// The claims of a document as a multiset of (value, unit, kind).
    func claims(_ path: String) throws -> [String: Int] {
        let result = try run(gongwen, ["parse", path])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let claims = try #require(object["claims"] as? [[String: Any]])
        var counts: [String: Int] = [:]
        for claim in claims {
            counts["\(claim["value"] ?? "-") \(claim["unit"] as? String ?? "-") \(claim["kind"] ?? "-")", default: 0] += 1
        }
        return counts
    }

    /// Shared claims over the larger of the two sets. When this was written every file gave all the
    /// claims of its text version: Yinchuan 194/194, Jiaozuo 434/434, Chengde 978/978, Hotan
    /// 263/263 (Jiaozuo was 387/434 while poppler glued a table's cells, `346.7100.0`, and
    /// Yinchuan 193/194 while a line poppler broke after squeezed punctuation left `3.87` without
    /// its `亿元`).
    @Test(arguments: files)
    func theFileGivesTheClaimsOfItsTextVersion(_ name: String) throws {
        let file = try claims("\(Self.folder)/\(name)")
        let text = try claims("\(Self.folder)/\(try #require(Self.textVersions[name]))")
        let shared = file.reduce(0) { $0 + min($1.value, text[$1.key] ?? 0) }
        let larger = max(file.values.reduce(0, +), text.values.reduce(0, +))
        #expect(larger > 190)
        #expect(Double(shared) / Double(larger) >= 0.95, "claim overlap \(shared)/\(larger)")
    }

    /// The section tree as `marker level title` rows, spaces left out of titles (the two texts
    /// space their digits differently).
    func sections(_ path: String) throws -> [String] {
        let result = try run(gongwen, ["parse", path, "--format", "outline"])
        #expect(result.status == 0)
        return result.stdout.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ")
            guard words.count >= 3, words[1].hasPrefix("L"), line.hasPrefix("  "), words[2] == "line" else { return nil }
            let title = words.dropFirst(6).joined().replacingOccurrences(of: "…", with: "")
            return "\(words[0]) \(words[1]) \(title.prefix(20))"
        }
    }

    /// The same sections as the text version, file by file: the count and, where the text version
    /// cannot show a heading, which one. Hotan's `四、服务业` is Word's automatic numbering, which the
    /// script does not render: its text version has the line `服务业`, no heading.
    @Test(arguments: [
        ("fiscal_yinchuan_city_2025_budget_report.pdf", 36, [String]()),
        ("statcomm_jiaozuo_city_2025.pdf", 16, []),
        ("fiscal_chengde_city_2025_budget_report.docx", 66, []),
        ("statcomm_hotan_prefecture_2025.docx", 14, ["四、 L1 服务业"]),
    ])
    func theFileGivesTheSectionsOfItsTextVersion(_ name: String, count: Int, numberedByWord: [String]) throws {
        let file = try sections("\(Self.folder)/\(name)")
        let text = try sections("\(Self.folder)/\(try #require(Self.textVersions[name]))")
        #expect(file.count == count)
        #expect(file.filter { !numberedByWord.contains($0) } == text)
        #expect(numberedByWord.allSatisfy(file.contains))
    }

    @Test func officeOutputValidatesAgainstTheSchema() throws {
        let result = try run(gongwen, ["parse", "--format", "jsonl"] + Self.files.map { "\(Self.folder)/\($0)" })
        #expect(result.status == 0, "\(result.stderr)")
        let out = try Repository.temporaryFolder().appendingPathComponent("office.jsonl")
        try result.stdout.write(to: out, atomically: true, encoding: .utf8)
        let check = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "scripts/validate-json.py", "schemas", "document.schema.json", out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("validated \(Self.files.count) documents"))
    }

    @Test func badOfficeFilesAreOneLineErrorsAndTheBatchGoesOn() throws {
        let folder = try Repository.temporaryFolder()
        let real = try Data(contentsOf: Repository.root.appendingPathComponent("\(Self.folder)/statcomm_hotan_prefecture_2025.docx"))
        try real.prefix(20_000).write(to: folder.appendingPathComponent("cut.docx"))
        try Data("一、总体要求".utf8).write(to: folder.appendingPathComponent("fake.pdf"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: folder.appendingPathComponent("old.doc"))
        let bad = ["cut.docx", "fake.pdf", "old.doc"].map { folder.appendingPathComponent($0).path }
        let good = "\(Self.folder)/statcomm_hotan_prefecture_2025.docx"
        let result = try run(gongwen, ["parse", "--format", "summary", bad[0], good, bad[1], bad[2]])
        #expect(result.status == 2)
        #expect(result.stdout.split(separator: "\n").map { String($0.prefix(while: { $0 != "\t" })) } == [good])
        #expect(result.stderr.split(separator: "\n") == [
            "gongwen: \(bad[0]): not a readable DOCX file (not a zip archive)",
            "gongwen: \(bad[1]): not a readable PDF file (no %PDF- header)",
            "gongwen: \(bad[2]): Word 97-2003 (.doc) is a binary format that is not read; save it as .docx",
        ])
    }
}
