import GongwenCheck
import GongwenModel
import Testing

@Suite("sign.doubled")
struct SignDoubledRuleTests {
    let rule = SignDoubledRule()

    @Test func percentSignWrittenTwice() throws {
        let fixture = Fixture("土地开发资金收入2400万元，下降1️⃣33.3%%2️⃣。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "“33.3%%”中百分号重复")
        #expect(found.first?.severity == .warning)
    }

    @Test func fullWidthAndPermilleSigns() throws {
        let fixture = Fixture("农村居民人均可支配收入增长1️⃣6.1％％2️⃣，自然增长率3️⃣1.2‰‰4️⃣。")
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2), fixture.span(3, 4)])
    }

    @Test func oneSignPerNumberIsNotFlagged() throws {
        let fixture = Fixture("增长5%、6%和7‰，符号%%单独出现，比重为33.3%。")
        #expect(try fixture.findings(rule).isEmpty)
    }
}
