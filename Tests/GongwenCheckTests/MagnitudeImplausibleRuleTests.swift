import Foundation
import GongwenCheck
import GongwenModel
import Testing

@Suite("magnitude.implausible")
struct MagnitudeImplausibleRuleTests {
    let rule = MagnitudeImplausibleRule()

    /// A claim as the extractor will build it: the number at `span` with its value, unit and subject.
    func claim(_ text: String, span: Span, value: Decimal, unit: String, subject: String, kind: NumberKind = .quantity, qualifier: Qualifier? = nil) -> Claim {
        var mention = NumberMention(text: text, span: span, kind: kind, value: value)
        mention.unit = unit
        mention.qualifier = qualifier
        var claim = Claim(id: 0, mention: mention, sentence: span)
        claim.subject = subject
        return claim
    }

    @Test func aCommunityOfHundredsOfMillions() throws {
        let fixture = Fixture("常住人口最多的通江县壁州街道春长坪社区高达1️⃣29275万人2️⃣,最少的社区仅1人。")
        let claims = [
            claim("29275万人", span: fixture.span(1, 2), value: 292_750_000, unit: "人", subject: "通江县壁州街道春长坪社区"),
            claim("1人", span: fixture.span(of: "1人"), value: 1, unit: "人", subject: "最少的社区"),
        ]
        let found = rule.check(try fixture.context(claims: claims))
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "“通江县壁州街道春长坪社区”29275万人(即292750000人)超出一个社区的人口的上限200000人")
        #expect(found.first?.messageEn == "29275万人 (292750000 人) for \"通江县壁州街道春长坪社区\" is above the upper bound of 200000 人 for the population of one community")
        #expect(found.first?.stated == 292_750_000)
        #expect(found.first?.expected == 200_000)
    }

    @Test func sharesAgesAndAggregates() throws {
        let fixture = Fixture("城市社区占比120%,增幅达165%,干部平均年龄300岁,全省社区人口5000万人。")
        let claims = [
            claim("120%", span: fixture.span(of: "120%"), value: 120, unit: "%", subject: "城市社区占比", kind: .percent),
            claim("165%", span: fixture.span(of: "165%"), value: 165, unit: "%", subject: "增幅", kind: .percent),
            claim("300岁", span: fixture.span(of: "300岁"), value: 300, unit: "岁", subject: "干部平均年龄"),
            claim("5000万人", span: fixture.span(of: "5000万人"), value: 50_000_000, unit: "人", subject: "全省社区人口"),
        ]
        let found = rule.check(try fixture.context(claims: claims))
        #expect(found.map(\.span) == [fixture.span(of: "120%"), fixture.span(of: "300岁")])
    }

    @Test func approximateValuesAreCheckedOnlyOnTheSideTheyBound() throws {
        let fixture = Fixture("该社区人口近30万人。")
        let near = claim("近30万人", span: fixture.span(of: "30万人"), value: 300_000, unit: "人", subject: "该社区人口", qualifier: .atMost)
        #expect(rule.check(try fixture.context(claims: [near])).isEmpty)
        let over = claim("超30万人", span: fixture.span(of: "30万人"), value: 300_000, unit: "人", subject: "该社区人口", qualifier: .atLeast)
        #expect(rule.check(try fixture.context(claims: [over])).count == 1)
    }

    @Test func userBoundsWin() throws {
        let fixture = Fixture("某社区人口15万人。")
        let claims = [claim("15万人", span: fixture.span(of: "15万人"), value: 150_000, unit: "人", subject: "某社区人口")]
        #expect(rule.check(try fixture.context(claims: claims)).isEmpty)
        let strict = try Bounds.parse("社区\t-\t人\t0\t100000\tone\t一个社区的人口\tthe population of one community\tlocal rule", origin: "mine.tsv")
        let found = rule.check(try fixture.context(claims: claims, bounds: Bounds.bundled.overridden(by: strict)))
        #expect(found.count == 1)
        #expect(found.first?.expected == 100_000)
    }
}
