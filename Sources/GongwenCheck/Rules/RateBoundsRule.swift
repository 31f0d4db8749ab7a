import Foundation
import GongwenModel
import GongwenText

/// `rate.bounds`: a total whose growth rate lies outside the growth rates of its parts.
///
/// A total's growth rate is the mean of its parts' rates weighted by their earlier values, so it lies
/// between the lowest and the highest of them — when the parts are all of the total. The rule reads the
/// breakdowns whose total and every part state a rate of change (`全年外贸进出口总额59.97亿元，下降32.1%。其中
/// 出口57.30亿元，下降27.1%；进口2.67亿元，下降72.6%`) and allows half a unit of each rate's last printed digit.
/// It is a `warning` when the parts add up to the total. Parts that do not, and groupings stated in rates
/// only (`按门类分，采矿业增长14.8%…`, `document.growthSplits`), count only when their names cover a
/// classification of `identities.tsv` (三次产业, 采矿业/制造业/供应业, 城镇/乡村…) or end with the rest (`其他`),
/// and then as `info`: the total of a grouping is read from its place. A sum of `identities.tsv` (`地区生产总值 =
/// the three industries`) is complete by definition, its terms stated anywhere in the document (a sum its terms may exceed
/// a little, `第二产业增加值 ≤ 工业增加值 + 建筑业增加值`, as `info`). Parts that are some of the total
/// (`其中高技术制造业增长10.0%`) bound nothing. A percent of the budget completed (`收入完成140.9亿元，为预算的101%；其中
/// 税收收入100.2亿元，为预算的100.1%…`) is bounded the same way: the total's is its parts' weighted by their budgets.
///
/// Real example that holds (宝鸡市, 2025): −32.1% lies between −72.6% and −27.1%.
public struct RateBoundsRule: RelationRule {
    public let id = "rate.bounds"
    public let severity = Severity.warning
    public let title = "A total's growth rate outside its parts' growth rates"
    public let rationale = """
        The growth rate of a total is its parts' growth rates averaged with their earlier values as weights, \
        so it cannot be lower than the lowest or higher than the highest of them. A total growing 12.9% whose \
        parts grew 13.6% and more is wrong somewhere. The parts must be all of the total: the finding is a \
        `warning` when the parts' values add up to the total, `info` when their names cover a classification \
        (三次产业, 城镇/乡村, the rest `其他`, a thing and `非…`; `identities.tsv`, `--identities`). The terms of a sum of \
        `identities.tsv` (`地区生产总值 = 第一产业增加值 + 第二产业增加值 + 第三产业增加值`) are all of it, stated anywhere in \
        the document: a `warning`; those of a sum they may exceed a little (`第二产业增加值 ≤ 工业增加值 + 建筑业增加值`) \
        bound it as `info`. Parts that may be \
        some of the total (`其中高技术制造业`) are not checked. A percent of the budget completed \
        (`为预算的101%`) is bounded by its parts' in the same way, their budgets being the weights.
        """
    public let example = "`总额100亿元，增长12.9%，其中A 60亿元，增长13.6%；B 40亿元，增长15.0%` → 增长 12.9% 不在各部分增速 13.6% 至 15.0% 之间"

    public init() {}

    struct Instance {
        /// What the rates are: rates of change (`增长13.6%`) or percents of a budget completed (`为预算的101%`).
        enum Kind { case growth, completion }
        var kind: Kind
        var total: Int
        var totalRate: Int
        /// The parts' levels, in the order of `partRates`; empty for a grouping stated in rates only.
        var parts: [Int]
        var partRates: [Int]
        var complete: Bool
    }

    public func relations(_ context: CheckContext) -> [StatedRelation] {
        context.rateBounds.map { StatedRelation(kind: .rateBounds, claims: [$0.totalRate] + $0.partRates) }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        let directions = Self.directions(context.document)
        return context.rateBounds.compactMap { instance in
            let rate = claims[instance.totalRate]
            let rates = instance.partRates.map { claims[$0] }
            let signed = { (claim: Claim) -> Interval in Self.signed(claim, directions[claim.id] ?? nil) }
            guard let side = Self.side(of: signed(rate), among: rates.map(signed)), side != .within else { return nil }
            let value = { (claim: Claim) in Self.signedValue(claim, directions[claim.id] ?? nil) }
            let values = rates.map(value)
            let label = Self.label(rate)
            let message = Message.outsideParts(label: label, stated: written(value(rate)),
                                               lowest: written(values.min()!), highest: written(values.max()!))
            return finding(message, at: rate.span, evidence: rates.map(\.span), stated: value(rate),
                           expected: side == .below ? values.min()! : values.max()!, severity: instance.complete ? .warning : .info)
        }
    }

    private func written(_ value: Decimal) -> String { "\(value)%" }

    /// Whether a table row of the breakdown's span, or of the few rows of its table right after it, names a part
    /// and gives no figure.
    static func skipsBlankRow(_ breakdown: Breakdown, _ context: CheckContext) -> Bool {
        let source = context.source
        let first = source.line(at: breakdown.start), last = source.line(at: max(breakdown.start, breakdown.end - 1))
        guard first < last else { return false }
        let text = { (number: Int) in source.folded[source.lineSpan(number).start..<source.lineSpan(number).end] }
        let blank = { (number: Int) in text(number).contains("\t") && text(number).contains(where: isCJK) && !text(number).contains(where: isASCIIDigit) }
        if (first...last).contains(where: blank) { return true }
        var next = last + 1
        while next <= source.lineCount, next - last <= blankRowsReach, text(next).contains("\t") {
            if blank(next) { return true }
            next += 1
        }
        return false
    }

    /// How many table rows after a breakdown's last part may still be its parts with no figure.
    static let blankRowsReach = 8

    /// Where a stated rate lies against its parts' rates (their intervals): below the lowest, above the highest, or
    /// within; nil when an end is unbounded.
    enum Side { case below, within, above }

    static func side(of stated: Interval, among parts: [Interval]) -> Side? {
        guard let low = parts.compactMap(\.lower).min(), let high = parts.compactMap(\.upper).max(),
              let statedLow = stated.lower, let statedHigh = stated.upper else { return nil }
        return statedHigh < low ? .below : statedLow > high ? .above : .within
    }

    /// What a total's rate is called in a message: its predicate (`增长`), the plan it is a percent of (`为预算的`), or 增速.
    static func label(_ rate: Claim) -> String {
        rate.predicate ?? (Claim.namesPlan(rate.name ?? "") ? rate.name! : "增速")
    }

    /// The direction each rate of change is stated with (`下降27.1%`), from the document's changes and groupings.
    static func directions(_ document: Document) -> [Int: ChangeDirection?] {
        var directions = Dictionary(document.changes.compactMap { change in change.rate.map { ($0, change.direction) } },
                                    uniquingKeysWith: { first, _ in first })
        for split in document.growthSplits {
            for (claim, direction) in zip([split.total] + split.parts, split.directions) where directions[claim] == nil {
                directions[claim] = direction
            }
        }
        return directions
    }

    /// A rate of change with its sign: `下降27.1%` is −27.1.
    static func signedValue(_ claim: Claim, _ direction: ChangeDirection?) -> Decimal {
        direction == .decrease && claim.value > 0 ? -claim.value : claim.value
    }

    /// The interval of a rate of change with its sign: `下降27.1%` is [−27.15, −27.05].
    static func signed(_ claim: Claim, _ direction: ChangeDirection?) -> Interval {
        let interval = Interval(claim: claim)
        guard direction == .decrease, claim.value > 0 else { return interval }
        return Interval(lower: interval.upper.map { -$0 }, upper: interval.lower.map { -$0 })
    }

    /// The totals and parts whose rates bound each other (`CheckContext.rateBounds` keeps them).
    static func stated(in context: CheckContext) -> [Instance] {
        let document = context.document
        // A level's rate of change (for breakdowns), and the level a rate is of (`增长5.8%` is named by
        // `农村居民人均可支配收入32327元`).
        var rateOf: [Int: Int] = [:]
        var levelOf: [Int: Int] = [:]
        for change in document.changes where change.from == nil || change.namedBase == true {
            guard let to = change.to, let rate = change.rate else { continue }
            levelOf[rate] = to
            if document.claims[rate].kind == .percent, !document.claims[rate].isApproximate { rateOf[to] = rate }
        }
        // Parts that are some of the total (`其中高技术制造业增长10.0%`) bound nothing: only a complete split counts.
        // A rate that names nothing is named by its level.
        let name = { (claim: Int) in (document.claims[claim].name ?? "").count >= 2 ? document.claims[claim].name! : levelOf[claim].flatMap { document.claims[$0].name } ?? "" }
        let named = { (parts: [Int]) in context.identities.isComplete(parts.map(name)) }
        // Rates only, after a grouping: complete by the classes they name; `info` at most.
        let splits = document.growthSplits.filter { named($0.parts) }
            .map { Instance(kind: .growth, total: $0.total, totalRate: $0.total, parts: [], partRates: $0.parts, complete: false) }
        let completionOf = Self.completions(document.claims)
        let bounded = { (breakdown: Breakdown, rates: [Int: Int], kind: Instance.Kind) -> Instance? in
            guard breakdown.parts.count >= 2, let totalRate = rates[breakdown.total] else { return nil }
            let partRates = breakdown.parts.compactMap { rates[$0] }
            guard partRates.count == breakdown.parts.count else { return nil }
            // A table row between the total and its last part that names a part with no figure (`产权转让收入⇥⇥`) may
            // have had one last year: the parts add up now, but the total's rate may be below them all.
            let adds = context.addsUp(breakdown) && !Self.skipsBlankRow(breakdown, context)
            guard adds || named(breakdown.parts) else { return nil }
            return Instance(kind: kind, total: breakdown.total, totalRate: totalRate, parts: breakdown.parts, partRates: partRates, complete: adds)
        }
        let stated = splits + document.breakdowns.flatMap { breakdown in
            [bounded(breakdown, rateOf, .growth), bounded(breakdown, completionOf, .completion)].compactMap { $0 }
        }
        // A sum of `identities.tsv` is all of its result by definition, wherever its terms are stated (`第二产业增加值` in
        // one section, `工业增加值` and `建筑业增加值` in others): the result's rate lies between the terms'.
        var seen = Set(stated.map(\.totalRate))
        let defined = context.statedIdentities.compactMap { identity -> Instance? in
            guard identity.form == .sum, identity.terms.count >= 2, identity.terms.allSatisfy({ $0.sign > 0 }),
                  let totalRate = rateOf[identity.result], !seen.contains(totalRate) else { return nil }
            let partRates = identity.terms.compactMap { rateOf[$0.claim] }
            guard partRates.count == identity.terms.count else { return nil }
            seen.insert(totalRate)
            // (A sum its terms may exceed, `第二产业增加值 ≤ 工业增加值 + 建筑业增加值`, leaves out a little of them: `info`.)
            return Instance(kind: .growth, total: identity.result, totalRate: totalRate, parts: identity.terms.map(\.claim),
                            partRates: partRates, complete: !identity.atMost)
        }
        return stated + defined
    }

    /// Each level's percent of its budget or plan, said right after it (`完成140.9亿元，为预算的101%`). A total's is its
    /// parts' averaged with their budgets as weights, so it lies between theirs as a growth rate does.
    static func completions(_ claims: [Claim]) -> [Int: Int] {
        var completionOf: [Int: Int] = [:]
        // By index, fields read in place: `for claim in claims` copied every claim (its strings retained and released).
        for index in claims.indices where claims[index].kind == .percent && claims[index].id > 0 && !claims[index].isApproximate
            && Claim.namesPlan(claims[index].name ?? "") {
            let level = claims[index].id - 1
            if claims[level].kind == .quantity, claims[level].upper == nil, claims[level].sentenceStart == claims[index].sentenceStart {
                completionOf[claims[level].id] = claims[index].id
            }
        }
        return completionOf
    }
}
