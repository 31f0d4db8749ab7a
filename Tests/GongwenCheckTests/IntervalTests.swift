import Foundation
import GongwenCheck
import GongwenModel
import Testing

@Suite("interval arithmetic")
struct IntervalTests {
    /// A claim as the extractor builds it: `52.04万件` has value 520400 and resolution 100.
    func claim(_ text: String, _ value: Decimal, resolution: Decimal? = nil, kind: NumberKind = .quantity, qualifier: Qualifier? = nil, upper: Decimal? = nil) -> Claim {
        var mention = NumberMention(text: text, span: Span(start: 0, end: text.unicodeScalars.count), kind: kind, value: value)
        mention.resolution = resolution
        mention.qualifier = qualifier
        mention.upper = upper
        return Claim(id: 0, mention: mention, sentence: mention.span)
    }

    func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test func printedPrecision() {
        #expect(Interval(claim: claim("861个", 861)) == .exact(861))
        #expect(Interval(claim: claim("52.04万件", 520_400, resolution: 100)) == Interval(lower: 520_350, upper: 520_450))
        #expect(Interval(claim: claim("39.54%", decimal("39.54"), resolution: decimal("0.01"), kind: .percent)) == Interval(lower: decimal("39.535"), upper: decimal("39.545")))
        #expect(Interval(claim: claim("91%", 91, kind: .percent)) == Interval(lower: decimal("90.5"), upper: decimal("91.5")))
        #expect(Interval(claim: claim("300-500户", 300, upper: 500)) == Interval(lower: 300, upper: 500))
    }

    @Test func qualifiers() {
        #expect(Interval(claim: claim("150余名", 150, qualifier: .atLeast)) == Interval(lower: 150, upper: nil))
        #expect(Interval(claim: claim("近5万", 50_000, resolution: 10_000, qualifier: .atMost)) == Interval(lower: nil, upper: 50_000))
        #expect(Interval(claim: claim("约3万", 30_000, resolution: 10_000, qualifier: .about)) == Interval(lower: 25_000, upper: 35_000))
        #expect(Interval(claim: claim("约300人", 300, qualifier: .about)) == Interval(lower: 270, upper: 330))
    }

    @Test func operations() throws {
        let a = Interval(lower: 1, upper: 2)
        let b = Interval(lower: 10, upper: 20)
        #expect(a + b == Interval(lower: 11, upper: 22))
        #expect(b - a == Interval(lower: 8, upper: 19))
        #expect(Interval(lower: 5, upper: nil) + a == Interval(lower: 6, upper: nil))
        #expect(b.divided(by: a) == Interval(lower: 5, upper: 20))
        #expect(b.divided(by: Interval(lower: 0, upper: 1)) == nil)
        #expect(a.times(b) == Interval(lower: 10, upper: 40))
        #expect(a.scaled(by: 100) == Interval(lower: 100, upper: 200))
        #expect(a.meets(Interval(lower: 2, upper: 3)))
        #expect(!a.meets(Interval(lower: decimal("2.01"), upper: 3)))
        #expect(Interval(lower: nil, upper: 1).meets(Interval(lower: 0, upper: nil)))
        #expect(a.distance(to: 5) == 3)
    }

    @Test func ratiosOnPrintedPrecision() throws {
        let total = Interval(claim: claim("53.21万件", 532_100, resolution: 100))
        let resolved = try #require(Interval(claim: claim("52.04万件", 520_400, resolution: 100)).divided(by: total))
        #expect(resolved.scaled(by: 100).meets(Interval(claim: claim("97.8%", decimal("97.8"), resolution: decimal("0.1"), kind: .percent))))
        // 49.25万/53.21万 = 92.5578%: only the operands' rounding reaches 92.555%.
        let grassroots = try #require(Interval(claim: claim("49.25万件", 492_500, resolution: 100)).divided(by: total))
        #expect(grassroots.scaled(by: 100).meets(Interval(claim: claim("92.56%", decimal("92.56"), resolution: decimal("0.01"), kind: .percent))))
        // 税收占比62.2% with 11.1/17.9 = 62.01%: holds because 11.15/17.85 = 62.46% is reachable.
        let tax = try #require(Interval(claim: claim("11.1亿", decimal("1110000000"), resolution: 10_000_000)).divided(by: Interval(claim: claim("17.9亿", decimal("1790000000"), resolution: 10_000_000))))
        #expect(tax.scaled(by: 100).meets(Interval(claim: claim("62.2%", decimal("62.2"), resolution: decimal("0.1"), kind: .percent))))
    }

    @Test func verdicts() {
        let rate = { (text: String, step: String) in self.claim(text + "%", self.decimal(text), resolution: self.decimal(step), kind: .percent) }
        let exact = Decimal(861) / 2177 * 100
        #expect(Verdict.judge(rate("39.54", "0.01"), recomputed: .exact(exact), exact: exact) == .truncated)
        #expect(Verdict.judge(rate("39.55", "0.01"), recomputed: .exact(exact), exact: exact) == .holds)
        #expect(Verdict.judge(rate("30.5", "0.1"), recomputed: .exact(decimal("30.5")), exact: decimal("30.5")) == .holds)
        #expect(Verdict.judge(rate("30.6", "0.1"), recomputed: .exact(decimal("30.5")), exact: decimal("30.5")) == .nearMiss)
        #expect(Verdict.judge(rate("35.5", "0.1"), recomputed: .exact(decimal("30.5")), exact: decimal("30.5")) == .mismatch)
        #expect(Verdict.judge(claim("62个", 62), recomputed: .exact(61), exact: 61) == .nearMiss)
        #expect(Verdict.judge(claim("60余个", 60, qualifier: .atLeast), recomputed: .exact(61), exact: 61) == .holds)
        #expect(Verdict.judge(claim("70余个", 70, qualifier: .atLeast), recomputed: .exact(61), exact: 61) == .mismatch)
        #expect(Verdict.truncated.severity == .info && Verdict.nearMiss.severity == .warning && Verdict.mismatch.severity == .error)
        #expect(Verdict.holds.severity == nil)
    }
}
