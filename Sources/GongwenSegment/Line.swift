import GongwenModel
import GongwenText

/// One line of the source with its white space trimmed, and the folded text of what remains.
///
/// The line `　　一、重大意义` has `span` covering the whole line and `content` covering `一、重大意义`.
public struct Line: Sendable, Equatable {
    /// 1-based line number.
    public var number: Int
    /// The line without its line break.
    public var span: Span
    /// The line without leading and trailing white space.
    public var content: Span
    /// The folded text of `content`.
    public var text: String

    public var isBlank: Bool { content.isEmpty }
    /// Length of the content in code points.
    public var length: Int { content.length }

    /// The lines of `source`; lines joined in the folded view (`BrokenLines`) are one line, numbered
    /// as the first source line.
    static func lines(of source: SourceText) -> [Line] {
        var lines: [Line] = []
        lines.reserveCapacity(source.lineCount)
        var number = 1
        while number <= source.lineCount {
            var span = source.lineSpan(number)
            let first = number
            while number < source.lineCount, source.folded[source.lineStarts[number] - 1] == " " {
                number += 1
                span.end = source.lineSpan(number).end
            }
            number += 1
            var start = span.start
            var end = span.end
            while start < end, isSpace(source.folded[start]) { start += 1 }
            while end > start, isSpace(source.folded[end - 1]) { end -= 1 }
            let content = Span(start: start, end: end)
            lines.append(Line(number: first, span: span, content: content, text: source.foldedText(content)))
        }
        return lines
    }
}

@inline(__always)
func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{0B}" || scalar == "\u{0C}"
}

