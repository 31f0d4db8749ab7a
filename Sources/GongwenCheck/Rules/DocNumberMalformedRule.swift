import GongwenModel
import GongwenSegment
import GongwenText

/// `docnum.malformed`: a 发文字号 whose year lost its brackets and runs into the serial number.
///
/// A doc number is written issuer abbreviation, year in 〔〕 (or `[]`), serial, 号: `川财社〔2019〕1166号`.
/// When the brackets are lost (`川财社20191166号`) the year and the serial can no longer be told apart.
/// The rule flags an abbreviation of Chinese characters directly followed by five to eight digits and
/// 号, whose first four digits are a year from 1980 to 2035. Not flagged: well-formed numbers
/// (`川委办 [2014]27号`), addresses (`中段38号`), ordinals (`第2019001号`), and page chrome such as
/// `川公网安备51190202000102号` (skipped like all boilerplate; it also has too many digits).
///
/// Real example (巴中市民政局, 2020): `社区建设资金140万元(川财社20191166号、川财社2020128号)`
/// → `发文字号“川财社20191166号”年份与序号粘连,缺少六角括号(应为川财社〔2019〕1166号)`.
public struct DocNumberMalformedRule: TextRule {
    public let id = "docnum.malformed"
    public let severity = Severity.error
    public let title = "A document number whose year is glued to its serial number"
    public let rationale = """
        GB/T 9704 writes a 发文字号 as abbreviation, year in 六角括号 〔〕, serial and 号 (`川财社〔2019〕1166号`). \
        Without the brackets (`川财社20191166号`) the year and the serial run together and the number cannot \
        be looked up for sure. Flagged: Chinese characters directly followed by 5–8 digits and 号, the first \
        four digits a year 1980–2035. Addresses, ordinals (第…号), record numbers of page footers and \
        anything in page chrome are left alone.
        """
    public let example = "`(川财社20191166号、川财社2020128号)` → 发文字号“川财社20191166号”年份与序号粘连,缺少六角括号(应为川财社〔2019〕1166号)"

    public init() {}

    /// Characters before the digits that make them an address, an ordinal, a date or a record number.
    static let notAbbreviation: Set<Unicode.Scalar> = [
        "第", "年", "月", "日", "号", "路", "街", "道", "巷", "弄", "村", "组", "楼", "栋", "幢", "室", "院", "段", "期",
        "编", "码", "证", "备", "账", "户", "卡", "话", "机", "邮", "政",
    ]
    static let maxAbbreviation = 5

    public func visitor(_ context: CheckContext) -> any TextVisitor { Visitor(self, context) }

    /// Each run of five to eight digits between Chinese characters and 号.
    final class Visitor: TextVisitor {
        let rule: DocNumberMalformedRule
        let context: CheckContext
        var findings: [Finding] = []
        var readsDigits: Bool { true }

        init(_ rule: DocNumberMalformedRule, _ context: CheckContext) {
            self.rule = rule
            self.context = context
        }

        func digits(_ run: Span, in paragraph: Paragraph) {
            let s = context.source.folded
            let span = paragraph.span
            let (index, digitsEnd) = (run.start, run.end)
            guard index > span.start, isCJK(s[index - 1]), (5...8).contains(digitsEnd - index), digitsEnd < span.end, s[digitsEnd] == "号",
                  !DocNumberMalformedRule.notAbbreviation.contains(s[index - 1]),
                  let year = ChineseNumerals.integer(s[index..<(index + 4)]), (1980...2035).contains(year) else { return }
            var start = index
            while start > span.start, index - start < DocNumberMalformedRule.maxAbbreviation, isCJK(s[start - 1]), ChineseNumerals.digit(s[start - 1]) == nil {
                start -= 1
            }
            guard index - start >= 2 else { return }
            let found = Span(start: start, end: digitsEnd + 1)
            if context.isBoilerplate(found) { return }
            let abbreviation = context.source.text(Span(start: start, end: index))
            let serial = context.source.foldedText(Span(start: index + 4, end: digitsEnd))
            let suggestion = "\(abbreviation)〔\(year)〕\(serial)号"
            findings.append(rule.finding(.docNumberYearGlued(text: context.source.text(found), suggestion: suggestion), at: found))
        }
    }
}
