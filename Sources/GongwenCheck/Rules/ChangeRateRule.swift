import Foundation
import GongwenModel

/// `change.rate`: a change from A to B whose stated rate (`减幅r%`, `增长r%`) is not |B − A| / A.
///
/// Reads the changes of `document.changes` with a from and a percent rate, and a to or a delta. The
/// rate is recomputed as the amount of the change over the value before it, ×100: the stated delta C
/// over A when the change states one (and C is B − A within rounding), else |B − A| / A; on the
/// operands' intervals. The stated rate's own precision decides: a rate that is the exact quotient cut
/// off rather than rounded is `info` (truncation), one unit of its last digit off a `warning`, more an `error`.
///
/// Real example (巴中市民政局, 2020): `建制村由2177优化1316个,减少861个,减幅达39.54%` → `减幅 39.54% 与 861/2177 =
/// 39.5498% 不符(截断而非四舍五入)`; `从200个优化到139…共减少乡级行政区61个,减幅达30.5%` holds.
public struct ChangeRateRule: Rule {
    public let id = "change.rate"
    public let severity = Severity.error
    public let title = "A rate of change that is not the change over the value before it"
    public let rationale = """
        A rate of change (`减幅`, `增幅`, `增长`) is the amount of the change over the value before it. The rule \
        recomputes it from the change's own numbers (`861/2177`, or `(B − A)/A` when no amount is stated) on \
        their printed precision. A rate cut off instead of rounded (39.54% for 39.5498%) is `info`: the \
        arithmetic is right, the rounding is not. A budget's plan over the year's outturn stated in another \
        part of the report (`…收入安排1876000万元，增长7.3%` over `…收入完成1748028万元`) may be on a comparable \
        basis: a point off is `info`, more a `warning`. Average annual rates (`年均增长`) are `change.annual`'s; a \
        change from 0 raises nothing.
        """
    public let example = "`建制村由2177优化1316个,减少861个,减幅达39.54%` → 减幅 39.54% 与 861/2177 = 39.5498% 不符(截断而非四舍五入)"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        var findings: [Finding] = []
        for change in context.document.changes where change.realRate != true && change.annual != true {
            guard let rateID = change.rate, claims[rateID].kind == .percent, let (from, base, baseValue) = start(of: change, claims) else { continue }
            let rate = claims[rateID]
            guard baseValue > 0, from.kind == .quantity else { continue }
            var amount: (interval: Interval, exact: Decimal, formula: String)
            let to = change.to.map { claims[$0] }
            let delta = change.delta.map { claims[$0] }.flatMap { $0.kind == .quantity && $0.sharesUnit(with: from) ? $0 : nil }
            if change.from == nil, let delta, let to {
                // A level with its change: the base is the level less the change.
                amount = (Interval(claim: delta), delta.value, "\(delta.numeral)/(\(to.numeral) \(change.direction == .decrease ? "+" : "−") \(delta.numeral))")
            } else if let to, to.kind == .quantity, to.sharesUnit(with: from) {
                let decrease = change.direction == .decrease || change.direction == nil && from.value > to.value
                let difference = decrease ? Interval(claim: from) - Interval(claim: to) : Interval(claim: to) - Interval(claim: from)
                let exact = decrease ? from.value - to.value : to.value - from.value
                if let delta, !delta.isApproximate, Interval(claim: delta).meets(difference) {
                    amount = (Interval(claim: delta), delta.value, "\(delta.numeral)/\(from.numeral)")
                } else {
                    amount = (difference, exact, decrease ? "(\(from.numeral) − \(to.numeral))/\(from.numeral)" : "(\(to.numeral) − \(from.numeral))/\(from.numeral)")
                }
                if change.direction == nil, rate.value < 0, decrease {
                    // A signed rate with no verb (a table's `-3.87%` from 96.74 to 93): the decrease, negative.
                    amount = (Interval(lower: amount.interval.upper.map { -$0 }, upper: amount.interval.lower.map { -$0 }), -amount.exact,
                              "(\(to.numeral) − \(from.numeral))/\(from.numeral)")
                }
            } else if let delta {
                amount = (Interval(claim: delta), delta.value, "\(delta.numeral)/\(from.numeral)")
            } else {
                continue
            }
            guard let ratio = amount.interval.divided(by: base) else { continue }
            let exact = amount.exact / baseValue * 100
            if var found = arithmeticFinding(rate, label: rate.predicate ?? "变化率", formula: amount.formula, recomputed: ratio.scaled(by: 100),
                                             exact: exact, evidence: ([change.from.map { claims[$0] }, to, delta].compactMap { $0 })) {
                // A plan over the outturn stated in another part: offices compute it on a comparable basis (`同口径`),
                // often unsaid. A point off is `info`, more a `warning`.
                if change.namedBase == true, let stated = found.stated, let expected = found.expected {
                    found.severity = (stated - expected).magnitude <= RateWeightedRule.comparableBasisSlack ? .info : min(found.severity, .warning)
                }
                findings.append(found)
            }
        }
        return findings
    }

    /// The value before the change, its interval and its exact value: the stated `from`, or for a level
    /// with its change (`22258元，比上年增加1894元`) the level less the change (20364元).
    private func start(of change: Change, _ claims: [Claim]) -> (claim: Claim, interval: Interval, exact: Decimal)? {
        if let from = change.from { return (claims[from], Interval(claim: claims[from]), claims[from].value) }
        guard let to = change.to.map({ claims[$0] }), let delta = change.delta.map({ claims[$0] }), to.kind == .quantity,
              delta.kind == .quantity, delta.sharesUnit(with: to), !delta.isApproximate, !to.isApproximate else { return nil }
        if change.direction == .decrease {
            return (to, Interval(claim: to) + Interval(claim: delta), to.value + delta.value)
        }
        return (to, Interval(claim: to) - Interval(claim: delta), to.value - delta.value)
    }
}
