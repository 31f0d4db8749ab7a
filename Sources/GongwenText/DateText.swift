/// A calendar date read from text, with the precision it was written with.
///
/// `2020年9月14日`, `二〇二二年六月二十四日`, `2020-09-14` and the scraped sign-off `2020914` all read as
/// 2020-09-14 / 2022-06-24; `2019年` alone reads as a year.
public struct DateText: Sendable, Equatable {
    public var year: Int
    public var month: Int?
    public var day: Int?
    /// The text had lost its separators (`2020914`), so the reading is a guess.
    public var garbled: Bool

    public init(year: Int, month: Int? = nil, day: Int? = nil, garbled: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.garbled = garbled
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    public var iso: String {
        var out = String(year)
        if let month {
            out += "-" + (month < 10 ? "0" : "") + String(month)
            if let day { out += "-" + (day < 10 ? "0" : "") + String(day) }
        }
        return out
    }

    /// Reads a whole string as a date, or `nil`. Accepts `2020年9月14日`, Chinese-numeral dates,
    /// `2020-09-14`, `2020.9.14`, `2020/9/14` and, marked `garbled`, 7–8 digit runs `2020914`.
    public static func parse(_ text: String) -> DateText? {
        let scalars = Array(text.unicodeScalars.map(Fold.fold).filter { $0 != " " })
        if scalars.isEmpty { return nil }
        if let date = parseYearMonthDay(scalars) { return date }
        if let date = parseSeparated(scalars) { return date }
        return parseGlued(scalars)
    }

    private static func parseYearMonthDay(_ s: [Unicode.Scalar]) -> DateText? {
        guard let yearEnd = s.firstIndex(of: "年"), yearEnd == 4 || yearEnd == 2 else { return nil }
        guard var year = ChineseNumerals.integer(s[0..<yearEnd]) else { return nil }
        if yearEnd == 2 { year += year < 50 ? 2000 : 1900 }
        var rest = s[(yearEnd + 1)...]
        if rest.isEmpty { return valid(DateText(year: year)) }
        guard let monthEnd = rest.firstIndex(of: "月"), let month = ChineseNumerals.integer(rest[rest.startIndex..<monthEnd]) else { return nil }
        rest = rest[(monthEnd + 1)...]
        if rest.isEmpty { return valid(DateText(year: year, month: month)) }
        guard let dayEnd = rest.firstIndex(where: { $0 == "日" || $0 == "号" }), dayEnd == rest.index(before: rest.endIndex),
              let day = ChineseNumerals.integer(rest[rest.startIndex..<dayEnd]) else { return nil }
        return valid(DateText(year: year, month: month, day: day))
    }

    private static func parseSeparated(_ s: [Unicode.Scalar]) -> DateText? {
        guard let separator = s.first(where: { $0 == "-" || $0 == "." || $0 == "/" }) else { return nil }
        let parts = s.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(isASCIIDigit) }),
              let year = ChineseNumerals.integer(parts[0]), let month = ChineseNumerals.integer(parts[1]),
              let day = ChineseNumerals.integer(parts[2]) else { return nil }
        return valid(DateText(year: year, month: month, day: day))
    }

    /// `2020914` → 2020-9-14 and `20200914` → 2020-09-14; the month is read with one digit first.
    private static func parseGlued(_ s: [Unicode.Scalar]) -> DateText? {
        guard (6...8).contains(s.count), s.allSatisfy(isASCIIDigit), let year = ChineseNumerals.integer(s[0..<4]),
              (1900...2100).contains(year) else { return nil }
        let rest = s[4...].map { Int($0.value) - 48 }
        let splits = monthDaySplits(rest)
        for (month, day) in rest.count == 4 ? splits.reversed() : splits {
            if let date = valid(DateText(year: year, month: month, day: day, garbled: rest.count != 4)) { return date }
        }
        return nil
    }

    /// The ways two to four digits split into a month and a day when the separator was lost, the
    /// shorter month first: `715` → 7-15; `111` → 1-11 and 11-1; `1231` → 12-31; `230` → none
    /// (no 30 February). The one month/day splitter of the project.
    public static func monthDaySplits(_ digits: [Int]) -> [(month: Int, day: Int)] {
        var splits: [(month: Int, day: Int)] = []
        for split in 1...2 where split < digits.count && digits.count - split <= 2 {
            let month = digits[..<split].reduce(0) { $0 * 10 + $1 }
            let day = digits[split...].reduce(0) { $0 * 10 + $1 }
            if (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: 2000) { splits.append((month, day)) }
        }
        return splits
    }

    private static func valid(_ date: DateText) -> DateText? {
        guard (1900...2100).contains(date.year) else { return nil }
        if let month = date.month, !(1...12).contains(month) { return nil }
        if let day = date.day, let month = date.month, !(1...daysIn(month: month, year: date.year)).contains(day) { return nil }
        return date
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

