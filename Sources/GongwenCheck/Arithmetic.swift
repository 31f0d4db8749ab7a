import Foundation
import GongwenModel

/// What the arithmetic rules (`change.*`, `sum.parts`, `share.percent`, `rate.ratio`) share: judging
/// a stated claim against a recomputation and writing the finding with the numbers used.
///
/// For `减幅达39.54%` against 861/2177 the finding reads `减幅 39.54% 与 861/2177 = 39.5498% 不符(截断而非四舍五入)`,
/// severity `info`, stated 39.54 and expected 39.5498 (the recomputation as the message writes it).
extension Rule {
    /// The finding for `stated` against `recomputed` (from the operands' intervals) and `exact` (from
    /// their printed values), anchored at the stated claim; `nil` when the statement holds.
    func arithmeticFinding(_ stated: Claim, label: String, formula: String, recomputed: Interval, exact: Decimal, evidence: [Claim]) -> Finding? {
        let verdict = Verdict.judge(stated, recomputed: recomputed, exact: exact)
        guard let severity = verdict.severity else { return nil }
        let scale = stated.scale
        let places = Decimal.places(of: stated.step.map { $0 / scale.value })
        let expected = Decimal.rounded(exact / scale.value, places: places + 2)
        let result = "\(expected)" + scale.word + (stated.unit ?? "")
        var rounded: String?
        if let step = stated.step, !stated.isApproximate {
            let text = Decimal.written(Decimal.rounded(exact, step: step) / scale.value, places: places) + scale.word + (stated.unit ?? "")
            if text != result { rounded = text }
        }
        let message = Message.recomputed(label: label, stated: stated.text, formula: formula, result: result, verdict: verdict, rounded: rounded)
        return finding(message, at: stated.span, evidence: evidence.map(\.span), stated: stated.value, expected: expected * scale.value, severity: severity)
    }

    /// The finding for a rate or share link: the percent against its numerator over its denominator
    /// (a stated whole, or the sum of the listed parts), ×100.
    func ratioFinding(_ link: Rate, claims: [Claim]) -> Finding? {
        let rate = claims[link.rate]
        let numerator = claims[link.numerator]
        let wholes = link.denominator.map { [claims[$0]] } ?? (link.denominatorParts ?? []).map { claims[$0] }
        guard rate.kind == .percent, let first = wholes.first, numerator.kind == .quantity,
              wholes.allSatisfy({ $0.kind == .quantity && $0.sharesUnit(with: numerator) }) else { return nil }
        let whole = Interval.sum(of: wholes)
        let exactWhole = wholes.reduce(Decimal(0)) { $0 + $1.value }
        guard exactWhole > 0, let ratio = Interval(claim: numerator).divided(by: whole) else { return nil }
        let denominator = wholes.count == 1 ? first.numeral : "(" + wholes.map(\.numeral).joined(separator: "+") + ")"
        return arithmeticFinding(rate, label: rate.predicate ?? "比例", formula: "\(numerator.numeral)/\(denominator)", recomputed: ratio.scaled(by: 100),
                                 exact: numerator.value / exactWhole * 100, evidence: [numerator] + wholes)
    }
}

extension Claim {
    /// The number as written, without its qualifier and unit, for a formula: `52.04万` for `52.04万件`,
    /// `861` for `861个`, `39.54` for `39.54%`.
    var numeral: String {
        var text = text
        if let qualifier = qualifierText {
            if text.hasPrefix(qualifier) { text.removeFirst(qualifier.count) }
            if text.hasSuffix(qualifier) { text.removeLast(qualifier.count) }
        }
        if let unit, text.hasSuffix(unit), text.count > unit.count { text.removeLast(unit.count) }
        return text
    }

    /// The scale word the number is written with and its value: (`万`, 10000) for `52.04万件`,
    /// (`亿`, 100000000) for `16.4亿元`, (``, 1) for `861个`; a table's cell, scaled by its column's unit, its
    /// column's (`444.92` under `单位：亿元`). Recomputed values are written at this scale.
    var scale: (word: String, value: Decimal) {
        let written = numeral
        let words: [(word: String, value: Decimal)] = [("万亿", 1_000_000_000_000), ("亿", 100_000_000), ("万", 10_000)]
        if let scale = words.first(where: { written.hasSuffix($0.word) }) { return scale }
        if let printed = Decimal(string: written.filter { $0 != "," }, locale: Locale(identifier: "en_US_POSIX")), printed != 0,
           let scale = (words + [("千", 1000)]).first(where: { value == printed * $0.value }) {
            return scale
        }
        return ("", 1)
    }

    /// Whether two claims count in the same unit (`countsAlike`), or one leaves it unsaid: `由1500增加到2600元`
    /// writes 元 once, and a decimal does not inherit a count unit (`从200个优化到13.9`).
    func sharesUnit(with other: Claim) -> Bool {
        countsAlike(other) || unit == nil || other.unit == nil
    }
}
