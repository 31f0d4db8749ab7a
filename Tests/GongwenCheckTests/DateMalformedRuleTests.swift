import GongwenCheck
import GongwenModel
import Testing

@Suite("date.malformed")
struct DateMalformedRuleTests {
    let rule = DateMalformedRule()

    @Test func monthDayThatLostItsMonth() throws {
        let fixture = Fixture("二是高位推动,凝聚共识。1️⃣715日2️⃣召开全市推进会议,特别是3️⃣924日4️⃣又召开调度会议。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2), fixture.span(3, 4)])
        #expect(found.first?.message == "日期“715日”缺少月份分隔(可能是7月15日)")
        #expect(found.first?.messageEn == "date \"715日\" lost its month separator (probably 7月15日)")
        #expect(found.allSatisfy { $0.severity == .error && $0.rule == "date.malformed" })
    }

    @Test func ambiguousDigitsListBothReadings() throws {
        let fixture = Fixture("会议于1️⃣111日2️⃣召开。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "日期“111日”缺少月份分隔(可能是1月11日或11月1日)")
    }

    @Test func dateThatLostItsDay() throws {
        let fixture = Fixture("——1️⃣2019年2月日2️⃣在市第三届人民代表大会第四次会议上。本月日均客流12万人次,2019年2月1日起施行。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "日期“2019年2月日”缺少日")
        #expect(found.first?.messageEn == "date \"2019年2月日\" lost its day")
    }

    @Test func wellFormedDatesAndDurationsAreNotFlagged() throws {
        let fixture = Fixture("""
            7月15日召开会议,2020年9月14日印发通知,30日内完成,120日内办结,自受理之日起180日以内答复。
            市级财政投入715万元,实施115项任务,折合715日元。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func signOffDateOfBareDigits() throws {
        let fixture = Fixture("""
            各县区民政局:
            现将有关情况答复如下。感谢支持。
            巴中市民政局
            1️⃣20209142️⃣
            """)
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "成文日期“2020914”缺少年月日分隔(应为2020年9月14日)")
    }

    @Test func wellFormedSignOffDateIsNotFlagged() throws {
        let fixture = Fixture("各县区民政局:\n现将有关情况答复如下。感谢支持。\n巴中市民政局\n2020年9月14日")
        #expect(try fixture.findings(rule).isEmpty)
    }
}
