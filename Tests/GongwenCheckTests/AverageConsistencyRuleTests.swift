import GongwenCheck
import GongwenModel
import Testing

@Suite("average.consistency")
struct AverageConsistencyRuleTests {
    let rule = AverageConsistencyRule()

    @Test func averagesAndCountsWhoseTotalsDiffer() throws {
        let fixture = Fixture("全市乡镇(街道)从200个优化到139个。全市乡镇减少乡级行政区61个,乡镇平均面积由61.37平方千米增加到88.30平方千米、平均人口由1️⃣1.84万人增加到2.71万人2️⃣。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .info)
        #expect(found.first?.message == "平均人口:1.84万人 × 200 = 368万人,而 2.71万人 × 139 = 376.69万人,总量前后不一致(超出数字精度所能解释的范围)")
        #expect(found.first?.evidence == [fixture.span(of: "200个"), fixture.span(of: "139个")])
    }

    @Test func totalsThatMeetAndQuantitiesThatAreNotConserved() throws {
        let fixture = Fixture("建制村由2177优化1316个,减少861个。村平均面积由5.27平方公里增加到8.73平方公里,村均常任干部职数由3.5人增加到5.4人。")
        #expect(try fixture.findings(rule).isEmpty)
    }
}
