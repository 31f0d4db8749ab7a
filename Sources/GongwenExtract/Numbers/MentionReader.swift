import Foundation
import GongwenModel
import GongwenText

/// Reads the mentions of one range: finds each numeral with the grammar, then reads what is
/// around it. One reader per call of `NumberExtractor.mentions`.
struct MentionReader {
    let text: SourceText
    let grammar: Grammar
    private(set) var mentions: [NumberMention] = []

    init(text: SourceText, bounds: Range<Int>) {
        self.text = text
        self.grammar = Grammar(s: text.folded, source: text.scalars, bounds: bounds, lexicon: .shared, whole: false)
    }

    var s: [Unicode.Scalar] { grammar.s }
    var bounds: Range<Int> { grammar.bounds }

    @inline(__always) func at(_ index: Int) -> Unicode.Scalar? { grammar.at(index) }

    /// A number being read: the numeral and what was found around it so far.
    struct Item {
        var numeral: Numeral
        var start: Int
        var end: Int
        var kind: NumberKind = .quantity
        var value: Decimal?
        var upper: Decimal?
        var unit: String?
        var unitCategory: String?
        var resolution: Decimal?
        var qualifier: Qualifier?
        var qualifierText: String?
        var parts: [Decimal]?

        init(_ numeral: Numeral) {
            self.numeral = numeral
            self.start = numeral.textStart
            self.end = numeral.end
            self.value = numeral.value
            self.upper = numeral.upper
            self.resolution = numeral.resolution
            self.qualifier = numeral.qualifier
            self.qualifierText = numeral.qualifierText
        }

        init(kind: NumberKind, start: Int, end: Int, value: Decimal?, numeral: Numeral) {
            self.init(numeral)
            self.kind = kind
            self.start = start
            self.end = end
            self.value = value
            self.upper = nil
            self.resolution = nil
            self.qualifier = nil
            self.qualifierText = nil
        }
    }

    // MARK: - The loop

    /// Reads the whole range and hands over the mentions.
    mutating func readAll() -> [NumberMention] {
        // About one number per 50 characters in the corpus: room for one per 32, so that the array
        // is seldom moved as it grows.
        mentions.reserveCapacity(bounds.count / 32)
        let scalars = grammar.s
        let triggers = Self.triggers
        var index = bounds.lowerBound
        while index < bounds.upperBound {
            let value = Int(scalars[index].value)
            let isTrigger = value < 0x10000 ? triggers[value >> 6] & (1 << UInt64(value & 63)) != 0 : Self.isTrigger(scalars[index])
            index = isTrigger ? max(read(at: index), index + 1) : index + 1
        }
        defer { mentions = [] }
        return mentions
    }

    /// Whether reading starts at the scalar: a number (`3`, `三`, `.`), a web address (`h`, `w`),
    /// `对` (a discount), or a bracket (a document number).
    private static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
        Trigger.startsNumber(scalar) || scalar == "h" || scalar == "w" || scalar == "对" || scalar == "對"
            || Brackets.closing(for: scalar) != nil
    }

    /// `isTrigger` of each scalar below U+10000, one bit each: the loop over the text tests a bit
    /// where `Glyph.of` would walk a switch.
    private static let triggers: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for value in 0..<0x10000 {
            if let scalar = Unicode.Scalar(UInt32(value)), isTrigger(scalar) { bits[value >> 6] |= 1 << UInt64(value & 63) }
        }
        return bits
    }()

    /// Reads what starts at `index` and returns where to continue.
    private mutating func read(at index: Int) -> Int {
        if let end = grammar.urlEnd(at: index) { return end }
        if Brackets.closing(for: s[index]) != nil {
            return bracketedDocNumber(at: index).map { emit($0) } ?? index + 1
        }
        if mayStartPlan(at: index), let item = plan(at: index) { return emit(item) }
        if mayStartShare(at: index), let item = discount(at: index) { return emit(item) }
        switch grammar.scan(at: index) {
        case .numeral(let numeral): return readNumber(numeral)
        case .skip(let end): return end
        case .none: return index + 1
        }
    }

    private mutating func readNumber(_ numeral: Numeral) -> Int {
        if let item = structure(numeral) { return emit(item) }
        var item = self.item(numeral)
        if let range = range(from: item) { item = range }
        classify(&item)
        return emit(item)
    }

    /// Dates with separators, section numbers, phones, ratios and formulas, tried only when the
    /// scalar after an Arabic number can start one.
    private func structure(_ numeral: Numeral) -> Item? {
        guard numeral.form == .arabic else { return nil }
        switch at(numeral.end) {
        case "-": return separatedDate(numeral) ?? phone(numeral)
        case "/": return separatedDate(numeral)
        case ".": return separatedDate(numeral) ?? dottedChain(numeral)
        case "·": return dottedDate(numeral)
        case ":", "∶", " ": return ratio(numeral)
        case "+", "×": return formula(numeral)
        default: return phone(numeral)
        }
    }

    private mutating func emit(_ item: Item) -> Int {
        // Appended, then filled in in place: a mention built in a variable was copied into the array.
        mentions.append(NumberMention(
            text: sourceText(item.start..<item.end), span: Span(start: item.start, end: item.end),
            kind: item.kind, value: item.value))
        let last = mentions.count - 1
        mentions[last].upper = item.upper
        mentions[last].unit = item.unit
        mentions[last].unitCategory = item.unitCategory
        mentions[last].resolution = item.resolution
        mentions[last].qualifier = item.qualifier
        mentions[last].qualifierText = item.qualifierText
        mentions[last].parts = item.parts
        return item.end
    }

    /// The source text of a range.
    private func sourceText(_ range: Range<Int>) -> String {
        SourceText.string(text.scalars[range])
    }

    // MARK: - What follows a numeral

    /// The numeral with its percent sign or unit and qualifiers: `30.5%`, `150余名`, `6万人以上`,
    /// `0.02个百分点`, `“5”个` (a quoted number and the unit after the quote), and `2019年` /
    /// `2023年12月28日` / `7月15日` as year and dates.
    func item(_ numeral: Numeral) -> Item {
        var item = Item(numeral)
        if numeral.form == .fraction {
            item.kind = .fraction
            readTrailingQualifier(&item)
            return item
        }
        if let exponent = numeral.perExponent {
            switch exponent {
            case 2: (item.kind, item.unit) = (.percent, "%")
            case 3: (item.kind, item.unit) = (.permille, "‰")
            default:
                item.kind = .fraction
                item.value = numeral.value * Exact.power10(-exponent)
                item.resolution = numeral.resolution.map { $0 * Exact.power10(-exponent) }
            }
            readTrailingQualifier(&item)
            return item
        }
        let afterSpaces = grammar.skipSpaces(numeral.end)
        if at(afterSpaces) == "%" || at(afterSpaces) == "‰" {
            let percent = at(afterSpaces) == "%"
            (item.kind, item.unit) = percent ? (.percent, "%") : (.permille, "‰")
            item.end = afterSpaces + 1
            readTrailingQualifier(&item)
            return item
        }
        if let end = percentagePointEnd(at: afterSpaces) {
            (item.unit, item.unitCategory, item.end) = ("百分点", "ratio", end)
            readTrailingQualifier(&item)
            return item
        }
        var cursor = numeral.end
        if at(numeral.start - 1) == "“", at(cursor) == "”",
            grammar.lexicon.unit(in: s, at: cursor + 1, limit: bounds.upperBound) != nil
        {
            item.start -= 1
            cursor += 1
        }
        if let scalar = at(cursor), item.qualifier == nil, scalar == "余" || scalar == "多" || scalar == "来" {
            let unitFollows = grammar.lexicon.unit(in: s, at: cursor + 1, limit: bounds.upperBound) != nil
            let roundNumber = (numeral.integerValue ?? 1) % 10 == 0
            if unitFollows || (scalar != "来" && (at(cursor + 1).map(ScalarClass.isBoundary) ?? true)),
                scalar != "来" || (unitFollows && roundNumber)
            {
                item.qualifier = scalar == "来" ? .about : .atLeast
                item.qualifierText = String(scalar)
                cursor += 1
                item.end = cursor
            }
        }
        if let unit = grammar.lexicon.unit(in: s, at: grammar.skipSpaces(cursor), limit: bounds.upperBound) {
            let unitEnd = grammar.skipSpaces(cursor) + unit.scalars.count
            if let dated = calendar(item, unit: unit.name, unitEnd: unitEnd) { return dated }
            (item.unit, item.unitCategory, item.end) = (unit.name, unit.category, unitEnd)
        } else if at(cursor) == "号" {
            item.unit = "号"
            item.end = cursor + 1
        }
        readTrailingQualifier(&item)
        return item
    }

    /// `个百分点`, `百分点`, `个 百 分 点`: the end of the unit percentage point.
    private func percentagePointEnd(at index: Int) -> Int? {
        var cursor = index
        if at(cursor) == "个" || at(cursor) == "個" { cursor = grammar.skipSpaces(cursor + 1) }
        guard at(cursor) == "百" else { return nil }
        cursor = grammar.skipSpaces(cursor + 1)
        guard at(cursor) == "分" else { return nil }
        cursor = grammar.skipSpaces(cursor + 1)
        guard at(cursor) == "点" || at(cursor) == "點" else { return nil }
        return cursor + 1
    }

    /// `以上`, `以下`, `以内`, `左右`, `上下`, and `多`/`余` after a unit (`3年多`).
    private func readTrailingQualifier(_ item: inout Item) {
        for (word, qualifier) in Words.trailingQualifiers where grammar.matches(word, at: item.end) {
            item.qualifier = qualifier
            item.qualifierText = (item.qualifierText ?? "") + word.text
            item.end += word.count
            return
        }
        if item.qualifier == nil, item.unit != nil, let scalar = at(item.end), scalar == "多" || scalar == "余",
            at(item.end + 1).map(ScalarClass.isBoundary) ?? true
        {
            item.qualifier = .atLeast
            item.qualifierText = String(scalar)
            item.end += 1
        }
    }

    // MARK: - Ranges

    /// `300—500户`, `1500-3000人`, `5至10年`, `3到5个`, `10%—20%`, `2019—2021年`, `3至5万人`:
    /// the low end in `value`, the high end in `upper`, one unit for both.
    private func range(from low: Item) -> Item? {
        guard low.upper == nil, low.numeral.form != .fraction, low.numeral.perExponent == nil,
            !low.numeral.hasLeadingZero, let lowNumber = low.value, let connector = at(low.end)
        else { return nil }
        var next = low.end + 1
        switch connector {
        case "-", "~", "–", "〜": break
        case "—": if at(next) == "—" { next += 1 }
        case "至", "到":
            if let before = at(low.start - 1), before == "从" || before == "由" { return nil }
        default: return nil
        }
        guard case .numeral(let numeral) = grammar.number(at: next, licensed: false), numeral.form != .fraction,
            numeral.perExponent == nil, !numeral.hasLeadingZero
        else { return nil }
        let high = item(numeral)
        var highValue = high.value ?? numeral.value
        var merged = low
        var lowValue = lowNumber
        if low.numeral.scaleExponent == 0, numeral.scaleExponent > 0, low.kind == .quantity, low.unit == nil {
            let shared = lowValue * Exact.power10(numeral.scaleExponent)
            if shared <= highValue {
                lowValue = shared
                merged.resolution = high.resolution
            }
        }
        switch (low.kind, high.kind) {
        case (.quantity, .quantity):
            guard low.unit == nil || low.unit == high.unit else { return nil }
        case (.quantity, .percent), (.quantity, .permille):
            guard low.unit == nil else { return nil }
        case (.percent, .percent), (.permille, .permille), (.year, .year):
            break
        case (.quantity, .year):
            guard low.unit == nil, isYearLike(low.numeral) else { return nil }
        case (.quantity, .date), (.date, .date):
            guard low.unit == nil || low.kind == .date, high.unit == "月" || high.unit == "日" else { return nil }
        default:
            return nil
        }
        if high.kind == .year || high.kind == .date { highValue = numeral.value }
        guard lowValue <= highValue else { return nil }
        merged.kind = high.kind
        merged.value = lowValue
        merged.upper = highValue
        merged.unit = high.unit
        merged.unitCategory = high.unitCategory
        merged.end = high.end
        if high.qualifier != nil {
            merged.qualifier = high.qualifier
            merged.qualifierText = high.qualifierText
        }
        return merged
    }

    // MARK: - Years and dates

    /// A year is a four-digit Arabic or digit-by-digit number from 1000 to 2999 before `年`.
    func isYearLike(_ numeral: Numeral) -> Bool {
        let digits = numeral.form == .digits || (numeral.isPlainInteger && numeral.plainDigits == 4)
        return digits && numeral.isInteger(in: 1000...2999)
    }

    /// `2019年` (year), `2019年4月`, `2023年12月28日`, `7月15日`, `10月`, `15日`, the garbled
    /// `715日` (date); `3年`, `3个月` stay quantities of time.
    private func calendar(_ item: Item, unit: String, unitEnd: Int) -> Item? {
        let numeral = item.numeral
        // The unit compared byte for byte, once: `==` on two Chinese strings that differ takes a slow path.
        let unit = unit.sameUTF8("年") ? CalendarUnit.year : unit.sameUTF8("月") ? .month : unit.sameUTF8("季度") ? .quarter
            : unit.sameUTF8("日") ? .day : nil
        guard item.qualifier == nil || unit == .year, numeral.resolution == nil, numeral.upper == nil else { return nil }
        switch unit {
        case .year where at(unitEnd) == "代":
            return Item(kind: .date, start: item.start, end: unitEnd + 1, value: nil, numeral: numeral)
        case .year:
            guard isYearLike(numeral) else { return nil }
            var year = Item(kind: .year, start: item.start, end: unitEnd, value: numeral.value, numeral: numeral)
            if let end = monthAndDay(after: unitEnd) {
                year.kind = .date
                year.value = nil
                year.end = end
            }
            return year
        case .month:
            guard numeral.isInteger(in: 1...12) else { return nil }
            var month = Item(kind: .date, start: item.start, end: dayEnd(after: unitEnd) ?? unitEnd, value: nil, numeral: numeral)
            month.unit = month.end == unitEnd ? "月" : "日"
            return month
        case .quarter:
            guard numeral.isInteger(in: 1...4), let previous = at(item.start - 1),
                previous != "前", previous != "后", previous != "近"
            else { return nil }
            return Item(kind: .date, start: item.start, end: unitEnd, value: nil, numeral: numeral)
        case .day:
            let isDay = numeral.isInteger(in: 1...31)
            guard isDay || isGarbledMonthDay(numeral) else { return nil }
            var day = Item(kind: .date, start: item.start, end: unitEnd, value: nil, numeral: numeral)
            day.unit = "日"
            return day
        case nil:
            return nil
        }
    }

    /// The units of the calendar that `calendar` reads: `年`, `月`, `季度`, `日`.
    private enum CalendarUnit { case year, month, quarter, day }

    /// `4月`, `12月28日` after a year: the end of the month and day.
    private func monthAndDay(after index: Int) -> Int? {
        guard case .numeral(let month) = grammar.number(at: index, licensed: true), month.resolution == nil,
            month.isInteger(in: 1...12), at(month.end) == "月"
        else { return nil }
        return dayEnd(after: month.end + 1) ?? month.end + 1
    }

    /// `28日`, `14号` after a month.
    private func dayEnd(after index: Int) -> Int? {
        guard case .numeral(let day) = grammar.number(at: index, licensed: true), day.resolution == nil,
            day.isInteger(in: 1...31), let unit = at(day.end), unit == "日" || unit == "号"
        else { return nil }
        return day.end + 1
    }

    /// `715` in `715日`: a month and a day run together when the separator was lost.
    func isGarbledMonthDay(_ numeral: Numeral) -> Bool {
        guard numeral.isPlainInteger, numeral.plainDigits == 3 || numeral.plainDigits == 4,
            let value = numeral.integerValue
        else { return false }
        return Self.isMonthDay(value, digits: numeral.plainDigits)
    }

    /// Whether the `digits` digits of `value` split into a month and a day of that month
    /// (`715` → 7/15, `1231` → 12/31; not `230`).
    static func isMonthDay(_ value: Int, digits: Int) -> Bool {
        let printed = (0..<digits).reversed().map { value / Self.powersOfTen[$0] % 10 }
        return !DateText.monthDaySplits(printed).isEmpty
    }

    private static let powersOfTen = [1, 10, 100, 1000]
}
