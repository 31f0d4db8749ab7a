import Foundation
import GongwenModel
import GongwenText

/// `sum.parts`: a total and its `其中` parts that do not add up.
///
/// Reads the breakdowns of `document.breakdowns` (a total and two or more parts of its unit). Parts
/// that add up to more than the total, beyond what the printed precision allows, are an `error`
/// (`warning` within one unit of the total's last digit; `info` when two or more parts in a row add up to
/// the part before them, its own parts listed after it). Parts that add up to less are normal — `其中`
/// often names only some of the parts — and are reported only when the parts look exhaustive: they
/// fill a bracket right after the total and its noun (`139(其中:6个乡、116个镇、17个街道)`), a gloss
/// that spells the total out, every part counts the total's own noun (`14个问题…其中,10个问题…,
/// 4个问题…`), a split of the same items, two parts are named by words that split a whole
/// (`城镇人口…乡村人口`, `外出农民工…本地农民工`), the rest of their names alike, or a table's row or column named for
/// their sum (`收入合计`, `…小计`, a `合计` column: cue `ledger`). Then the shortfall is a `warning`.
/// Otherwise a shortfall of exactly one digit of one figure (`digitSlip`) is `info`, or a `warning` where every part
/// states its share of the total and the shares, adding up to 100%, are the parts over their own sum (`sharesMakeWhole`).
///
/// Real example that holds (巴中市民政局, 2020): `从200个优化到139(其中:6个乡、116个镇、17个街道)`; with
/// `16个街道` it reports `总数 139 与 6 + 116 + 16 = 138个 不符(差末位一个单位)`.
public struct SumPartsRule: Rule {
    public let id = "sum.parts"
    public let severity = Severity.error
    public let title = "A total and its parts that do not add up"
    public let rationale = """
        A total followed by its parts (`其中`) is checked by adding the parts on their printed precision \
        (`71510.2万元` is ±500 元). Parts exceeding the total is an `error` (a part or the total is wrong). \
        Parts short of the total are usual (`其中` may name a few of them) and are flagged, as a `warning`, \
        only when the parts look exhaustive: they fill a bracket right after the total and its noun, the way \
        a text spells a total out (`139(其中:6个乡、116个镇、17个街道)`), each part counts the total's own \
        noun (`14个问题…其中,10个问题…,4个问题…`), two parts split a whole (`城镇人口…乡村人口`), or a table's row \
        or column is named for their sum (`收入合计`, `…小计`, a `合计` column). Other parts \
        short by exactly one digit of one figure (400.2 against 212.4 + 87.8, 100 short) are `info`: a slip \
        of the pen, or a part left out whose figure happens to be round; a `warning` where each part states its \
        share of the total and the shares add up to 100% over the parts' own sum, so that no part is left out.
        """
    public let example = "`139(其中:6个乡、116个镇、16个街道)` → 总数 139 与 6 + 116 + 16 = 138个 不符(差末位一个单位)"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        var findings: [Finding] = []
        for breakdown in context.document.breakdowns {
            let total = claims[breakdown.total]
            let parts = breakdown.parts.map { claims[$0] }
            // Ages do not add up (`60周岁及以上…其中65周岁及以上`).
            guard !parts.isEmpty, total.unitCategory != "age", parts.allSatisfy({ $0.sharesUnit(with: total) && $0.kind == total.kind }) else { continue }
            let sum = Interval.sum(of: parts)
            let exact = parts.reduce(Decimal(0)) { $0 + $1.value }
            let stated = Interval(claim: total)
            let short = sum.upper.flatMap { high in stated.lower.map { high < $0 } } ?? false
            // One part named after `其中` is some of the total: less than it is no finding.
            // A fund's balance is all of its total by the law of accounts, and so are the terms said before their sum.
            // A table's `合计`/`小计` row or column is all of the rows or columns it sums.
            if short, !breakdown.isExhaustive, breakdown.cue != .ledger, parts.count == 1 || !looksExhaustive(total, parts, context) {
                // Short by one digit of one figure: a slip of the pen, or a part left out whose figure is round: `info`,
                // unless the parts' shares say they are all of a whole.
                if parts.count >= 2, let slip = Self.digitSlip(total, parts) {
                    let severity: Severity = sharesMakeWhole(breakdown, context) ? .warning : .info
                    let formula = parts.map(\.numeral).joined(separator: " + ")
                    let sum = Decimal.written(exact / total.scale.value, places: Decimal.places(of: total.step.map { $0 / total.scale.value }))
                    findings.append(finding(.digitSlip(stated: total.text, formula: formula, result: sum + total.scale.word + (total.unit ?? ""),
                                                       difference: Decimal.written(slip / total.scale.value, places: 0) + total.scale.word),
                                            at: total.span, evidence: parts.map(\.span), stated: total.value, expected: exact, severity: severity))
                }
                continue
            }
            // Parts named one within another (`国内游客…过夜游客`) may count some things twice.
            if !short, overlap(parts) { continue }
            guard total.value > 0 else { continue }
            let formula = parts.map(\.numeral).joined(separator: " + ")
            guard var found = arithmeticFinding(total, label: "总数", formula: formula, recomputed: sum, exact: exact, evidence: parts) else { continue }
            if short, !breakdown.isExhaustive { found.severity = min(found.severity, .warning) }
            // Parts over the total that list a part's own parts after it (`新增债券331446万元，市本级留用
            // 90000万元，转贷县241446万元`) count them twice.
            if !short, Self.nestsParts(parts) { found.severity = .info }
            // A grouping whose parts name another measure (`社会消费品零售总额…从四大行业来看，批发业完成商品销售额…`)
            // may classify a related total, not this one.
            if breakdown.cue == .grouping, !sharesMeasure(total, parts) { found.severity = .info }
            findings.append(found)
        }
        return findings
    }

    /// The shortfall of parts below their total when it is one digit of one figure: the difference is d × 10ᵐ
    /// in units of the coarsest figure's last printed digit, m ≥ `slipPlaces`, the total not itself a multiple of
    /// 10ᵐ (round figures leave round remainders), and the total's digit there at least d or a part's at most 9 − d.
    /// `总数400.2亿元，其中一般债务212.4亿元、专项债务87.8亿元` is short by 100亿: 187.8 written 87.8. A remainder that
    /// is other parts left out has its last digits as any figure has, so it is one digit in about 10ᵐ cases.
    static func digitSlip(_ total: Claim, _ parts: [Claim]) -> Decimal? {
        let figures = [total] + parts
        guard figures.allSatisfy({ !$0.isApproximate && $0.upper == nil }) else { return nil }
        let unit = figures.map { $0.step ?? 1 }.max()!
        let units = { (value: Decimal) -> Int64? in
            let count = value / unit
            guard count >= 0, count < 1e15, count == Decimal.rounded(count, places: 0) else { return nil }
            return Int64(truncating: count as NSDecimalNumber)
        }
        let sum = parts.reduce(Decimal(0)) { $0 + $1.value }
        guard let totalUnits = units(total.value), let sumUnits = units(sum), totalUnits > sumUnits else { return nil }
        var remainder = totalUnits - sumUnits
        var power: Int64 = 1
        var places = 0
        while remainder % 10 == 0 { remainder /= 10; power *= 10; places += 1 }
        guard remainder <= 9, places >= slipPlaces, totalUnits % power != 0 else { return nil }
        let digit = { (value: Int64) in (value / power) % 10 }
        let totalFits = digit(totalUnits) >= remainder && totalUnits >= power * 10
        let partFits = parts.contains { part in units(part.value).map { $0 >= power && digit($0) + remainder <= 9 } ?? false }
        guard totalFits || partFits else { return nil }
        return Decimal(remainder * power) * unit
    }

    /// Whether every part states its share of the total, the shares add up to 100% and each is its part over the parts'
    /// own sum: then the parts are all of a whole, and a total one digit off their sum is the misprint, not a part left
    /// out (`对283件提案立案303件…委员提案158件,占77.83%;联名提案10件,占4.93%;党派团体提案24件,占11.82%;专委会提案11件,
    /// 占5.42%`: 77.83 + 4.93 + 11.82 + 5.42 = 100, and 158/203 = 77.83%).
    private func sharesMakeWhole(_ breakdown: Breakdown, _ context: CheckContext) -> Bool {
        let claims = context.document.claims
        var shares: [Int: Int] = [:]
        for rate in context.document.rates where rate.kind == .share && rate.denominator == breakdown.total {
            shares[rate.numerator] = rate.rate
        }
        let parts = breakdown.parts.map { claims[$0] }
        guard breakdown.parts.allSatisfy({ shares[$0] != nil }) else { return false }
        let percents = breakdown.parts.map { claims[shares[$0]!] }
        guard Interval.sum(of: percents).contains(100) else { return false }
        let whole = Interval.sum(of: parts)
        return zip(parts, percents).allSatisfy { part, percent in
            Interval(claim: part).divided(by: whole).map { $0.scaled(by: 100).meets(Interval(claim: percent)) } ?? false
        }
    }

    /// How many zero digits a shortfall must end with to be read as a slip of one digit.
    static let slipPlaces = 2

    /// How many parts after one may be its own parts.
    static let nestedPartsLimit = 8

    /// Whether two or more parts in a row add up to the part right before them, which then is their total:
    /// `新增债券331446万元，市本级留用90000万元，转贷县241446万元` (90000 + 241446 = 331446).
    static func nestsParts(_ parts: [Claim]) -> Bool {
        parts.indices.contains { i in
            var sum = Interval.exact(0)
            for j in (i + 1)..<min(parts.count, i + 1 + nestedPartsLimit) {
                sum = sum + Interval(claim: parts[j])
                if j >= i + 2, sum.meets(Interval(claim: parts[i])) { return true }
            }
            return false
        }
    }

    /// Whether a part's name ends in the total's last three characters, 总 set aside (`社会消费品零售总额` …
    /// `城镇消费品零售额`).
    private func sharesMeasure(_ total: Claim, _ parts: [Claim]) -> Bool {
        guard let name = total.name?.replacingOccurrences(of: "总", with: ""), name.count >= 2 else { return true }
        let measure = name.suffix(3)
        return parts.contains { $0.name?.hasSuffix(measure) ?? false }
    }

    /// Whether one part's name holds another's: `国内游客` and `国内过夜游客` may overlap.
    private func overlap(_ parts: [Claim]) -> Bool {
        let names = parts.compactMap(\.name).filter { $0.count >= 2 }
        for (i, a) in names.enumerated() {
            for b in names[(i + 1)...] where a != b && (a.holds(b) || b.holds(a)) { return true }
        }
        return false
    }

    /// Pairs of words that split a whole in two: `城镇人口` and `乡村人口` are all the people.
    static let complements = [("城镇", "乡村"), ("城镇", "农村"), ("城市", "农村"), ("男", "女"), ("外出", "本地"), ("公办", "民办"), ("境内", "境外")]

    /// Whether the parts look like all of the total: two parts named by a pair of words that split a
    /// whole, the rest of their names alike (`城镇人口…乡村人口`), or they fill a bracket that opens right after the
    /// total and the noun it counts (`139(其中:6个乡…)`, `385个社区(村)(其中105个…,280个…)`), or each
    /// part counts the noun the total counts (`14个问题…其中,10个问题已完成整改…,4个问题已取得阶段性成效`).
    private func looksExhaustive(_ total: Claim, _ parts: [Claim], _ context: CheckContext) -> Bool {
        // Two parts split by a pair of words, of one measure (`城镇人口` and `农村劳动力` are not a split).
        if parts.count == 2, let a = parts[0].subject, let b = parts[1].subject, Self.complements.contains(where: { pair in
            let (x, y) = a.holds(pair.0) && b.holds(pair.1) ? (a, b) : b.holds(pair.0) && a.holds(pair.1) ? (b, a) : ("", "")
            return !x.isEmpty && x.replacingOccurrences(of: pair.0, with: "") == y.replacingOccurrences(of: pair.1, with: "")
        }) { return true }
        // A noun counted by a classifier (`14个问题`), not the rest of a compound unit (`亿吨公里`, `亿人公里`).
        let noun = words(after: total, context)
        if total.unitCategory == "count", noun.count >= 2, parts.allSatisfy({ words(after: $0, context).hasPrefix(noun) }) {
            return true
        }
        let s = context.source.folded
        guard let first = parts.first, let last = parts.last, total.end < first.start else { return false }
        // Skip the counted noun with its own brackets (`社区(村)`) to the bracket of the parts.
        var open = total.end
        var depth = 0
        while open < first.start, open - total.end <= 12 {
            if s[open] == "(", depth == 0, Scan.startsWith(s, at: open + 1, end: first.start, ["其中"]) || open + 1 == first.start { break }
            if s[open] == "(" { depth += 1 } else if s[open] == ")" { depth -= 1 }
            guard depth >= 0, isCJK(s[open]) || s[open] == "(" || s[open] == ")" || s[open] == " ", !Scan.isNumeral(s[open]) || depth > 0 else { return false }
            open += 1
        }
        guard open < first.start, s[open] == "(", !s[(open + 1)..<first.start].contains("(") else { return false }
        var close = last.end
        while close < s.count, s[close] != ")" {
            if Scan.isNumeral(s[close]) || s[close] == "(" || ["。", ";", "\n"].contains(s[close]) { return false }
            close += 1
        }
        return close < s.count
    }

    /// The Chinese characters right after a count, up to four: `问题` after `14个`.
    private func words(after claim: Claim, _ context: CheckContext) -> String {
        let s = context.source.folded
        var end = claim.end
        while end < s.count, end - claim.end < 4, isCJK(s[end]) { end += 1 }
        return context.source.foldedText(Span(start: claim.end, end: end))
    }
}
