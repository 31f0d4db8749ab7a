import GongwenModel

/// `sign.doubled`: a number whose percent or permille sign is written twice (`下降33.3%%`,
/// `增长6.1％％`).
///
/// A number carries one sign; a second one right after it is a slip of the keyboard or of a
/// conversion (a `%` escaped twice). The value stays readable, so the finding is a warning: the text
/// must be mended before it is quoted. Not flagged: a sign standing alone (`%%` with no number before
/// it) and two numbers each with its sign (`5%、6%`).
///
/// Real example (周口市, 2019): `土地开发资金收入2400万元，下降33.3%%。` → `“33.3%%”中百分号重复`.
public struct SignDoubledRule: Rule {
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

    /// Each percent or permille the extractor read, followed by its own sign once more (in the folded view, where `％`
    /// is `%`): `33.3%` then `%`.
    public func check(_ context: CheckContext) -> [Finding] {
        let s = context.source.folded
        let numbers = context.document.numbers
        // By index, fields read in place: `compactMap` over the numbers copied every one (its strings retained and released).
        return numbers.indices.compactMap { index in
            let (kind, start, end) = (numbers[index].kind, numbers[index].start, numbers[index].end)
            guard kind == .percent || kind == .permille, end < s.count,
                  s[end - 1] == "%" || s[end - 1] == "‰", s[end] == s[end - 1] else { return nil }
            let anchor = Span(start: start, end: end + 1)
            if context.isBoilerplate(anchor) { return nil }
            return finding(.signDoubled(text: context.source.text(anchor), sign: String(s[end])), at: anchor)
        }
    }
}
