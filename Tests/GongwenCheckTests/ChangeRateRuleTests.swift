import GongwenCheck
import GongwenModel
import Testing

@Suite("change.rate")
struct ChangeRateRuleTests {
    let rule = ChangeRateRule()

    @Test func truncatedRateIsInfo() throws {
        let fixture = Fixture("建制村由2177优化1316个,减少861个,减幅达1️⃣39.54%2️⃣,超额完成目标任务。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .info)
        #expect(found.first?.message == "减幅 39.54% 与 861/2177 = 39.5498% 不符(截断而非四舍五入)")
        #expect(found.first?.messageEn == "减幅 39.54% does not match 861/2177 = 39.5498% (truncated, not rounded)")
        #expect(found.first?.stated == 39.54)
    }

    @Test func rateThatNoRoundingExplains() throws {
        let fixture = Fixture("钢产量由2046万吨增加到3178万吨,增长1️⃣65.3%2️⃣。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "增长 65.3% 与 (3178万 − 2046万)/2046万 = 55.327% 不符(应为55.3%)")
    }

    @Test func ratesThatHoldOrAreNotRatesOfTheChange() throws {
        let fixture = Fixture("""
            全市乡镇(街道)从200个优化到139(其中:6个乡、116个镇、17个街道)共减少乡级行政区61个,减幅达30.5%。
            钢产量由二千零四十六万吨增加到三千一百七十八万吨,增长百分之五十五点三。
            公共预算支出由11.66亿元增加到29.33亿元,年均增长20.26%。
            5000人以上的村从0个增加到5个,村平均人口增幅达65.85%。
            """)
        #expect(try fixture.findings(rule).isEmpty)
        let document = try fixture.analysis().document
        // The average over years is linked as annual (`change.annual`'s), not recomputed here.
        #expect(document.changes.compactMap(\.rate).count == 3)
        #expect(document.changes.filter { $0.annual == true }.count == 1)
    }
}
