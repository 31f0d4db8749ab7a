import Foundation
import GongwenModel
import GongwenText

/// `sum.shares`: the shares of parts that are all of one whole, which do not add up to 100%.
///
/// The rule reads a share after each part of a complete split — a partition whose parts add up to
/// their total, or a split whose parts' names cover a classification of `identities.tsv` — in the
/// part's own clause (`其中农业用水量5.31亿立方米，占全年用水量的70.8%；工业用水量0.66亿立方米，占8.8%；…`,
/// `第一产业增加值37.70亿元，…对GDP增长的贡献率为0.7%；第二产业…`), shares in one statement named by the classes
/// (`第一产业增加值占地区生产总值的比重为5.0%，第二产业增加值比重为36.0%，…`), and a list of shares after `分别` in a
/// statement that names a classification (`三次产业对经济增长贡献率分别为3.3%、75.2%和21.5%`), and the terms of a
/// structure ratio of a classification (`三次产业结构为0.8:27.9:71.3`: each term is an industry's share). Every share
/// is rounded, so their sum may miss 100 by half a unit of each one's last digit; beyond that it is a `warning`.
///
/// Real example that holds (宝鸡市, 2025): 用水 70.8% + 8.8% + 18.7% + 1.7% = 100.0%.
public struct SharesSumRule: RelationRule {
    public let id = "sum.shares"
    public let severity = Severity.warning
    public let title = "Shares of the parts of a whole that do not add up to 100%"
    public let rationale = """
        When parts are all of a whole (they add up to it, or they are the classes of a classification such \
        as the three industries), their shares of it, and their contributions to its growth, add up to 100%. \
        Each share is rounded, so the sum may miss 100 by half a unit of each share's last digit; a sum \
        further off means a share, or a part, is misprinted.
        """
    public let example = "`三次产业对经济增长贡献率分别为3.3%、75.2%和22.5%` → 3.3% + 75.2% + 22.5% = 101.0%,合计应为100%"

    public init() {}

    public func relations(_ context: CheckContext) -> [StatedRelation] {
        instances(context).map { StatedRelation(kind: .sum100, claims: $0) }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        return instances(context).compactMap { shares in
            // A structure ratio is one claim holding every share as a term.
            let terms: [(value: Decimal, interval: Interval, text: String)] = shares.count == 1
                ? (claims[shares[0]].parts ?? []).map { ($0, StructureRatioRule.interval(of: $0), "\($0)") }
                : shares.map { (claims[$0].value, Interval(claim: claims[$0]), "\(claims[$0].value)%") }
            let sum = terms.reduce(Interval.exact(0)) { $0 + $1.interval }
            guard !sum.contains(100) else { return nil }
            let total = terms.reduce(Decimal(0)) { $0 + $1.value }
            let message = Message.sharesNotWhole(shares: terms.map(\.text), sum: "\(total)" + (shares.count == 1 ? "" : "%"))
            return finding(message, at: claims[shares.last!].span, evidence: shares.dropLast().map { claims[$0].span },
                           stated: total, expected: 100)
        }
    }

    /// What a percent is a share of, by the words of its name: a share of a level (`占…`, `比重`, `占比`,
    /// `比例`) or a contribution to a growth (`贡献率`); nil for any other percent.
    enum Measure {
        case share
        case contribution
    }

    static func measure(of claim: Claim) -> Measure? {
        guard claim.kind == .percent else { return nil }
        let words = (claim.name ?? "") + (claim.predicate ?? "")
        if words.holds("贡献率") || words.holds("貢獻率") { return .contribution }
        return ["占", "比重", "比例"].contains(where: words.holds) ? .share : nil
    }

    func instances(_ context: CheckContext) -> [[Int]] {
        let document = context.document
        let claims = document.claims
        let text = context.source.folded
        var splits: [[Int]] = []
        for breakdown in document.breakdowns where breakdown.parts.count >= 2 {
            if context.addsUp(breakdown) || context.identities.isComplete(breakdown.parts.map { claims[$0].name ?? "" }) {
                splits.append(breakdown.parts)
            }
        }
        for split in document.growthSplits where context.identities.isComplete(split.parts.map { claims[$0].name ?? "" }) {
            splits.append(split.parts)
        }
        var found: [[Int]] = []
        for parts in splits {
            if let shares = sharesOfParts(parts, claims: claims, text: text), !found.contains(shares) { found.append(shares) }
        }
        for shares in listsAfterClassifications(context) + sharesNamedByClasses(context) + structuresOfClassifications(context)
        where !found.contains(shares) {
            found.append(shares)
        }
        return found
    }

    /// The share in each part's clause, one of the same measure for every part: from the part to the
    /// next part, the last to the end of its clause (`；` or the statement's end).
    private func sharesOfParts(_ parts: [Int], claims: [Claim], text: [Unicode.Scalar]) -> [Int]? {
        var clauseEnd = claims[parts.last!].end
        while clauseEnd < text.count, !["；", ";", "。"].contains(text[clauseEnd]) { clauseEnd += 1 }
        var shares: [Int] = []
        var kind: Measure?
        for (number, part) in parts.enumerated() {
            let end = number + 1 < parts.count ? claims[parts[number + 1]].start : clauseEnd
            var index = part + 1
            var inClause: [Int] = []
            while index < claims.count, claims[index].start < end {
                if let measure = Self.measure(of: claims[index]), kind == nil || measure == kind {
                    kind = measure
                    inClause.append(index)
                }
                index += 1
            }
            guard inClause.count == 1 else { return nil }
            shares.append(inClause[0])
        }
        return shares
    }

    /// `三次产业对经济增长贡献率分别为3.3%、75.2%和21.5%`: a share after `分别` in a statement that names a
    /// classification before it (`三次产业结构为3.4:45.7:50.9，对经济增长的贡献率分别为…`), and the percents that
    /// follow it in its list, as many as the classification has classes.
    private func listsAfterClassifications(_ context: CheckContext) -> [[Int]] {
        let claims = context.document.claims
        let text = context.source.folded
        var lists: [[Int]] = []
        for claimIndex in claims.indices where claims[claimIndex].kind == .percent {
            let claim = claims[claimIndex]
            guard Self.measure(of: claim) != nil else { continue }
            let clauseStart = context.source.runStart(before: claim.start, limit: 40) { ["。", "\n", ",", ";", "、"].contains($0) }
            guard WordSearch.holds(text[clauseStart..<claim.start], "分别") else { continue }
            let start = context.source.runStart(before: claim.start) { $0 == "。" }
            let statement = String(String.UnicodeScalarView(text[start..<claim.start]))
            guard let classification = context.identities.classifications.first(where: { statement.holds($0.name) }) else { continue }
            var list = [claim.id]
            var index = claim.id + 1
            while index < claims.count, list.count < classification.classes.count, claims[index].kind == .percent {
                // Items of one list: only `、`, `,`, `和`, `及` between them.
                let between = text[claims[list.last!].end..<claims[index].start]
                guard between.allSatisfy({ ["、", ",", "，", "和", "及", " "].contains($0) }) else { break }
                list.append(index)
                index += 1
            }
            if list.count == classification.classes.count { lists.append(list) }
        }
        return lists
    }

    /// `三次产业结构为0.8:27.9:71.3`, `三次产业比例为1.2:75.1:23.7`: a structure ratio with a term for each class of a
    /// classification its clause names before it, called a structure (`结构`, `比重`, `构成`, or `比例` of three terms
    /// or more: `城乡居民收入比例为2.5:1` compares two incomes, it does not split one whole). The ratio of an earlier
    /// period (`由2.7:54.8:42.5调整为…`) is a structure too.
    private func structuresOfClassifications(_ context: CheckContext) -> [[Int]] {
        let claims = context.document.claims
        let text = context.source.folded
        return claims.indices.filter { index in
            guard claims[index].kind == .ratio else { return false }
            let claim = claims[index]
            guard !claim.isApproximate, let terms = claim.parts, terms.count >= 2 else { return false }
            let start = context.source.runStart(before: claim.start, limit: 80) { ["。", "\n", ",", ";", "；"].contains($0) }
            let clause = String(String.UnicodeScalarView(text[start..<claim.start]))
            let composition = ["结构", "比重", "构成", "結構"].contains(where: clause.holds) || terms.count >= 3 && clause.holds("比例")
            return composition && context.identities.classifications.contains { $0.classes.count == terms.count && clause.holds($0.name) }
        }.map { [claims[$0].id] }
    }

    /// `第一产业增加值占地区生产总值的比重为29.5%，第二产业增加值比重为36.6%，…第三产业增加值比重为33.9%`: shares of
    /// one measure in one statement whose names cover a classification.
    private func sharesNamedByClasses(_ context: CheckContext) -> [[Int]] {
        let claims = context.document.claims
        let text = context.source.folded
        var runs: [[Int]] = []
        var run: [Int] = []
        var kind: Measure?
        for index in claims.indices where claims[index].kind == .percent {
            let claim = claims[index]
            guard let measure = Self.measure(of: claim) else { continue }
            let sameStatement = run.last.map { last in !text[claims[last].end..<claim.start].contains("。") } ?? false
            if !sameStatement || measure != kind {
                runs.append(run)
                run = []
            }
            run.append(claim.id)
            kind = measure
        }
        runs.append(run)
        return runs.filter { $0.count >= 2 && context.identities.isComplete($0.map { claims[$0].name ?? "" }) }
    }
}
