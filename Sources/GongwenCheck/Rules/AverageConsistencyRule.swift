import Foundation
import GongwenModel
import GongwenText

/// `average.consistency`: an average and a count that both change (a merger of towns or villages)
/// whose products, the totals, cannot be the same before and after.
///
/// Merging administrative units changes their number and their average size, not the land or the
/// people they hold: average × count before should equal average × count after. The rule looks only
/// where the document states both changes for the same unit of organisation: an average change whose
/// subject is `<unit>平均<quantity>` or `<unit>均<quantity>` (the unit taken from the previous average of
/// the sentence when the subject is only `平均人口`), with a conserved quantity (面积, 人口), and a count
/// change from A个 to B个 of that unit (its subject ending in the unit's word, not a subset such as
/// `1500人以下的村`). The totals are recomputed on intervals (an average is rounded at its last digit,
/// to a whole unit when written as an integer); when they cannot meet, the finding is `info`: populations
/// move between two counts, but the gap asks for a look.
///
/// Real example (巴中市民政局, 2020): `乡镇(街道)从200个优化到139…平均人口由1.84万人增加到2.71万人` →
/// `平均人口:1.84万人 × 200 = 368万人,而 2.71万人 × 139 = 376.69万人,总量前后不一致(超出数字精度所能解释的范围)`;
/// `建制村由2177优化1316个…村平均面积由5.27平方公里增加到8.73平方公里` holds (11473 and 11489 km² meet
/// within the rounding of 5.27 and 8.73).
public struct AverageConsistencyRule: Rule {
    public let id = "average.consistency"
    public let severity = Severity.info
    public let title = "An average and a count whose totals differ before and after a change"
    public let rationale = """
        When a text says both that the number of units changed (乡镇 from 200 to 139) and that their average \
        area or population changed (1.84万人 to 2.71万人), average × count is the total before and after. \
        Area and population are conserved by a merger, so totals that differ by more than the printed \
        precision allows mean one of the four numbers is off, or the units counted differ. Only conserved \
        quantities (面积, 人口) and a count change of the same unit of organisation are compared; the \
        finding is `info`, since populations do move.
        """
    public let example = "`从200个优化到139…平均人口由1.84万人增加到2.71万人` → 平均人口:1.84万人 × 200 = 368万人,而 2.71万人 × 139 = 376.69万人,总量前后不一致(超出数字精度所能解释的范围)"

    public init() {}

    /// Quantities that a change of administrative units leaves unchanged in total.
    static let conserved = ["面积", "人口"]

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        let complete = context.document.changes.compactMap { change -> (from: Claim, to: Claim, span: Span)? in
            guard let from = change.from, let to = change.to else { return nil }
            return (claims[from], claims[to], change.span)
        }
        var findings: [Finding] = []
        var previousAverage: (sentence: Span, unit: String)?
        for average in complete {
            guard let subject = average.from.subject, let split = Self.average(in: subject) else { continue }
            var unit = split.unit
            if unit.isEmpty, let previous = previousAverage, previous.sentence == average.from.sentence { unit = previous.unit }
            if !split.unit.isEmpty { previousAverage = (average.from.sentence, split.unit) }
            guard !unit.isEmpty, Self.conserved.contains(where: split.quantity.contains),
                  !average.from.isApproximate, !average.to.isApproximate, average.from.sharesUnit(with: average.to) else { continue }
            let counts = complete.filter { isCount($0.from, of: unit) && $0.to.kind == .quantity && !$0.to.isApproximate }
            guard let count = counts.first, counts.allSatisfy({ $0.from.value == count.from.value && $0.to.value == count.to.value }) else { continue }
            let step = { (claim: Claim) in Interval(value: claim.value, step: claim.step ?? 1) }
            guard let before = step(average.from).times(Interval(claim: count.from)),
                  let after = step(average.to).times(Interval(claim: count.to)), !before.meets(after) else { continue }
            let scale = average.from.scale
            let total = { (a: Claim, n: Claim) in Decimal.written(a.value * n.value / scale.value, places: 2) + scale.word + (a.unit ?? "") }
            let message = Message.averageTotalsDiffer(
                average: subject, before: average.from.text, countBefore: count.from.numeral, totalBefore: total(average.from, count.from),
                after: average.to.text, countAfter: count.to.numeral, totalAfter: total(average.to, count.to))
            findings.append(finding(message, at: Span(start: average.from.start, end: average.to.end), evidence: [count.from.span, count.to.span],
                                    stated: average.to.value * count.to.value, expected: average.from.value * count.from.value))
        }
        return findings
    }

    /// `乡镇平均人口` → (乡镇, 人口); `村均常任干部职数` → (村, 常任干部职数); `平均人口` → (``, 人口).
    static func average(in subject: String) -> (unit: String, quantity: String)? {
        for word in ["平均", "均"] {
            guard let range = subject.range(of: word) else { continue }
            var unit = String(subject[..<range.lowerBound])
            for prefix in ["全市", "全县", "全区", "全省", "全国"] where unit.hasPrefix(prefix) { unit.removeFirst(prefix.count) }
            return (unit, String(subject[range.upperBound...]))
        }
        return nil
    }

    /// Whether `claim` counts units of organisation `unit`: `全市乡镇(街道)` 200个 counts 乡镇, `建制村` counts 村,
    /// `1500人以下的村` (a subset) does not.
    private func isCount(_ claim: Claim, of unit: String) -> Bool {
        guard claim.kind == .quantity, claim.unitCategory == "count", !claim.isApproximate, var subject = claim.subject,
              !subject.contains("的"), !subject.contains("平均"), !subject.unicodeScalars.contains(where: isASCIIDigit) else { return false }
        if let open = subject.firstIndex(of: "(") { subject = String(subject[..<open]) }
        return subject.hasSuffix(unit)
    }
}
