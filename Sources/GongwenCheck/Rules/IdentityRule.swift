import Foundation
import GongwenModel

/// `indicator.identity`: indicators the document states whose values break an identity between them
/// (`identities.tsv`: 自然增长率 = 出生率 − 死亡率, 进出口总额 = 出口总额 + 进口总额, 地区生产总值 = the three
/// industries, 第二产业增加值 = 工业增加值 + 建筑业增加值).
///
/// Each indicator is its first level in the document (the headline figure of the period; not a change,
/// a rate of change or an earlier value a change starts from), found by the name the linker read before
/// the number. Every term must be stated, in one unit. Graded by the precision contract.
///
/// Real example that holds (宝鸡市, 2025): `人口出生率6.53‰，死亡率8.79‰，人口自然增长率-2.26‰`. With
/// `-2.16‰` it reports `自然增长率 -2.16‰ 与 6.53 − 8.79 = -2.26‰ 不符`.
public struct IdentityRule: RelationRule {
    public let id = "indicator.identity"
    public let severity = Severity.error
    public let title = "Indicators that break an identity between them"
    public let rationale = """
        Some indicators are defined by others: the natural growth rate is the birth rate less the death \
        rate, total trade is exports plus imports, GDP is the value added of the three industries, the \
        secondary industry is industry plus construction. When a document states all of them, their printed \
        values must agree within rounding. Each indicator is the first level the document states for it \
        (by the words before the number and the aliases of `identities.tsv`); words such as 规模以上 make a \
        name another indicator. Add identities with `--identities FILE`.
        """
    public let example = "`人口出生率6.53‰，死亡率8.79‰，人口自然增长率-2.16‰` → 自然增长率 -2.16‰ 与 6.53 − 8.79 = -2.26‰ 不符"

    public init() {}

    public func relations(_ context: CheckContext) -> [StatedRelation] {
        instances(context).map { StatedRelation(kind: .identity, claims: [$0.result] + $0.terms.map(\.claim)) }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        return instances(context).compactMap { instance in
            let result = claims[instance.result]
            var sum = Interval.exact(0)
            var exact = Decimal(0)
            var formula = ""
            for (position, term) in instance.terms.enumerated() {
                let claim = claims[term.claim]
                sum = term.sign > 0 ? sum + Interval(claim: claim) : sum - Interval(claim: claim)
                exact += term.sign > 0 ? claim.value : -claim.value
                formula += position == 0 ? (term.sign > 0 ? "" : "−") + claim.numeral : (term.sign > 0 ? " + " : " − ") + claim.numeral
            }
            return arithmeticFinding(result, label: instance.name, formula: formula, recomputed: sum, exact: exact,
                                     evidence: instance.terms.map { claims[$0.claim] })
        }
    }

    struct Instance {
        var name: String
        var result: Int
        var terms: [(claim: Int, sign: Int)]
    }

    /// Every identity whose result and terms the document states.
    func instances(_ context: CheckContext) -> [Instance] {
        let document = context.document
        let identities = context.identities
        let notLevels = context.changeOperands
        var first: [String: Int] = [:]
        let text = context.source.folded
        // A table's cell names a row and a column, not the document's headline figure. Each sentence is
        // looked at once, whatever the number of its claims.
        var tabled: [Int: Bool] = [:]
        let inTable = { (claim: Claim) -> Bool in
            if let known = tabled[claim.sentenceStart] { return known }
            let found = (claim.sentenceStart..<claim.sentenceEnd).contains { text[$0] == "\t" }
            tabled[claim.sentenceStart] = found
            return found
        }
        for claim in document.claims where !notLevels.contains(claim.id) && !claim.isApproximate && claim.kind != .ratio && !inTable(claim) {
            guard let name = claim.name, let indicator = identities.indicator(named: name), first[indicator] == nil else { continue }
            first[indicator] = claim.id
        }
        return identities.identities.compactMap { identity in
            guard let result = first[identity.result] else { return nil }
            var terms: [(claim: Int, sign: Int)] = []
            for term in identity.terms {
                guard let claim = first[term.name], document.claims[claim].unit == document.claims[result].unit,
                      document.claims[claim].kind == document.claims[result].kind else { return nil }
                terms.append((claim, term.sign))
            }
            return Instance(name: identity.result, result: result, terms: terms)
        }
    }
}
