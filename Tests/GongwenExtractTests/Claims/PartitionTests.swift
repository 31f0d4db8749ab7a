import Gongwen
import GongwenModel
import Testing

/// The partition linker on the constructions of a communiqué: each case one construction, with made-up
/// numbers, and the breakdowns it must give as `total ⊇ parts` lines.
@Suite("partitions")
struct PartitionTests {
    func breakdowns(_ text: String) throws -> [String] {
        let document = try Analysis.run(text: "各单位:\n" + text, source: "test").document
        return document.breakdowns.map { breakdown in
            "\(document.claims[breakdown.total].text) ⊇ " + breakdown.parts.map { document.claims[$0].text }.joined(separator: " ")
        }
    }

    @Test func aStrongerSeparatorEndsTheList() throws {
        #expect(try breakdowns("年末共有非物质文化遗产项目600个，其中国家级5个、省级95个、市级140个；艺术表演场馆15个，公共图书馆13个。")
            == ["600个 ⊇ 5个 95个 140个"])
    }

    @Test func partsSeparatedBySemicolonsGoOn() throws {
        #expect(try breakdowns("全年城镇居民人均可支配收入50000元，比上年增长5.0%。其中：工资净收入30000元，增长8.0%；经营净收入4000元，增长2.0%；财产净收入3000元，下降2.0%；转移净收入13000元，增长1.0%。")
            == ["50000元 ⊇ 30000元 4000元 3000元 13000元"])
    }

    @Test func theWholeOfAShareIsNoTotal() throws {
        // 30820 is what 12655 is measured against; the 其中 parts split the 12655 collected.
        #expect(try breakdowns("1-5月,一般预算财政收入完成12655万元,占年预算30820万元的41.06%,比上年同期增长3.84%。其中:税务部门完成6197万元,比上年同期下降20.31%;财政部门完成6458万元,比上年同期增长46.41%。")
            == ["12655万元 ⊇ 6197万元 6458万元"])
    }

    @Test func incomeIsNoPartOfSpending() throws {
        // A new topic after 其中 (the land sales that fund the spending) is no part of it; a bracket saying what the spending
        // includes in the income that pays for it is.
        #expect(try breakdowns("加上调出资金等131.4亿元，支出总量为267.3亿元。其中，国有土地使用权出让收入67.8亿元，增长1.2%。").isEmpty)
        #expect(try breakdowns("支出安排27611万元，其中：市本级支出16111万元（含上级补助收入491万元），债务转贷支出11500万元。")
            == ["27611万元 ⊇ 16111万元 11500万元", "16111万元 ⊇ 491万元"])
    }

    @Test func aFigureInBracketsDetailsThePartBeforeIt() throws {
        #expect(try breakdowns("年末全市拥有卫生机构1700个，其中，医院和卫生院120个（医院85个）。") == ["1700个 ⊇ 120个"])
    }

    @Test func aFigureInBracketsIsNoTotal() throws {
        #expect(try breakdowns("年末铁路总里程600.0公里（干线530.0公里、支线70.0公里），其中高速铁路总里程460.0公里。")
            == ["600.0公里 ⊇ 530.0公里 70.0公里", "600.0公里 ⊇ 460.0公里"])
    }

    @Test func aTotalCountedWithGeChangesNoClassifier() throws {
        // 个 may stand for any classifier: parts counted with 所 add up to a total counted with 个.
        #expect(try breakdowns("全年共有医疗卫生机构2800个。其中医院100个，基层医疗卫生机构2670个，专业公共卫生机构26个，其他卫生机构4所。")
            == ["2800个 ⊇ 100个 2670个 26个 4所"])
        #expect(try breakdowns("乡镇卫生院20个（中心卫生院5所、普通卫生院15所）。") == ["20个 ⊇ 5所 15所"])
        // A total counted with 座 has no parts counted with 个.
        #expect(try breakdowns("开工建设6座抽水蓄能电站。园区投资增长38%，其中建设产业链项目140个。").isEmpty)
    }

    @Test func aBracketAfterALevelListsItsParts() throws {
        #expect(try breakdowns("全年还本付息支出26.0亿元（还本15.0亿元，付息11.0亿元）。") == ["26.0亿元 ⊇ 15.0亿元 11.0亿元"])
        #expect(try breakdowns("普通高中50所（含完全中学20所，完全高中9所），在校学生10.0万人。") == ["50所 ⊇ 20所 9所"])
        #expect(try breakdowns("普通初中200所（含九年一贯制学校70所），在校学生20.0万人。") == ["200所 ⊇ 70所"])
        // One figure with no word before it, a figure of another unit, a figure of an earlier period: no parts.
        #expect(try breakdowns("全年营业收入50亿元（上年同期45亿元），利润3亿元。").isEmpty)
        #expect(try breakdowns("年末共有医院60个（含床位6000张）。").isEmpty)
    }

    @Test func aPartDatedOnItsOwnStartsAStatement() throws {
        #expect(try breakdowns("年末公路里程11000公里，其中高速公路总里程760公里；年末铁路总里程600公里。") == ["11000公里 ⊇ 760公里"])
    }

    @Test func theNounOfZaiZhongNamesTheTotal() throws {
        #expect(try breakdowns("年末全市公路总里程3000公里。按技术等级分，等级公路里程2900公里；等外公路100公里。在等级公路中，高速公路500公里，一级公路140公里，二级公路2260公里。")
            == ["3000公里 ⊇ 2900公里 100公里", "2900公里 ⊇ 500公里 140公里 2260公里"])
    }

    @Test func itemsOfAListBeforeAGroupingAreNoTotal() throws {
        #expect(try breakdowns("限额以上零售总额按经营地统计，城镇消费品零售额2300亿元，增长7.7%；乡村消费品零售额190亿元，增长13.0%；按消费形态统计，商品零售额2200亿元，增长8.2%；餐饮收入290亿元，增长6.9%。").isEmpty)
    }

    @Test func figuresOfAnEarlierGroupingAreNoTotal() throws {
        // Not 11700 ⊇ …: statements that open with a grouping, one after another, split the total before the first.
        let text = "全年货物进出口总额28000亿元。从贸易方式看，一般贸易进出口11700亿元，比上年增长7.0%。从经济类型看，国有企业进出口1500亿元，增长45.6%；民营企业进出口%@亿元，增长8.2%；外商投资企业进出口15600亿元，增长1.0%。"
        #expect(try breakdowns(String(format: text, "10900")) == ["28000亿元 ⊇ 1500亿元 10900亿元 15600亿元"])
        // Read by place, the total is kept only where the parts fit in it: classes of ownership may overlap.
        #expect(try breakdowns(String(format: text, "11900")).isEmpty)
    }

    @Test func subsetsRestatingEachMeasureArePartsOfIt() throws {
        #expect(try breakdowns("全年新登记经营主体15万户，日均新登记经营主体600户，年末实有经营主体120万户。其中，全年新登记企业5万户，日均新登记企业200户，年末实有企业40万户。")
            == ["15万户 ⊇ 5万户", "600户 ⊇ 200户", "120万户 ⊇ 40万户"])
        #expect(try breakdowns("全年共发生生产安全事故200起、死亡110人、受伤140人。其中：工矿商贸行业领域生产安全事故80起、死亡60人、受伤35人；道路交通事故120起、死亡50人、受伤105人。")
            == ["200起 ⊇ 80起 120起", "110人 ⊇ 60人 50人", "140人 ⊇ 35人 105人"])
        // Names alike to both measures: the parts of the nearer total, not one restatement each.
        #expect(try breakdowns("全年工业增加值500亿元，规模以上工业增加值400亿元。其中，重工业增加值300亿元，轻工业增加值100亿元。")
            == ["400亿元 ⊇ 300亿元 100亿元"])
    }

    @Test func componentsOfAnAverageAreParts() throws {
        #expect(try breakdowns("全年农村居民人均可支配收入20000元，比上年增加1100元，增长5.8%。其中工资性收入11000元，增长5.7%。") == ["20000元 ⊇ 11000元"])
    }

    @Test func averagesOfGroupsAreNoParts() throws {
        #expect(try breakdowns("全年全体居民人均可支配收入80000元，比上年增长4.2%，其中城镇居民人均可支配收入90000元，增长4.0%；农村居民人均可支配收入51000元，增长4.8%。").isEmpty)
        #expect(try breakdowns("全年居民人均可支配收入54000元，比上年增长4.9%。按常住地分，农村居民人均可支配收入32000元，增长5.8%；城镇居民人均可支配收入63000元，增长4.4%。").isEmpty)
    }

    @Test func aStatementOpeningWithItsTotalsNameSplitsIt() throws {
        #expect(try breakdowns("年末各项存款余额346.7亿元，其中，住户存款余额238.3亿元。住户存款余额中，活期存款92.0亿元，定期及其他存款146.3亿元。")
            == ["346.7亿元 ⊇ 238.3亿元", "238.3亿元 ⊇ 92.0亿元 146.3亿元"])
    }

    @Test func categoriesThatEndLikeTheTotalAreAllParts() throws {
        #expect(try breakdowns("全县设有卫生健康单位23个，其中县直卫生健康单位6个（人民医院、中医院），乡镇卫生院17个。") == ["23个 ⊇ 6个 17个"])
    }

    @Test func traditionalScriptCuesSplitToo() throws {
        #expect(try breakdowns("市政府共收到政協提案146件。從提案落實情況看,已落實的有122件,占84%;基本落實或計劃落實的有24件,占16%。")
            == ["146件 ⊇ 122件 24件"])
    }

    @Test func theChangesOfACompletePartitionArePartsOfTheTotalsChange() throws {
        #expect(try breakdowns("年末参加城镇职工基本养老保险198.58万人，比上年增加5.30万人，其中：在职人员158.71万人，增加3.27万人；离退休人员39.87万人，增加2.02万人。")
            == ["198.58万人 ⊇ 158.71万人 39.87万人", "5.30万人 ⊇ 3.27万人 2.02万人"])
        // Parts that are some of the total: their changes say nothing of the total's.
        #expect(try breakdowns("年末参加基本养老保险200万人，比上年增加5万人，其中：在职人员150万人，增加3万人。") == ["200万人 ⊇ 150万人"])
    }

    @Test func aTermOfAnotherSumEndsTheParts() throws {
        // `加上` opens the clause, not the name before the figure (`…、动用预算稳定调节基金等92.85亿元`); the sum after the
        // terms adds them, the 其中 parts aside.
        #expect(try breakdowns("市本级一般公共预算收入13.58亿元，其中：税收收入9.53亿元，非税收入4.05亿元，加上上级补助收入、调入资金、动用预算稳定调节基金等92.85亿元，收入总计106.43亿元。")
            == ["13.58亿元 ⊇ 9.53亿元 4.05亿元", "106.43亿元 ⊇ 13.58亿元 92.85亿元"])
    }
}
