import GongwenCheck
import GongwenModel
import Testing

@Suite("docnum.malformed")
struct DocNumberMalformedRuleTests {
    let rule = DocNumberMalformedRule()

    @Test func yearGluedToSerial() throws {
        let fixture = Fixture("争取到社区建设资金140万元(1️⃣川财社20191166号2️⃣、3️⃣川财社2020128号4️⃣),均用于保障。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2), fixture.span(3, 4)])
        #expect(found.first?.message == "发文字号“川财社20191166号”年份与序号粘连,缺少六角括号(应为川财社〔2019〕1166号)")
        #expect(found.last?.messageEn == "document number \"川财社2020128号\" has its year glued to the serial number (should be 川财社〔2020〕128号)")
    }

    @Test func wellFormedNumbersAddressesAndOrdinalsAreNotFlagged() throws {
        let fixture = Fixture("""
            根据川财社〔2019〕1166号和川委办 [2014]27号文件精神,办公地址在江北大道中段38号,编号第2019001号,电话20191166号。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func footerRecordNumbersInChromeAreSkipped() throws {
        let fixture = Fixture("""
            现将有关情况报告如下。工作推进顺利。
            ICP备案:蜀ICP备14032324号-2 川公网安备51190202000102号网站标识码:5119000005
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }
}
