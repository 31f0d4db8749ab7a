import GongwenCheck
import GongwenModel
import Testing

@Suite("share.percent")
struct SharePercentRuleTests {
    let rule = SharePercentRule()

    @Test func shareThatIsNotThePartOverTheWhole() throws {
        let fixture = Fixture("全市城市社区150个,集镇社区353个,城市社区占比(1️⃣31.8%2️⃣)远低于全省(47.4%)。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "占比 31.8% 与 150/(150+353) = 29.821% 不符(应为29.8%)")
        #expect(found.first?.messageEn == "占比 31.8% does not match 150/(150+353) = 29.821% (rounds to 29.8%)")
    }

    @Test func shareThatHolds() throws {
        let fixture = Fixture("全市城市社区150个,集镇社区353个,城市社区占比(29.8%)远低于全省(47.4%)。")
        #expect(try fixture.findings(rule).isEmpty)
        #expect(try fixture.analysis().document.rates.count == 1)
    }
}
