import Foundation
import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// `NumberExtractor` on short Chinese sentences: units, qualifiers, ranges, kinds.
@Suite struct ExtractorTests {
    static func mentions(_ text: String) -> [NumberMention] {
        NumberExtractor.mentions(in: SourceText(text))
    }

    /// The one mention whose text is `text` in `sentence`.
    static func mention(_ text: String, in sentence: String) throws -> NumberMention {
        let found = mentions(sentence).filter { $0.text == text }
        try #require(found.count == 1, "\(text) in \(sentence): \(mentions(sentence).map(\.text))")
        return found[0]
    }

    // MARK: - Quantities from the seeds' tricky spots

    struct Case: Sendable, CustomTestStringConvertible {
        var sentence: String
        var text: String
        var value: String
        var unit: String?
        var qualifier: Qualifier?
        var upper: String?

        init(_ sentence: String, _ text: String, _ value: String, _ unit: String?, _ qualifier: Qualifier? = nil, upper: String? = nil) {
            (self.sentence, self.text, self.value, self.unit, self.qualifier, self.upper) = (sentence, text, value, unit, qualifier, upper)
        }

        var testDescription: String { text }
    }

    @Test(arguments: [
        Case("平均人口由1.84万人增加到2.71万人", "1.84万人", "18400", "人"),
        Case("社区高达29275万人,最少的", "29275万人", "292750000", "人"),
        Case("累计.25万条,上传", ".25万条", "2500", "条"),
        Case("1500-3000人的村占比", "1500-3000人", "1500", "人", upper: "3000"),
        Case("按照300—500户标准划分", "300—500户", "300", "户", upper: "500"),
        Case("经过5至10年的努力", "5至10年", "5", "年", upper: "10"),
        Case("每组3到5个", "3到5个", "3", "个", upper: "5"),
        Case("按照3至5万人规模", "3至5万人", "30000", "人", upper: "50000"),
        Case("培育150余名专业社会工作者", "150余名", "150", "名", .atLeast),
        Case("市级投入2000余万元,累计", "2000余万元", "20000000", "元", .atLeast),
        Case("组织社区活动3万余场次", "3万余场次", "30000", "场次", .atLeast),
        Case("低保边缘等约118万人纳入", "约118万人", "1180000", "人", .about),
        Case("常住人口超3万人社区", "超3万人", "30000", "人", .atLeast),
        Case("全年接待游客突破3亿人次", "突破3亿人次", "300000000", "人次", .atLeast),
        Case("近5万人参加", "近5万人", "50000", "人", .atMost),
        Case("不足100人的村", "不足100人", "100", "人", .atMost),
        Case("调整布局6万人以上的中心镇", "6万人以上", "60000", "人", .atLeast),
        Case("500人以下的社区30多个", "30多个", "30", "个", .atLeast),
        Case("每场100人左右", "100人左右", "100", "人", .about),
        Case("来了十来个人", "十来个", "10", "个", .about),
        Case("争取到社区建设资金140万元(", "140万元", "1400000", "元"),
        Case("争取到社区建设资金533万,均用于", "533万", "5330000", nil),
        Case("乡镇平均面积由61.37平方千米增加到", "61.37平方千米", "61.37", "平方千米"),
        Case("总投资16.4亿元", "16.4亿元", "1640000000", "元"),
        Case("比上年上升0.02个百分点", "0.02个百分点", "0.02", "百分点"),
        Case("需要三五天", "三五天", "3", "天", .about, upper: "5"),
        Case("来了七八个人", "七八个", "7", "个", .about, upper: "8"),
        Case("即:“1”个领导小组", "“1”个", "1", "个"),
    ])
    func quantity(_ example: Case) throws {
        let mention = try Self.mention(example.text, in: example.sentence)
        #expect(mention.kind == .quantity)
        #expect(mention.value == Decimal(string: example.value))
        #expect(mention.unit == example.unit)
        #expect(mention.qualifier == example.qualifier)
        #expect(mention.upper == example.upper.flatMap { Decimal(string: $0) })
    }

    @Test func mergedNumbersAreTwoMentions() {
        let found = Self.mentions("村占比达到68.3%1500人以下的村")
        #expect(found.map(\.text) == ["68.3%", "1500人以下"])
        #expect(found.map(\.kind) == [.percent, .quantity])
    }

    @Test func breakdownInParentheses() {
        let found = Self.mentions("从200个优化到139(其中:6个乡、116个镇、17个街道)")
        #expect(found.map(\.text) == ["200个", "139", "6个", "116个", "17个"])
        #expect(found.allSatisfy { $0.unit == "个" && $0.kind == .quantity })
    }

    @Test func bareNumberTakesTheUnitOfItsClause() {
        let before = Self.mentions("建制村由2177优化1316个,减少861个")
        #expect(before.first?.unit == "个")
        let after = Self.mentions("干部待遇由1500增加到2600元,干部平均年龄由52岁")
        #expect(after.first?.unit == "元")
        let otherClause = Self.mentions("资金140万元,2020年,争取到资金533万")
        #expect(otherClause.last?.unit == nil)
    }

    @Test func leadingDotIsKeptInTheText() throws {
        let mention = try Self.mention(".5万人次", in: "累计服务群众.5万人次,提供")
        #expect(mention.text.hasPrefix("."))
        #expect(mention.value == 5000)
    }

    // MARK: - Percent, permille, ratio, fraction

    @Test(arguments: [
        ("减幅达30.5%", "30.5%", NumberKind.percent, "30.5", "%"),
        ("占百分之三十点五", "百分之三十点五", .percent, "30.5", "%"),
        ("百分之五十的县", "百分之五十", .percent, "50", "%"),
        ("死亡率5‰", "5‰", .permille, "5", "‰"),
        ("千分之五的比例", "千分之五", .permille, "5", "‰"),
        ("占三分之一", "三分之一", .fraction, "0.3333333333", nil),
        ("占1/4", "1/4", .fraction, "0.25", nil),
        ("万分之三的概率", "万分之三", .fraction, "0.0003", nil),
        ("七成以上的村", "七成", .percent, "70", "%"),
        ("打八折", "八折", .percent, "80", "%"),
    ] as [(String, String, NumberKind, String, String?)])
    func shares(sentence: String, text: String, kind: NumberKind, value: String, unit: String?) throws {
        let mention = try Self.mention(text, in: sentence)
        #expect(mention.kind == kind)
        #expect(mention.value == Decimal(string: value))
        #expect(mention.unit == unit)
    }

    @Test func ratioHasParts() throws {
        let mention = try Self.mention("8.7:48.5:42.8", in: "三次产业结构比例调整为8.7:48.5:42.8。")
        #expect(mention.kind == .ratio)
        #expect(mention.parts == [Decimal(string: "8.7")!, Decimal(string: "48.5")!, Decimal(string: "42.8")!])
    }

    // MARK: - Kinds that are not claims

    @Test(arguments: [
        ("2019年,市财政", "2019年", NumberKind.year),
        ("二〇二二年三月", "二〇二二年三月", .date),
        ("2004年4月起", "2004年4月", .date),
        ("2023年12月28日在市", "2023年12月28日", .date),
        ("7月15日召开", "7月15日", .date),
        ("发布日期:2020-09-14 16:01", "2020-09-14 16:01", .date),
        ("巴中市民政局\n2020914\n", "2020914", .date),
        ("715日召开全市", "715日", .date),
        ("确保10月底前完成", "10月", .date),
        ("国办函〔2004〕80号", "〔2004〕80号", .docNumber),
        ("(川委办 [2014]27号)", "[2014]27号", .docNumber),
        ("(川财社20191166号、", "20191166号", .docNumber),
        ("(第110号提案)收悉", "第110号", .docNumber),
        ("市政协第四届四次会议", "第四届", .ordinal),
        ("第四届四次会议", "四次", .ordinal),
        ("第六次会议上", "第六次", .ordinal),
        ("党的十九届四中全会", "十九届", .ordinal),
        ("党的十九届四中全会", "四中全会", .ordinal),
        ("排名第1名", "第1名", .ordinal),
        ("一是强化组织领导", "一", .ordinal),
        ("(一)“三个强化”", "一", .ordinal),
        ("“十三五”规划既定", "十三五", .plan),
        ("结合“十四五”规划", "十四五", .plan),
        ("深化“七五”普法工作", "七五", .plan),
        ("“1+5+7”组织领导架构", "1+5+7", .formula),
        ("“5+1”标准", "5+1", .formula),
        ("电话:0827-5260774 地址", "0827-5260774", .phone),
        ("蜀ICP备14032324号-2 川公网安备", "14032324号-2", .identifier),
        ("川公网安备51190202000102号网站", "51190202000102号", .identifier),
        ("网站标识码:5119000005", "5119000005", .identifier),
        ("索引号:000014349/2004-00207", "000014349/2004-00207", .identifier),
        ("IMG_0825.jpg", "0825", .identifier),
        ("(一)“三个强化”全面完成", "三个", .countLabel),
        ("深化“五社联动”实践", "五", .countLabel),
        ("“四清单一目录”", "四", .countLabel),
        ("坚持“三不变”原则", "三", .countLabel),
        ("摸清了小组规模、干部结构、宗族聚居、资产状况、债权债务5项基本情况", "5项", .countLabel),
        ("“集体资产”“债权债务”“风险隐患”3本台账", "3本", .countLabel),
        ("围绕“四大任务”", "四", .countLabel),
        ("深入贯彻党的十九大精神", "十九", .ordinal),
        ("“十五”期间", "十五", .plan),
        ("1至10月累计", "1至10月", .date),
        ("自80年代后期以来", "80年代", .date),
        ("推向21世纪", "21世纪", .ordinal),
        ("中国民营企业500强", "500强", .ordinal),
        ("“6·16”特大暴雨", "6·16", .date),
        ("城乡居民收入比2.06∶1。", "2.06∶1", .ratio),
        ("“4×4”现代化产业体系", "4×4", .formula),
        ("学前教育“5085”攻坚", "5085", .identifier),
        ("统计公报[1]显示", "1", .identifier),
        ("地铁12号线北段", "12号", .identifier),
        ("\n2.1.2　国家粮食应急", "2.1.2", .ordinal),
        ("\n5.1　粮食储备", "5.1", .ordinal),
        ("(〔1996〕武司字第8号)", "〔1996〕武司字第8号", .docNumber),
        ("12345市民服务热线", "12345", .phone),
        ("村村通5G工程", "5", .identifier),
    ] as [(String, String, NumberKind)])
    func kinds(sentence: String, text: String, kind: NumberKind) throws {
        let mention = try Self.mention(text, in: sentence)
        #expect(mention.kind == kind, "\(text) in \(sentence)")
    }

    @Test func listOfNumbersSharesTheLastUnit() {
        let found = Self.mentions("分别为120，350，460人，满意率达96.7%和97%，一批群众")
        #expect(found.prefix(3).map(\.unit) == ["人", "人", "人"])
        #expect(found.last?.text == "一批")
    }

    @Test(arguments: [
        ("三成以上", "三成", "30"), ("七成六", "七成六", "76"), ("三成半", "三成半", "35"), ("9.5成", "9.5成", "95"),
        ("打八折", "八折", "80"), ("75折", "75折", "75"), ("三八折", "三八折", "38"), ("九 九 折", "九 九 折", "99"),
        ("打对折", "对折", "50"),
    ])
    func tenthsAndDiscounts(sentence: String, text: String, value: String) throws {
        let mention = try Self.mention(text, in: sentence)
        #expect(mention.kind == .percent)
        #expect(mention.value == Decimal(string: value))
    }

    @Test(arguments: ["十折", "4成员单位", "一成不变", "一波三折", "折合500元"])
    func noShareInsideWords(sentence: String) {
        #expect(!Self.mentions(sentence).contains { $0.kind == .percent }, "\(sentence)")
    }

    @Test func smallCountWithoutListIsQuantity() throws {
        #expect(try Self.mention("4个", in: "细化形成4个方面17项重点举措").kind == .quantity)
    }

    // MARK: - Words that are not numbers

    @Test(arguments: [
        "一些", "一起", "统一部署", "一般犯罪", "万一出现", "一体化推进", "坚持“一肩挑”", "不能搞一刀切", "“一张网”",
        "千方百计", "十分重要", "十之八九", "推动三社联动", "这个人很放肆", "登陆部队", "四川省", "一切", "城市之一",
        "“最后一公里”", "三番五次", "一定程度", "进一步", "两两结对", "九九重阳", "一波三折", "访问https://www.test.com/q=30%25",
    ])
    func ordinaryWordsHaveNoNumber(sentence: String) {
        #expect(Self.mentions(sentence).isEmpty, "\(sentence): \(Self.mentions(sentence).map(\.text))")
    }

    @Test func rangeRestrictsToTheGivenSpan() {
        let text = SourceText("资金140万元,服务82个社区")
        let found = NumberExtractor.mentions(in: text, range: 8..<text.count)
        #expect(found.map(\.text) == ["82个"])
    }
}
