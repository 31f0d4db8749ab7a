import GongwenModel
import GongwenText

/// A heading without a marker (`基本情况`, `存在的主要问题`, `对策建议`), taken on evidence rather than
/// shortness: a short line of words standing where GB/T 9704 puts a heading — after a finished
/// sentence or another heading, before a paragraph or a numbered heading — and not a word that a
/// web page or a PDF cut out of running text (`根据《` / `公司法` / `》规定…`), nor an ordinal like `一要`.
/// `SectionBuilder` also refuses it once `一、` or `第一章` has numbered the top level.
enum UnnumberedHeading {
    static func matches(_ line: Line, previous: Line?, next: Line?, source: SourceText) -> Bool {
        guard line.length >= 2, line.length <= 16, let next else { return false }
        let scalars = line.text.unicodeScalars
        guard scalars.allSatisfy({ isCJK($0) }) else { return false }
        if let first = scalars.first, ChineseNumerals.digit(first) != nil, line.length <= 3 { return false }
        if let previous, let last = previous.text.unicodeScalars.last, !endsBlock(last), previous.length > 16 { return false }
        if let first = next.text.unicodeScalars.first, continuesSentence(first) { return false }
        return next.length >= 30 || Marker.heading(in: source.folded, at: next.content.start, end: next.content.end) != nil
    }

    /// What a paragraph or a heading line before a heading can end with.
    static func endsBlock(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "!", "?", ";", ":", "…", "”", ")": return true
        default: return false
        }
    }

    /// What only the middle of a sentence starts with: `,`, `、`, `》`, `。` …
    static func continuesSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", "、", "。", ";", ":", "》", ")", "”", "!", "?": return true
        default: return false
        }
    }
}
