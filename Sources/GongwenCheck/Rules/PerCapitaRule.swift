import Foundation
import GongwenModel

/// `per.capita`: a figure per head that does not come out of its total and the population.
///
/// `人均地区生产总值81890元` is the document's 地区生产总值 over its 常住人口; `每千人口拥有床位6.30张` is the
/// beds over the population, times a thousand. The rule reads a figure named `人均X` (in 元) or
/// `每千人…`/`每万人…`/`万人…` (in the unit of its total; `发明专利拥有量` counts 发明专利), the nearest earlier level whose name ends with X
/// and is no average, or a figure in a unit per hundred people (`移动电话普及率103.9部/百人`) and the nearest earlier
/// count of what it counts or its users (`移动电话用户4694.5万户`), and
/// the document's first level named `常住人口`. Statistics offices divide by the year's mean
/// population, the document states the year-end one: a figure within 3% holds; up to 15% off it is
/// `info`; beyond, a `warning` (a scale or a total misread, `万` for `亿`).
///
/// Real example that holds (宝鸡市, 2025): `地区生产总值2648.87亿元`, `常住人口321.56万人`, `人均地区生产
/// 总值81890元` (2648.87亿 / 321.56万 = 82374, 0.6% off).
public struct PerCapitaRule: RelationRule {
    public let id = "per.capita"
    public let severity = Severity.warning
    public let title = "A figure per head that its total and the population do not give"
    public let rationale = """
        A figure per head is a total divided by the population (times a thousand or ten thousand for 每千人 \
        and 每万人). Offices divide by the mean population of the year while documents state the year-end \
        one, so a few percent apart is normal; a figure more than 15% off its total over the population is \
        a misread scale or total.
        """
    public let example = "`地区生产总值2648.87亿元…常住人口321.56万人…人均地区生产总值61890元` → 人均地区生产总值 61890元 与 2648.87亿/321.56万 = 82374 不符"

    public init() {}

    struct Instance {
        var total: Int
        var population: Int
        var figure: Int
        var scale: Decimal
    }

    public func relations(_ context: CheckContext) -> [StatedRelation] {
        instances(context).map { StatedRelation(kind: .perCapita, claims: [$0.total, $0.population, $0.figure]) }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        return instances(context).compactMap { instance in
            let figure = claims[instance.figure]
            let total = claims[instance.total]
            let population = claims[instance.population]
            let expected = total.value / population.value * instance.scale
            guard expected > 0 else { return nil }
            let off = ((figure.value - expected) / expected).magnitude
            guard off > Decimal(string: "0.03")! else { return nil }
            let severity: Severity = off > Decimal(string: "0.15")! ? .warning : .info
            let formula = "\(total.numeral)/\(population.numeral)" + (instance.scale == 1 ? "" : "×\(instance.scale)")
            let result = "\(Decimal.rounded(expected, places: 2))"
            let message = Message.recomputed(label: figure.name ?? "人均", stated: figure.numeral, formula: formula, result: result,
                                             verdict: .mismatch, rounded: nil)
            return finding(message, at: figure.span, evidence: [total.span, population.span], stated: figure.value, expected: expected,
                           severity: severity)
        }
    }

    /// `人均` per head, `每百人`, `每千人`, `每万人` per hundred, thousand, ten thousand: the scale and the
    /// name of what is counted after it (`人均地区生产总值` → 地区生产总值).
    static func perHead(_ name: String) -> (scale: Decimal, counted: String)? {
        for (word, scale, opensOnly) in perHeadWords {
            guard let range = opensOnly ? (name.startsWith(word) ? name.range(of: word) : nil) : name.wordRange(of: word) else { continue }
            var counted = String(name[range.upperBound...])
            // `每千人口拥有床位`, `每万人口发明专利拥有量`: the counted thing follows `口` and `拥有`.
            for filler in ["口", "拥有"] where counted.hasPrefix(filler) { counted.removeFirst(filler.count) }
            counted = measured(counted)
            return counted.count >= 2 ? (scale, counted) : nil
        }
        return nil
    }

    /// The words of `perHead` with their scales, in the order they are tried, and whether the word counts only where
    /// it opens the name: `万人发明专利拥有量` (no 每) is per ten thousand, elsewhere `万人` is a count's unit.
    /// Compared byte for byte: as `String`s, `word == "万人"` and `hasPrefix` compared canonical equivalents per name.
    static let perHeadWords: [(word: String, scale: Decimal, opensOnly: Bool)] = [
        ("人均", 1, false), ("每百人", 100, false), ("每千人", 1000, false), ("每万人", 10000, false), ("万人", 10000, true),
    ]

    /// A figure whose unit is per hundred, thousand or ten thousand people (`移动电话普及率103.9部/百人`): the scale
    /// and what is counted, its name without the word for a rate (`移动电话`).
    static func perPeople(after figure: Claim, _ folded: [Unicode.Scalar]) -> (scale: Decimal, counted: String)? {
        guard figure.end + 3 <= folded.count, folded[figure.end] == "/", folded[figure.end + 2] == "人", let name = figure.name else { return nil }
        let scales: [Unicode.Scalar: Decimal] = ["百": 100, "千": 1000, "万": 10000]
        guard let scale = scales[folded[figure.end + 1]] else { return nil }
        var counted = name
        for tail in ["普及率", "拥有量", "率"] where counted.hasSuffix(tail) {
            counted.removeLast(tail.count)
            break
        }
        return counted.count >= 2 ? (scale, counted) : nil
    }

    /// What may follow the counted thing in the name of its total: `移动电话用户`, `移动电话数`.
    static let countedBy: Set<String> = ["", "用户", "用户数", "数", "数量", "总数"]

    /// A name without the word that says it is counted: `发明专利拥有量` and `有效发明专利量` count `发明专利`.
    static func measured(_ name: String) -> String {
        for tail in ["拥有量", "量"] where name.hasSuffix(tail) && name.count > tail.count + 1 { return String(name.dropLast(tail.count)) }
        return name
    }

    func instances(_ context: CheckContext) -> [Instance] {
        let claims = context.document.claims
        // Claims by index, their fields read in place: a claim passed by value (to these tests, for every claim in a
        // window of 200) was copied, its strings retained and released.
        let isLevel = { (index: Int) in
            claims[index].kind == .quantity && !claims[index].isApproximate && claims[index].upper == nil
                && !context.changeOperands.contains(claims[index].id)
        }
        guard let population = claims.indices.first(where: {
            // The unit byte for byte: `==` compared canonical equivalents for every level in another unit.
            isLevel($0) && claims[$0].unit?.sameUTF8("人") == true && (claims[$0].name?.hasSuffix("常住人口") ?? false)
        }).map({ claims[$0].id }) else { return [] }
        var instances: [Instance] = []
        for index in claims.indices where isLevel(index) {
            let figure = claims[index]
            // Surveys of households (`居民人均可支配收入`) are averages of a sample, not a total over the population.
            guard let name = figure.name, !name.holds("居民"), let unit = figure.unit else { continue }
            let perPeople = Self.perPeople(after: figure, context.source.folded)
            guard let (scale, counted) = perPeople ?? Self.perHead(name) else { continue }
            if scale == 1, !unit.hasSuffix("元") { continue }
            let matches = { (other: Int) -> Bool in
                guard let otherName = claims[other].name, Self.perHead(otherName) == nil, !otherName.holds("平均"),
                      otherName.count >= 4 else { return false }
                // `移动电话用户` for `移动电话普及率…部/百人`: the name is what is counted, or its users or number.
                if perPeople != nil {
                    return otherName.hasPrefix(counted) && Self.countedBy.contains(String(otherName.dropFirst(counted.count)))
                }
                // `地区生产总值` for `人均生产总值`, `生产总值` for `人均地区生产总值`.
                let total = Self.measured(otherName)
                return total.hasSuffix(counted) || counted.hasSuffix(total)
            }
            let sameUnit = { (other: Int) in perPeople != nil || claims[other].unit == unit }
            let window = max(0, figure.id - 200)..<figure.id
            guard let total = window.last(where: { isLevel($0) && sameUnit($0) && claims[$0].id != population && matches($0) }) else { continue }
            instances.append(Instance(total: claims[total].id, population: population, figure: figure.id, scale: scale))
        }
        return instances
    }
}
