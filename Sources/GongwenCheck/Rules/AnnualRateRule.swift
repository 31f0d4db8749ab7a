import Foundation
import GongwenModel

/// `change.annual`: an average annual rate (`年均增长r%`) that the two dated levels do not give.
///
/// Reads the changes of `document.changes` whose rate is `annual` and whose levels are dated, so that
/// the years between them are known (`从2015年的2007万元上升到2020年的2468万元，年均增长4.22%`: 5 years). The
/// rate compounds: (B / A)^(1/n) − 1, on the operands' printed precision. A real rate (value added, GDP,
/// `按可比价格计算`) is not the nominal levels' and is not recomputed, nor is a rate whose years the text
/// does not give (`从1.44万亿元提高到2.06万亿元，年均增长9.9%`).
///
/// Real example that holds (壤塘县, 2021): `一般公共预算收入从2015年的2007万元上升到2020年的2468万元,年均增长4.22%`
/// ((2468/2007)^(1/5) − 1 = 4.22%); with `年均增长5.22%` it reports the 4.22% the levels give.
public struct AnnualRateRule: Rule {
    public let id = "change.annual"
    public let severity = Severity.error
    public let title = "An average annual rate that the two dated levels do not give"
    public let rationale = """
        An average annual rate of growth (`年均增长`) between two dated levels compounds over the years \
        between them: (B / A)^(1/n) − 1. The rule recomputes it on the printed precision of both levels \
        when the text dates them, and leaves real rates (value added, GDP, comparable prices) alone: their \
        nominal levels do not give them.
        """
    public let example = "`一般公共预算收入从2015年的2007万元上升到2020年的2468万元,年均增长5.22%` → 年均增长 5.22% 与 (2468/2007)^(1/5) − 1 = 4.2224% 不符"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        return context.document.changes.compactMap { change in
            guard change.annual == true, change.realRate != true, let years = change.years, years > 0,
                  let from = change.from.map({ claims[$0] }), let to = change.to.map({ claims[$0] }), let rate = change.rate.map({ claims[$0] }),
                  from.kind == .quantity, to.kind == .quantity, rate.kind == .percent, to.sharesUnit(with: from),
                  let ratio = Interval(claim: to).divided(by: Interval(claim: from)), let low = ratio.lower, let high = ratio.upper,
                  low > 0, from.value > 0 else { return nil }
            func compounded(_ ratio: Decimal) -> Decimal {
                let value = pow(NSDecimalNumber(decimal: ratio).doubleValue, 1 / Double(years)) - 1
                return Decimal(string: String(format: "%.10f", value * 100)) ?? 0
            }
            let recomputed = Interval(lower: compounded(low), upper: compounded(high))
            return arithmeticFinding(rate, label: rate.predicate.map { "年均" + $0 } ?? "年均增速", formula: "(\(to.numeral)/\(from.numeral))^(1/\(years)) − 1",
                                     recomputed: recomputed, exact: compounded(to.value / from.value), evidence: [from, to])
        }
    }
}
