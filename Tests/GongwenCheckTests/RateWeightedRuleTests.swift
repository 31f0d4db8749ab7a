import GongwenCheck
import GongwenModel
import Testing

/// `rate.weighted` recomputes a total's rate from its parts' values and rates where the parts add up to the
/// total. Numbers are made up, or rounded from 常德市's 2025 budget report.
@Suite("rate.weighted")
struct RateWeightedRuleTests {
    let rule = RateWeightedRule()

    @Test func aTotalsRateIsItsPartsWeightedByTheirValuesAYearBefore() throws {
        // 33596/1.015 + 30000/0.9281 = 65424.6 a year before; 63596/65424.6 − 1 = −2.79%.
        let text = "地方一般公共预算收入安排63596万元，下降%@，其中，税收收入33596万元，增长1.5%；非税收入30000万元，下降7.19%。"
        #expect(try Fixture(text.replacingOccurrences(of: "%@", with: "2.79%")).findings(rule).isEmpty)
        // −4.79% lies between −7.19% and 1.5% (rate.bounds is silent) but is two points off.
        let wrong = Fixture(text.replacingOccurrences(of: "%@", with: "1️⃣4.79%2️⃣"))
        let found = try wrong.findings(rule)
        #expect(found.map(\.span) == [wrong.span(1, 2)])
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message == "总数下降 -4.79% 与各部分数值和下降推算的 -2.794% 不符(总数的下降是各部分的加权平均,权数为各部分的上年数)")
        #expect(found.first?.evidence.count == 5)
        // Half a point off is what a comparable basis (可比口径) can do: info.
        #expect(try Fixture(text.replacingOccurrences(of: "%@", with: "3.29%")).findings(rule).map(\.severity) == [.info])
    }

    @Test func aPercentOfTheBudgetIsItsPartsWeightedByTheirBudgets() throws {
        // 100/0.99 + 40/1.03 = 139.85 budgeted; 140/139.85 = 100.11%.
        let text = "实际完成收入140.00亿元，为预算的%@。其中：税收收入完成100.00亿元，为预算的99.0%；非税收入完成40.00亿元，为预算的103.0%。"
        #expect(try Fixture(text.replacingOccurrences(of: "%@", with: "100.1%")).findings(rule).isEmpty)
        let wrong = Fixture(text.replacingOccurrences(of: "%@", with: "1️⃣102.5%2️⃣"))
        let found = try wrong.findings(rule)
        #expect(found.map(\.span) == [wrong.span(1, 2)])
        #expect(found.map(\.severity) == [.warning])
        // A budget has no comparable basis: three tenths off is a warning.
        #expect(try Fixture(text.replacingOccurrences(of: "%@", with: "100.4%")).findings(rule).map(\.severity) == [.warning])
    }

    @Test func anAverageAndItsPartsAreRoundedAtTheirLastDigit() throws {
        // 12413 + 10343 + 3079 + 7345 = 33180: per head, each rounded to the 元, they add up to 33181.
        let text = "农村居民人均可支配收入33181元，比上年增长7.6%。其中：工资性收入12413元，增长%@；经营净收入10343元，增长4.6%；财产净收入3079元，增长0.8%；转移净收入7345元，增长9.9%。"
        #expect(try Fixture(text.replacingOccurrences(of: "%@", with: "10.7%")).findings(rule).isEmpty)
        // Ten points more on wages give 10.9%.
        let wrong = Fixture(text.replacingOccurrences(of: "7.6%", with: "1️⃣7.6%2️⃣").replacingOccurrences(of: "%@", with: "20.7%"))
        let found = try wrong.findings(rule)
        #expect(found.map(\.span) == [wrong.span(1, 2)])
        #expect(found.map(\.severity) == [.warning])
    }

    @Test func ratesAtComparablePricesAreLeftAlone() throws {
        // Value added grows at comparable prices: 100/1.03 + 400/1.06 + 500/1.09 gives 7.2%, not the real 8.0%.
        let text = "全年地区生产总值1000亿元，比上年增长8.0%。其中，第一产业增加值100亿元，增长3.0%；第二产业增加值400亿元，增长6.0%；第三产业增加值500亿元，增长9.0%。"
        #expect(try Fixture(text).findings(rule).isEmpty)
    }

    @Test func unitsAboveASizeAreLeftAlone() throws {
        // The firms above the size are another set each year: 80/1.02 + 20/1.30 = 93.8 would give 6.6%, not 12.0%.
        let text = "规模以上工业营业收入100.0亿元，比上年增长12.0%。其中，轻工业营业收入80.0亿元，增长2.0%；重工业营业收入20.0亿元，增长30.0%。"
        #expect(try Fixture(text).findings(rule).isEmpty)
    }

    @Test func aPartThatFellByAllOfItselfHasNoYearBefore() throws {
        // A fall of 100% leaves no value to divide by (and a part of 5 now cannot have fallen so): nothing is recomputed.
        let text = "全年收入100.0亿元，比上年增长10.0%。其中，税收收入95.0亿元，增长12.0%；非税收入5.0亿元，下降100.0%。"
        #expect(try Fixture(text).findings(rule).isEmpty)
    }

    @Test func partsThatDoNotAddUpWeightNothing() throws {
        // 60 + 30 is not 100: the rest of the total grew at a rate not stated.
        let text = "全年社会消费品零售总额100亿元，比上年增长9.0%。其中，限额以上单位60亿元，增长3.0%；网上零售额30亿元，增长4.0%。"
        #expect(try Fixture(text).findings(rule).isEmpty)
    }
}
