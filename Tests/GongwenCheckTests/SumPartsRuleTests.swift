import GongwenCheck
import GongwenModel
import Testing

@Suite("sum.parts")
struct SumPartsRuleTests {
    let rule = SumPartsRule()

    @Test func partsExceedingTheTotal() throws {
        let fixture = Fixture("全县农业总产值1️⃣282563万元2️⃣,比上年增长5.04%,其中:种植业1130577万元,林业产值33942万元,牧业产值89081万元,渔业产值26363万元。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "总数 282563万元 与 1130577万 + 33942万 + 89081万 + 26363万 = 1279963万元 不符")
        #expect(found.first?.evidence.count == 4)
    }

    @Test func partsOfALongListExceedingTheTotal() throws {
        let wrong = Fixture("年末牲畜出栏1️⃣75.24万头2️⃣，比上年增长1.8%；其中：猪出栏8.06万头，下降10.9%；牛出栏11.47万头，增长7.5%；羊出栏65.71万头，增长2.7%。")
        let found = try wrong.findings(rule)
        #expect(found.map(\.span) == [wrong.span(1, 2)])
        #expect(found.first?.severity == .error)
        #expect(try Fixture("年末牲畜出栏75.24万头，比上年增长1.8%；其中：猪出栏8.06万头，下降10.9%；牛出栏11.47万头，增长7.5%；羊出栏55.71万头，增长2.7%。").findings(rule).isEmpty)
    }

    @Test func aPartListedWithItsOwnPartsIsUnsure() throws {
        // 90000 + 241446 = 331446: the last two are the first part's parts, counted twice.
        let fixture = Fixture("全年转贷我市地方政府债券461616万元，其中：新增债券331446万元，市本级留用90000万元，转贷县（市、区）241446万元。")
        #expect(try fixture.findings(rule).map(\.severity) == [.info])
    }

    @Test func partsInACompoundUnitShortOfTheTotalSayNothing() throws {
        // `公里` after `亿吨` is the rest of the unit 吨公里, not a noun every part counts: water and air may be left out.
        let fixture = Fixture("全年货物周转量847.29亿吨公里，比上年增长2.6%。其中，铁路174.73亿吨公里，增长0.2%；公路648.03亿吨公里，增长2.9%。")
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func twoPartsSplitByAPairOfWordsAreAllOfTheTotal() throws {
        let short = Fixture("年末常住人口1️⃣500.00万人2️⃣，其中城镇常住人口300.00万人，乡村常住人口190.00万人。")
        let found = try short.findings(rule)
        #expect(found.map(\.span) == [short.span(1, 2)])
        #expect(found.first?.severity == .warning)
        #expect(try Fixture("年末常住人口500.00万人，其中城镇常住人口300.00万人，乡村常住人口200.00万人。").findings(rule).isEmpty)
        // Two measures are no split of one whole.
        #expect(try Fixture("年末全县人口50万人，其中城镇人口20万人，农村劳动力10万人。").findings(rule).isEmpty)
    }

    @Test func agesDoNotAddUp() throws {
        let fixture = Fixture("年末60周岁及以上人口180万人，其中65周岁及以上人口130万人。老年人口年龄60周岁，其中65周岁。")
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func bracketedPartsShortOfTheTotal() throws {
        let fixture = Fixture("全市乡镇(街道)从200个优化到1️⃣139个2️⃣(其中:6个乡、116个镇、7个街道)。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "总数 139个 与 6 + 116 + 7 = 129个 不符")
    }

    @Test func partsThatLookExhaustive() throws {
        let fixture = Fixture("""
            在全市选择1️⃣385个2️⃣社区(村)(其中105个作为市级创建点位,270个作为县级创建点位)开展创建。
            针对指出的5个方面3️⃣14个4️⃣问题,逐一研究制定整改措施。其中,10个问题已完成整改,3个问题已取得阶段性成效。
            年末全县总人口为5️⃣565012人6️⃣,其中城镇人口259358人,乡村人口295654人。
            """)
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2), fixture.span(3, 4), fixture.span(5, 6)])
        #expect(found.map(\.severity) == [.warning, .warning, .warning])
    }

    @Test func partsShortByOneDigitOfOneFigure() throws {
        // 212.4 + 87.8 = 300.2, short of 400.2 by 100 exactly: 187.8 written 87.8, or 300.2 written 400.2.
        let slip = Fixture("省财政厅核定我市政府债务限额1️⃣400.2亿元2️⃣，其中：一般债务212.4亿元、专项债务87.8亿元。")
        let found = try slip.findings(rule)
        #expect(found.map(\.span) == [slip.span(1, 2)])
        #expect(found.first?.severity == .info)
        #expect(found.first?.message == "总数 400.2亿元 与 212.4亿 + 87.8亿 = 300.2亿元 不符,相差100亿恰为一位数字之差(某个数字可能有误)")
        // A remainder with digits of its own is parts left out, and round figures leave round remainders.
        #expect(try Fixture("省财政厅核定我市政府债务限额400.2亿元，其中：一般债务212.4亿元、专项债务87.3亿元。").findings(rule).isEmpty)
        #expect(try Fixture("全年安排资金1000万元，其中：教育300万元、卫生200万元。").findings(rule).isEmpty)
        // Ten short in counts of one: any remainder can end so.
        #expect(try Fixture("全市共有学校253所，其中小学148所、初中95所。").findings(rule).isEmpty)
    }

    @Test func partsWhoseSharesMakeAWholeAreAllOfIt() throws {
        // 延安市政协, 2021, with 203 written 303: the four shares add up to 100% and each is its part over 203.
        let text = "经审查,对283件提案立案%@,其中并案28件。在立案提案中,委员提案158件,占77.83%;联名提案10件,占4.93%;党派团体提案24件,占11.82%;专委会提案11件,占5.42%。"
        #expect(try Fixture(text.replacingOccurrences(of: "%@", with: "203件")).findings(rule).isEmpty)
        let slip = Fixture(text.replacingOccurrences(of: "%@", with: "1️⃣303件2️⃣"))
        let found = try slip.findings(rule)
        #expect(found.map(\.span) == [slip.span(1, 2)])
        #expect(found.map(\.severity) == [.warning])
        // Shares that do not add up to 100% leave room for a part left out: info.
        let off = text.replacingOccurrences(of: "%@", with: "303件").replacingOccurrences(of: "5.42%", with: "6.42%")
        #expect(try Fixture(off).findings(rule).map(\.severity) == [.info])
    }

    @Test func sumsThatHoldOrPartsThatNameOnlySome() throws {
        let fixture = Fixture("""
            全市乡镇(街道)从200个优化到139(其中:6个乡、116个镇、17个街道)。
            全县在校学生131391人,其中高中10824人,初中26021人,小学64618人。
            全年保费收入972.5亿元,其中财产险保费收入304.2亿元,寿险保费收入475.4亿元,健康险保费收入169.9亿元,人身意外伤害险保费收入23.0亿元。
            支付各类赔款及给付354.5亿元,其中财产险赔付192.5亿元,寿险赔付74.6亿元,健康险赔付80.6亿元,人身意外伤害险赔付7.0亿元。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func amountsOfAChangeAreNeitherTotalsNorParts() throws {
        let fixture = Fixture("""
            新开工项目1325个,比上年增加102个,其中亿元以上新开工项目291个,比上年增加21个。
            年末金融机构各项存款余额达1221442万元,比年初增加121749万元,其中,城乡居民储蓄存款余额912831万元,比年初增加108226万元,金融机构各项贷款余额达678599万元。
            全县完成工业增加值644350万元,增长10.6%。其中规模以上工业企业完成工业总产值2596736万元,完成工业增加值630000万元。
            """)
        #expect(try fixture.findings(rule).isEmpty)
        // Only the subsets of the same measure are parts: 291 of 1325, the savings of the deposits, the 规模以上
        // firms' 增加值 of the county's.
        let document = try fixture.analysis().document
        #expect(document.breakdowns.map { [$0.total] + $0.parts }.map { $0.map { document.claims[$0].text } }
            == [["1325个", "291个"], ["1221442万元", "912831万元"], ["644350万元", "630000万元"]])
    }
}
