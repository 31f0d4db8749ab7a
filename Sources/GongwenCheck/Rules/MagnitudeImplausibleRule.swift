import Foundation
import GongwenModel
import GongwenText

/// `magnitude.implausible`: a quantity outside the plausibility bound for what it counts, such as
/// the population of a single community in the hundreds of millions.
///
/// Reads the claims of `document.claims`; the bound comes from the bounds file (bundled
/// `bounds.tsv`, or the user's `--bounds FILE`) by the claim's subject and unit: the row whose subject
/// word ends last in the subject wins (`…街道春长坪社区` is a 社区, not a 街道). Approximate values are
/// checked only against the side they bound: `超3万人` (at least) only against the maximum, `近5万人`
/// (at most) only against the minimum; a range against both ends.
///
/// Real example (巴中市民政局, 2020): `常住人口最多的通江县壁州街道春长坪社区高达29275万人` → `“…春长坪社区”29275万人
/// (即292750000人)超出一个社区的人口的上限200000人`.
public struct MagnitudeImplausibleRule: Rule {
    public let id = "magnitude.implausible"
    public let severity = Severity.error
    public let title = "A quantity outside the plausible range for what it counts"
    public let rationale = """
        Some values cannot be true whatever the arithmetic: one 社区 of 292.75 million people, an age of 300, \
        a share over 100%. They come from a lost decimal point, a wrong scale word or digits run together. \
        The bounds are data, not code (`Sources/GongwenCheck/Resources/bounds.tsv`, or `--bounds FILE`): \
        subject words, unit, minimum, maximum and why. The message names the bound used.
        """
    public let example = "`春长坪社区高达29275万人` → “…春长坪社区”29275万人(即292750000人)超出一个社区的人口的上限200000人"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        // The units some row bounds: a claim in another unit is passed over before its subject is read.
        // Compared byte for byte and by index: hashing a Chinese unit into a `Set` normalises it, and a claim
        // in another unit is not copied.
        var units: [String] = []
        for row in context.bounds.rows where !units.contains(where: row.unit.sameUTF8) { units.append(row.unit) }
        let claims = context.document.claims
        for index in claims.indices where claims[index].kind.isClaim && claims[index].unit.map({ unit in units.contains { $0.sameUTF8(unit) } }) == true {
            // Copied only once a row bounds it.
            guard let unit = claims[index].unit,
                  let row = context.bounds.row(subject: (claims[index].subject ?? "") + (claims[index].predicate ?? ""), unit: unit) else { continue }
            let claim = claims[index]
            let low = claim.value
            let high = claim.upper ?? claim.value
            let subject = claim.subject ?? claim.text
            if let max = row.max, low > max, claim.qualifier != .atMost {
                let message = Message.implausible(text: claim.text, subject: subject, value: low, unit: unit, bound: max, isUpper: true, boundName: row.name, boundNameEn: row.nameEn)
                findings.append(finding(message, at: claim.span, stated: low, expected: max))
            } else if let min = row.min, high < min, claim.qualifier != .atLeast {
                let message = Message.implausible(text: claim.text, subject: subject, value: high, unit: unit, bound: min, isUpper: false, boundName: row.name, boundNameEn: row.nameEn)
                findings.append(finding(message, at: claim.span, stated: high, expected: min))
            }
        }
        return findings
    }
}
