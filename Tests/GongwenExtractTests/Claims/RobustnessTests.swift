import Gongwen
import GongwenModel
import PropertyBased
import Testing

/// Random texts made of the pieces the stages look at (numerals, units, markers, quotes, brackets,
/// line breaks) go through every stage without a crash, and every span stays inside the text.
@Suite("robustness")
struct RobustnessTests {
    static let pieces = [
        "一", "二", "三", "十", "百", "万", "亿", "是", "、", "。", ",", ";", ":", "(", ")", "（", "）", "“", "”", "《", "》",
        "1", "2", "0", ".", "%", "％", "‰", "-", "—", "个", "人", "万人", "元", "其中", "由", "从", "增加到", "减少", "减幅达",
        "占比", "化解率", "第", "章", "条", "年", "月", "日", "号", "〔", "〕", "附件", "附件1", "\n", "\n\n", " ", "\u{3000}",
        "社区", "三个强化", "一是", "(一)", "1.", "1、", "①", "2020914", "29275万人", "68.3%1500人", "余", "约", "以上",
        "发布日期:", "扫一扫", "各单位:", "2020年9月14日", "巴中市民政局", "\u{FFFD}",
    ]

    @Test func everyStageSurvivesRandomText() async {
        let text = Gen.element(of: Self.pieces).array(of: 0...60).map { $0.compactMap { $0 }.joined() }
        await propertyCheck(count: 400, input: text) { text in
            guard let analysis = try? Analysis.run(text: text, source: "random") else { return }
            let count = analysis.source.count
            let document = analysis.document
            var spans: [Span] = document.claims.map(\.span) + document.numbers.map(\.span) + document.findings.map(\.span)
            spans += document.lists.flatMap { [$0.span] + $0.items.map(\.span) } + document.boilerplate.map(\.span)
            for root in document.sections { root.forEach { section, _ in spans.append(section.span) } }
            #expect(spans.allSatisfy { $0.start >= 0 && $0.start <= $0.end && $0.end <= count }, "\(text)")
        }
    }

    /// Found by the random texts: a `…中,` cue opening a statement may hold a `其中` (`日其中,`); the cues overlap.
    @Test func cuesThatOverlap() throws {
        let document = try Analysis.run(text: "各单位:\n日其中,100万人，其中城镇60万人；乡村40万人。", source: "test").document
        #expect(document.breakdowns.map { document.claims[$0.total].text } == ["100万人"])
    }

    /// Found by the random texts: a share in brackets after a comma stands before its own clause's start.
    @Test func aShareInBracketsAfterAComma() throws {
        let document = try Analysis.run(text: "各单位:\n今年承办提案600件，其中建议258件,(43.0%)。", source: "test").document
        #expect(document.rates.map { document.claims[$0.numerator].text } == ["258件"])
    }
}
