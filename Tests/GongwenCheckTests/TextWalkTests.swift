import GongwenCheck
import GongwenModel
import Testing

/// The one walk over the text for all text rules gives each rule the findings it gives alone, in
/// the rule's own order; the checker runs the text rules through it.
@Suite("TextWalk")
struct TextWalkTests {
    let rules: [any TextRule] = [DateMalformedRule(), DocNumberMalformedRule(), NumberMissingRule(), NumberMergedRule(), TextDuplicateRule()]

    @Test func oneWalkFindsWhatEachRuleFindsAlone() throws {
        let sentence = "今年以来,孵化培育社区社会组织168家,服务城乡社区82个,培育150余名专业社会工作者。"
        let fixture = Fixture("""
            一、基本情况
            1️⃣715日2️⃣召开会议,集中整顿3️⃣个4️⃣软弱涣散村,占比达到5️⃣68.3%1500人6️⃣以下的村由1556个减至92个。
            资金140万元(7️⃣川财社20191166号8️⃣)。\(sentence)
            二、下一步工作
            \(sentence)
            """)
        let context = try fixture.context()
        let walked = TextWalk.run(rules, context)
        #expect(walked.count == rules.count)
        for (rule, found) in zip(rules, walked) {
            #expect(found == rule.check(context), "\(rule.id)")
        }
        #expect(walked[0].map(\.span) == [fixture.span(1, 2)])
        #expect(walked[1].map(\.span) == [fixture.span(7, 8)])
        #expect(walked[2].map(\.span) == [fixture.span(3, 4)])
        #expect(walked[3].map(\.span) == [fixture.span(5, 6)])
        #expect(walked[4].map(\.rule) == ["text.duplicate"])
    }

    @Test func noRulesNoWalk() throws {
        #expect(TextWalk.run([], try Fixture("715日召开").context()).isEmpty)
    }
}
