import GongwenModel
import GongwenText

/// `date.malformed`: a date whose separators were lost in copying, so that it can no longer be
/// read for sure.
///
/// Three shapes: a date of a year and a month whose day was lost (`2019年2月日`); a month-day whose 月 was lost (`715日召开…` for 7月15日, `924日又召开…`): three or four
/// digits and 日 with no 月 before them, standing where a date stands (after a clause boundary, 年 or
/// a word such as 于/在/自/是), that read as a month and a day; and a sign-off date (成文日期)
/// written as a bare run of digits (`2020914`). Not flagged: `7月15日`, `2020年9月14日`, `30日内`,
/// `120日内` (a duration), `715万元` (no 日), `715日元` (yen).
///
/// Real example (巴中市民政局, 2020): `715日召开全市村级建制调整改革总结暨村民小组调整优化推进会议,924日又召开…`
/// → `日期“715日”缺少月份分隔(可能是7月15日)`.
public struct DateMalformedRule: TextRule {
    public let id = "date.malformed"
    public let severity = Severity.error
    public let title = "A date that lost its 年/月/日 separators"
    public let rationale = """
        A month-day written `715日` or a sign-off date written `2020914` has lost characters in copying; \
        the reader has to guess the date (7月15日? 71日?). The rule flags three or four digits followed by 日 \
        with no 月 before them, where a date stands (after a clause boundary, 年 or 于/在/自/从/至/到/截至/是) and \
        the digits read as a month and a day; durations (`120日内`, `30日以上`) and yen (`715日元`) are not dates. It also flags a \
        sign-off date line of bare digits, and a year and month followed by 日 with no day (`2019年2月日`).
        """
    public let example = "`715日召开全市村级建制调整改革总结暨村民小组调整优化推进会议` → 日期“715日”缺少月份分隔(可能是7月15日)"

    public init() {}

    /// Words after `N日` that make it a duration (`120日内`) or an amount of yen (`715日元`), not a date.
    static let notDateWords = ["内", "以内", "之内", "后", "以后", "之后", "以上", "以下", "左右", "期间", "为限", "为期", "元"]
    /// Words before the digits that introduce a date: `于715日`, `2019年1231日`, `特别是926日`.
    static let datePrepositions: Set<Unicode.Scalar> = ["于", "在", "自", "从", "至", "到", "止", "年", "是"]

    public func visitor(_ context: CheckContext) -> any TextVisitor { Visitor(self, context) }

    /// A sign-off date paragraph of bare digits, and each run of three or four digits before 日.
    final class Visitor: TextVisitor {
        let rule: DateMalformedRule
        let context: CheckContext
        var findings: [Finding] = []
        var readsDigits: Bool { true }

        init(_ rule: DateMalformedRule, _ context: CheckContext) {
            self.rule = rule
            self.context = context
        }

        func begin(_ paragraph: Paragraph) -> Bool {
            let span = paragraph.span
            guard paragraph.role == .date, let date = DateText.parse(context.source.foldedText(span)), date.garbled else { return true }
            let reading = "\(date.year)年\(date.month.map(String.init) ?? "")月\(date.day.map(String.init) ?? "")日"
            findings.append(rule.finding(.dateGlued(text: context.source.text(span), reading: reading), at: span))
            return false
        }

        func digits(_ run: Span, in paragraph: Paragraph) {
            let s = context.source.folded
            let span = paragraph.span
            let (index, digitsEnd) = (run.start, run.end)
            // `2019年2月日`: a month of a year, and 日 with no day.
            if (1...2).contains(run.end - run.start), index > span.start, s[index - 1] == "年", digitsEnd + 1 < span.end,
               s[digitsEnd] == "月", s[digitsEnd + 1] == "日", let month = ChineseNumerals.integer(s[index..<digitsEnd]), (1...12).contains(month) {
                var start = index - 1
                while start > span.start, start > index - 5, isASCIIDigit(s[start - 1]) { start -= 1 }
                let found = Span(start: start, end: digitsEnd + 2)
                findings.append(rule.finding(.dayLost(text: context.source.text(found)), at: found))
                return
            }
            guard (3...4).contains(run.end - run.start), digitsEnd < span.end, s[digitsEnd] == "日" else { return }
            if index > span.start {
                let before = s[index - 1]
                guard Scan.isBoundary(before) || DateMalformedRule.datePrepositions.contains(before) else { return }
            }
            if Scan.startsWith(s, at: digitsEnd + 1, end: span.end, DateMalformedRule.notDateWords) { return }
            let readings = DateMalformedRule.monthDays(Array(s[index..<digitsEnd]))
            guard !readings.isEmpty else { return }
            let found = Span(start: index, end: digitsEnd + 1)
            findings.append(rule.finding(.monthDayGlued(text: context.source.text(found), readings: readings), at: found))
        }
    }

    /// The month-days three or four digits can stand for: `715` → 7月15日; `111` → 1月11日, 11月1日.
    static func monthDays(_ digits: [Unicode.Scalar]) -> [String] {
        var readings: [String] = []
        for split in 1...2 where split < digits.count && digits.count - split <= 2 {
            guard let month = ChineseNumerals.integer(digits[0..<split]), let day = ChineseNumerals.integer(digits[split...]),
                  (1...12).contains(month), day >= 1, day <= DateText.daysIn(month: month, year: 2000) else { continue }
            readings.append("\(month)月\(day)日")
        }
        return readings
    }
}
