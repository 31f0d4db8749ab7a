import Foundation
import GongwenExtract
import GongwenModel
import GongwenText

/// `rate.weighted`: a total's growth rate that its parts' values and growth rates do not give.
///
/// Each part was its value over one plus its rate a year before (`税收收入33596万元，增长1.5%` was 33596 / 1.015 =
/// 33099万元); the total was the sum of those, and its rate is its value over that sum, less one. The rule
/// recomputes it on the printed precision of every value and rate, for the breakdowns `rate.bounds` reads whose
/// parts add up to the total, and says nothing where `rate.bounds` already does. Rates at comparable prices (a value
/// added's, `按可比价格计算`) are not their values' growth and are left alone. A percent of the budget completed
/// (`为预算的101%`) is recomputed the same way, the parts' budgets being their values over their percents. A growth rate
/// up to a point off (`comparableBasisSlack`) is `info`, more a `warning`; a percent of the budget is a `warning` one unit
/// of its last digit off. An average's parts (`人均可支配收入` by source) are rounded at their last digit.
///
/// Real example that holds (常德市, 2025): `地方一般公共预算收入安排63596万元，下降2.79%，其中，税收收入33596万元，增长1.5%；
/// 非税收入30000万元，下降7.19%` — 33596/1.015 + 30000/0.9281 = 65424, and 63596/65424 − 1 = −2.79%.
public struct RateWeightedRule: Rule {
    public let id = "rate.weighted"
    public let severity = Severity.warning
    public let title = "A total's growth rate that its parts' values and rates do not give"
    public let rationale = """
        When a total and each of its parts state a value and a growth rate, the year before is known for \
        each part (its value over one plus its rate), the total's year before is their sum, and its rate \
        follows. `rate.bounds` asks only that the total's rate lie between its parts'; this rule recomputes \
        it, on the printed precision of every figure, where the parts' values add up to the total. Offices \
        compute growth on a comparable basis (`可比口径`: the units reporting both years, transport re-estimated \
        from surveys), often without saying so, which moves a rate some tenths of a point: up to one \
        percentage point off is `info`, more a `warning`. A percent of a budget, a fixed figure, is a `warning` \
        one unit of its last digit off. Rates at comparable prices (value added, GDP, `按可比价格计算`) are not the growth of the values printed \
        and are left alone. A percent of the budget completed (`为预算的101%`) is recomputed the same way, with \
        the parts' budgets. Measures of the units above a size (`规模以上`, `限额以上`), a different set each year \
        whose growth is counted over the units of both, are left alone too.
        """
    public let example = "`收入63596万元，下降4.79%，其中，税收收入33596万元，增长1.5%；非税收入30000万元，下降7.19%` → 总数下降 -4.79% 与各部分数值和下降推算的 -2.794% 不符"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        let directions = RateBoundsRule.directions(context.document)
        let signed = { (claim: Claim) in RateBoundsRule.signed(claim, directions[claim.id] ?? nil) }
        let signedValue = { (claim: Claim) in RateBoundsRule.signedValue(claim, directions[claim.id] ?? nil) }
        // Rates at comparable prices (`按可比价格计算`, a value added's): the nominal values do not weight them.
        let real = Set(context.document.changes.compactMap { $0.realRate == true ? $0.rate : nil })
        return context.rateBounds.compactMap { instance in
            guard instance.complete, instance.parts.count == instance.partRates.count,
                  !real.contains(instance.totalRate), !instance.partRates.contains(where: real.contains) else { return nil }
            let total = claims[instance.total], rate = claims[instance.totalRate]
            let parts = instance.parts.map { claims[$0] }, rates = instance.partRates.map { claims[$0] }
            // Units above a size (`规模以上`, `限额以上`) are a different set each year, and their growth is counted over the units
            // of both: this year's values do not weight it.
            guard !([total] + parts).contains(where: { level in Self.aboveSize.contains(where: (level.name ?? "").holds) }) else { return nil }
            guard total.kind == .quantity, total.value > 0, !rate.isApproximate, rate.step != nil,
                  parts.allSatisfy({ $0.kind == .quantity && $0.value > 0 && $0.sharesUnit(with: total) }) else { return nil }
            // Within its parts' rates, or `rate.bounds` speaks.
            let stated = signed(rate)
            guard RateBoundsRule.side(of: stated, among: rates.map(signed)) == .within else { return nil }
            // Each part's base: its value over its factor (1 + rate, or the percent completed).
            let factor = { (interval: Interval) -> Interval in
                instance.kind == .growth ? Interval.exact(1) + interval.scaled(by: 0.01) : interval.scaled(by: 0.01)
            }
            let average = IndicatorName.isAverage(total.name ?? "")
            var base = Interval.exact(0)
            var exactBase = Decimal(0)
            for (part, partRate) in zip(parts, rates) {
                guard let before = context.interval(of: part, inAverage: average).divided(by: factor(signed(partRate))) else { return nil }
                guard let exactFactor = factor(.exact(signedValue(partRate))).lower, exactFactor > 0 else { return nil }
                base = base + before
                exactBase += part.value / exactFactor
            }
            guard exactBase > 0, let ratio = context.interval(of: total, inAverage: average).divided(by: base) else { return nil }
            let offset: Decimal = instance.kind == .growth ? 1 : 0
            let recomputed = (ratio - .exact(offset)).scaled(by: 100)
            guard !recomputed.meets(stated) else { return nil }
            let exact = (total.value / exactBase - offset) * 100
            // A budget is a fixed figure; growth may be on a comparable basis.
            let slack = instance.kind == .completion ? rate.step ?? 1 : max(rate.step ?? 1, Self.comparableBasisSlack)
            let severity: Severity = recomputed.distance(to: signedValue(rate)) <= slack ? .info : .warning
            let places = Decimal.places(of: rate.step) + 1
            // The rate as printed, with its sign (`下降2.79%` is -2.79%; `12.0%` keeps its zero).
            let printed = (signedValue(rate) < 0 && rate.value > 0 ? "-" : "") + rate.numeral + "%"
            let message = Message.notWeightedMean(label: RateBoundsRule.label(rate), stated: printed,
                                                  recomputed: Decimal.written(exact, places: places) + "%", budgets: instance.kind == .completion)
            return finding(message, at: rate.span, evidence: [total.span] + parts.map(\.span) + rates.map(\.span),
                           stated: signedValue(rate), expected: Decimal.rounded(exact, places: places), severity: severity)
        }
    }

    /// How far, in percentage points, a total's growth rate may be from its recomputation before it is a `warning`:
    /// offices compute growth on a comparable basis (`可比口径`: the units reporting both years for 规模以上工业 and
    /// 限额以上 trade, road transport re-estimated from surveys, loans after write-offs), often without saying so, which
    /// moves a total's rate some tenths of a point off its printed values' (和田's 2025 passenger transport: 60.2% stated,
    /// 59.85% from its parts).
    static let comparableBasisSlack: Decimal = 1

    /// Words that name the units above a size (国家统计局's 规模以上工业, 限额以上 trade), and their short forms.
    static let aboveSize = ["规模以上", "限额以上", "规上", "限上"]
}
