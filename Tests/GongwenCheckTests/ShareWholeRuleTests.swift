import GongwenCheck
import GongwenModel
import Testing

/// `share.whole`: parts listed each with its share of an unsaid whole must give one whole.
/// Numbers are made up.
@Suite("share.whole")
struct ShareWholeRuleTests {
    func found(_ text: String) throws -> (fixture: Fixture, found: [Finding]) {
        let fixture = Fixture(text)
        return (fixture, try fixture.findings(ShareWholeRule()))
    }

    @Test func sharesThatGiveOneWhole() throws {
        // 30/40% = 75, 36/48% = 75, 9/12% = 75: the whole is 75, whatever the text counted before.
        let holds = try found("共收到提案90件，立案80件。已经解决的30件，占40%；正在解决的36件，占48%；暂时不能解决的9件，占12%。")
        #expect(holds.found.isEmpty)
    }

    @Test func sharesThatNoWholeGives() throws {
        // 30/40% is about 75, 9/10.5% about 85.7: no one whole.
        let wrong = try found("共收到提案90件，立案80件。已经解决的30件，占40%；正在解决的36件，占48%；暂时不能解决的9件，占1️⃣10.5%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .warning)
        #expect(wrong.found.first?.message == "36件占48%(总数约75件)与9件占10.5%(总数约85.7件)不能是同一总数的占比")
    }

    @Test func aTruncatedShareStillGivesTheWhole() throws {
        // 7/71 = 9.859%, printed 9.8% (cut, not rounded); 20/71 = 28.17%.
        let cut = try found("立案71件。已经解决的20件，占28.2%；暂时不能解决的7件，占9.8%。")
        #expect(cut.found.isEmpty)
    }

    @Test func aNamedWholeIsShareDotPercentsBusiness() throws {
        // The whole is said (占立案总数的): share.percent recomputes each share against it.
        let named = try found("立案80件。已经解决的30件，占立案总数的40%；暂时不能解决的9件，占立案总数的10.5%。")
        #expect(named.found.isEmpty)
    }
}
