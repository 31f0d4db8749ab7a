import GongwenCheck
import GongwenModel
import Testing

/// `days.share`: a count of days over the days of the year. Numbers are made up.
@Suite("days.share")
struct DaysShareRuleTests {
    let rule = DaysShareRule()

    @Test func shareOfTheYearThatTheDaysDoNotGive() throws {
        let fixture = Fixture("全年空气质量优良天数322天，优良天数比例1️⃣86.2%2️⃣。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "优良天数比例 86.2% 与 322/365 = 88.219% 不符(应为88.2%)")
        #expect(found.first?.evidence == [fixture.span(of: "322天")])
    }

    @Test func moreDaysThanTheYearHas() throws {
        // 422 days are no count of one year's: the count or the share is misprinted.
        let fixture = Fixture("全年空气质量优良天数422天，优良天数比例1️⃣88.2%2️⃣。")
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2)])
    }

    @Test func eitherYearLengthHolds() throws {
        // 322/365 = 88.22%, 322/366 = 87.98%.
        #expect(try Fixture("全年空气质量优良天数322天，优良天数比例88.2%。").findings(rule).isEmpty)
        #expect(try Fixture("城区环境空气达标天数322天，城区环境空气达标率88.0%。").findings(rule).isEmpty)
        #expect(try rule.relations(Fixture("全年优良天数318天，优良天数占比87.1%。").context()).count == 1)
    }

    @Test func shorterPeriodsAndOtherPercentsAreNotRead() throws {
        // 170 days of a half year (181 days) are 93.9%.
        #expect(try rule.relations(Fixture("1-6月，优良天数170天，优良天数比例93.9%。").context()).isEmpty)
        #expect(try rule.relations(Fixture("上半年优良天数170天，优良率93.9%。").context()).isEmpty)
        // A change of the days, and a percent that is no share of them.
        #expect(try rule.relations(Fixture("优良天数329天，同比增加4天，PM2.5浓度下降8.4%。").context()).isEmpty)
    }
}
