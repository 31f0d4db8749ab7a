import Foundation

/// The message catalog: every finding's text, in Chinese (`zh`, the `message` field) and English
/// (`en`, `message_en`), rendered from one case with its parameters so the two cannot drift.
/// Messages name what to look at and the numbers used.
///
/// `.monthDayGlued(text: "715日", readings: ["7月15日"])` renders
/// `日期“715日”缺少月份分隔(可能是7月15日)` and `date "715日" lost its month separator (probably 7月15日)`.
public enum Message: Sendable, Equatable {
    /// `715日`: digits and 日 with no 月; `readings` are the month-days the digits can stand for.
    case monthDayGlued(text: String, readings: [String])
    /// A sign-off date whose separators were lost: `2020914` read as `2020年9月14日`.
    case dateGlued(text: String, reading: String)
    /// A date whose day number was lost: `2019年2月日`.
    case dayLost(text: String)
    /// `川财社20191166号`: the year glued to the serial; `suggestion` is the well-formed number.
    case docNumberYearGlued(text: String, suggestion: String)
    /// A measure word or scale with no number before it: `个` in `整顿个软弱涣散村`.
    case measureWithoutNumber(word: String, context: String)
    /// A decimal whose leading digits were lost: `.25万条`.
    case lostLeadingDigits(text: String)
    /// A year range with a year lost: `(—年)`.
    case yearRangeMissing(text: String)
    /// `年以来` at the start of a clause: the year itself was lost.
    case yearMissing(text: String)
    /// Two numbers run together where punctuation was lost: `68.3%1500人`.
    case numbersMerged(text: String, first: String, second: String)
    /// A number whose percent or permille sign is written twice: `33.3%%`.
    case signDoubled(text: String, sign: String)
    /// Sibling headings or items that skip numbers: `二、` then `四、`.
    case numberingGap(previous: String, found: String, missing: [String])
    /// The same number twice in a row: `(二)` after `(二)`.
    case numberingRepeat(previous: String, found: String)
    /// A number lower than the one before it (other than a new run from 1): `(二)` after `(三)`.
    case numberingBackwards(previous: String, found: String)
    /// A paragraph repeating an earlier one verbatim.
    case duplicateParagraph(length: Int, firstLine: Int)
    /// A run of sentences repeating earlier ones verbatim.
    case duplicatePassage(length: Int, firstLine: Int)
    /// A count label whose enumeration has a different number of items: `三个优化` with 2 items.
    case countMismatch(label: String, stated: Int, found: Int, markers: [String])
    /// A value outside its plausibility bound: `29275万人` for one 社区.
    case implausible(text: String, subject: String, value: Decimal, unit: String, bound: Decimal, isUpper: Bool, boundName: String, boundNameEn: String)
    /// A stated value against its recomputation from the operands: `减幅 39.54%` against `861/2177 = 39.5498%`;
    /// `rounded` is the recomputation rounded at the stated precision, when that differs from `result`.
    case recomputed(label: String, stated: String, formula: String, result: String, verdict: Verdict, rounded: String?)
    /// Parts short of their total by one digit of one figure (a shortfall of d × 10ᵐ).
    case digitSlip(stated: String, formula: String, result: String, difference: String)
    /// The same quantity stated twice with different values: `first` at line `firstLine`, `second` here.
    case repeatedDiffers(subject: String, first: String, firstLine: Int, second: String)
    /// An average and a count before and after a change whose products (the totals) cannot be equal.
    case averageTotalsDiffer(average: String, before: String, countBefore: String, totalBefore: String, after: String, countAfter: String, totalAfter: String)
    /// A total's growth rate outside the range of its parts' growth rates.
    case outsideParts(label: String, stated: String, lowest: String, highest: String)
    /// A total's growth rate (or percent of the budget) that its parts' values and rates do not give.
    case notWeightedMean(label: String, stated: String, recomputed: String, budgets: Bool)
    /// Shares of the parts of one whole whose sum misses 100%, beyond the rounding of each.
    case sharesNotWhole(shares: [String], sum: String)
    /// Two parts with their shares that give wholes that cannot be one: `20件占29.8%` gives about 67.1,
    /// `7件占9.8%` about 71.4.
    case sharesOfNoWhole(first: String, firstWhole: String, second: String, secondWhole: String)

    /// The message in Chinese.
    public var zh: String { rendered.zh }

    /// The same message in English.
    public var en: String { rendered.en }

    /// Both renderings of each message side by side, so that a change to one is seen next to the other.
    private var rendered: (zh: String, en: String) {
        switch self {
        case let .monthDayGlued(text, readings):
            return ("日期“\(text)”缺少月份分隔(可能是\(readings.joined(separator: "或")))",
                    "date \"\(text)\" lost its month separator (probably \(readings.joined(separator: " or ")))")
        case let .dayLost(text):
            return ("日期“\(text)”缺少日", "date \"\(text)\" lost its day")
        case let .dateGlued(text, reading):
            return ("成文日期“\(text)”缺少年月日分隔(应为\(reading))",
                    "sign-off date \"\(text)\" lost its 年/月/日 separators (should be \(reading))")
        case let .docNumberYearGlued(text, suggestion):
            return ("发文字号“\(text)”年份与序号粘连,缺少六角括号(应为\(suggestion))",
                    "document number \"\(text)\" has its year glued to the serial number (should be \(suggestion))")
        case let .measureWithoutNumber(word, context):
            return ("“\(context)”中“\(word)”前缺少数字", "no number before \"\(word)\" in \"\(context)\"")
        case let .lostLeadingDigits(text):
            return ("数字“\(text)”缺少小数点前的数字", "number \"\(text)\" lost the digits before its decimal point")
        case let .yearRangeMissing(text):
            return ("年份范围“\(text)”缺少年份", "year range \"\(text)\" lost its years")
        case let .yearMissing(text):
            return ("“\(text)”前缺少年份", "no year before \"\(text)\"")
        case let .numbersMerged(text, first, second):
            return ("“\(text)”中两个数字粘连(“\(first)”与“\(second)”之间缺少标点)",
                    "two numbers run together in \"\(text)\" (punctuation lost between \"\(first)\" and \"\(second)\")")
        case let .signDoubled(text, sign):
            let name = sign == "‰" ? ("千分号", "permille") : ("百分号", "percent")
            return ("“\(text)”中\(name.0)重复", "the \(name.1) sign is written twice in \"\(text)\"")
        case let .numberingGap(previous, found, missing):
            return ("编号从“\(previous)”跳到“\(found)”,缺少\(missing.map { "“\($0)”" }.joined(separator: ""))",
                    "numbering jumps from \"\(previous)\" to \"\(found)\"; missing \(missing.map { "\"\($0)\"" }.joined(separator: ", "))")
        case let .numberingRepeat(previous, found):
            return ("编号“\(found)”重复(上一项也是“\(previous)”)", "numbering repeats \"\(found)\" (the item before is also \"\(previous)\")")
        case let .numberingBackwards(previous, found):
            return ("编号从“\(previous)”倒退到“\(found)”", "numbering goes back from \"\(previous)\" to \"\(found)\"")
        case let .duplicateParagraph(length, firstLine):
            return ("本段(\(length)字)与第\(firstLine)行的段落完全相同",
                    "this paragraph (\(length) characters) repeats the one at line \(firstLine) verbatim")
        case let .duplicatePassage(length, firstLine):
            return ("这段文字(\(length)字)与第\(firstLine)行的文字完全相同",
                    "this passage (\(length) characters) repeats text at line \(firstLine) verbatim")
        case let .countMismatch(label, stated, found, markers):
            return ("“\(label)”称有\(stated)项,其后列出\(found)项(\(markers.joined(separator: "、")))",
                    "\"\(label)\" announces \(stated) items but \(found) follow (\(markers.joined(separator: ", ")))")
        case let .implausible(text, subject, value, unit, bound, isUpper, boundName, boundNameEn):
            return ("“\(subject)”\(text)(即\(value)\(unit))\(isUpper ? "超出" : "低于")\(boundName)的\(isUpper ? "上限" : "下限")\(bound)\(unit)",
                    "\(text) (\(value) \(unit)) for \"\(subject)\" is \(isUpper ? "above the upper" : "below the lower") bound of \(bound) \(unit) for \(boundNameEn)")
        case let .recomputed(label, stated, formula, result, verdict, rounded):
            let (zh, en): (String, String)
            switch verdict {
            case .truncated: (zh, en) = ("(截断而非四舍五入)", " (truncated, not rounded)")
            case .nearMiss: (zh, en) = (rounded.map { "(差末位一个单位,应为\($0))" } ?? "(差末位一个单位)", rounded.map { " (one unit of the last digit off; rounds to \($0))" } ?? " (one unit of the last digit off)")
            case .holds, .mismatch: (zh, en) = (rounded.map { "(应为\($0))" } ?? "", rounded.map { " (rounds to \($0))" } ?? "")
            }
            return ("\(label) \(stated) 与 \(formula) = \(result) 不符" + zh, "\(label) \(stated) does not match \(formula) = \(result)" + en)
        case let .digitSlip(stated, formula, result, difference):
            return ("总数 \(stated) 与 \(formula) = \(result) 不符,相差\(difference)恰为一位数字之差(某个数字可能有误)",
                    "the total \(stated) does not match \(formula) = \(result); they differ by \(difference), one digit of one figure (a figure may be mistyped)")
        case let .repeatedDiffers(subject, first, firstLine, second):
            return ("“\(subject)”在第\(firstLine)行为\(first),此处为\(second),前后不一致",
                    "\"\(subject)\" is \(first) at line \(firstLine) but \(second) here")
        case let .averageTotalsDiffer(average, before, countBefore, totalBefore, after, countAfter, totalAfter):
            return ("\(average):\(before) × \(countBefore) = \(totalBefore),而 \(after) × \(countAfter) = \(totalAfter),总量前后不一致(超出数字精度所能解释的范围)",
                    "\(average): \(before) × \(countBefore) = \(totalBefore) but \(after) × \(countAfter) = \(totalAfter); the implied totals differ by more than the printed precision allows")
        case let .outsideParts(label, stated, lowest, highest):
            return ("总数\(label) \(stated) 不在各部分\(label) \(lowest) 至 \(highest) 之间(总数的增速是各部分增速的加权平均)",
                    "the total's \(label) \(stated) lies outside its parts' \(lowest) to \(highest) (a weighted mean of them)")
        case let .notWeightedMean(label, stated, recomputed, budgets):
            return ("总数\(label) \(stated) 与各部分数值和\(label)推算的 \(recomputed) 不符(总数的\(label)是各部分的加权平均,权数为各部分的\(budgets ? "预算数" : "上年数"))",
                    "the total's \(label) \(stated) is not the \(recomputed) its parts' values and rates give (a mean of theirs weighted by their \(budgets ? "budgets" : "values a year before"))")
        case let .sharesNotWhole(shares, sum):
            return ("各部分占比 \(shares.joined(separator: " + ")) = \(sum),合计应为100%(各部分是总数的全部)",
                    "the parts' shares \(shares.joined(separator: " + ")) add up to \(sum), not 100% (the parts are all of the whole)")
        case let .sharesOfNoWhole(first, firstWhole, second, secondWhole):
            return ("\(first)(总数约\(firstWhole))与\(second)(总数约\(secondWhole))不能是同一总数的占比",
                    "\(first) (a whole of about \(firstWhole)) and \(second) (about \(secondWhole)) cannot be shares of one whole")
        }
    }
}
