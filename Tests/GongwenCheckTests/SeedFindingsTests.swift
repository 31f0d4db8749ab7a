import Gongwen
import GongwenModel
import Testing
import TestSupport

/// What the checker reports on the five seed documents, read by hand: every finding is a real
/// problem of its document, and statements that hold (三个强化/三个优化/三个完善 with three items each,
/// `市级财政投入715万元`, `提高到21%一肩挑`; 200→139 减少61 减幅30.5%; 139 = 6 + 116 + 17;
/// 150/(150+353) = 29.8%; 385 = 105 + 280; 14 = 10 + 4; 52.04万/53.21万 = 97.8%; 49.25万/53.21万 = 92.56%;
/// 村平均面积 5.27 × 2177 against 8.73 × 1316) raise nothing. The arithmetic findings of 000: 减幅 39.54%
/// is 861/2177 = 39.5498% truncated (info); 乡镇平均面积 61.37 × 200 = 12274 km² but 84.75 × 139 = 11780 km²,
/// and 平均人口 1.84万 × 200 = 368万 but 2.71万 × 139 = 376.69万: a merger of towns keeps their land and
/// people, so the averages and counts cannot all be right (info).
@Suite("seed findings")
struct SeedFindingsTests {
    /// (rule, anchored text) of every finding, in document order.
    static let expected: [String: [Pair]] = [
        "000_842ce01806219f2e.txt": [
            Pair("change.rate", "39.54%"),
            Pair("average.consistency", "61.37平方千米增加到84.75平方千米"),
            Pair("average.consistency", "1.84万人增加到2.71万人"),
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

    @Test func truncatedRateReadsAsTheDesignSays() throws {
        let analysis = try Analysis.run(path: Repository.corpus.appendingPathComponent("000_842ce01806219f2e.txt").path)
        let rate = try #require(analysis.document.findings.first { $0.rule == "change.rate" })
        #expect(rate.severity == .info)
        #expect(rate.message == "减幅 39.54% 与 861/2177 = 39.5498% 不符(截断而非四舍五入)")
        #expect(rate.line == 23)
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
