import GongwenCheck
import GongwenModel
import Testing

/// `intensity.change`: an energy intensity changes as energy use over output. Numbers are made up.
@Suite("intensity.change")
struct IntensityRuleTests {
    let rule = IntensityRule()

    @Test func industrialIntensityFromEnergyAndValueAdded() throws {
        // 1.035 / 1.071 − 1 = −3.36%.
        let text = "全年规模以上工业增加值比上年增长7.1%。全年规模以上工业综合能源消费量6300.0万吨标准煤，比上年增长3.5%；万元规模以上工业增加值能耗下降{r}。"
        let holds = Fixture(text.replacingOccurrences(of: "{r}", with: "3.4%"))
        #expect(try holds.findings(rule).isEmpty)
        #expect(try rule.relations(holds.context()).count == 1)
        let wrong = Fixture(text.replacingOccurrences(of: "{r}", with: "1️⃣5.4%2️⃣"))
        let found = try wrong.findings(rule)
        #expect(found.map(\.span) == [wrong.span(1, 2)])
        #expect(found.first?.severity == .info)
        #expect(found.first?.message.hasPrefix("能耗下降 5.4% 与 (1+3.5%)/(1+7.1%) − 1 = 3.36") == true)
    }

    @Test func intensityOfGDPFromTheRatesOfLevels() throws {
        // 1.056 / 1.053 − 1 = +0.28%; energy of industry is not all energy.
        let text = "全年实现生产总值(GDP)262.6亿元，按可比价格计算，同比增长5.3%。规模以上工业综合能源消费量19.98万吨标准煤，增长9.0%。全社会能源消费总量50.3万吨标准煤，比上年增长5.6%；万元GDP能耗0.21吨标准煤/万元，增长{r}。"
        #expect(try Fixture(text.replacingOccurrences(of: "{r}", with: "0.3%")).findings(rule).isEmpty)
        let wrong = try Fixture(text.replacingOccurrences(of: "{r}", with: "2.3%")).findings(rule)
        #expect(wrong.count == 1)
    }

    @Test func withoutTheGrowthOfOutputNothingIsRead() throws {
        let fixture = Fixture("全年规模以上工业综合能源消费量6300.0万吨标准煤，比上年增长3.5%；万元规模以上工业增加值能耗下降3.4%。")
        #expect(try rule.relations(fixture.context()).isEmpty)
    }
}
