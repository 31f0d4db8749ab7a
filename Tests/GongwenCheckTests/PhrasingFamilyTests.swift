import GongwenCheck
import GongwenModel
import Testing

/// One case per phrasing family of issue 9: the statement as a communiqué or 办理情况 writes it, silent
/// when its numbers hold, and the same statement with one number planted wrong, found by the rule that
/// recomputes it, anchored where `1️⃣…2️⃣` say. Numbers are made up; the phrasing is the language's.
@Suite("phrasing families")
struct PhrasingFamilyTests {
    /// The findings of `rule` on `text`, and that they are the only error/warning findings of any rule.
    func findings(_ rule: any Rule, _ text: String) throws -> (fixture: Fixture, found: [Finding], alarms: [String]) {
        let fixture = Fixture(text)
        let all = try fixture.analysis().document.findings.filter { $0.severity >= .warning }.map(\.rule)
        return (fixture, try fixture.findings(rule), all)
    }

    @Test func levelWithItsAmountAndRateOfChange() throws {
        let holds = try findings(ChangeRateRule(), "全年城镇居民人均可支配收入22258元，比上年增加1894元，增长9.3%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(ChangeRateRule(), "全年城镇居民人均可支配收入22258元，比上年增加1894元，增长1️⃣9.8%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .error)
        #expect(wrong.alarms == ["change.rate"])
    }

    @Test func harvestWithItsIncreaseAndRate() throws {
        let holds = try findings(ChangeRateRule(), "全年粮食产量236.5万吨，比上年增加6.2万吨，增产2.7%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(ChangeRateRule(), "全年粮食产量236.5万吨，比上年增加6.2万吨，增产1️⃣3.7%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func realGrowthOfValueAddedIsNotRecomputed() throws {
        let found = try findings(ChangeRateRule(), "全年地区生产总值2648.87亿元，比上年增加120.5亿元，增长6.0%。")
        #expect(found.found.isEmpty && found.alarms.isEmpty)
    }

    @Test func shareOfATotalNamedEarlier() throws {
        let holds = try findings(SharePercentRule(), "今年共承办建议和提案520件。其中A类130件，占承办总数的25.0%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SharePercentRule(), "今年共承办建议和提案520件。其中A类130件，占承办总数的1️⃣35.0%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.message == "比例 35.0% 与 130/520 = 25% 不符")
    }

    @Test func shareOfAWholeInsideThePhrase() throws {
        let holds = try findings(SharePercentRule(), "A类建议45件，占代表建议180件的25.0%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SharePercentRule(), "A类建议45件，占代表建议180件的1️⃣35.0%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func shareOfAPartAfterItsTotal() throws {
        let holds = try findings(SharePercentRule(), "全年完成造林面积12.5万公顷，其中人工造林5.0万公顷，占全部造林面积的40.0%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SharePercentRule(), "全年完成造林面积12.5万公顷，其中人工造林5.0万公顷，占全部造林面积的1️⃣50.0%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func groupingCueSplitsTheTotal() throws {
        let holds = try findings(SumPartsRule(), "全年社会消费品零售总额1000.0亿元。按经营地统计，城镇消费品零售额800.0亿元，乡村消费品零售额200.0亿元。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SumPartsRule(), "全年社会消费品零售总额1️⃣1000.0亿元2️⃣。按经营地统计，城镇消费品零售额800.0亿元，乡村消费品零售额300.0亿元。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .error)
    }

    @Test func structureRatioOfThreeIndustries() throws {
        let holds = try findings(StructureRatioRule(), "第一产业增加值100.0亿元，第二产业增加值400.0亿元，第三产业增加值500.0亿元。三次产业结构为10.0:40.0:50.0。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(StructureRatioRule(), "第一产业增加值100.0亿元，第二产业增加值400.0亿元，第三产业增加值500.0亿元。三次产业结构为1️⃣10.0:45.0:45.02️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .error)
    }

    @Test func naturalGrowthIsBirthsLessDeaths() throws {
        let holds = try findings(IdentityRule(), "年末常住人口321.56万人，人口出生率6.53‰，死亡率8.79‰，人口自然增长率-2.26‰。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(IdentityRule(), "年末常住人口321.56万人，人口出生率6.53‰，死亡率8.79‰，人口自然增长率1️⃣-2.16‰2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.alarms == ["indicator.identity"])
    }

    @Test func tradeIsExportsAndImports() throws {
        let holds = try findings(IdentityRule(), "全年外贸进出口总额59.97亿元，比上年下降32.1%。其中出口57.30亿元，下降27.1%；进口2.67亿元，下降72.6%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(IdentityRule(), "全年外贸进出口总额1️⃣69.97亿元2️⃣，比上年下降32.1%。其中出口57.30亿元，下降27.1%；进口2.67亿元，下降72.6%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func totalGrowthBetweenItsPartsGrowth() throws {
        let holds = try findings(RateBoundsRule(), "全年外贸进出口总额100.0亿元，增长10.0%。其中出口60.0亿元，增长12.0%；进口40.0亿元，增长8.0%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(RateBoundsRule(), "全年外贸进出口总额100.0亿元，增长1️⃣15.0%2️⃣。其中出口60.0亿元，增长12.0%；进口40.0亿元，增长8.0%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .warning)
    }

    @Test func aPartCannotExceedItsOnlyNamedTotal() throws {
        let holds = try findings(SumPartsRule(), "全年财政总收入300.0亿元，比上年增长0.3%。其中地方财政收入112.07亿元，增长3.1%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SumPartsRule(), "全年财政总收入1️⃣300.0亿元2️⃣，比上年增长0.3%。其中地方财政收入312.07亿元，增长3.1%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func partsThatAddUpToAnEarlierTotalAreItsParts() throws {
        // `包括` names parts like `其中`; the 其中 parts exceed the nearest total (115000) and add up to the first.
        let text = "债务限额221000万元(包括一般债券106000万元和专项债券115000万元)，其中市本级40000万元，县级181000万元。"
        let holds = try findings(SumPartsRule(), text)
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SumPartsRule(), "债务限额1️⃣221000万元2️⃣(包括一般债券116000万元和专项债券115000万元)。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func aTermMovedToMakeTheRatioAddUpIsInfo() throws {
        // 0.76 : 46.38 : 52.86 rounds term by term to 0.8 : 46.4 : 52.9 = 100.1; the publisher printed 0.7.
        let found = try findings(StructureRatioRule(), "第一产业增加值7.6亿元，第二产业增加值463.8亿元，第三产业增加值528.6亿元。三次产业结构为1️⃣0.7:46.4:52.92️⃣。")
        #expect(found.found.map(\.severity) == [.info])
        #expect(found.alarms.isEmpty)
    }

    @Test func ratesOfPartsAfterQizhongBoundTheTotalsRate() throws {
        // Rates only after 其中: the parts may be some of the total, so info at most.
        let holds = try findings(RateBoundsRule(), "全年固定资产投资比上年下降3.3%。其中，第一产业投资下降2.9%，第二产业投资下降4.5%，第三产业投资下降1.6%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(RateBoundsRule(), "全年固定资产投资比上年下降1️⃣6.3%2️⃣。其中，第一产业投资下降2.9%，第二产业投资下降4.5%，第三产业投资下降1.6%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.map(\.severity) == [.info])
    }

    @Test func sharesNamedByTheirPartAfterAShareOfTheSameWhole() throws {
        let text = "全年地区生产总值1000.0亿元。第一产业增加值50.0亿元，第二产业增加值360.0亿元，第三产业增加值590.0亿元。第一产业增加值占地区生产总值的比重为5.0%，第二产业增加值比重为36.0%，第三产业增加值比重为59.0%。"
        let holds = try findings(SharePercentRule(), text)
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        #expect(try Fixture(text).analysis().document.rates.count == 3)
        let wrong = try findings(SharePercentRule(), "全年地区生产总值1000.0亿元。第一产业增加值50.0亿元，第二产业增加值360.0亿元，第三产业增加值590.0亿元。第一产业增加值占地区生产总值的比重为5.0%，第二产业增加值比重为1️⃣46.0%2️⃣，第三产业增加值比重为59.0%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }
}
