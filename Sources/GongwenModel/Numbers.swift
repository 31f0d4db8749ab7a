import Foundation

/// What a number in the text is. Only `quantity`, `percent`, `permille` and `ratio` become claims.
///
/// `139个` quantity, `30.5%` percent, `5‰` permille, `8.7:48.5:42.8` ratio, `2019年` year,
/// `2023年12月28日` date, `〔2014〕27号` doc_number, `第四届` ordinal, `十四五` plan, `1+5+7` formula,
/// `0827-5260774` phone, `14032324` (ICP) identifier, `三个强化` count_label, `一批`/`两项改革`
/// count_word (a one-character Chinese numeral with its measure word, not a statistic).
public enum NumberKind: String, Codable, Sendable, Equatable, CaseIterable {
    case quantity
    case percent
    case permille
    case ratio
    case fraction
    case year
    case date
    case docNumber = "doc_number"
    case ordinal
    case plan
    case formula
    case phone
    case identifier
    case countLabel = "count_label"
    case countWord = "count_word"

    /// Whether numbers of this kind are statistics a checker recomputes.
    @inlinable public var isClaim: Bool {
        switch self {
        case .quantity, .percent, .permille, .ratio: return true
        default: return false
        }
    }
}

/// A word that makes a number approximate or a bound: `余`, `多`, `近`, `约`, `超`, `以上`, `以下`,
/// `左右`, `不少于`. `150余名` is at least 150, `近5万` at most 50000.
public enum Qualifier: String, Codable, Sendable, Equatable, CaseIterable {
    /// 余, 多, 超, 以上, 不少于, 逾: at least the value, probably more.
    case atLeast = "at_least"
    /// 近, 不到, 以下, 不超过: at most the value.
    case atMost = "at_most"
    /// 约, 左右, 大约, 上下: about the value.
    case about
}

/// One number found in the text, whatever its kind.
///
/// In `全市乡镇(街道)从200个优化到139`, `200个` is a mention with value 200, unit `个`,
/// kind `quantity`; in `2019年` the mention has kind `year`.
public struct NumberMention: Codable, Sendable, Equatable {
    /// The text of the number with its unit and qualifier, as written in the source.
    public var text: String
    public var start: Int
    public var end: Int
    public var kind: NumberKind
    /// Scale words applied (`1.84万` → 18400); percent in percent points (`30.5%` → 30.5).
    /// For a range, the lower end.
    public var value: Decimal?
    /// The upper end of a range (`1500-3000人` → 3000).
    public var upper: Decimal?
    /// The unit after scale words: `人` for `万人`, `元` for `万元`, `%` for percent.
    public var unit: String?
    /// The category of the unit from the lexicon: `person`, `money`, `area`, `count`, ...
    public var unitCategory: String?
    /// The value of one unit in the last printed digit: 1 for `139`, 0.01 for `39.54%`,
    /// 100 for `1.84万`. `nil` when the number is exact (an integer written in full).
    public var resolution: Decimal?
    public var qualifier: Qualifier?
    /// The qualifier word as written (`余`, `近`, `以上`).
    public var qualifierText: String?
    /// The components of a ratio (`8.7:48.5:42.8`) or formula (`1+5+7`).
    public var parts: [Decimal]?

    public init(text: String, span: Span, kind: NumberKind, value: Decimal?) {
        self.text = text
        self.start = span.start
        self.end = span.end
        self.kind = kind
        self.value = value
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}

/// A numeric statement a checker can recompute: a quantity, percent, permille or ratio with what it
/// counts and what is said of it.
///
/// `村平均人口增幅达65.85%` is a claim with value 65.85, unit `%`, predicate `增幅`, subject `村平均人口`.
public struct Claim: Codable, Sendable, Equatable {
    /// Index of the claim in `Document.claims`; links refer to it. (A ratio claim's `value` is the
    /// sum of its `parts`: `8.7:48.5:42.8` has value 100.0.)
    public var id: Int
    public var text: String
    public var value: Decimal
    public var upper: Decimal?
    public var unit: String?
    public var unitCategory: String?
    public var kind: NumberKind
    public var start: Int
    public var end: Int
    /// The noun phrase the number quantifies: `乡镇(街道)`, `社区社会组织`.
    public var subject: String?
    /// The noun phrase that names what the number measures, without scope words, comparison or
    /// verb, as the linkers read it: `城镇居民人均可支配收入`, `第一产业增加值`, `人口出生率`.
    public var name: String?
    /// What is said of it: `达`, `为`, `减少`, `增加到`, `减至`, `占比`, `增幅`, `减幅`, `化解率`.
    public var predicate: String?
    public var qualifier: Qualifier?
    public var qualifierText: String?
    public var resolution: Decimal?
    public var parts: [Decimal]?
    /// The path of markers of the section the claim sits in: `一、/(一)/一是`.
    public var section: String?
    /// The sentence the claim was read from.
    public var sentenceStart: Int
    public var sentenceEnd: Int

    @inlinable public init(id: Int, mention: NumberMention, sentence: Span) {
        self.id = id
        self.text = mention.text
        self.value = mention.value ?? (mention.parts ?? []).reduce(0, +)
        self.upper = mention.upper
        self.unit = mention.unit
        self.unitCategory = mention.unitCategory
        self.kind = mention.kind
        self.start = mention.start
        self.end = mention.end
        self.qualifier = mention.qualifier
        self.qualifierText = mention.qualifierText
        self.resolution = mention.resolution
        self.parts = mention.parts
        self.sentenceStart = sentence.start
        self.sentenceEnd = sentence.end
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
    @inlinable public var sentence: Span { Span(start: sentenceStart, end: sentenceEnd) }
    /// A number with a qualifier (`150余名`) is approximate: checked only against its bounds.
    @inlinable public var isApproximate: Bool { qualifier != nil }

    /// The kind of rate of which this is a difference in points: `1.3个百分点` of percents, `0.23个千分点` of
    /// permilles; nil for any other claim.
    @inlinable public var pointsOf: NumberKind? {
        guard kind == .quantity, let unit else { return nil }
        if unit.hasSuffix("百分点") { return .percent }
        if unit.hasSuffix("千分点") { return .permille }
        return nil
    }

    /// Whether a name is a budget or plan alone, what a percent after a level is of: `为年初预算` in `实际完成53.68亿元，
    /// 为年初预算的101.2%`, `为预算` in `收入完成1748028万元，为预算的110.91%`, `为年计划` in `为年计划的105%`.
    /// Compared byte for byte in the name's UTF-8 buffer: `hasPrefix` and `==` walk grapheme clusters and normalise, and
    /// a `Substring`'s UTF-8 view went through generic code, for every percent the linkers and `rate.bounds` read.
    public static func namesPlan(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            var rest = bytes[...]
            for words in planPrefixes {
                if let word = words.first(where: { rest.starts(with: $0) }) { rest = rest.dropFirst(word.count) }
            }
            return planNames.contains { rest.elementsEqual($0) }
        }
    }

    /// The words of `namesPlan`, as UTF-8 bytes.
    static let planPrefixes = [["为", "占", "达到", "达"], ["年初", "调整后", "调整", "变动后", "全年"]].map { $0.map { Array($0.utf8) } }
    static let planNames = ["预算", "预算数", "计划", "年计划", "计划数"].map { Array($0.utf8) }

    /// Whether two claims count in one unit: the same unit, or counts of institutions one of which uses the
    /// general classifier 个, which stands for 家, 所, 座 and 处 (`医疗卫生机构2825个，其中医院103个，…其他卫生机构
    /// 4所`); not for what is counted otherwise (`医院60个` and `床位6000张`).
    public func countsAlike(_ other: Claim) -> Bool {
        if unit == other.unit { return true }
        let general: Set<String?> = ["个", "個"]
        let institutions: Set<String?> = ["家", "所", "座", "处", "處"]
        return general.contains(unit) && institutions.contains(other.unit) || institutions.contains(unit) && general.contains(other.unit)
    }

    /// Whether a part counts in its total's unit: the same unit, or a count of a total counted with 个
    /// (`17个(中心卫生院5所、普通卫生院12所)`; a total counted with another classifier has parts in it).
    public func counts(in total: Claim) -> Bool {
        unit == total.unit || (total.unit == "个" || total.unit == "個") && countsAlike(total)
    }
}

/// Which way a change goes, from its verb: `增加`/`增长`/`提高` up, `减少`/`下降`/`降至` down.
public enum ChangeDirection: String, Codable, Sendable, Equatable {
    case increase
    case decrease

    /// The direction a change word says: up (`增加到`, `增长`, `上涨`, `增幅`), down (`减至`, `下降`, `下跌`, `降幅`), or
    /// none (`优化到`).
    public init?(word: String) {
        var word = word
        let direction: ChangeDirection? = word.withUTF8 { bytes in
            if Self.increaseStarts.contains(where: { bytes.starts(with: $0) }) { return .increase }
            if Self.decreaseStarts.contains(where: { bytes.starts(with: $0) }) { return .decrease }
            return nil
        }
        guard let direction else { return nil }
        self = direction
    }

    /// The first words of a change up and of a change down, as UTF-8 bytes: compared byte for byte, where `hasPrefix`
    /// walked grapheme clusters.
    static let increaseStarts = ["增", "提", "升", "扩", "涨", "上升", "上涨"].map { Array($0.utf8) }
    static let decreaseStarts = ["减", "降", "缩", "压", "下降", "下跌"].map { Array($0.utf8) }
}

/// A change statement linking claims by id. `由A到B` gives from and to; a level with its change
/// over an earlier period (`城镇居民人均可支配收入22258元，比上年增加1894元，增长9.3%`) gives to (the
/// level), delta and rate, and no from (the base is to − delta). `由2177优化1316个,减少861个,减幅达39.54%` has
/// from 2177, to 1316, delta 861 and rate 39.54%.
public struct Change: Codable, Sendable, Equatable {
    public var from: Int?
    public var to: Int?
    public var delta: Int?
    public var rate: Int?
    /// `increase` or `decrease`, from the verb (增加/提高 vs 减少/下降/优化到 a smaller value).
    public var direction: ChangeDirection?
    /// Whether the rate is at comparable prices (`扣除价格因素`, `按可比价格计算`, value added and
    /// GDP): a real rate is not the nominal amounts' quotient, so only nominal rates are recomputed.
    public var realRate: Bool?
    /// Whether the rate is an average over years (`年均增长4.22%`): compounded, not the change over the start.
    public var annual: Bool?
    /// The years an annual rate averages over, when the text dates both levels (`从2015年的2007万元上升到2020年的
    /// 2468万元，年均增长4.22%`: 5).
    public var years: Int?
    /// Whether `from` is a level stated elsewhere under the same words rather than in the change's statement: a budget's
    /// plan (`全市一般公共预算收入安排1876000万元，增长7.3%`) over the year's outturn in the report's first part.
    public var namedBase: Bool?
    public var start: Int
    public var end: Int

    public init(from: Int?, to: Int?, delta: Int?, rate: Int?, direction: ChangeDirection?, span: Span) {
        self.from = from
        self.to = to
        self.delta = delta
        self.rate = rate
        self.direction = direction
        self.start = span.start
        self.end = span.end
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}

/// What introduced a breakdown's parts: `其中` (`among`, the parts may be some of the total) or a
/// grouping (`按经营地统计`, `分三次产业看`, `从四大行业来看`: a classification of the total, or of a
/// related measure), or a table's layout alone (`indent`: rows set in under a total row, `粮食` then `  春收`,
/// `  夏收`), or a table's row or column named for their sum (`ledger`: `收入合计`, `…小计`, a `合计` column),
/// or a fund's balance (`balance`: income = spending + `当年收支结余`, `年末滚存结余` = surplus + `上年结余`), or a
/// total said after its terms (`sum`: `…上年结转收入95.89亿元，调入资金2.06亿元，总收入308.98亿元`).
public enum PartitionCue: String, Codable, Sendable, Equatable {
    case among
    case grouping
    case indent
    case ledger
    case balance
    case sum
}

/// A total and its parts: `139(其中:6个乡、116个镇、17个街道)`.
public struct Breakdown: Codable, Sendable, Equatable {
    public var total: Int
    public var parts: [Int]
    /// The cue that introduced the parts.
    public var cue: PartitionCue?
    public var start: Int
    public var end: Int

    public init(total: Int, parts: [Int], span: Span) {
        self.total = total
        self.parts = parts
        self.start = span.start
        self.end = span.end
    }

    @inlinable public var span: Span { Span(start: start, end: end) }

    /// Whether the parts are all of the total by how they are stated: a fund's balance, or terms said before their sum.
    @inlinable public var isExhaustive: Bool { cue == .balance || cue == .sum }
}

/// What a rate link computes: `rate` a count over the total it is a rate of (化解率 = 化解/排查),
/// `share` a part over a whole (`占全市生产总值的比重55.0%`).
public enum RateKind: String, Codable, Sendable, Equatable {
    case rate
    case share
}

/// A rate or share with the counts it is computed from.
///
/// `排查53.21万件、化解52.04万件,化解率97.8%` is a `rate` with numerator 52.04万 and denominator
/// 53.21万; `城市社区150个,集镇社区353个,城市社区占比(29.8%)` is a `share` with numerator 150 and the
/// denominator the sum of its parts 150 + 353.
public struct Rate: Codable, Sendable, Equatable {
    /// `rate` (化解率, 办结率: numerator over a stated total) or `share` (占比: a part over the whole).
    public var kind: RateKind
    public var rate: Int
    public var numerator: Int
    /// The claim that states the whole, when one does.
    public var denominator: Int?
    /// When the whole is the sum of listed parts, the claims of those parts.
    public var denominatorParts: [Int]?
    /// Whether the whole was inferred (the total of the partition the part belongs to, `其中A 258件，占
    /// 38.8%`) rather than named by the text (`占承办总数的`, `占代表建议180件的`).
    public var inferredWhole: Bool?
    public var start: Int
    public var end: Int

    public init(kind: RateKind, rate: Int, numerator: Int, denominator: Int?, denominatorParts: [Int]? = nil, span: Span) {
        self.kind = kind
        self.rate = rate
        self.numerator = numerator
        self.denominator = denominator
        self.denominatorParts = denominatorParts
        self.start = span.start
        self.end = span.end
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}

/// A structure ratio and the values it summarises: `三次产业结构比为9.2:41.3:49.5` after
/// `第一产业增加值244.45亿元…第二产业增加值1093.17亿元…第三产业增加值1311.25亿元`.
public struct Structure: Codable, Sendable, Equatable {
    /// The claim of the ratio (`9.2:41.3:49.5`), whose `parts` are the terms.
    public var ratio: Int
    /// The claims of the values, in the ratio's order.
    public var values: [Int]
    public var start: Int
    public var end: Int

    public init(ratio: Int, values: [Int], span: Span) {
        self.ratio = ratio
        self.values = values
        self.start = span.start
        self.end = span.end
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}

/// A growth rate of a total and the growth rates of the parts a grouping splits it into, stated in
/// percents only: `规模以上工业增加值增长10.0%。按门类分，采矿业增加值增长14.8%，制造业增长10.6%，电力…下降2.7%`.
public struct GrowthSplit: Codable, Sendable, Equatable {
    /// The claim of the total's rate.
    public var total: Int
    /// The claims of the parts' rates.
    public var parts: [Int]
    /// The direction of each rate, the total's first: `下降2.7%` is a decrease.
    public var directions: [ChangeDirection?]
    public var start: Int
    public var end: Int

    public init(total: Int, parts: [Int], directions: [ChangeDirection?], span: Span) {
        self.total = total
        self.parts = parts
        self.directions = directions
        self.start = span.start
        self.end = span.end
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}
