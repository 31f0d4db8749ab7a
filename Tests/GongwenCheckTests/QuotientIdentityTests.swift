import GongwenCheck
import GongwenModel
import Testing

/// Quotient identities of `identities.tsv` (`城镇化率 = 城镇常住人口 / 常住人口`), read by
/// `indicator.identity` over the nearest levels stated before the result. Numbers are made up.
@Suite("quotient identities")
struct QuotientIdentityTests {
    func found(_ text: String) throws -> (fixture: Fixture, found: [Finding], relations: [StatedRelation]) {
        let fixture = Fixture(text)
        return (fixture, try fixture.findings(IdentityRule()), IdentityRule().relations(try fixture.context()))
    }

    @Test func urbanisationRateIsTheUrbanShareOfResidents() throws {
        let holds = try found("年末全市常住人口415.39万人，比上年末增加2.55万人。其中，城镇常住人口404.66万人，全市常住人口城镇化率97.4%。")
        #expect(holds.found.isEmpty)
        #expect(holds.relations.map(\.kind) == [.rate])
        let wrong = try found("年末全市常住人口415.39万人，比上年末增加2.55万人。其中，城镇常住人口404.66万人，全市常住人口城镇化率1️⃣95.4%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .error)
    }

    @Test func birthRateOverTheMeanPopulationHoldsWithinThreePercent() throws {
        // 2.56万 / 415.39万 = 6.16‰; the office divides by the mean population of the year.
        let holds = try found("年末全市常住人口415.39万人。全年出生人口2.56万人，出生率6.25‰。")
        #expect(holds.found.isEmpty && holds.relations.count == 1)
        let wrong = try found("年末全市常住人口415.39万人。全年出生人口2.56万人，出生率1️⃣9.25‰2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .warning)
    }

    @Test func ratesOfTheRegisteredPopulationAreNotOfTheResidents() throws {
        let other = try found("年末全市常住人口415.39万人。全年出生人口2.56万人。按户籍人口计算，出生率9.25‰。")
        #expect(other.found.isEmpty && other.relations.isEmpty)
    }

    @Test func aNumeratorFarBeforeTheResultIsAnotherOne() throws {
        let far = try found("年末全市常住人口415.39万人。全年出生人口2.56万人。\n一\n二\n三\n四\n出生率9.25‰。")
        #expect(far.relations.isEmpty)
    }

    @Test func deathsPerHundredMillionYuanOfGDP() throws {
        // 577 / 32074.7亿 × 1亿 = 0.01799.
        let holds = try found("全年地区生产总值32074.7亿元。生产安全事故死亡人数577人，比上年减少355人。亿元生产总值生产安全事故死亡率为0.018。")
        #expect(holds.found.isEmpty && holds.relations.count == 1)
        let wrong = try found("全年地区生产总值32074.7亿元。生产安全事故死亡人数577人，比上年减少355人。亿元生产总值生产安全事故死亡率为1️⃣0.0282️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func quotientsAreReadFromTheFile() throws {
        let identities = try Identities.parse("identity\t出生率\t≈ 出生人口 / 常住人口\tBirths per thousand.\n", origin: "test.tsv")
        #expect(identities.identities.first?.form == .quotient(factor: 1, approximate: true))
        #expect(throws: BoundsError.self) { try Identities.parse("identity\t出生率\t出生人口 / 常住人口 / 十\tBad.\n", origin: "test.tsv") }
        // `≤` is for a sum whose terms hold a little the result leaves out; `≈` for a quotient only.
        let atMost = try Identities.parse("identity\t第二产业增加值\t≤ 工业增加值 + 建筑业增加值\tLess two activities.\n", origin: "test.tsv")
        #expect(atMost.identities.first?.atMost == true && atMost.identities.first?.form == .sum)
        #expect(throws: BoundsError.self) { try Identities.parse("identity\t第二产业增加值\t≈ 工业增加值 + 建筑业增加值\tBad.\n", origin: "test.tsv") }
        #expect(throws: BoundsError.self) { try Identities.parse("identity\t城镇化率\t≤ 城镇常住人口 / 常住人口\tBad.\n", origin: "test.tsv") }
    }
}
