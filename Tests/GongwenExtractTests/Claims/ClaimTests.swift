import Foundation
import Gongwen
import GongwenModel
import Testing

/// Claims, their subjects and predicates, and the change/breakdown/rate links, on small texts
/// written like the seeds (positive cases) and on texts that must not link (negative cases).
@Suite("claims and links")
struct ClaimTests {
    func document(_ text: String) throws -> Document {
        try Analysis.run(text: "各单位:\n" + text, source: "test").document
    }

    func text(_ document: Document, _ id: Int?) -> String? {
        id.map { document.claims[$0].text }
    }

    @Test func changeWithDeltaAndRate() throws {
        let doc = try document("建制村由2177优化1316个,减少861个,减幅达39.54%,超额完成目标任务。")
        let change = try #require(doc.changes.first)
        #expect(doc.changes.count == 1)
        #expect(text(doc, change.from) == "2177")
        #expect(text(doc, change.to) == "1316个")
        #expect(text(doc, change.delta) == "861个")
        #expect(text(doc, change.rate) == "39.54%")
        #expect(change.direction == .decrease)
        #expect(doc.claims[change.from!].unit == "个")
        #expect(doc.claims.allSatisfy { $0.subject == "建制村" })
    }

    @Test func twoChangesInOneRunOnSentence() throws {
        let doc = try document("全市乡镇(街道)从200个优化到139共减少乡级行政区61个,减幅达30.5%建制村由2177优化1316个,减少861个。")
        #expect(doc.changes.count == 2)
        #expect(text(doc, doc.changes[0].from) == "200个")
        #expect(text(doc, doc.changes[0].rate) == "30.5%")
        #expect(text(doc, doc.changes[1].from) == "2177")
        #expect(doc.claims[0].subject == "全市乡镇(街道)")
    }

    @Test func sharesAreNotChangeRates() throws {
        let doc = try document("干部平均年龄由52岁下降到43岁,高中及以上文化程度的干部占到了65.1%。")
        #expect(doc.changes.count == 1)
        #expect(doc.changes[0].rate == nil)
        let share = try #require(doc.claims.first { $0.text == "65.1%" })
        #expect(share.predicate == "占到")
        #expect(share.subject == "高中及以上文化程度的干部")
    }

    @Test func noChangeWithoutATarget() throws {
        let doc = try document("全市减少干部职数1162人,村平均人口增幅达65.85%。")
        #expect(doc.changes.isEmpty)
        #expect(doc.claims[0].predicate == "减少")
        #expect(doc.claims[0].subject == "干部职数")
    }

    @Test func ratesOfOtherThingsAreNotRatesOfTheChange() throws {
        let doc = try document("5000人以上的村从0个增加到5个,村平均人口增幅达65.85%。公共预算支出由11.66亿元增加到29.33亿元,年均增长20.26%。钢产量由2046万吨增加到3178万吨,增长55.3%。")
        #expect(doc.changes.count == 3)
        // The average over years is linked as such (`annual`), for `change.annual`, never as the change's own rate.
        #expect(doc.changes.map { text(doc, $0.rate) } == [nil, "20.26%", "55.3%"])
        #expect(doc.changes.map(\.annual) == [nil, true, nil])
        #expect(doc.claims.first { $0.text == "65.85%" }?.subject == "村平均人口")
    }

    @Test func changeAmountsAndComparisonBasesAreNotParts() throws {
        let doc = try document("""
            新开工项目1325个,比上年增加102个,其中亿元以上新开工项目291个,比上年增加21个。
            工农业总产值达到了一千三百八十七亿四千万元,比一九五二年的八百二十七亿一千万元增长百分之六十八。其中,工业总产值达到了六百五十亿二千万元,比一九五二年的二百七十亿一千万元增长百分之一百四十一;
            中央财政支出700亿元,其中用于城市居民最低生活保障的补助资金由上年的46亿元增加到92亿元。
            """)
        // The subsets of the same measure are parts of its total; the amounts of change and the bases are not.
        #expect(doc.breakdowns.map { "\(doc.claims[$0.total].text) ⊇ \($0.parts.map { doc.claims[$0].text })" }
            == ["1325个 ⊇ [\"291个\"]", "一千三百八十七亿四千万元 ⊇ [\"六百五十亿二千万元\"]"])
    }

    @Test func partsEndWhereAStatementOfItsOwnStarts() throws {
        let doc = try document("""
            培育高成长性企业16家,其中种子独角兽企业2家、瞪羚企业12家、潜在瞪羚企业2家,培育江西省绿色技术创新企业2家。
            全县完成工业增加值644350万元,增长10.6%。其中规模以上工业企业完成工业总产值2596736万元,完成工业增加值630000万元。
            """)
        // 总产值 of the 规模以上 firms is another measure; their 增加值 is a part of the county's.
        #expect(doc.breakdowns.map { $0.parts.map { doc.claims[$0].text } } == [["2家", "12家", "2家"], ["630000万元"]])
    }

    @Test func breakdownInBrackets() throws {
        let doc = try document("2020年在全市选择385个社区(村)(其中105个作为市级创建点位,280个作为县级创建点位)开展创建。")
        let breakdown = try #require(doc.breakdowns.first)
        #expect(text(doc, breakdown.total) == "385个")
        #expect(breakdown.parts.map { doc.claims[$0].text } == ["105个", "280个"])
    }

    @Test func breakdownOpeningTheNextSentence() throws {
        let doc = try document("针对指出的5个方面14个问题,逐一研究制定整改措施。其中,10个问题已完成整改,4个问题已取得阶段性成效。")
        let breakdown = try #require(doc.breakdowns.first)
        #expect(text(doc, breakdown.total) == "14个")
        #expect(breakdown.parts.map { doc.claims[$0].text } == ["10个", "4个"])
    }

    @Test func onePartIsABreakdownAnotherUnitIsNot() throws {
        let doc = try document("全市常住人口118万人,其中城镇人口70万人。全市社区150个,其中,城市社区平均人口5269人,农村社区平均人口1300人。")
        #expect(doc.breakdowns.map { [$0.total] + $0.parts }.map { $0.map { doc.claims[$0].text } } == [["118万人", "70万人"]])
    }

    @Test func rateNamesItsCounts() throws {
        let doc = try document("累计排查矛盾纠纷53.21万件、化解52.04万件,化解率97.8%,其中基层化解49.25万件、化解率92.56%。")
        #expect(doc.rates.count == 2)
        #expect(text(doc, doc.rates[0].numerator) == "52.04万件")
        #expect(text(doc, doc.rates[0].denominator) == "53.21万件")
        #expect(text(doc, doc.rates[1].numerator) == "49.25万件")
        #expect(text(doc, doc.rates[1].denominator) == "53.21万件")
        #expect(doc.rates.allSatisfy { $0.kind == .rate })
    }

    @Test func shareOverTheSumOfParallelCounts() throws {
        let doc = try document("全市城市社区150个,集镇社区353个,城市社区占比(29.8%)远低于全省(47.4%)。")
        let share = try #require(doc.rates.first)
        #expect(share.kind == .share)
        #expect(text(doc, share.rate) == "29.8%")
        #expect(text(doc, share.numerator) == "150个")
        #expect(share.denominatorParts?.map { doc.claims[$0].text } == ["150个", "353个"])
    }

    @Test func rateWithoutItsCountIsNotLinked() throws {
        let doc = try document("上传各类巡查事件34.79万件,事件办结率99.7%。")
        #expect(doc.rates.isEmpty)
    }

    @Test func countSubjectAfterAVerb() throws {
        let doc = try document("孵化培育社区社会组织168家,培育150余名专业社会工作者。")
        #expect(doc.claims.map(\.subject) == ["孵化培育社区社会组织", "专业社会工作者"])
        #expect(doc.claims[1].qualifier == .atLeast)
    }

    @Test func claimsCarryTheirSectionAndSentence() throws {
        let doc = try document("一、总体情况\n(一)基本数据。一是全市社区1819个。二是清理标牌445块。")
        let claim = try #require(doc.claims.first { $0.text == "445块" })
        #expect(claim.section == "一、/(一)/二是")
        #expect(claim.sentenceEnd > claim.end && claim.sentenceStart < claim.start)
    }

    /// The path of each claim as its own lookup gives it, where claims enter and leave nested sections.
    @Test func claimsFollowSectionsInAndOut() throws {
        let doc = try document("一、总体情况\n全市人口15万人。\n(一)基本数据。一是社区1819个。二是标牌445块。\n二、下步打算\n新建社区3个。")
        #expect(doc.claims.map(\.section) == ["一、", "一、/(一)/一是", "一、/(一)/二是", "二、"])
    }

    @Test func yearsDatesAndDocNumbersAreNotClaims() throws {
        let doc = try document("2019年,市财政争取到社区建设资金140万元(川财社〔2019〕1166号),7月15日召开会议。")
        #expect(doc.claims.map(\.text) == ["140万元"])
        #expect(doc.claims[0].value == 1_400_000)
        #expect(doc.claims[0].unit == "元")
    }

    @Test func ratiosAreClaimsWithTheirParts() throws {
        let doc = try document("三次产业结构调整为8.7:48.5:42.8。")
        let ratio = try #require(doc.claims.first { $0.kind == .ratio })
        #expect(ratio.parts == [Decimal(string: "8.7")!, Decimal(string: "48.5")!, Decimal(string: "42.8")!])
        #expect(ratio.value == 100)
    }

    @Test func aComparisonCountsWhatTheFigureBeforeItCounts() throws {
        let doc = try document("年末全省常住人口4527.98万人,比上年末增加10.58万人。全年出生人口32.5万人。")
        #expect(doc.claims.map(\.subject) == ["年末全省常住人口", "年末全省常住人口", "出生人口"])
        #expect(doc.claims[1].predicate == "增加")
    }
}
