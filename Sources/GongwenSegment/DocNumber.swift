import GongwenModel
import GongwenText

/// Finds 发文字号 and proposal numbers in folded text: `国办函〔2004〕80号`, `川委办 [2014]27号`,
/// `第110号提案`, `第1234号建议`.
enum DocNumber {
    static let opening: Set<Unicode.Scalar> = ["〔", "[", "(", "［", "【"]
    static let closing: Set<Unicode.Scalar> = ["〕", "]", ")", "］", "】"]

    /// Every doc number in `range` of the folded scalars.
    static func find(in s: [Unicode.Scalar], range: Range<Int>) -> [Span] {
        var found: [Span] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if opening.contains(s[index]), let span = bracketed(s, at: index, range: range) {
                found.append(span)
                index = span.end
            } else if s[index] == "第", let span = proposal(s, at: index, range: range) {
                found.append(span)
                index = span.end
            } else {
                index += 1
            }
        }
        return found
    }

    /// `〔2004〕80号` with the issuer's abbreviation before it (`国办函`).
    private static func bracketed(_ s: [Unicode.Scalar], at open: Int, range: Range<Int>) -> Span? {
        var index = open + 1
        let yearStart = index
        while index < range.upperBound, isASCIIDigit(s[index]) { index += 1 }
        guard index - yearStart == 4, index < range.upperBound, closing.contains(s[index]) else { return nil }
        index += 1
        while index < range.upperBound, s[index] == " " { index += 1 }
        let serialStart = index
        while index < range.upperBound, isASCIIDigit(s[index]) { index += 1 }
        guard index > serialStart, index < range.upperBound, s[index] == "号" else { return nil }
        var start = open
        while start > range.lowerBound, start > open - 12, isCJKLetter(s[start - 1]) || s[start - 1] == " " { start -= 1 }
        while start < open, s[start] == " " { start += 1 }
        return Span(start: start, end: index + 1)
    }

    /// `第110号提案`, `第1号建议`, `第12号议案`.
    private static func proposal(_ s: [Unicode.Scalar], at start: Int, range: Range<Int>) -> Span? {
        var index = start + 1
        while index < range.upperBound, isASCIIDigit(s[index]) { index += 1 }
        guard index > start + 1, index + 2 < range.upperBound, s[index] == "号" else { return nil }
        let kind = SourceText.string(s[(index + 1)...(index + 2)])
        guard ["提案", "建议", "议案"].contains(kind) else { return nil }
        return Span(start: start, end: index + 3)
    }

    private static func isCJKLetter(_ scalar: Unicode.Scalar) -> Bool {
        isCJK(scalar) && scalar != "在" && scalar != "的" && scalar != "和" && scalar != "及"
    }
}

extension DocNumber {
    /// The doc numbers of a document (发文字号): those of the title block's number and title lines,
    /// else the page's `发文字号:` metadata, each once and without spaces.
    static func collect(_ page: Page, block: TitleBlock, metadata: PageMetadata) -> [Field] {
        var spans: [Span] = []
        for index in block.lines where page.roles[index] == .docNumber || page.roles[index] == .title {
            spans += find(in: page.source.folded, range: page.lines[index].content.start..<page.lines[index].content.end)
        }
        if spans.isEmpty, let (_, span) = metadata.values["发文字号"] {
            spans += find(in: page.source.folded, range: span.start..<span.end)
        }
        var fields: [Field] = []
        for span in spans {
            let value = page.source.foldedText(span).replacingOccurrences(of: " ", with: "")
            if !fields.contains(where: { $0.value == value }) { fields.append(Field(name: "doc_number", value: value, span: span)) }
        }
        return fields
    }
}
