import Foundation
import Testing
import TestSupport

/// The built `gongwen check` on `corpus/`: diagnostics, exit statuses, JSON against the schema, SARIF.
@Suite("gongwen check", .serialized)
struct CheckCommandTests {
    let gongwen = Repository.executable
    let plain = ["NO_COLOR": "1", "COLUMNS": "100"]
    let seed000 = "corpus/000_842ce01806219f2e.txt"

    @Test func textOutputIsSnapshotted() throws {
        let result = try run(gongwen, ["check", seed000], environment: plain)
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        try Snapshot.assertMatches(result.stdout, named: "check-000.txt")
    }

    @Test func diagnosticsLookLikeACompilers() throws {
        let result = try run(gongwen, ["check", seed000, "--rule", "date.malformed"], environment: plain)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "\(seed000):31:386: error: 日期“715日”缺少月份分隔(可能是7月15日) [date.malformed]")
        // The marker sits under `715日`: each CJK character before it takes two columns.
        let source = lines[1]
        let marker = lines[2]
        let caret = try #require(marker.firstIndex(of: "^"))
        let before = source.unicodeScalars.prefix(while: { $0 != "7" })
        let columns = before.reduce(0) { $0 + (($0 >= 0 && $1.value >= 0x2E80) ? 2 : 1) }
        #expect(marker.distance(from: marker.startIndex, to: caret) == columns)
        #expect(marker.hasSuffix(" ^~~~~"))
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(lines.contains("\(seed000): 3 findings (3 errors, 0 warnings, 0 infos)"))
        #expect(lines.contains("1 file checked: 3 findings (3 errors, 0 warnings, 0 infos)"))
    }

    @Test func englishMessages() throws {
        let result = try run(gongwen, ["check", seed000, "--lang", "en", "--rule", "docnum.malformed"], environment: plain)
        #expect(result.stdout.contains("error: document number \"川财社20191166号\" has its year glued to the serial number (should be 川财社〔2019〕1166号) [docnum.malformed]"))
    }

    @Test func exitStatuses() throws {
        #expect(try run(gongwen, ["check", "corpus/002_f7baab1df13353fe.txt"], environment: plain).status == 0)
        #expect(try run(gongwen, ["check", seed000], environment: plain).status == 1)
        #expect(try run(gongwen, ["check", seed000, "--min-severity", "error", "--rule", "text.duplicate"], environment: plain).status == 0)
        #expect(try run(gongwen, ["check", seed000, "--no-rule", "date.malformed", "--no-rule", "docnum.malformed", "--no-rule", "number.merged", "--no-rule", "magnitude.implausible"], environment: plain).status == 0)
        let missing = try run(gongwen, ["check", "corpus/missing.txt", seed000], environment: plain)
        #expect(missing.status == 2)
        #expect(missing.stderr == "gongwen: corpus/missing.txt: no such file\n")
        #expect(missing.stdout.contains("\(seed000): 11 findings"))
        #expect(missing.stdout.hasSuffix("1 file checked: 11 findings (7 errors, 0 warnings, 4 infos); 1 file could not be read\n"))
    }

    @Test func usageErrorsExitWith2() throws {
        let unknown = try run(gongwen, ["check", seed000, "--rule", "no.such"], environment: plain)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown rule no.such"))
        #expect(try run(gongwen, ["check", seed000, "--min-severity", "fatal"], environment: plain).status == 2)
        #expect(try run(gongwen, ["check"], environment: plain).status == 2)
        let folder = try Repository.temporaryFolder()
        let bounds = folder.appendingPathComponent("bounds.tsv")
        try "社区\t人\t0".write(to: bounds, atomically: true, encoding: .utf8)
        let malformed = try run(gongwen, ["check", seed000, "--bounds", bounds.path], environment: plain)
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("\(bounds.path):1: expected 9 tab-separated columns, found 3"))
    }

    @Test func jsonValidatesAgainstTheFindingSchema() throws {
        let folder = try Repository.temporaryFolder()
        let files = try Repository.corpusFiles().map { Repository.relative($0) }
        let result = try run(gongwen, ["check", "--format", "json"] + files + ["corpus/missing.txt"])
        #expect(result.status == 2)
        let out = folder.appendingPathComponent("check.json")
        try result.stdout.write(to: out, atomically: true, encoding: .utf8)
        let check = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "scripts/validate-json.py", "schemas", "finding.schema.json", out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let fileRecords = try #require(object["files"] as? [[String: Any]])
        #expect(findings.count == 19)
        #expect(fileRecords.count == 6)
        #expect(fileRecords.contains { $0["source"] as? String == "corpus/missing.txt" && $0["error"] as? String == "no such file" })
        let first = try #require(findings.first)
        #expect(first["source"] as? String == seed000 && first["rule"] as? String == "change.rate" && first["line"] as? Int == 23)
        #expect(first["severity"] as? String == "info" && first["stated"] as? Double == 39.54)
    }

    @Test func sarifHasWhatSarif210Requires() throws {
        let result = try run(gongwen, ["check", "--format", "sarif", seed000, "corpus/001_80517c5d3fdae330.txt"])
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "gongwen")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == [
            "date.malformed", "docnum.malformed", "number.missing", "number.merged", "sign.doubled", "magnitude.implausible", "change.delta",
            "change.rate", "change.annual", "sum.parts", "share.percent", "share.whole", "indicator.identity", "intensity.change", "rate.bounds", "rate.weighted", "sum.shares", "per.capita",
            "structure.ratio", "rate.ratio", "days.share", "repeat.inconsistent", "average.consistency",
            "count.items", "structure.numbering", "text.duplicate",
        ])
        for rule in rules {
            #expect(rule["id"] is String)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note"].contains(level ?? ""))
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 19)
        for item in results {
            let ruleId = try #require(item["ruleId"] as? String)
            let index = try #require(item["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == ruleId)
            #expect(["error", "warning", "note"].contains(item["level"] as? String ?? ""))
            #expect(((item["message"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let locations = try #require(item["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            #expect(((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)?.hasPrefix("corpus/") == true)
            let region = try #require(physical["region"] as? [String: Int])
            #expect(region["startLine"]! >= 1 && region["startColumn"]! >= 1)
            #expect(region["endLine"]! >= region["startLine"]!)
            #expect(region["charLength"]! > 0 && region["charOffset"]! >= 0)
        }
        #expect(results.first?["ruleId"] as? String == "change.rate" && results.first?["level"] as? String == "note")
        #expect(results.contains { $0["ruleId"] as? String == "number.merged" && $0["level"] as? String == "error" })
        #expect(results.contains { $0["ruleId"] as? String == "text.duplicate" && $0["level"] as? String == "note" })
    }

    @Test func rulesCatalogIsPrinted() throws {
        let result = try run(gongwen, ["rules"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("date.malformed\terror\t"))
        let markdown = try run(gongwen, ["rules", "--format", "markdown"])
        let committed = try String(contentsOf: Repository.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(markdown.stdout == committed)
    }
}
