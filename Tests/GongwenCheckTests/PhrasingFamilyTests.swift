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

    @Test func changeComparedWithTheFigureOfAnEarlierPeriod() throws {
        // `比上年完成数`, `比上年预算数`, `比2010年`: the comparison names the earlier figure, the change names nothing.
        // 3300 − 300 = 3000; 300 / 3000 = 10%.
        for comparison in ["比上年完成数", "比上年预算数", "比2020年", "较2020年末"] {
            let holds = try findings(ChangeRateRule(), "一般公共预算收入安排3300万元，\(comparison)增加300万元，增长10.0%。")
            #expect(holds.found.isEmpty && holds.alarms.isEmpty, "\(comparison)")
            let wrong = try findings(ChangeRateRule(), "一般公共预算收入安排3300万元，\(comparison)增加300万元，增长1️⃣11.0%2️⃣。")
            #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)], "\(comparison)")
        }
    }

    @Test func levelsInABracketAreNotTheLevelOfTheChangeAfterIt() throws {
        // The bracket lists the parts of 2900; the change after it is of 2900: 2900 + 400 = 3300, 400 / 3300 = 12.1%.
        let holds = try findings(ChangeRateRule(), "公务用车购置及运行维护费2900万元（其中公务用车购置100万元，公务用车运行2800万元），比上年预算减少400万元，下降12.1%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(ChangeRateRule(), "公务用车购置及运行维护费2900万元（其中公务用车购置100万元，公务用车运行2800万元），比上年预算减少400万元，下降1️⃣14.1%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func shareOfAKindInTheTotalOfItsKind() throws {
        // 一般贸易进出口 is a kind of 进出口: its whole is 货物进出口总额 (1200 / 3000 = 40.0%), not the nearer 出口总额.
        let text = "全年货物进出口总额3000亿元，其中出口总额1800亿元，进口总额1200亿元。一般贸易进出口1200亿元，比上年增长7.0%，占进出口总额的比重达"
        let holds = try findings(SharePercentRule(), text + "40.0%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SharePercentRule(), text + "1️⃣42.0%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.alarms == ["share.percent"])
    }

    @Test func budgetCompletedAndItsChange() throws {
        // The budget, the outturn, its percent of the budget (4200 / 4000 = 105.0%), then the change over last year
        // (4200 − 300 = 3900; 300 / 3900 = 7.7%): the percent of the plan stands between the level and its change.
        let text = "批准的一般公共预算收入为4000万元，实际完成4200万元，为年初预算的%@，比上年增加300万元，增长%@。"
        let holds = try findings(RateRatioRule(), String(format: text, "105.0%", "7.7%"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrongPlan = try findings(RateRatioRule(), "批准的一般公共预算收入为4000万元，实际完成4200万元，为年初预算的1️⃣106.0%2️⃣，比上年增加300万元，增长7.7%。")
        #expect(wrongPlan.found.map(\.span) == [wrongPlan.fixture.span(1, 2)])
        #expect(wrongPlan.alarms == ["rate.ratio"])
        let wrongRate = try findings(ChangeRateRule(), "批准的一般公共预算收入为4000万元，实际完成4200万元，为年初预算的105.0%，比上年增加300万元，增长1️⃣8.7%2️⃣。")
        #expect(wrongRate.found.map(\.span) == [wrongRate.fixture.span(1, 2)])
        // A budget stated in an earlier statement may have been revised: the percent is not read against it.
        let earlier = try findings(RateRatioRule(), "全市一般公共预算收入为4000万元。全市一般公共预算收入完成4200万元，为预算的106.0%。")
        #expect(earlier.found.isEmpty && earlier.alarms.isEmpty)
    }

    @Test func budgetsStatedTogetherBeforeTheirOutturns() throws {
        // Each outturn over the budget of its side stated in the statement before: 4200 / 4000 = 105.0%, 2900 / 3000 =
        // 96.7%. The part's own completion (`其中：税收收入…为预算的95.0%`) is of a budget left unsaid, not of 4000.
        let text = "收入预算为4000万元，支出预算为3000万元。实际完成收入4200万元，为年初预算的105.0%，其中：税收收入完成3000万元，为预算的95.0%。实际完成支出2900万元，为年初预算的"
        let holds = try findings(RateRatioRule(), text + "96.7%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(RateRatioRule(), text + "1️⃣98.7%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.alarms == ["rate.ratio"])
        // `为调整预算的` is of the adjusted budget: 54.45 / 78.62 = 69.3%.
        let adjusted = try findings(RateRatioRule(), "支出预算为75.28亿元，执行中进行了调整，调整后的支出预算为78.62亿元。实际完成54.45亿元，为调整预算的1️⃣79.3%2️⃣。")
        #expect(adjusted.found.map(\.span) == [adjusted.fixture.span(1, 2)])
    }

    @Test func surplusOverThePlanIsNoEarlierLevel() throws {
        // 超收 is the difference from the plan; the growth is over last year, whose level is not stated.
        let text = try findings(ChangeRateRule(), "收入完成174.8亿元，为年计划的110.9%，超收17.2亿元，增长25.96%。")
        #expect(text.found.isEmpty && text.alarms.isEmpty)
    }

    @Test func aFundsBalanceOfTheYear() throws {
        // 80.0 − 70.0 = 10.0 surplus; 10.0 + 25.0 = 35.0 at the year's end. The 其中 parts and the added term are no side.
        let text = "社会保险基金收入完成80.0亿元，其中保险费收入50.0亿元。基金支出完成68.0亿元，加上调剂资金支出2.0亿元，支出总量为70.0亿元。当年收支结余%@亿元，加上上年结余25.0亿元，年末滚存结余%@亿元。"
        let holds = try findings(SumPartsRule(), String(format: text, "10.0", "35.0"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SumPartsRule(), "社会保险基金收入完成80.0亿元，其中保险费收入50.0亿元。基金支出完成68.0亿元，加上调剂资金支出2.0亿元，支出总量为70.0亿元。当年收支结余12.0亿元，加上上年结余25.0亿元，年末滚存结余1️⃣37.0亿元2️⃣。")
        // The surplus 12.0 misses 80.0 − 70.0 (at 80.0) and gives 37.0 at the year's end (consistent).
        #expect(wrong.found.count == 1 && wrong.found.first?.severity == .error)
        let closing = try findings(SumPartsRule(), "基金收入完成80.0亿元，基金支出完成70.0亿元。当年收支结余10.0亿元，加上上年结余25.0亿元，年末滚存结余1️⃣36.0亿元2️⃣。")
        #expect(closing.found.map(\.span) == [closing.fixture.span(1, 2)])
        // A budget says what it arranges (`安排`) as an outturn says what it completed.
        let planned = "社会保险基金预算收入安排87.67亿元，社会保险基金预算支出安排83.4亿元。收支相抵，当年结余%@亿元。"
        #expect(try findings(SumPartsRule(), String(format: planned, "4.27")).found.isEmpty)
        #expect(try findings(SumPartsRule(), String(format: planned, "4.72")).found.count == 1)
    }

    @Test func aBudgetsTotalsThatTheTextSaysBalance() throws {
        // All the budget could spend is all it spent or carried over, where the text says the accounts balance.
        let text = "市本级一般公共预算收入总计106.43亿元，主要是本级收入和上级补助收入。市本级一般公共预算支出总计%@亿元，%@。"
        let holds = try findings(SumPartsRule(), String(format: text, "106.43", "实现收支平衡"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SumPartsRule(), String(format: text, "106.34", "实现收支平衡"))
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(of: "106.43亿元")])
        #expect(wrong.found.first?.severity == .error)
        // Unless it says so, a fund may keep a surplus: 106.43 = 106.34 + 0.09, and no finding.
        #expect(try findings(SumPartsRule(), String(format: text, "106.34", "当年结余0.09亿元")).alarms.isEmpty)
    }

    @Test func aPlanGrowsOverTheOutturnStatedBefore() throws {
        // The plan's rate is over the year's outturn of the same measure, stated in the report's first part:
        // 1876000 / 1748028 − 1 = 7.3%. A rate said against the budget is over no outturn.
        let text = "一、2018年预算执行情况\n2018年全市一般公共预算收入完成1748028万元，为预算的110.91%%。\n二、2019年预算草案\n全市一般公共预算收入安排%@万元，增长7.3%%。\n"
        let holds = try findings(ChangeRateRule(), String(format: text, "1876000"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        #expect(try holds.fixture.analysis().document.changes.contains { $0.namedBase == true })
        let wrong = try findings(ChangeRateRule(), String(format: text, "2876000"))
        #expect(wrong.found.map(\.severity) == [.warning])
        // A point off may be a comparable basis (`同口径`): `info`.
        #expect(try findings(ChangeRateRule(), String(format: text, "1893000")).found.map(\.severity) == [.info])
        let budget = try findings(ChangeRateRule(), String(format: text, "2876000").replacingOccurrences(of: "，增长", with: "，比上年预算增长"))
        #expect(budget.found.isEmpty)
    }

    @Test func aSumSaidAfterItsTerms() throws {
        // 50.0 + 120.0 + 30.0 = 200.0 and 150.0 + 10.0 + 40.0 = 200.0; the 其中 part is no term.
        let text = "全市一般公共预算收入50.0亿元，其中税收收入30.0亿元；加上上级补助收入120.0亿元，上年结转收入30.0亿元，总收入%@亿元；"
            + "一般公共预算支出150.0亿元，上解上级支出10.0亿元，结转下年支出40.0亿元，总支出%@亿元。"
        let holds = try findings(SumPartsRule(), String(format: text, "200.0", "200.0"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let short = try findings(SumPartsRule(), "全市一般公共预算收入50.0亿元，其中税收收入30.0亿元；加上上级补助收入120.0亿元，上年结转收入30.0亿元，总收入1️⃣210.0亿元2️⃣；"
            + "一般公共预算支出150.0亿元，上解上级支出10.0亿元，结转下年支出40.0亿元，总支出3️⃣200.0亿元4️⃣。")
        // 210.0 is more than its terms, and more than the spending it balances: an error at each sum.
        #expect(short.found.map(\.span) == [short.fixture.span(1, 2), short.fixture.span(3, 4)])
        #expect(short.found.map(\.severity) == [.error, .error])
        // A statement opening with 加 adds to the one before; the items a budget 包括 are no terms.
        let added = "支出预算安排8.0亿元，主要包括：设备更新支出1.2亿元，债券利息2.3亿元。加上补助下级支出、调出资金等48.8亿元，支出总计%@亿元。"
        #expect(try findings(SumPartsRule(), String(format: added, "56.8")).found.isEmpty)
        #expect(try findings(SumPartsRule(), String(format: added, "58.6")).found.count == 1)
        // A statement that goes on a list cut before it (`；` ending the line) may have more terms: nothing is linked.
        let cut = try findings(SumPartsRule(), "国有土地使用权出让收入4.00亿元；\n其他政府性基金收入0.29亿元，加上上级补助收入3.58亿元，收入总计8.07亿元。")
        #expect(cut.found.isEmpty)
        // Past that cut sum the next one has all its terms after it.
        let after = "国有土地使用权出让收入4.00亿元；\n其他政府性基金收入0.29亿元，加上上级补助收入3.58亿元，收入总计8.07亿元；支出完成6.00亿元，加上解上级支出1.00亿元，支出总计%@亿元。"
        #expect(try findings(SumPartsRule(), String(format: after, "7.00")).found.isEmpty)
        #expect(try findings(SumPartsRule(), String(format: after, "7.70")).found.count == 1)
        // A cumulative total adds up periods, not the levels before it.
        #expect(try findings(SumPartsRule(), "2024年完成投资80.0亿元，2025年完成投资100.0亿元，五年累计完成投资合计500.0亿元。").found.isEmpty)
    }

    @Test func aRateComparedWithAnothersInPoints() throws {
        // 37.1 − 3.8 = 33.3 and 37.1 − 19.9 = 17.2; below: 5.0 − 13.9 = −8.9; a negative rate in brackets: 13.9 − (−17.2) = 31.1.
        let text = "全年进出口总额129.90亿元，同比增长37.1%，增速高于全国（3.8%）POINTS个百分点，高于全省（19.9%）17.2个百分点。出口增长5.0%，低于全省（13.9%）8.9个百分点；投资增长13.9%，高于全国（-17.2%）31.1个百分点。"
        let holds = try findings(ChangeDeltaRule(), text.replacingOccurrences(of: "POINTS", with: "33.3"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        // A share between the growth rate and the comparison is not compared.
        #expect(try findings(ChangeDeltaRule(), "工业投资同比增长10.0%，占全省的20.0%，增速高于全省（8.0%）2.0个百分点。").found.isEmpty)
        let wrong = try findings(ChangeDeltaRule(), "全年进出口总额129.90亿元，同比增长37.1%，增速高于全国（3.8%）1️⃣32.3个百分点2️⃣，高于全省（19.9%）17.2个百分点。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.map(\.severity) == [.error])
        // A place's rate against the whole region's, stated before for the same measure: 17.6 − 5.7 = 11.9, 5.7 − 3.7 = 2.0;
        // a falling rate holds no sign and is left alone.
        let region = "全州农林牧渔业总产值64.26亿元，同比增长5.7%。甲县农林牧渔业总产值同比增长17.6%，增速高于全州POINTS个百分点；乙县农林牧渔业总产值同比增长3.7%，增速低于全州2.0个百分点；丙县农林牧渔业总产值同比下降3.4%，增速低于全州9.1个百分点。"
        let near = try findings(ChangeDeltaRule(), region.replacingOccurrences(of: "POINTS", with: "11.9"))
        #expect(near.found.isEmpty && near.alarms.isEmpty)
        #expect(try findings(ChangeDeltaRule(), region.replacingOccurrences(of: "POINTS", with: "12.9")).found.count == 1)
    }

    @Test func theShareOfItemsThatGrew() throws {
        // 16 of 28 products grew: 57.1%; the share of the items counted, not of a level.
        let holds = try findings(RateRatioRule(), "在统计的28种主要工业产品中，16种产品产量呈现增长，增长面57.1%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(RateRatioRule(), "在统计的28种主要工业产品中，16种产品产量呈现增长，增长面1️⃣59.1%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func aFundsDeficitOfTheYear() throws {
        // Spending 45.0 = income 40.0 + deficit 5.0; last year's 30.0 = deficit 5.0 + the year's end 25.0.
        let holds = try findings(SumPartsRule(), "基金收入完成40.0亿元，基金支出完成45.0亿元。当年收支赤字5.0亿元，加上上年结余30.0亿元，年末滚存结余25.0亿元。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SumPartsRule(), "基金收入完成40.0亿元，基金支出完成45.0亿元。当年收支赤字5.0亿元，加上上年结余30.0亿元，年末滚存结余1️⃣26.0亿元2️⃣。")
        #expect(wrong.found.count == 1 && wrong.alarms == ["sum.parts"])
    }

    @Test func sharesOfPlacesInTheWholeRegion() throws {
        // 全州 names the region's level (200.0), not the county's own; the next counties' 占比 are of it too:
        // 50.0 / 200.0 = 25.0%, 150.0 / 200.0 = 75.0%.
        let text = "全州实现地区生产总值200.0亿元，增长6.0%。从县市看，甲县地区生产总值50.0亿元，增长5.0%，占全州GDP的比重为25.0%；乙县地区生产总值150.0亿元，增长6.3%，占比"
        let holds = try findings(SharePercentRule(), text + "75.0%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SharePercentRule(), text + "1️⃣70.0%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        // A province's level the text does not state is no whole: the city's is another scope.
        let other = try findings(SharePercentRule(), "全市实现地区生产总值200.0亿元。甲县地区生产总值50.0亿元，占全省GDP的比重为1.0%。")
        #expect(other.found.isEmpty && other.alarms.isEmpty)
    }

    @Test func growthRatesAreNoLevelsOfAnIdentity() throws {
        // GDP grew 6.6%, its industries 5.7%, 17.2% and 4.2%: rates do not add up to the total's.
        let rates = try findings(IdentityRule(), "全年地区生产总值比上年增长6.6%。其中，第一产业增加值增长5.7%；第二产业增加值增长17.2%；第三产业增加值增长4.2%。")
        #expect(rates.found.isEmpty && rates.alarms.isEmpty)
    }

    @Test func aFigureInBracketsIsNoTotalOfTheNextStatement() throws {
        // The tractors in brackets detail the 59.4; the cars, motorcycles and trailers after 其中 are of the 59.4.
        let text = "年末民用汽车保有量59.4万辆(包含拖拉机2.72万辆)，比上年末增加4.68万辆。其中，汽车40.89万辆；摩托车15.27万辆；挂车0.52万辆。"
        let holds = try findings(SumPartsRule(), text)
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
    }

    @Test func anOutturnsPercentOfItsBudgetMayPass100() throws {
        let over = try findings(MagnitudeImplausibleRule(), "一般公共预算收入完成45.2亿元，占调整预算的101%，占预算111.3%。")
        #expect(over.found.isEmpty && over.alarms.isEmpty)
    }

    @Test func aTableRowWithNoFigureMayHaveHadOneLastYear() throws {
        // 100 = 60 + 40 now, but 产权转让收入 had a figure last year: −44.4% below both parts' rates is no error.
        let table = "2025年全市国有资本经营预算收入完成情况表\n单位：万元\n预算科目\t调整预算数\t完成数\t占预算(%)\t比上年增长(%)\n本年收入合计\t110\t100\t90.9\t-44.4\n    利润收入\t70\t60\t85.7\t-36\n    股利、股息收入\t40\t40\t100\t-24.3\n    产权转让收入\t\t\t\t\n"
        let blank = try Fixture(table).analysis().document.findings.filter { $0.rule == "rate.bounds" }
        #expect(blank.allSatisfy { $0.severity == .info })
        // Without that row the parts are all of the total in both years, and the rate is wrong.
        let all = try Fixture(table.replacingOccurrences(of: "    产权转让收入\t\t\t\t\n", with: "")).analysis().document.findings
        #expect(all.filter { $0.rule == "rate.bounds" }.map(\.severity) == [.warning])
    }

    @Test func aSumAfterTheListIsNoPartOfIt() throws {
        // The spending 总计 balances the revenue 总计; it is no part of the revenue's 其中.
        let holds = try findings(SumPartsRule(), "全市政府性基金预算收入总计137.97亿元，其中：政府性基金收入65.01亿元；据此，安排政府性基金预算支出总计137.97亿元。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let over = try findings(SumPartsRule(), "全市政府性基金预算收入总计1️⃣137.97亿元2️⃣，其中：政府性基金收入65.01亿元，上级补助收入80.00亿元；据此，安排支出总计137.97亿元。")
        #expect(over.found.map(\.span) == [over.fixture.span(1, 2)])
    }

    @Test func harvestWithItsIncreaseAndRate() throws {
        let holds = try findings(ChangeRateRule(), "全年粮食产量236.5万吨，比上年增加6.2万吨，增产2.7%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(ChangeRateRule(), "全年粮食产量236.5万吨，比上年增加6.2万吨，增产1️⃣3.7%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func averageAnnualRateBetweenTwoDatedLevels() throws {
        // (2470/2000)^(1/5) − 1 = 4.31%.
        let holds = try findings(AnnualRateRule(), "一般公共预算收入从2015年的2000万元上升到2020年的2470万元，年均增长4.31%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(AnnualRateRule(), "一般公共预算收入从2015年的2000万元上升到2020年的2470万元，年均增长1️⃣5.31%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.alarms == ["change.annual"])
        // Undated levels, a real rate: linked, not recomputed.
        let undated = try findings(AnnualRateRule(), "社会消费品零售总额从1800.00亿元提高到3000.00亿元，年均增长12.5%。")
        #expect(undated.found.isEmpty && undated.alarms.isEmpty)
        #expect(try undated.fixture.analysis().document.changes.first?.annual == true)
        let real = try findings(AnnualRateRule(), "地区生产总值由2010年的160.0亿元增加到2015年的290.0亿元，年均增长9.1%。")
        #expect(real.found.isEmpty && real.alarms.isEmpty)
        // A level of a plan's first year is not the base of the plan's average (its base is the year before).
        let plan = try findings(AnnualRateRule(), "“十四五”时期，一般公共预算收入从2021年的7770.0亿元增长到2025年的8500.0亿元，年均增速3.8%。")
        #expect(plan.found.isEmpty && plan.alarms.isEmpty)
    }

    @Test func traditionalScriptReadsAsSimplified() throws {
        let holds = try findings(ChangeRateRule(), "1-7月，全市地方公共財政預算收入完成1,392,476萬元，同比增收249,885萬元，增長21.87%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(ChangeRateRule(), "1-7月，全市地方公共財政預算收入完成1,392,476萬元，同比增收249,885萬元，增長1️⃣23.87%2️⃣。")
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

    @Test func completionOfATargetInsideThePhrase() throws {
        // 24600/61000 = 40.33%.
        let holds = try findings(SharePercentRule(), "1-4月，一般公共预算收入累计完成24600万元，完成年初预算数61000万元的40.3%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        #expect(try holds.fixture.analysis().document.rates.count == 1)
        let wrong = try findings(SharePercentRule(), "1-4月，一般公共预算收入累计完成24600万元，完成年初预算数61000万元的1️⃣42.3%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func shareOfAPartAfterItsTotal() throws {
        let holds = try findings(SharePercentRule(), "全年完成造林面积12.5万公顷，其中人工造林5.0万公顷，占全部造林面积的40.0%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SharePercentRule(), "全年完成造林面积12.5万公顷，其中人工造林5.0万公顷，占全部造林面积的1️⃣50.0%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func wholesNamedAgainInOtherWords() throws {
        // `用水总量` named again as `全年用水量`, `专利授权总量` as `专利授权量`, `常住人口` as `总人口` (with a gloss in
        // brackets), `生产总值` as `GDP`, the whole of `在…中`. `{r}` is the share, right then wrong.
        let cases = [
            ("全年用水总量7.50亿立方米，其中农业用水量5.31亿立方米，占全年用水量的{r}。", "70.8%", "78.0%"),
            ("全年获得专利授权总量5100件，其中发明1000件；实用新型3570件，占专利授权量的比重{r}。", "70%", "75%"),
            ("年末常住人口4500.00万人。其中，城镇常住人口2790.00万人，占总人口的比重（常住人口城镇化率）为{r}。", "62.00%", "64.00%"),
            ("全年实现生产总值(GDP)260.0亿元，增长5.3%。全县非公有制经济实现增加值187.2亿元，增长6.3%，占GDP的比重为{r}。", "72.0%", "74.0%"),
            ("年末移动电话用户1040.00万户。5G移动电话用户686.40万户，在移动电话用户中占比{r}。", "66.0%", "68.0%"),
        ]
        for (text, right, wrong) in cases {
            let holds = try findings(SharePercentRule(), text.replacingOccurrences(of: "{r}", with: right))
            #expect(holds.found.isEmpty && holds.alarms.isEmpty, "\(text)")
            let planted = try findings(SharePercentRule(), text.replacingOccurrences(of: "{r}", with: "1️⃣\(wrong)2️⃣"))
            #expect(planted.found.map(\.span) == [planted.fixture.span(1, 2)], "\(text)")
        }
    }

    @Test func sharesOfPartsWhoseWholeIsUnsaid() throws {
        // The whole is the nearest count before the parts that is no part itself (28 is 203's) and no smaller
        // than their sum; the shares confirm it, so the wrong one is an error.
        let text = "对280件提案立案200件，其中并案28件。在立案提案中，委员提案150件，占75.0%；联名提案10件，占{r}；党派团体提案24件，占12.0%；专委会提案16件，占8.0%。"
        let holds = try findings(SharePercentRule(), text.replacingOccurrences(of: "{r}", with: "5.0%"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        #expect(try holds.fixture.analysis().document.rates.count == 4)
        let wrong = try findings(SharePercentRule(), text.replacingOccurrences(of: "{r}", with: "1️⃣6.0%2️⃣"))
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .error)
        // A part misprinted past the sum (250 + 10 + 24 + 16 > 200): the shares that hold still name the whole.
        let misprinted = try findings(SharePercentRule(), "对280件提案立案200件，其中并案28件。在立案提案中，委员提案250件，占1️⃣75.0%2️⃣；联名提案10件，占5.0%；党派团体提案24件，占12.0%；专委会提案16件，占8.0%。")
        #expect(misprinted.found.map(\.span) == [misprinted.fixture.span(1, 2)])
        #expect(misprinted.found.first?.severity == .error)
        // A share after another clause (`…村104个；1500-3000人的村占比达到68.3%`) is no share of that count.
        let other = try Fixture("四合一的村7个，并入城镇社区的村104个；1500-3000人的村占比达到68.3%。").analysis()
        #expect(other.document.rates.isEmpty)
    }

    @Test func aNamingCueSplitsTheTotalItNames() throws {
        // `在立案提案中` names `立案200件`, whose reading starts with the noun counted before it (`280件提案`).
        let holds = try findings(SumPartsRule(), "对280件提案立案200件，其中并案28件。在立案提案中，委员提案150件；联名提案10件；党派团体提案24件；专委会提案16件。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(SumPartsRule(), "对280件提案立案1️⃣200件2️⃣，其中并案28件。在立案提案中，委员提案150件；联名提案10件；党派团体提案34件；专委会提案16件。")
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

    @Test func theSecondaryIndustryLeavesOutTwoActivitiesOfIndustry() throws {
        // 工业 counts 开采专业及辅助性活动 and 金属制品、机械和设备修理业, which 第二产业 leaves out since 2018: 1300.0 + 215.0 may
        // exceed 第二产业 (福州 2025 states 5453.63 against 3407.46 + 2070.65), never fall short of it, nor exceed it by much.
        let text = "全年第二产业增加值%@亿元。全年全部工业增加值1300.0亿元，比上年增长2.3%。全年建筑业增加值215.0亿元，比上年下降2.3%。"
        for holding in ["1515.0", "1512.5"] {
            let holds = try findings(IdentityRule(), String(format: text, holding))
            #expect(holds.found.isEmpty && holds.alarms.isEmpty, "\(holding)")
        }
        let above = try findings(IdentityRule(), String(format: text, "1️⃣1525.0亿元2️⃣").replacingOccurrences(of: "亿元2️⃣亿元", with: "亿元2️⃣"))
        #expect(above.found.map(\.span) == [above.fixture.span(1, 2)])
        #expect(above.found.first?.severity == .error)
        let far = try findings(IdentityRule(), String(format: text, "1️⃣1315.0亿元2️⃣").replacingOccurrences(of: "亿元2️⃣亿元", with: "亿元2️⃣"))
        #expect(far.found.map(\.span) == [far.fixture.span(1, 2)])
        #expect(far.found.first?.severity == .warning)
    }

    @Test func deathsPerHundredMillionYuanOfGDP() throws {
        // The deaths of `事故N起，死亡M人` are the accidents' (3000.00亿元: 24/3000 = 0.0080).
        let text = "全年地区生产总值3000.00亿元。全年发生各类生产安全事故30起，死亡24人，受伤8人。亿元GDP生产安全事故死亡率{r}。道路交通生产安全事故8起，死亡6人。"
        let holds = try findings(IdentityRule(), text.replacingOccurrences(of: "{r}", with: "0.0080"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(IdentityRule(), text.replacingOccurrences(of: "{r}", with: "1️⃣0.00902️⃣"))
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func profitMarginIsProfitOverRevenue() throws {
        // 50.0 / 450.0 = 11.1%; 3300.0 / 4000.0 × 100 = 82.50.
        let text = "规模以上工业企业实现营业收入450.0亿元，增长16.1%；实现利润总额50.0亿元，增长23.6%；营业收入利润率为{r}。"
        let holds = try findings(IdentityRule(), text.replacingOccurrences(of: "{r}", with: "11.1%"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(IdentityRule(), text.replacingOccurrences(of: "{r}", with: "1️⃣12.1%2️⃣"))
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        let cost = try findings(IdentityRule(), "规模以上工业企业营业收入4000.0亿元；营业成本3300.0亿元。每百元营业收入中的成本1️⃣83.50元2️⃣。")
        #expect(cost.found.map(\.span) == [cost.fixture.span(1, 2)])
        // The revenue of another sector is no denominator of industry's margin.
        let other = try findings(IdentityRule(), "全年规模以上文化、体育和娱乐业企业营业收入0.39亿元。规模以上工业企业实现利润总额35.92亿元。营业收入利润率为3.3%。")
        #expect(other.found.isEmpty && other.alarms.isEmpty)
    }

    @Test func tradeIsExportsAndImports() throws {
        let holds = try findings(IdentityRule(), "全年外贸进出口总额59.97亿元，比上年下降32.1%。其中出口57.30亿元，下降27.1%；进口2.67亿元，下降72.6%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(IdentityRule(), "全年外贸进出口总额1️⃣69.97亿元2️⃣，比上年下降32.1%。其中出口57.30亿元，下降27.1%；进口2.67亿元，下降72.6%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func totalGrowthBetweenItsPartsGrowth() throws {
        // 60.0/1.120 + 40.0/1.071 = 90.92 a year before: 10.0% is also the weighted mean rate.weighted recomputes.
        let holds = try findings(RateBoundsRule(), "全年外贸进出口总额100.0亿元，增长10.0%。其中出口60.0亿元，增长12.0%；进口40.0亿元，增长7.1%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(RateBoundsRule(), "全年外贸进出口总额100.0亿元，增长1️⃣15.0%2️⃣。其中出口60.0亿元，增长12.0%；进口40.0亿元，增长7.1%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .warning)
    }

    @Test func theBasisOfARateIsNoPartOfTheName() throws {
        // `按不变价格计算`, `同口径` between the level and its rate: the rate is still the level's.
        let holds = try findings(RateBoundsRule(), "全年实现地区生产总值100.0亿元，按不变价格计算比上年增长5.4%，其中第一产业增加值10.0亿元，增长4.5%；第二产业增加值40.0亿元，增长5.6%；第三产业增加值50.0亿元，增长5.2%。")
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let wrong = try findings(RateBoundsRule(), "全年实现地区生产总值100.0亿元，按不变价格计算比上年增长1️⃣6.4%2️⃣，其中第一产业增加值10.0亿元，增长4.5%；第二产业增加值40.0亿元，增长5.6%；第三产业增加值50.0亿元，增长5.2%。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        let document = try Fixture("全市一般公共预算收入856.2亿元，同口径增长6.1%。").analysis().document
        #expect(document.changes.map { document.claims[$0.rate!].text } == ["6.1%"])
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

    @Test func wordsAPDFTextLayerSpacedOut() throws {
        // A PDF's text layer sets numbers apart and may split a word (`增 长`); the words still read as words:
        // 136.66 / 197.88 = 69.1%, and 46.67 / (197.88 − 46.67) = 30.9%.
        let text = "法定债务余额 197.88 亿元（一般债务 136.66 亿元，占比 %@；专项债务 61.22 亿元，占比 30.9%），同比增加 46.67 亿元，增 长 %@。"
        let holds = try findings(SharePercentRule(), String(format: text, "69.1%", "30.9%"))
        #expect(holds.found.isEmpty && holds.alarms.isEmpty)
        let share = try findings(SharePercentRule(), String(format: text, "1️⃣67.1%2️⃣", "30.9%"))
        #expect(share.found.map(\.span) == [share.fixture.span(1, 2)])
        let rate = try findings(ChangeRateRule(), String(format: text, "69.1%", "1️⃣32.9%2️⃣"))
        #expect(rate.found.map(\.span) == [rate.fixture.span(1, 2)])
    }
}
