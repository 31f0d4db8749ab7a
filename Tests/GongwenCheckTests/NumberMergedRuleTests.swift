import GongwenCheck
import GongwenModel
import Testing

@Suite("number.merged")
struct NumberMergedRuleTests {
    let rule = NumberMergedRule()

    @Test func percentFollowedByANumber() throws {
        let fixture = Fixture("1500-3000人的村占比达到1️⃣68.3%1500人2️⃣以下的村由1556个减至92个。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "“68.3%1500人”中两个数字粘连(“68.3%”与“1500人”之间缺少标点)")
    }

    @Test func percentFollowedByAnApproximateCount() throws {
        let fixture = Fixture("绿色电力占比达到1️⃣26%2000余家2️⃣企业参与。")
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2)])
    }

    @Test func twoCountsOfTheSameUnit() throws {
        let fixture = Fixture("全市培训1️⃣2.9万人1500人2️⃣次。")
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2)])
    }

    @Test func percentFollowedByWordsAndCompoundQuantitiesAreNotFlagged() throws {
        let fixture = Fixture("""
            大专以上提高到21%一肩挑占比达91%,占比达到26%,2000余家企业,识别监测对象3.2万户14.9万人,配置AED达每10万人45台,增长3%—5%,构建1+5+7架构,2020年9月召开,推进1村1品。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }
}
