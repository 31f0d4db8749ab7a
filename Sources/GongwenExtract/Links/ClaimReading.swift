import GongwenModel
import GongwenText

/// What the words right before a claim say about it, as the linkers read them: the name of what it
/// measures, whether it compares with an earlier period, and the change verb or rate word that
/// introduces it.
///
/// `全年城镇居民人均可支配收入22258元，比上年增加1894元，增长9.3%` reads as three claims: `22258元` named
/// `城镇居民人均可支配收入` (a level); `1894元` with comparison `比上年` and verb `增加` and no name of its
/// own (the level's change); `9.3%` with verb `增长` and no name (the level's rate of change).
struct ClaimReading: Equatable {
    /// The noun phrase that names what the number measures, without scope words (`全年`, `其中`),
    /// comparison, verb and filler: `城镇居民人均可支配收入`, `第一产业增加值`, `人口出生率`.
    var name: String
    /// The clause compares with an earlier period: `比上年`, `比年初`, `同比`, `较上年`.
    var comparison: Bool
    /// The change verb right before the number (fillers allowed): `增加`, `下降`, `增长`, `增产`.
    var verb: ChangeVerb?
    /// A rate-of-change word right before the number: `增幅`, `增速`, `降幅`, `增长率`.
    var rateOfChange: Bool
    /// Where the clause holding the claim starts.
    var clauseStart: Int

    /// A number of a change (its amount, its rate) rather than a level: a change verb or a rate word
    /// with no name of its own before it (`比上年增加1894元`, `增长9.3%`).
    var isChange: Bool { (verb != nil || rateOfChange) && namesNothing }
    /// No name of its own: fewer than two characters before the number (`和` in `增长10.4%和9.1%`), tested
    /// without counting them all. Two ideographs first (most names) are two characters: no grapheme cluster joins
    /// them, so they are told without `dropFirst`, which walks grapheme clusters.
    var namesNothing: Bool {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), let second = scalars.next() else { return true }
        if isCJK(first) && isCJK(second) { return false }
        return name.dropFirst().isEmpty
    }
    /// A level: a number that states a value of something named, not a change of it.
    var isLevel: Bool { verb == nil && !rateOfChange && !comparison }

    /// Named by a budget or plan alone: a percent of it that the level before completes (`实际完成53.68亿元，
    /// 为年初预算的101.2%`, `收入完成1748028万元，为预算的110.91%`, `为年计划的105%`).
    var namesPlan: Bool { Claim.namesPlan(name) }
}

/// A verb that states a change, with its direction: `增加`, `增长`, `提高`, `增产` up; `减少`, `下降`,
/// `降低`, `减收` down.
struct ChangeVerb: Equatable {
    var word: String
    var direction: ChangeDirection

    static let increases = ["增加了", "增长了", "增加", "增长", "提高了", "提高", "上升", "上涨", "提升", "增产", "增收", "增支", "扩大", "净增", "多", "增"]
    static let decreases = ["减少了", "下降了", "减少", "下降", "降低", "下跌", "回落", "减产", "减收", "减支", "缩小", "缩减", "压减", "少", "减", "降"]
    /// Longest first, so that `增长了` wins over `增长` and `增`.
    static let all: [(word: [Unicode.Scalar], verb: ChangeVerb)] = {
        let rows = increases.map { ChangeVerb(word: $0, direction: .increase) } + decreases.map { ChangeVerb(word: $0, direction: .decrease) }
        return rows.map { (Array($0.word.unicodeScalars), $0) }.sorted { $0.word.count > $1.word.count }
    }()
}

/// Reads every claim of a document once (`ClaimReading`), and the statements (text between `。`,
/// `!`, `?` and line breaks) that the linkers work within.
struct Readings {
    let source: SourceText
    let claims: [Claim]
    let readings: [ClaimReading]
    /// The index of the statement holding each claim.
    let statement: [Int]
    /// Claim indexes grouped by statement (`byStatement`).
    private let groups: [[Int]]
    /// Where `realMarkers` occur in the folded text, found once (`isReal` asks for every rate).
    private let realMarkerSpans: [Range<Int>]

    /// What befell people in events counted just before (`发生各类生产安全事故28起，死亡25人，受伤8人`): the events
    /// name them (`发生各类生产安全事故死亡`). Compared byte for byte (`sameUTF8`): a `Set` hashed every claim's name.
    static let outcomes = ["死亡", "受伤", "失踪", "遇难"]
    /// Words before a name that say where or when, not what: `其中`, `全年`, `年末全市`.
    static let scopeWords = ["其中", "全年", "年末", "年初", "截至年末", "截至", "全市", "全省", "全县", "全区", "全州", "全国", "共有", "共",
                             "实现", "实际", "完成", "累计", "分别", "另外", "此外", "全部", "合计", "总计", ":", " "]
    /// Words between a name and its number: `为`, `达`, `达到`, `约`, `分别` (`比上年分别增长`).
    static let fillers = ["达到", "达", "到", "至", "为", "是", "有", "了", "约", "近", "超过", "超", "共计", "共", "计", "合计", "总计", "累计", "实现", "完成", "安排", "分别", "(", " "]
    /// Comparisons with an earlier period.
    /// (`短收`, `超收`: a difference from the budget, compared as a change is.)
    static let comparisons = ["短收", "超收", "比上年末", "比上年同期", "比上年", "比年初", "比去年同期", "比去年", "较上年末", "较上年", "较去年", "较年初", "同比", "环比", "比上月", "比上季度"]
    /// The word lists as scalars, for reading the folded view.
    static let comparisonScalars = comparisons.map { Array($0.unicodeScalars) }
    static let comparisonList = WordList(comparisons)
    static let scopeWordScalars = scopeWords.map { Array($0.unicodeScalars) }
    static let fillerScalars = fillers.map { Array($0.unicodeScalars) }
    static let rateScalars = ratesOfChange.map { Array($0.unicodeScalars) }
    static let ratesOfChange = ["增幅", "减幅", "降幅", "涨幅", "增速", "增长率", "下降率", "降速"]
    /// The basis a change is computed on, said between the name and the comparison or verb: no part of the name
    /// (`地区生产总值27695.1亿元，按不变价格计算比上年增长5.4%`, `一般公共预算收入同口径增长6.1%`). Longest first.
    static let bases = ["按不变价格计算", "按可比价格计算", "按可比价计算", "按现价计算", "按可比口径计算", "按可比口径", "按同口径", "同口径",
                        "扣除价格因素"]
    static let basisScalars = bases.map { Array($0.unicodeScalars) }
    /// The figure of the earlier period a change is compared with, said after the comparison: `比上年完成数增长32.52%`,
    /// `比上年预算数增加`, `比2018年预算增长10.34%`. Longest first.
    static let comparedFigures = ["实际完成数", "年初预算数", "年初预算", "调整预算数", "调整预算", "完成数", "预算数", "预计数", "决算数", "执行数",
                                  "预算", "实际"]
    static let comparedFigureScalars = comparedFigures.map { Array($0.unicodeScalars) }

    init(source: SourceText, claims: [Claim]) {
        self.source = source
        self.claims = claims
        let text = source.folded
        var statementIndex: [Int] = []
        var readings: [ClaimReading] = []
        var index = 0
        var position = 0
        var previousEnd = 0
        // The last count of events (`事故28起`) and the outcomes that took its name.
        var event: (index: Int, name: String)?
        var named = Set<Int>()
        // By index, fields read in place: `for claim in claims` copied every claim (its strings retained and released).
        for claim in claims.indices {
            let (start, end) = (claims[claim].start, claims[claim].end)
            while position < start {
                if Self.endsStatement(text[position]) { index += 1 }
                position += 1
            }
            position = max(position, end)
            statementIndex.append(index)
            var reading = Self.read(at: start, text: text, after: previousEnd)
            if let last = readings.indices.last, statementIndex[last] == index, Self.outcomes.contains(where: reading.name.sameUTF8),
               let current = event, current.index == last || named.contains(last),
               text[claims[last].end..<start].dropLast(reading.name.unicodeScalars.count).allSatisfy({ $0 == "," || $0 == "、" || $0 == " " }) {
                named.insert(readings.count)
                reading.name = current.name + reading.name
            }
            if claims[claim].unit == "起", !reading.namesNothing { event = (readings.count, reading.name) }
            readings.append(reading)
            previousEnd = end
        }
        self.readings = readings
        self.statement = statementIndex
        self.groups = Self.groups(statementIndex)
        self.realMarkerSpans = WordSearch.occurrences(in: text, of: Self.realMarkers)
    }

    @inline(__always)
    static func endsStatement(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "。" || scalar == "!" || scalar == "?" || scalar == "\n"
    }

    @inline(__always)
    static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        endsStatement(scalar) || scalar == "," || scalar == ";" || scalar == "、" || scalar == "“" || scalar == "”"
    }

    /// The reading of one claim (starting at `claimStart`) from the clause before it, not reaching back past the
    /// previous claim.
    static func read(at claimStart: Int, text: [Unicode.Scalar], after previousEnd: Int) -> ClaimReading {
        var start = claimStart
        while start > 0, start > previousEnd, claimStart - start < 40, !endsClause(text[start - 1]) { start -= 1 }
        var clause = start
        while clause > 0, claimStart - clause < 60, !endsClause(text[clause - 1]) { clause -= 1 }
        var words = SourceText.wordScalars(start..<claimStart, in: text)
        var verb: ChangeVerb?
        var rateOfChange = false
        var comparison = false
        while dropSuffix(fillerScalars, from: &words) != nil {}
        if let word = dropSuffix(rateScalars, from: &words) {
            // `人口自然增长率`: a rate named by a noun before it is a level of its own, not a change.
            if words.count >= 2, !isComparisonEnd(words[...]) { words += word } else { rateOfChange = true }
        } else if let found = ChangeVerb.all.first(where: { words.count >= $0.word.count && words.suffix($0.word.count).elementsEqual($0.word) }),
                  !(found.word.count == 1 && !isComparisonEnd(words.dropLast(1))) {
            // A one-character verb (`增`, `多`) counts only right after a comparison: `比上年增5.2%`.
            words.removeLast(found.word.count)
            verb = found.verb
        }
        while dropSuffix(fillerScalars, from: &words) != nil {}
        // The figure compared with may follow the comparison (`比上年完成数增长`, `比2018年预算增长`): no name.
        let beforeFigure = words
        _ = dropSuffix(comparedFigureScalars, from: &words)
        if dropSuffix(comparisonScalars, from: &words) != nil || dropYearComparison(&words) { comparison = true } else { words = beforeFigure }
        if verb != nil || rateOfChange || comparison { while dropSuffix(basisScalars, from: &words) != nil || dropSuffix(fillerScalars, from: &words) != nil {} }
        let clauseText = text[clause..<claimStart]
        if !comparison, WordSearch.holdsAny(clauseText, comparisonList) { comparison = true }
        // `由上年的46亿元`, `从200个`: the value a change starts from, compared as an earlier period is.
        if let last = words.last, last == "由" || last == "从" || last == "的" && (clauseText.contains("由") || clauseText.contains("从")) {
            comparison = true
        }
        // `比一九五二年的八百二十七亿一千万元`: the value of the period compared with.
        if let first = words.first, first == "比" || first == "较", words.last == "的" { comparison = true }
        var name = dropping(prefixes: scopeWordScalars, of: words[...])
        while let last = name.last, last == "的" || last == " " { name = name.dropLast() }
        // Notes in brackets at the end name no measure: `地区生产总值(GDP)`, `地区生产总值[2]` (a footnote).
        while let last = name.last, last == ")" || last == "]", let open = name.lastIndex(where: { $0 == "(" || $0 == "[" }),
              open > name.startIndex {
            name = name[..<open]
        }
        return ClaimReading(name: SourceText.string(name), comparison: comparison, verb: verb, rateOfChange: rateOfChange, clauseStart: clause)
    }

    /// Drops the first word of `list` that ends `words`, and returns it. A static function of its own: as a function
    /// nested in `read`, it boxed `words` and checked every access to it.
    private static func dropSuffix(_ list: [[Unicode.Scalar]], from words: inout [Unicode.Scalar]) -> [Unicode.Scalar]? {
        for word in list where words.count >= word.count && words.suffix(word.count).elementsEqual(word) {
            words.removeLast(word.count)
            return word
        }
        return nil
    }

    /// `words` less the `prefixes` at their start, as often as one stands there (`全年全市工业增加值` → `工业增加值`).
    static func dropping(prefixes: [[Unicode.Scalar]], of words: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var words = words
        while let word = prefixes.first(where: { words.count >= $0.count && words.prefix($0.count).elementsEqual($0) }) {
            words = words.dropFirst(word.count)
        }
        return words
    }

    /// `words` less the `suffixes` at their end, as often as one stands there (`产值同比` → `产值`).
    static func dropping(suffixes: [[Unicode.Scalar]], of words: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        var words = words
        while let word = suffixes.first(where: { words.count >= $0.count && words.suffix($0.count).elementsEqual($0) }) {
            words = words.dropLast(word.count)
        }
        return words
    }

    /// `比2010年`, `较2020年末`, `比2024年同期`: a comparison with a named year, dropped from the end of `words`.
    static func dropYearComparison(_ words: inout [Unicode.Scalar]) -> Bool {
        var end = words.count
        for tail in yearTails where words.count >= tail.count && words.suffix(tail.count).elementsEqual(tail) {
            end -= tail.count
            break
        }
        guard end >= 6, words[end - 1] == "年", words[(end - 5)..<(end - 1)].allSatisfy(isASCIIDigit),
              words[end - 6] == "比" || words[end - 6] == "较" else { return false }
        words.removeLast(words.count - (end - 6))
        return true
    }

    /// What may follow the year of a comparison: `同期`, `末`, `底`, as scalars (a string's scalars counted each time
    /// cost more than the rest of the reading).
    static let yearTails = ["同期", "末", "底"].map { Array($0.unicodeScalars) }

    private static func isComparisonEnd(_ words: ArraySlice<Unicode.Scalar>) -> Bool {
        comparisonScalars.contains { words.count >= $0.count && words.suffix($0.count).elementsEqual($0) }
    }

    /// Words that mark a rate at comparable prices: the nominal amounts do not give it.
    static let realMarkers = WordList(["扣除价格因素", "可比价", "不变价", "实际增长", "实际下降"])
    /// Indicators whose growth is published at comparable prices (a real rate).
    static let realIndicators = ["增加值", "生产总值", "GDP", "经济总量"]

    /// Whether the growth of a level is a real rate, which its nominal amounts do not give: the level is a
    /// value added or GDP (by its `name`, the reading's unless given), or its statement says the rate is at
    /// comparable prices (`按可比价格计算`).
    func isReal(_ index: Int, name: String? = nil) -> Bool {
        let clauseStart = readings[index].clauseStart
        if Self.realIndicators.contains(where: (name ?? readings[index].name).endsWith) { return true }
        let statementStart = max(0, clauseStart - 80)
        return WordSearch.holdsAny(statementStart..<max(statementStart, min(source.count, claims[index].end + 40)), among: realMarkerSpans)
    }

    /// Claim indexes grouped by statement, in order: grouped once, when the claims are read (seven
    /// linkers ask).
    func byStatement() -> [[Int]] { groups }

    private static func groups(_ statement: [Int]) -> [[Int]] {
        var groups: [[Int]] = []
        var current = -1
        for (index, statement) in statement.enumerated() {
            if statement != current { groups.append([]); current = statement }
            groups[groups.count - 1].append(index)
        }
        return groups
    }
}

/// The two sides of a budget: `收入` and `支出` (`一般公共预算收入`, `政府性基金预算支出`).
enum BudgetSide {
    case income, spending
}

/// Whether two names say the same indicator, after scope words and `总数`/`总量`/`总额` are set aside:
/// `全市生产总值` and `地区生产总值` (one ends with the other's core), `承办总数` and `承办建议`
/// (a total named by what it counts).
public enum IndicatorName {
    static let totals = ["总数", "总量", "总额", "总计", "合计", "总和"]
    static let scopes = ["全市", "全省", "全县", "全区", "全州", "全国", "全部", "全年", "年末", "地区", "本地", "实现", "完成", "共", "各类", "各项"]

    /// The name without scope words at its start; `total` says whether a totals word ended it.
    static func core(_ name: String) -> (core: String, total: Bool) {
        var text = name
        var stripped = true
        while stripped {
            stripped = false
            for scope in scopes where text.startsWith(scope) && text.count > scope.count + 1 {
                text.removeFirst(scope.count)
                stripped = true
            }
        }
        for total in totals where text.endsWith(total) && text.count > total.count + 1 {
            text.removeLast(total.count)
            return (text, true)
        }
        return (text, false)
    }

    /// The side of a budget a name states, the later of `收入` and `支出` in it: `2019年实际完成收入` → income,
    /// `一般公共预算支出实际完成` → spending.
    static func side(of name: String) -> BudgetSide? {
        let income = name.range(of: "收入", options: .backwards)?.lowerBound
        let spending = name.range(of: "支出", options: .backwards)?.lowerBound
        switch (income, spending) {
        case let (income?, spending?): return income > spending ? .income : .spending
        case (.some, nil): return .income
        case (nil, .some): return .spending
        case (nil, nil): return nil
        }
    }

    /// Names of an average or a rate per head (`人均生产总值`, `每万人口发明专利拥有量`): never a whole.
    public static func isAverage(_ name: String) -> Bool {
        ["人均", "平均", "每万", "每千", "每百", "每人", "户均", "亩均"].contains(where: name.holds)
    }

    /// Whether a claim named `name` is the whole that `noun` names.
    static func names(_ noun: String, _ name: String) -> Bool {
        let wanted = core(noun)
        let found = core(name).core
        guard wanted.core.count >= 2, found.count >= 2 else { return false }
        if found.endsWith(wanted.core) || wanted.core.endsWith(found) { return true }
        if wanted.total && found.holds(wanted.core) { return true }
        let (x, y) = (collapsed(noun), collapsed(name))
        return x.count >= 2 && y.count >= 2 && (x.endsWith(y) || y.endsWith(x))
    }

    /// A name with its total said in the measure word (`用水总量` → `用水量`, `收入总额` → `收入额`) or before it
    /// (`总人口` → `人口`), and `GDP` as `生产总值`: the forms in which a whole is named again.
    static func collapsed(_ name: String) -> String {
        var text = core(name.replacingOccurrences(of: "GDP", with: "生产总值")).core
        if text.endsWith("总值") { return text }
        for (total, word) in [("总量", "量"), ("总额", "额"), ("总数", "数")] where name.endsWith(total) && !text.endsWith(word) { text += word }
        if text.startsWith("总"), text.count >= 3 { text.removeFirst() }
        return text
    }
}
