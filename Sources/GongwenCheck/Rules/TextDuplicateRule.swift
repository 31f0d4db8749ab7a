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
public struct TextDuplicateRule: TextRule {
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

    public func visitor(_ context: CheckContext) -> any TextVisitor { Visitor(self, context) }

    /// The sentences of each body paragraph and heading, from the sentence ends the walk meets; at
    /// the end of a paragraph, the paragraph and then its sentences compared with those seen before.
    final class Visitor: TextVisitor {
        let rule: TextDuplicateRule
        let context: CheckContext
        /// The folded text, held here: read at every sentence end.
        private let folded: [Unicode.Scalar]
        var findings: [Finding] = []
        let triggers: Set<Unicode.Scalar> = ["。", ";", "!", "?"]
        private var paragraphs: [ScalarKey: Span] = [:]
        private var sentences: [ScalarKey: Span] = [:]
        /// The sentences of the paragraph being read, and where the next one starts.
        private var pending: [Span] = []
        private var start = 0

        init(_ rule: TextDuplicateRule, _ context: CheckContext) {
            self.rule = rule
            self.context = context
            folded = context.source.folded
            // Room for every paragraph and about one sentence per 24 characters: the dictionaries
            // do not grow while the text is read.
            paragraphs.reserveCapacity(context.textParagraphs.count)
            sentences.reserveCapacity(context.source.count / 24)
        }

        func begin(_ paragraph: Paragraph) -> Bool {
            guard paragraph.role == .body || paragraph.role == .heading else { return false }
            pending.removeAll(keepingCapacity: true)
            start = paragraph.span.start
            return true
        }

        /// A sentence runs to and includes its end, leading spaces skipped.
        func scalar(at index: Int, in paragraph: Paragraph) {
            while start <= index, folded[start] == " " { start += 1 }
            if start <= index { pending.append(Span(start: start, end: index + 1)) }
            start = index + 1
        }

        func end(_ paragraph: Paragraph) {
            // The last sentence runs to the end of the paragraph, with or without its end.
            scalar(at: paragraph.span.end - 1, in: paragraph)
            // The text compared: the folded scalars with spaces and tabs left out, as keys that neither copy them nor
            // hash them more than once (the paragraph's and its sentences' in one pass).
            let keys = ScalarKey.keys(folded, whole: paragraph.span.start..<paragraph.span.end, pieces: pending, ignoring: .spacesAndTabs)
            let key = keys.whole
            if key.count >= TextDuplicateRule.minimumLength {
                if let first = paragraphs[key] {
                    let message = Message.duplicateParagraph(length: key.count, firstLine: context.source.line(at: first.start))
                    findings.append(rule.finding(message, at: paragraph.span, evidence: [first]))
                    return
                }
                paragraphs[key] = paragraph.span
            }
            var run: (span: Span, first: Span, length: Int)?
            func close() {
                if let current = run, current.length >= TextDuplicateRule.minimumLength {
                    let message = Message.duplicatePassage(length: current.length, firstLine: context.source.line(at: current.first.start))
                    findings.append(rule.finding(message, at: current.span, evidence: [current.first]))
                }
                run = nil
            }
            for (sentence, key) in zip(pending, keys.pieces) {
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
    }
}
