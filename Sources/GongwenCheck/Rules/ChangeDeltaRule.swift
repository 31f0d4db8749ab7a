import Foundation
import GongwenModel

/// `change.delta`: a change from A to B whose stated amount C (`减少C`, `增加C`) is not B − A.
///
/// Reads the changes of `document.changes` that have a from, a to and a delta in one unit, or two rates and a
/// delta in points (`增速高于全国（3.8%）33.3个百分点` after `增长37.1%`). The
/// recomputed amount is A − B for a decrease, B − A for an increase and |A − B| when the verb does
/// not say (`优化到`); it runs on the claims' intervals (`1.84万` is ±50), so only a difference that
/// no rounding explains is an `error`, one unit of the last digit a `warning`.
///
/// Real example that holds (巴中市民政局, 2020): `全市乡镇(街道)从200个优化到139(…)共减少乡级行政区61个` raises
/// nothing; with `减少62个` it reports `减少 62个 与 200 − 139 = 61个 不符(差末位一个单位)`.
public struct ChangeDeltaRule: Rule {
    public let id = "change.delta"
    public let severity = Severity.error
    public let title = "A change whose stated amount is not the difference of its values"
    public let rationale = """
        `由A…到B,减少C` states the same change twice: C must be the difference of A and B. When it is not, one \
        of the three numbers was mistyped or belongs to another statement. The rule recomputes A − B (B − A for \
        an increase) on the operands' printed precision and grades the difference by the precision contract \
        above: `error` beyond one unit of C's last digit, `warning` within it. Changes whose values are in \
        different units, or approximate amounts (`减少60余个`) within the bounds they imply, raise nothing.
        """
    public let example = "`从200个优化到139…共减少乡级行政区62个` → 减少 62个 与 200 − 139 = 61个 不符(差末位一个单位)"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        var findings: [Finding] = []
        for change in context.document.changes {
            guard let fromID = change.from, let toID = change.to, let deltaID = change.delta else { continue }
            let (from, to, delta) = (claims[fromID], claims[toID], claims[deltaID])
            // Two rates and their difference in points (`增长37.1%，高于全国（3.8%）33.3个百分点`).
            let points = from.kind == to.kind && delta.pointsOf == from.kind
            guard delta.kind == .quantity, points || from.sharesUnit(with: to) && to.sharesUnit(with: delta) && from.sharesUnit(with: delta) else { continue }
            let decrease = change.direction == .decrease || change.direction == nil && from.value > to.value
            let (minuend, subtrahend) = decrease ? (from, to) : (to, from)
            let recomputed = Interval(claim: minuend) - Interval(claim: subtrahend)
            let exact = minuend.value - subtrahend.value
            let label = delta.predicate ?? (decrease ? "减少" : "增加")
            if let found = arithmeticFinding(delta, label: label, formula: "\(minuend.numeral) − \(subtrahend.numeral)", recomputed: recomputed,
                                             exact: exact, evidence: [from, to]) {
                findings.append(found)
            }
        }
        return findings
    }
}
