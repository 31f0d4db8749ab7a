import GongwenCheck
import GongwenModel
import Testing

/// `rate.bounds` bounds a total's growth rate only by parts that are all of the total: parts that add up
/// to it, or whose names cover a classification (`identities.tsv`), end with the rest (`其他`), or are a
/// thing and the rest of it (`非…`). Numbers are made up.
@Suite("rate.bounds")
struct RateBoundsRuleTests {
    func found(_ text: String) throws -> (fixture: Fixture, found: [Finding]) {
        let fixture = Fixture(text)
        return (fixture, try fixture.findings(RateBoundsRule()))
    }

    @Test func partsThatAreSomeOfTheTotalBoundNothing() throws {
        // High-tech and equipment manufacturing are some of industry: both may grow faster than all of it.
        let some = try found("全年规模以上工业增加值比上年增长3.0%。其中，高技术制造业增加值增长10.0%，装备制造业增长12.0%。")
        #expect(some.found.isEmpty)
        #expect(RateBoundsRule().relations(try some.fixture.context()).isEmpty)
    }

    @Test func aPercentOfTheBudgetLiesBetweenItsParts() throws {
        // 100 + 40 = 140: the parts are all of the total, so its completion, weighted by the budgets, lies in [99.0, 103.0].
        let text = "实际完成收入140亿元，为预算的%@。其中：税收收入完成100亿元，为预算的99.0%；非税收入完成40亿元，为预算的103.0%。"
        let holds = try found(text.replacingOccurrences(of: "%@", with: "100.1%"))
        #expect(holds.found.isEmpty)
        #expect(RateBoundsRule().relations(try holds.fixture.context()).count == 1)
        let wrong = try found(text.replacingOccurrences(of: "%@", with: "1️⃣105.1%2️⃣"))
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.map(\.severity) == [.warning])
    }

    @Test func theTermsOfAnIdentityBoundItsResultWhereverTheyAreStated() throws {
        // 第二产业 ≤ 工业 + 建筑业 (identities.tsv): 300 + 100 = 400, stated in three sections. The terms may hold a little
        // 第二产业 leaves out, so a rate outside theirs is `info`.
        let text = """
            全年地区生产总值1000亿元，比上年增长5.0%。其中，第一产业增加值100亿元，增长3.0%；第二产业增加值400亿元，增长%@；第三产业增加值500亿元，增长6.0%。
            二、工业和建筑业
            全年全部工业增加值300亿元，比上年增长5.5%。
            全年建筑业增加值100亿元，比上年增长4.8%。
            """
        let holds = try found(text.replacingOccurrences(of: "%@", with: "5.4%"))
        #expect(holds.found.isEmpty)
        let relations = RateBoundsRule().relations(try holds.fixture.context())
        #expect(relations.map(\.claims.count) == [4, 3])
        let wrong = try found(text.replacingOccurrences(of: "%@", with: "1️⃣5.9%2️⃣"))
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.map(\.severity) == [.info])
    }

    @Test func ordinalsThatShareTheirHead() throws {
        // `一、二、三产投资` is 一产投资, 二产投资 and 三产投资, `第二、三产业` 第二产业 and 第三产业: the three industries.
        for list in ["分产业看：一、二、三产投资分别增长16.3%、9.2%、12.5%", "其中第一产业增长16.3%，第二、三产业分别增长9.2%、12.5%"] {
            let holds = try found("全县固定资产投资同比增长12.4%，\(list)。")
            #expect(holds.found.isEmpty, "\(list)")
            #expect(RateBoundsRule().relations(try holds.fixture.context()).map(\.claims.count) == [4], "\(list)")
            let wrong = try found("全县固定资产投资同比增长1️⃣18.4%2️⃣，\(list)。")
            #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)], "\(list)")
        }
    }

    @Test func theRestClosesAGrouping() throws {
        let text = "全年规模以上工业增加值比上年增长1️⃣12.0%2️⃣。分控股类型看，国有控股企业增长3.1%，私人控股企业增长8.9%，其他企业增长2.0%。"
        let wrong = try found(text)
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.map(\.severity) == [.info])
    }

    @Test func aThingAndTheRestOfIt() throws {
        let wrong = try found("规模以上工业增加值比上年增长1️⃣5.0%2️⃣。按石油非石油工业划分，石油工业增加值增长1.9%；非石油工业增长3.8%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        let holds = try found("规模以上工业增加值比上年增长3.2%。按石油非石油工业划分，石油工业增加值增长1.9%；非石油工业增长3.8%。")
        #expect(holds.found.isEmpty)
        #expect(RateBoundsRule().relations(try holds.fixture.context()).count == 1)
    }

    @Test func aQizhongClauseInsideAGroupingDetailsOnePart() throws {
        // 工业 is a part of the secondary industry; the grouping goes on after the `；` with the tertiary.
        let holds = try found("全年固定资产投资比上年增长8.6%。按产业分，第一产业投资增长18.2%；第二产业投资增长23.1%，其中工业投资增长23.2%；第三产业投资增长0.8%。")
        #expect(holds.found.isEmpty)
        let relations = RateBoundsRule().relations(try holds.fixture.context())
        #expect(relations.map(\.claims.count) == [4])
    }

    @Test func aGroupingSplitsTheRateOfTheLevelBeforeIt() throws {
        // The total's rate names no measure of its own; the level before it does. An earlier section's
        // split total is not this grouping's.
        let text = "规模以上工业增加值增长8.2%。分门类看，采矿业增加值增长9.9%，制造业增长11.2%，电力、热力、燃气及水生产和供应业下降1.0%。\n五、国内贸易\n全年社会消费品零售总额844.28亿元，比上年增长0.5%。分城乡看，城镇消费品零售额增长0.3%，乡村消费品零售额增长6.2%。"
        let holds = try found(text)
        #expect(holds.found.isEmpty)
        let context = try holds.fixture.context()
        let totals = RateBoundsRule().relations(context).map { context.document.claims[$0.claims[0]].text }
        #expect(totals == ["8.2%", "0.5%"])
    }

    @Test func ratesOfAveragesOfGroupsBoundTheAverageAsInfo() throws {
        // Averages of groups are no sum, but their growth rates bound the average's; a shift of weights
        // between the groups can move it outside, so `info` at most.
        let text = "全年居民人均可支配收入54000元，比上年增长1️⃣6.9%2️⃣。按常住地分，农村居民人均可支配收入32300元，增长5.8%；城镇居民人均可支配收入63400元，增长4.4%。"
        let wrong = try found(text)
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.map(\.severity) == [.info])
    }

    @Test func eachRunBetweenSemicolonsIsASplit() throws {
        // Light and heavy industry, then the three sections: two splits of one total.
        let text = "规模以上工业增加值增长7.2%。其中，轻工业下降7.5%，重工业增长17.2%；采矿业增长24.9%，制造业增长7.2%，电力、热力、燃气及水生产和供应业增长7.1%。"
        let context = try Fixture(text).context()
        #expect(RateBoundsRule().relations(context).map(\.claims.count) == [3, 4])
    }

    @Test func fallsThenRisesAfterASemicolonAreOneSplit() throws {
        // The eight categories of consumer prices, listed falls first and rises after the `；`: one split.
        let text = "全年居民消费价格比上年下降1️⃣3.0%2️⃣。其中食品烟酒价格下降1.0%，衣着价格下降0.6%，居住价格下降0.4%，交通通信价格下降2.5%；"
            + "教育文化娱乐价格上涨0.1%，生活用品及服务价格上涨0.7%，医疗保健价格上涨1.8%，其他用品及服务价格上涨9.2%。"
        let wrong = try found(text)
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(RateBoundsRule().relations(try wrong.fixture.context()).map(\.claims.count) == [9])
        #expect(try found(text.replacingOccurrences(of: "3.0%", with: "0.3%")).found.isEmpty)
    }

    @Test func aRespectivelyListNamesItsRates() throws {
        // The five divisions of agriculture, named before `分别`, their rates after it.
        let text = "全年农林牧渔业总产值64.26亿元，比上年增长1️⃣25.7%2️⃣。其中：农业、林业、畜牧业、渔业和农林牧渔业专业及辅助性活动产值同比分别增长2.1%、21.9%、8.4%、9.4%和9.4%。"
        let wrong = try found(text)
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.map(\.severity) == [.info])
        let context = try wrong.fixture.context()
        #expect(context.document.claims.compactMap(\.name).suffix(5) == ["农业", "林业", "畜牧业", "渔业", "农林牧渔业专业及辅助性活动产值"])
        #expect(try found(text.replacingOccurrences(of: "25.7%", with: "5.7%")).found.isEmpty)
        // Four names for five rates pair nothing.
        let unnamed = try found("全年农林牧渔业总产值64.26亿元，比上年增长25.7%。其中：农业、林业、畜牧业和渔业产值分别增长2.1%、21.9%、8.4%、9.4%和9.4%。")
        #expect(RateBoundsRule().relations(try unnamed.fixture.context()).isEmpty)
    }

    @Test func ratesOfTheClassesInTheStatementAfterTheTotal() throws {
        let wrong = try found("全年固定资产投资比上年增长1️⃣22.6%2️⃣。第一产业投资增长20.8%，第二产业投资增长6.9%，第三产业投资增长10.1%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        // Rates of some kinds of investment are no classes.
        let some = try found("全年固定资产投资比上年增长8.6%。民间投资增长5.4%，基础设施投资增长22.4%。")
        #expect(RateBoundsRule().relations(try some.fixture.context()).isEmpty)
    }

    @Test func classificationsAreReadFromTheFile() throws {
        let identities = try Identities.parse("classification\t三次产业\t第一产业|第二产业|第三产业\tThe three industries.\n", origin: "test.tsv")
        #expect(identities.isComplete(["第一产业投资", "第二产业投资", "第三产业投资"]))
        #expect(!identities.isComplete(["第一产业投资", "第三产业投资"]))
        #expect(!identities.isComplete(["第一产业投资", "第二产业投资", "第二产业投资"]))
        #expect(Identities.bundled.isComplete(["营利性服务业", "非营利性服务业", "批发和零售业", "交通运输业", "住宿和餐饮业", "金融业", "房地产业"]))
        #expect(throws: BoundsError.self) { try Identities.parse("classification\t城乡\t城镇\tone class\n", origin: "test.tsv") }
    }
}
