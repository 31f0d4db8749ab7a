import GongwenModel
import GongwenText

/// `number.merged`: two quantities run together because the punctuation between them was lost,
/// so that the second reads as part of the first.
///
/// Flagged: a percent or permille sign directly followed by digits (`占比达到68.3%1500人以下的村`), and
/// two counts of the same unit run together (`2.9万人1500人`). Not flagged: a percent followed by words
/// (`提高到21%一肩挑占比达91%`: a lost comma, but the numbers stay readable), households with their
/// people (`3.2万户14.9万人`, one compound quantity), rates (`每10万人45台`), ranges (`3%—5%`), formulas
/// (`1+5+7`), dates (`2020年9月`) and set phrases with single digits (`1村1品`).
///
/// Real example (巴中市民政局, 2020): `1500-3000人的村占比达到68.3%1500人以下的村由1556个减至92个`
/// → `“68.3%1500人”中两个数字粘连(“68.3%”与“1500人”之间缺少标点)`.
public struct NumberMergedRule: TextRule {
    public let id = "number.merged"
    public let severity = Severity.error
    public let title = "Two quantities run together where punctuation was lost"
    public let rationale = """
        When the comma between two statements is lost, `68.3%` and `1500人` become `68.3%1500人` and a reader \
        (or an extractor) can take the wrong number for the wrong thing. The rule flags a percent or \
        permille sign followed directly by a number, and two counts of the same unit run together \
        (`2.9万人1500人`). Different units are left alone: `3.2万户14.9万人` (households and their people) and \
        `每10万人45台` (a rate) are how Chinese writes one quantity. A percent followed by words (`21%一肩挑`) \
        stays readable and is not flagged.
        """
    public let example = "`村占比达到68.3%1500人以下的村由1556个减至92个` → “68.3%1500人”中两个数字粘连(“68.3%”与“1500人”之间缺少标点)"

    public init() {}

    static let units: Set<Unicode.Scalar> = ["个", "人", "名", "家", "户", "元", "件", "条", "项", "次", "场", "所", "座", "亩", "吨", "册", "份", "套", "台", "辆", "间", "支", "批", "处", "例"]

    public func visitor(_ context: CheckContext) -> any TextVisitor { Visitor(self, context) }

    /// Each quantity that starts at a run of digits, and the one right after it. (A run inside a
    /// quantity, the `3` of `68.3%`, starts none: a decimal point stands before it.)
    final class Visitor: TextVisitor {
        let rule: NumberMergedRule
        let context: CheckContext
        var findings: [Finding] = []
        var readsDigits: Bool { true }

        init(_ rule: NumberMergedRule, _ context: CheckContext) {
            self.rule = rule
            self.context = context
        }

        func begin(_ paragraph: Paragraph) -> Bool { paragraph.role != .date }

        func digits(_ run: Span, in paragraph: Paragraph) {
            let s = context.source.folded
            let span = paragraph.span
            guard let first = rule.number(s, at: run.start, in: span), first.end < span.end, isASCIIDigit(s[first.end]),
                  let second = rule.number(s, at: first.end, in: span) else { return }
            let percentThenNumber = first.isPercent
            let sameUnitTwice = first.unit != nil && first.unit == second.unit && (first.hasScale || second.hasScale || first.end - first.start > 2)
            guard percentThenNumber || sameUnitTwice else { return }
            let anchor = Span(start: first.start, end: second.end)
            if context.isBoilerplate(anchor) { return }
            let message = Message.numbersMerged(
                text: context.source.text(anchor), first: context.source.text(first.span), second: context.source.text(second.span))
            findings.append(rule.finding(message, at: anchor))
        }
    }

    /// A number written with digits, then scale words, a qualifier (余, 多), then a unit or a percent sign.
    struct Quantity {
        var start: Int
        var end: Int
        var hasScale: Bool
        var unit: Unicode.Scalar?
        var isPercent: Bool
        var hasUnit: Bool { unit != nil }
        var span: Span { Span(start: start, end: end) }
    }

    /// The quantity starting at `index` (the start of a run of digits not preceded by a digit, a
    /// decimal point or a letter), or `nil`.
    func number(_ s: [Unicode.Scalar], at index: Int, in span: Span) -> Quantity? {
        guard isASCIIDigit(s[index]) else { return nil }
        if index > span.start {
            let before = s[index - 1]
            if isASCIIDigit(before) || before == "." || before == "/" || before == "=" || (before.isASCII && before.properties.isAlphabetic) { return nil }
        }
        var end = Scan.digitEnd(s, from: index, end: span.end)
        if end + 1 < span.end, s[end] == ".", isASCIIDigit(s[end + 1]) { end = Scan.digitEnd(s, from: end + 1, end: span.end) }
        let scaleStart = end
        while end < span.end, ChineseNumerals.scale(s[end]) != nil { end += 1 }
        let hasScale = end > scaleStart
        if end < span.end, s[end] == "余" || s[end] == "多" { end += 1 }
        if end < span.end, s[end] == "%" || s[end] == "‰" {
            return Quantity(start: index, end: end + 1, hasScale: hasScale, unit: nil, isPercent: true)
        }
        let unit = end < span.end && Self.units.contains(s[end]) ? s[end] : nil
        if unit != nil { end += 1 }
        return Quantity(start: index, end: end, hasScale: hasScale, unit: unit, isPercent: false)
    }
}
