import Foundation
import GongwenModel
import GongwenText

/// `indicator.identity`: indicators the document states whose values break an identity between them
/// (`identities.tsv`: 自然增长率 = 出生率 − 死亡率, 进出口总额 = 出口总额 + 进口总额, 地区生产总值 = the three
/// industries, 第二产业增加值 ≤ 工业增加值 + 建筑业增加值: the secondary industry leaves out two activities of industry).
///
/// Each indicator is its first level in the document (the headline figure of the period; not a change,
/// a rate of change or an earlier value a change starts from), found by the name the linker read before
/// the number. Every term must be stated, in one unit. Graded by the precision contract.
///
/// A quotient (`城镇化率 = 城镇常住人口 / 常住人口`, `出生率 ≈ 出生人口 / 常住人口`, 城乡居民收入比, deaths per 亿元
/// of GDP) takes the nearest levels stated before its result, the numerator within three lines; an
/// approximate one (the office divides by the year's mean population) holds within 3%, is `info` to 15%
/// and a `warning` beyond. A rate `按户籍人口计算` is of another population and is not checked.
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
        secondary industry is industry plus construction less two activities counted in the tertiary industry \
        since 2018 (开采专业及辅助性活动, 金属制品、机械和设备修理业: the sum may exceed it by up to 5%, never fall \
        short of it); the urbanisation rate is the urban over the \
        resident population, the birth rate the births per thousand residents. When a document states all of \
        them, their printed values must agree within rounding (within 3% where the office divides by the \
        year's mean population and the document states the year-end one). Each indicator is the first level the document states for it \
        (by the words before the number and the aliases of `identities.tsv`); words such as 规模以上 make a \
        name another indicator. Add identities with `--identities FILE`.
        """
    public let example = "`人口出生率6.53‰，死亡率8.79‰，人口自然增长率-2.16‰` → 自然增长率 -2.16‰ 与 6.53 − 8.79 = -2.26‰ 不符"

    public init() {}

    public func relations(_ context: CheckContext) -> [StatedRelation] {
        context.statedIdentities.map { instance in
            let kind: StatedRelation.Kind = instance.form == .sum ? .identity : .rate
            return StatedRelation(kind: kind, claims: [instance.result] + instance.terms.map(\.claim))
        }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        return context.statedIdentities.compactMap { instance in
            let result = claims[instance.result]
            if case let .quotient(factor, approximate) = instance.form {
                return quotientFinding(instance, factor: factor, approximate: approximate, claims: claims)
            }
            var sum = Interval.exact(0)
            var exact = Decimal(0)
            var formula = ""
            for (position, term) in instance.terms.enumerated() {
                let claim = claims[term.claim]
                sum = term.sign > 0 ? sum + Interval(claim: claim) : sum - Interval(claim: claim)
                exact += term.sign > 0 ? claim.value : -claim.value
                formula += position == 0 ? (term.sign > 0 ? "" : "−") + claim.numeral : (term.sign > 0 ? " + " : " − ") + claim.numeral
            }
            let evidence = instance.terms.map { claims[$0.claim] }
            guard instance.atMost else {
                return arithmeticFinding(result, label: instance.name, formula: formula, recomputed: sum, exact: exact, evidence: evidence)
            }
            // The terms hold a little the result leaves out: a result above their sum is wrong, one short of it by no more
            // than `atMostShortfall` of it holds, beyond that it is a `warning`.
            let stated = Interval(claim: result)
            let above = stated.lower.flatMap { low in sum.upper.map { low > $0 } } ?? false
            let far = stated.upper.flatMap { high in sum.lower.map { high < $0 * (1 - Self.atMostShortfall) } } ?? false
            guard above || far, var found = arithmeticFinding(result, label: instance.name, formula: formula, recomputed: sum, exact: exact,
                                                              evidence: evidence) else { return nil }
            if far { found.severity = .warning }
            return found
        }
    }

    /// How far short of its terms' sum the result of a `≤` identity may be: the activities 三次产业划分规定 moves from
    /// industry to the tertiary industry weigh a few tenths of a percent of it, a few percent where oilfield services
    /// are an industry of their own.
    static let atMostShortfall = Decimal(string: "0.05")!

    struct Instance {
        var name: String
        var result: Int
        var terms: [(claim: Int, sign: Int)]
        var form: Identities.Identity.Form
        var atMost = false
    }

    /// The result against numerator / denominator × factor, in the result's unit (×100 for %, ×1000 for ‰).
    /// An approximate quotient divides by the year-end stock where the office divides by the year's mean:
    /// within 3% it holds, to 15% it is `info`, beyond a `warning` (as `per.capita`).
    private func quotientFinding(_ instance: Instance, factor: Decimal, approximate: Bool, claims: [Claim]) -> Finding? {
        let result = claims[instance.result]
        let numerator = claims[instance.terms[0].claim]
        let denominator = claims[instance.terms[1].claim]
        let scale = factor * (result.unit == "%" ? 100 : result.unit == "‰" ? 1000 : 1)
        guard denominator.value > 0, let quotient = Interval(claim: numerator).divided(by: Interval(claim: denominator))?.scaled(by: scale) else {
            return nil
        }
        let exact = numerator.value / denominator.value * scale
        let formula = "\(numerator.numeral)/\(denominator.numeral)" + (factor == 1 ? "" : "×\(factor)")
        guard approximate else {
            return arithmeticFinding(result, label: instance.name, formula: formula, recomputed: quotient, exact: exact, evidence: [numerator, denominator])
        }
        guard exact > 0, !Interval(claim: result).meets(quotient) else { return nil }
        let off = ((result.value - exact) / exact).magnitude
        guard off > Decimal(string: "0.03")! else { return nil }
        let message = Message.recomputed(label: instance.name, stated: result.numeral, formula: formula,
                                         result: "\(Decimal.rounded(exact, places: 2))", verdict: .mismatch, rounded: nil)
        return finding(message, at: result.span, evidence: [numerator.span, denominator.span], stated: result.value, expected: exact,
                       severity: off > Decimal(string: "0.15")! ? .warning : .info)
    }

    /// Every identity whose result and terms the document states (`CheckContext.statedIdentities` keeps them).
    static func stated(in context: CheckContext) -> [Instance] {
        let document = context.document
        let identities = context.identities
        let notLevels = context.changeOperands
        var first: [String: Int] = [:]
        let text = context.source.folded
        // A table's cell names a row and a column, not the document's headline figure. Each sentence is
        // looked at once, whatever the number of its claims: they come one after another, so the last
        // sentence's answer is all that is kept (a dictionary of every sentence's was a fifth of this function's cost).
        var tabled: (start: Int, found: Bool)?
        let inTable = { (sentence: Span) -> Bool in
            if let known = tabled, known.start == sentence.start { return known.found }
            let found = (sentence.start..<sentence.end).contains { text[$0] == "\t" }
            tabled = (sentence.start, found)
            return found
        }
        var all: [String: [Int]] = [:]
        let matcher = IndicatorMatcher.matcher(for: identities)
        // A percent said with a change verb (`地区生产总值比上年增长6.6%`) is the indicator's growth, never its level,
        // linked to a level or not. (An amount's predicate may be the verb inside its name: `增加值`.)
        // By index, fields read in place: `for claim in document.claims` copied every claim (its strings retained and released).
        let claims = document.claims
        for index in claims.indices where !notLevels.contains(claims[index].id) && !claims[index].isApproximate
            && claims[index].kind != .ratio && !inTable(claims[index].sentence)
            && !(claims[index].kind == .percent && claims[index].predicate.flatMap(ChangeDirection.init(word:)) != nil) {
            guard let name = claims[index].name, let indicator = matcher.indicator(named: name) else { continue }
            if first[indicator] == nil { first[indicator] = claims[index].id }
            all[indicator, default: []].append(claims[index].id)
        }
        return identities.identities.compactMap { identity in
            guard let result = first[identity.result] else { return nil }
            if identity.form != .sum {
                // A quotient's terms are the nearest levels stated before it (`城镇常住人口…城镇化率`), the numerator
                // at most three lines before; a rate `按户籍人口计算` is of another population than the one stated.
                let claim = document.claims[result]
                guard !WordSearch.holds(text[claim.sentenceStart..<claim.sentenceEnd], "户籍") else { return nil }
                let terms = identity.terms.compactMap { term in all[term.name]?.last { $0 < result } }
                // The result is a percent or per-mille, a bare number, or a quotient of one unit times a factor
                // (`每百元营业收入中的成本85.15元`: cost over revenue times 100, in 元).
                var perUnit = false
                if case let .quotient(factor, _) = identity.form { perUnit = factor != 1 && terms.allSatisfy { document.claims[$0].unit == claim.unit } }
                guard terms.count == 2, context.source.line(at: document.claims[terms[0]].start) + 3 >= context.source.line(at: claim.start),
                      terms.allSatisfy({ document.claims[$0].kind == .quantity }),
                      [.percent, .permille].contains(claim.kind) || claim.unit == nil || perUnit else { return nil }
                return Instance(name: identity.result, result: result, terms: terms.map { ($0, 1) }, form: identity.form)
            }
            var terms: [(claim: Int, sign: Int)] = []
            for term in identity.terms {
                guard let claim = first[term.name], document.claims[claim].unit == document.claims[result].unit,
                      document.claims[claim].kind == document.claims[result].kind else { return nil }
                terms.append((claim, term.sign))
            }
            return Instance(name: identity.result, result: result, terms: terms, form: .sum, atMost: identity.atMost)
        }
    }
}
