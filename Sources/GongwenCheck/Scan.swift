import GongwenModel
import GongwenSegment
import GongwenText

/// Small readers over the folded view shared by the text-level rules: runs of digits, clause
/// boundaries, a few characters of context for a message.
///
/// In `累计.25万条`, `Scan.digitEnd(s, from: 3, end: 8)` is 5, the end of `25`.
enum Scan {
    /// The end of the run of ASCII digits starting at `start` (`start` itself when there is none).
    static func digitEnd(_ s: [Unicode.Scalar], from start: Int, end: Int) -> Int {
        var index = start
        while index < end, isASCIIDigit(s[index]) { index += 1 }
        return index
    }

    /// Whether a scalar ends a clause or opens a bracket: the offsets after it start a new phrase.
    static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        isPunctuation(scalar) || scalar == "(" || scalar == ")" || scalar == " " || scalar == "[" || scalar == "]" || scalar == "—"
    }

    /// A Chinese numeral or an ASCII digit: what a number is written with.
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIDigit(scalar) || ChineseNumerals.isNumeral(scalar)
    }

    /// The source text of `span` widened by up to `before`/`after` characters inside `limit`,
    /// stopping at line breaks: the context a message quotes.
    static func context(_ source: SourceText, _ span: Span, before: Int, after: Int, limit: Span) -> String {
        var start = span.start
        while start > limit.start, span.start - start < before, source.folded[start - 1] != "\n", !isPunctuation(source.folded[start - 1]) { start -= 1 }
        var end = span.end
        while end < limit.end, end - span.end < after, source.folded[end] != "\n", !isPunctuation(source.folded[end]) { end += 1 }
        return source.text(Span(start: start, end: end))
    }

    /// Whether the folded text at `offset` starts with one of `words`.
    static func startsWith(_ s: [Unicode.Scalar], at offset: Int, end: Int, _ words: [String]) -> Bool {
        words.contains { word in
            let count = word.unicodeScalars.count
            return offset + count <= end && s[offset..<(offset + count)].elementsEqual(word.unicodeScalars)
        }
    }

    /// Whether the folded text ending just before `offset` ends with one of `words`; returns the word.
    static func wordEnding(_ s: [Unicode.Scalar], before offset: Int, start: Int, _ words: [String]) -> String? {
        words.first { word in
            let count = word.unicodeScalars.count
            return offset - count >= start && s[(offset - count)..<offset].elementsEqual(word.unicodeScalars)
        }
    }
}
