import Foundation
import Gongwen
import GongwenModel
import GongwenStore
import GongwenText

/// One input through the whole pipeline with its invariants checked: what the fuzz target
/// (`make fuzz`) calls on every input, and what the regression tests call on the inputs it found.
///
/// `PipelineProbe.violations(of: Array("共有一一一…一人".utf8), isHTML: false)` is `[]`: the
/// document decodes or is refused with a `DecodeError`, its spans lie inside the text, its JSON
/// is valid (no NaN), reads back as the same document (what `gongwen load` relies on) and is the
/// same bytes from `JSONWriter` (what the stream mode writes), and it converts to store rows.
public enum PipelineProbe {
    /// What is wrong with the pipeline's answer on one fuzz input: its first byte picks how the
    /// rest is read — bit 1 set: a program of the hostile grammar (`expand`), else the bytes as
    /// they are; bit 0 set: as HTML, else as text.
    public static func violations(ofFuzzInput input: [UInt8]) -> [String] {
        guard let mode = input.first else { return [] }
        let rest = input.dropFirst()
        return violations(of: mode & 2 == 0 ? Array(rest) : expand(rest), isHTML: mode & 1 == 1)
    }

    /// What is wrong with the pipeline's answer on `bytes`; empty when nothing is.
    public static func violations(of bytes: [UInt8], isHTML: Bool) -> [String] {
        let analysis: Analysis
        do throws(DecodeError) {
            analysis = try Analysis.run(bytes: bytes, source: "fuzz", isHTML: isHTML, options: PipelineOptions(budget: nil))
        } catch {
            return error.reason.isEmpty ? ["an error with no reason"] : []
        }
        var problems: [String] = []
        let document = analysis.document
        let length = document.characters
        func inside(_ start: Int, _ end: Int, _ what: String) {
            if !(0 <= start && start <= end && end <= length) { problems.append("\(what) span \(start)..<\(end) outside 0..<\(length)") }
        }
        for claim in document.claims { inside(claim.start, claim.end, "claim") }
        for number in document.numbers { inside(number.start, number.end, "number") }
        for finding in document.findings { inside(finding.start, finding.end, "finding") }
        for section in document.sections { inside(section.start, section.end, "section") }
        for paragraph in document.paragraphs { inside(paragraph.start, paragraph.end, "paragraph") }
        do {
            let json = try GongwenJSON.encode(document)
            _ = try JSONSerialization.jsonObject(with: json)
            if try GongwenJSON.decoder().decode(Document.self, from: json) != document {
                problems.append("the JSON reads back as another document")
            }
            if try JSONWriter.encode(document) != [UInt8](json) {
                problems.append("JSONWriter writes other bytes than JSONEncoder")
            }
        } catch {
            problems.append("invalid JSON: \(error)")
        }
        _ = DocumentRows(document)
        return problems
    }

    /// The small grammar of hostile input: each pair of bytes picks a piece and how often it is
    /// repeated (1 to 256 times) — long runs of Chinese digits, digit strings, `%`, scale words,
    /// unclosed `<font>` and `<div>`, `其中` lists, blank lines — so that the fuzzer reaches the
    /// shapes that broke the pipeline before (`一` × 200, 300 nested `<font>`) in few steps.
    public static func expand(_ program: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        var bytes = Array(program)
        if bytes.count % 2 == 1 { bytes.append(0) }
        for index in stride(from: 0, to: bytes.count, by: 2) {
            let piece = pieces[Int(bytes[index]) % pieces.count]
            for _ in 0...Int(bytes[index + 1]) { out += piece.utf8 }
        }
        return out
    }

    static let pieces = [
        "一", "九", "〇", "十", "百", "千", "万", "亿", "两", "壹", "1", "9", "0", ".", ",", "%", "‰", "e9", "-", "—", "~",
        "余", "多", "近", "约", "以上", "人", "个", "万元", "亿元", "百分之", "分之", "其中", ":", "、", ",", "。", ";", " ",
        "\n", "\t", "(", ")", "由", "增加到", "减少", "增幅", "占比", "达", "共", "分别为", "比上年", "第", "一是", "二是",
        "<font>", "<div>", "<p>", "</p>", "<table><tr><td>", "</td><td>", "<br>", "<script>", "<!--", "-->", "&#x4e00;",
        "&amp;", "<", ">", "\u{FEFF}", "\u{3000}", "１", "％", "２０２０年", "〔2014〕27号", "川财社20191166号",
    ]
}
