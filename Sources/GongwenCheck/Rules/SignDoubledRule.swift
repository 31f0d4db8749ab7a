import GongwenModel
import GongwenText

/// `sign.doubled`: a number whose percent or permille sign is written twice (`下降33.3%%`,
/// `增长6.1％％`).
///
/// A number carries one sign; a second one right after it is a slip of the keyboard or of a
/// conversion (a `%` escaped twice). The value stays readable, so the finding is a warning: the text
/// must be mended before it is quoted. Not flagged: a sign standing alone (`%%` with no number before
/// it) and two numbers each with its sign (`5%、6%`).
///
/// Real example (周口市, 2019): `土地开发资金收入2400万元，下降33.3%%。` → `“33.3%%”中百分号重复`.
public struct SignDoubledRule: TextRule {
    public let id = "sign.doubled"
    public let severity = Severity.warning
    public let title = "A percent or permille sign written twice"
    public let rationale = """
        A number carries one percent or permille sign. `33.3%%` is a slip of the keyboard or of a \
        conversion that escaped `%` twice; the value is still readable, but the text must be mended \
        before it is quoted. Only a sign right after a number and followed by the same sign is flagged.
        """
    public let example = "`土地开发资金收入2400万元，下降33.3%%。` → “33.3%%”中百分号重复"

    public init() {}

    public func visitor(_ context: CheckContext) -> any TextVisitor { Visitor(self, context) }

    /// Each percent or permille sign right after a digit (in the folded view, where `％` is `%`).
    final class Visitor: TextVisitor {
        let rule: SignDoubledRule
        let context: CheckContext
        var findings: [Finding] = []
        var triggers: Set<Unicode.Scalar> { ["%", "‰"] }

        init(_ rule: SignDoubledRule, _ context: CheckContext) {
            self.rule = rule
            self.context = context
        }

        func scalar(at offset: Int, in paragraph: Paragraph) {
            let s = context.source.folded
            let span = paragraph.span
            guard offset > span.start, offset + 1 < span.end, isASCIIDigit(s[offset - 1]), s[offset + 1] == s[offset] else { return }
            var start = offset - 1
            while start > span.start, isASCIIDigit(s[start - 1]) || s[start - 1] == "." && start - 1 > span.start && isASCIIDigit(s[start - 2]) {
                start -= 1
            }
            let anchor = Span(start: start, end: offset + 2)
            if context.isBoilerplate(anchor) { return }
            findings.append(rule.finding(.signDoubled(text: context.source.text(anchor), sign: String(s[offset])), at: anchor))
        }
    }
}
