import GongwenCheck
import GongwenModel
import Testing

/// `per.capita` on made-up communiqué sentences: a figure per head against its total over the population.
@Suite("per.capita")
struct PerCapitaRuleTests {
    let rule = PerCapitaRule()

    @Test func aFigureWithinAFewPercentHolds() throws {
        // 2648.87亿 / 321.56万 = 82374; the office divided by the year's mean population.
        let fixture = Fixture("全年地区生产总值2648.87亿元，比上年增长5.0%。人均地区生产总值81890元。年末常住人口321.56万人。")
        #expect(try fixture.findings(rule).isEmpty)
        let context = try fixture.context()
        #expect(rule.relations(context).map { $0.claims.map { context.document.claims[$0].text } } == [["2648.87亿元", "321.56万人", "81890元"]])
    }

    @Test func aFigureFarOffIsAWarning() throws {
        let fixture = Fixture("全年地区生产总值2648.87亿元。人均地区生产总值1️⃣61890元2️⃣。年末常住人口321.56万人。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message == "人均地区生产总值 61890 与 2648.87亿/321.56万 = 82375.61 不符")
    }

    @Test func aUnitPerHundredPeopleCountsItsUsers() throws {
        // 3000万户 / 2900万人 × 100 = 103.4部/百人; the base stations before the users are another count.
        let holds = Fixture("年末常住人口2900万人。年末移动电话基站20.0万个。移动电话用户3000万户，增长4.4%。移动电话普及率为103.4部/百人。")
        #expect(try holds.findings(rule).isEmpty)
        let context = try holds.context()
        #expect(rule.relations(context).map { $0.claims.map { context.document.claims[$0].text } } == [["3000万户", "2900万人", "103.4部"]])
        let wrong = Fixture("年末常住人口2900万人。年末移动电话基站20.0万个。移动电话用户3000万户，增长4.4%。移动电话普及率为1️⃣153.4部2️⃣/百人。")
        #expect(try wrong.findings(rule).map(\.span) == [wrong.span(1, 2)])
    }

    @Test func perThousandCountsTheThingNamedAfterIt() throws {
        let fixture = Fixture("年末常住人口850万人。年末卫生技术人员85000人，其中执业医师32600人。每千人口拥有卫生技术人员1️⃣9.0人2️⃣。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.map(\.severity) == [.info])
    }

    @Test func patentsPerTenThousandWithOrWithout每() throws {
        // 6000件 / 300万人 × 10000 = 20.0件; `拥有量` and `量` say the patents are counted.
        for name in ["每万人口发明专利拥有量", "万人发明专利拥有量", "万人发明专利量"] {
            let holds = Fixture("年末常住人口300万人。有效发明专利量6000件，\(name)20.0件。")
            #expect(try holds.findings(rule).isEmpty, "\(name)")
            #expect(rule.relations(try holds.context()).count == 1, "\(name)")
            let wrong = Fixture("年末常住人口300万人。有效发明专利量6000件，\(name)1️⃣30.0件2️⃣。")
            #expect(try wrong.findings(rule).map(\.span) == [wrong.span(1, 2)], "\(name)")
        }
    }

    @Test func householdSurveysAreNoTotalOverThePopulation() throws {
        let fixture = Fixture("年末常住人口321.56万人。全年可支配收入1000亿元。全年城镇居民人均可支配收入46553元。")
        #expect(rule.relations(try fixture.context()).isEmpty)
    }
}
