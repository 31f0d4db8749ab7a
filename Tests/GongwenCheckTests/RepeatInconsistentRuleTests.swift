import GongwenCheck
import GongwenModel
import Testing

@Suite("repeat.inconsistent")
struct RepeatInconsistentRuleTests {
    let rule = RepeatInconsistentRule()

    @Test func sameStatementWithAnotherValue() throws {
        let fixture = Fixture("""
            一、基本情况
            全市城乡社区总数为1819个,覆盖全部乡镇。
            全市城乡社区总数为1️⃣1891个2️⃣,覆盖全部乡镇。
            """)
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .info)
        #expect(found.first?.evidence == [fixture.span(of: "1819个")])
        #expect(found.first?.message.contains("在第2行为1819个,此处为1891个,前后不一致") == true)
    }

    @Test func aSummaryAndItsSectionAreCompared() throws {
        let fixture = Fixture("""
            一、基本情况
            全市城乡社区总数为1819个。
            (一)社区建设
            全市城乡社区总数为1️⃣1891个2️⃣。
            """)
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2)])
    }

    @Test func siblingSectionsAndTableRowsSpeakOfOtherScopes() throws {
        // 全市 and 市级 sections state the same items; a row label repeats under each table; a row's code is no value.
        let fixture = Fixture("""
            一、预算执行情况
            (一)关于全市一般公共预算收入执行情况
            增值税完成43.5亿元,为预算的104.6%。
            (二)关于市级一般公共预算收入执行情况
            增值税完成6.6亿元,为预算的92.4%。
            (三)报表
            市本级        4,379,297
            县(市)        1,220,522
            市本级        1,220,522
            2010150   事业运行        51
            2010199   其他人大事务支出        603
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func restatementsThatAgreeOrSpeakOfOtherThings() throws {
        let fixture = Fixture("""
            一、基本情况
            高中及以上文化程度的干部占到了65.1%,一肩挑占比达91%。
            高中及以上文化程度的干部占到了65.1%,一肩挑占比达91%。
            市级财政投入450万元实施“头雁”工程。市级财政投入715万元,引导支持试点建设。
            普通高校在校学生112.51万人,教职工8.73万人;中职学校在校学生5.19万人,教职工4039人。
            计划改造老旧小区500个。计划改造老旧小区813个。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }
}
