import Foundation
import GongwenModel

/// `structure.ratio`: a structure ratio (`三次产业结构为9.2:41.3:49.5`) whose terms are not the shares
/// of the values it summarises.
///
/// Reads `document.structures` (the ratio and the run of values before it that the linker found). Each
/// term over the sum of the terms must equal its value over the sum of the values, on the printed
/// precision of both (a term printed with one decimal stands for ±0.05). Graded by the precision
/// contract on the term that is farthest off; one unit off is `info` when the terms rounded one by one
/// would not add up to the printed sum (the publisher moved a term to make them add up).
///
/// Real example that holds (宝鸡市, 2025): `第一产业增加值244.45亿元…第二产业增加值1093.17亿元…第三产业增加值
/// 1311.25亿元…三次产业结构比为9.2：41.3：49.5` (9.23 : 41.27 : 49.50).
public struct StructureRatioRule: Rule {
    public let id = "structure.ratio"
    public let severity = Severity.error
    public let title = "A structure ratio that is not the shares of its values"
    public let rationale = """
        A structure ratio (`三次产业结构`) restates values the text gives as their shares of the sum. Each \
        term is recomputed as its value over the sum of the values, scaled to the sum of the terms, on the \
        printed precision of both; a term off by more than rounding explains is an `error`, by one unit of \
        its last digit a `warning`.
        """
    public let example = "`第一产业增加值100亿元，第二产业增加值400亿元，第三产业增加值500亿元，三次产业结构为10:45:45` → 结构比第2项 45 与 400/1000 = 40 不符"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        var findings: [Finding] = []
        for structure in context.document.structures {
            let ratio = claims[structure.ratio]
            guard let terms = ratio.parts, terms.count == structure.values.count else { continue }
            let values = structure.values.map { claims[$0] }
            let termSum = terms.reduce(0, +)
            let valueSum = values.reduce(Decimal(0)) { $0 + $1.value }
            guard termSum > 0, valueSum > 0, !ratio.isApproximate else { continue }
            let valueInterval = Interval.sum(of: values)
            let termInterval = terms.reduce(Interval.exact(0)) { $0 + Self.interval(of: $1) }
            var worst: (index: Int, distance: Decimal, exact: Decimal)?
            for (index, term) in terms.enumerated() {
                guard let share = Interval(claim: values[index]).divided(by: valueInterval), let scaled = share.times(termInterval) else { continue }
                let stated = Self.interval(of: term)
                if stated.meets(scaled) { continue }
                let exact = values[index].value / valueSum * termSum
                let distance = abs(exact - term)
                if worst.map({ distance > $0.distance }) ?? true { worst = (index, distance, exact) }
            }
            guard let worst else { continue }
            let term = terms[worst.index]
            let step = Self.step(of: term)
            var severity: Severity = worst.distance <= step * Decimal(3) / 2 ? .warning : .error
            // Terms rounded one by one need not add up to the printed sum (0.75 + 46.38 + 52.87 rounds to
            // 0.8 + 46.4 + 52.9 = 100.1); a term moved by one unit to make them add up is `info`.
            let rounded = values.map { Decimal.rounded($0.value / valueSum * termSum, step: Self.step(of: terms[0])) }.reduce(0, +)
            if severity == .warning, rounded != termSum { severity = .info }
            let formula = "\(values[worst.index].numeral)/(\(values.map(\.numeral).joined(separator: "+")))×\(termSum)"
            let result = "\(Decimal.rounded(worst.exact, places: Decimal.places(of: step) + 2))"
            let message = Message.recomputed(label: "结构比第\(worst.index + 1)项", stated: "\(term)", formula: formula, result: result,
                                             verdict: severity == .error ? .mismatch : .nearMiss, rounded: nil)
            findings.append(finding(message, at: ratio.span, evidence: values.map(\.span), stated: term, expected: worst.exact, severity: severity))
        }
        return findings
    }

    /// One unit of a term's last printed digit: 0.1 for `9.2`, 1 for `45`.
    static func step(of term: Decimal) -> Decimal {
        var step = Decimal(1)
        var exponent = term.exponent
        while exponent < 0 { step /= 10; exponent += 1 }
        return step
    }

    /// A term as printed stands for ±½ of its last digit.
    static func interval(of term: Decimal) -> Interval {
        Interval(value: term, step: step(of: term))
    }
}
