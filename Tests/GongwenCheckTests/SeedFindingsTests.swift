import Gongwen
import GongwenModel
import Testing
import TestSupport

/// What the checker reports on the five seed documents, read by hand: every finding is a real
/// problem of its document, and statements that hold (三个强化/三个优化/三个完善 with three items each,
/// `市级财政投入715万元`, `提高到21%一肩挑`) raise nothing. `29275万人` for one 社区 is reported by
/// `magnitude.implausible` once the extractor fills `document.claims`.
@Suite("seed findings")
struct SeedFindingsTests {
    /// (rule, anchored text) of every finding, in document order.
    static let expected: [String: [Pair]] = [
        "000_842ce01806219f2e.txt": [
            Pair("number.merged", "68.3%1500人"),
            Pair("magnitude.implausible", "29275万人"),
            Pair("date.malformed", "715日"),
            Pair("date.malformed", "924日"),
            Pair("docnum.malformed", "川财社20191166号"),
            Pair("docnum.malformed", "川财社2020128号"),
            Pair("text.duplicate", "今年以来,孵化培育社区社会组织168家,服务城乡社区82个;组建社区志愿服务站和社会工作服务站56个,成立社区志愿服务队97支,开展志愿服务活动1024场次;健全社区社会工作专业人才队伍“5+1”标准,培育150余名专业社会工作者。"),
            Pair("date.malformed", "2020914"),
        ],
        "001_80517c5d3fdae330.txt": [
            Pair("number.missing", "个"),
            Pair("number.missing", "(—年)"),
            Pair("number.missing", ".25万条"),
            Pair("number.missing", "个"),
            Pair("number.missing", ".5万人次"),
            Pair("number.missing", "万元"),
            Pair("number.missing", "个"),
            Pair("number.missing", "年以来"),
        ],
        "002_f7baab1df13353fe.txt": [],
        "003_bae5fa7c6a583b1e.txt": [],
        "004_8b0ea43be8e85885.txt": [],
    ]

    struct Pair: Equatable, CustomStringConvertible {
        var rule: String
        var text: String
        init(_ rule: String, _ text: String) {
            self.rule = rule
            self.text = text
        }
        var description: String { "\(rule) “\(text)”" }
    }

    @Test(arguments: expected.keys.sorted())
    func seedFindings(_ name: String) throws {
        let analysis = try Analysis.run(path: Repository.corpus.appendingPathComponent(name).path)
        let found = analysis.document.findings.map { Pair($0.rule, analysis.source.text($0.span)) }
        #expect(found == Self.expected[name])
    }

    @Test func duplicateEvidencePointsAtTheFirstOccurrence() throws {
        let analysis = try Analysis.run(path: Repository.corpus.appendingPathComponent("000_842ce01806219f2e.txt").path)
        let duplicate = try #require(analysis.document.findings.first { $0.rule == "text.duplicate" })
        let first = try #require(duplicate.evidence.first)
        #expect(first.start < duplicate.start)
        #expect(analysis.source.text(first) == analysis.source.text(duplicate.span))
        #expect(analysis.source.line(at: first.start) == 39)
    }
}
