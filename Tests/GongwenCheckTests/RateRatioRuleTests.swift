import GongwenCheck
import GongwenModel
import Testing

@Suite("rate.ratio")
struct RateRatioRuleTests {
    let rule = RateRatioRule()

    @Test func rateThatIsNotTheCountOverTheTotal() throws {
        let fixture = Fixture("累计排查矛盾纠纷53.21万件、化解52.04万件,化解率1️⃣96.8%2️⃣。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .error)
        #expect(found.first?.message == "化解率 96.8% 与 52.04万/53.21万 = 97.801% 不符(应为97.8%)")
        #expect(found.first?.evidence == [fixture.span(of: "52.04万件"), fixture.span(of: "53.21万件")])
    }

    @Test func ratesThatHoldOnThePrintedPrecision() throws {
        let fixture = Fixture("累计排查矛盾纠纷53.21万件、化解52.04万件,化解率97.8%,其中基层化解49.25万件、化解率92.56%。")
        #expect(try fixture.findings(rule).isEmpty)
        #expect(try fixture.analysis().document.rates.count == 2)
    }
}
