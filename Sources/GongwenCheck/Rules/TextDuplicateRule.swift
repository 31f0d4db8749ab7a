import GongwenModel
import GongwenText
import GongwenSegment

/// `text.duplicate`: a paragraph, or a run of sentences, that repeats an earlier one verbatim.
///
/// A whole paragraph of at least 30 characters that equals an earlier one, or a run of consecutive
/// sentences (each to `。`, `;`, `!`, `?` or the end of its paragraph) of at least 30 characters that
/// repeats earlier sentences in the same order. The evidence points at the first occurrence.
/// White space is ignored in the comparison. Severity info: repeating a passage is a drafting slip,
/// and the figures in it are counted once, not twice.
///
/// Real example (巴中市民政局, 2020): `今年以来,孵化培育社区社会组织168家,服务城乡社区82个;…培育150余名专业社会工作者。`
/// appears under 二、(二)三是 and again under 二、(三)三是 → `这段文字(116字)与第39行的文字完全相同`.
public struct TextDuplicateRule: Rule {
    public let id = "text.duplicate"
    public let severity = Severity.info
    public let title = "A paragraph or sentence repeated verbatim"
    public let rationale = """
        A passage pasted twice (often with its statistics) makes a report look longer than it is and can \
        make a reader count the same figures twice. The rule reports a paragraph of 30 or more characters, \
        or a run of consecutive sentences of 30 or more characters in all, that repeats earlier text verbatim \
        (white space aside), with the first occurrence as evidence.
        """
    public let example = "`今年以来,孵化培育社区社会组织168家,服务城乡社区82个;…` a second time → 这段文字(116字)与第39行的文字完全相同"

    public init() {}

    static let minimumLength = 30

    public func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        var paragraphs: [[Unicode.Scalar]: Span] = [:]
        var sentences: [[Unicode.Scalar]: Span] = [:]
        for paragraph in context.textParagraphs where paragraph.role == .body || paragraph.role == .heading {
            let key = Self.key(context.source.folded[paragraph.span.start..<paragraph.span.end])
            if key.count >= Self.minimumLength {
                if let first = paragraphs[key] {
                    let message = Message.duplicateParagraph(length: key.count, firstLine: context.source.line(at: first.start))
                    findings.append(finding(message, at: paragraph.span, evidence: [first]))
                    continue
                }
                paragraphs[key] = paragraph.span
            }
            var run: (span: Span, first: Span, length: Int)?
            func close() {
                if let current = run, current.length >= Self.minimumLength {
                    let message = Message.duplicatePassage(length: current.length, firstLine: context.source.line(at: current.first.start))
                    findings.append(finding(message, at: current.span, evidence: [current.first]))
                }
                run = nil
            }
            for sentence in Self.sentences(in: paragraph.span, context.source.folded) {
                let key = Self.key(context.source.folded[sentence.start..<sentence.end])
                guard let first = sentences[key] else {
                    close()
                    sentences[key] = sentence
                    continue
                }
                if let current = run, current.first.end <= first.start {
                    run = (Span(start: current.span.start, end: sentence.end), Span(start: current.first.start, end: first.end), current.length + key.count)
                } else {
                    close()
                    run = (sentence, first, key.count)
                }
            }
            close()
        }
        return findings
    }

    /// The text compared: the folded scalars with white space removed (arrays of scalars hash
    /// without the Unicode normalisation a `String` key costs).
    static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        scalars.filter { $0 != " " && $0 != "\t" }
    }

    /// The sentences of a paragraph: each runs to and includes `。`, `;`, `!` or `?`, leading spaces skipped.
    static func sentences(in span: Span, _ s: [Unicode.Scalar]) -> [Span] {
        var found: [Span] = []
        var start = span.start
        for index in span.start..<span.end where s[index] == "。" || s[index] == ";" || s[index] == "!" || s[index] == "?" || index == span.end - 1 {
            while start <= index, s[start] == " " { start += 1 }
            if start <= index { found.append(Span(start: start, end: index + 1)) }
            start = index + 1
        }
        return found
    }
}
