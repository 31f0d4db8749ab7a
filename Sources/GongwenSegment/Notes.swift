import GongwenModel
import GongwenText

/// The notes and sources that close a document, and the footnote markers that point at them.
///
/// `注:` alone on a line, `注释`, `注:1.公报为初步统计数。`, `资料来源:国家统计局` open the notes; so does a
/// line starting `[1]` when no label came before. A title `2024年统计公报[1]` ends with the footnote
/// marker `[1]`, which is kept as a reference and left out of the title.
enum Notes {
    /// Labels that open the notes, and whether the label needs a colon after it.
    static let labels: [(String, Bool)] = [("注释", false), ("注解", false), ("附注", false), ("注", true), ("资料来源", true), ("数据来源", true)]

    /// The label (without its colon) if the folded line `text` opens the notes.
    static func label(of text: String) -> String? {
        for (label, needsColon) in labels where text.startsWith(label) {
            let rest = text.dropFirst(label.count).drop { $0 == " " }
            if rest.isEmpty { return needsColon ? nil : label }
            if rest.first == ":" { return label }
        }
        return nil
    }

    /// The number of a footnote line that starts at `start`: `[1]国家统计局…` → 1.
    static func footnoteNumber(in s: [Unicode.Scalar], at start: Int, end: Int) -> Int? {
        guard start < end, s[start] == "[" else { return nil }
        var index = start + 1
        while index < end, index - start <= 3, isASCIIDigit(s[index]) { index += 1 }
        guard index > start + 1, index < end, s[index] == "]" else { return nil }
        return ChineseNumerals.integer(s[(start + 1)..<index])
    }

    /// The length of a footnote marker that ends at `end` (not before `start`): `[12]`, `①`, `¹`.
    static func trailingMarker(in s: [Unicode.Scalar], start: Int, end: Int) -> Int? {
        guard end > start else { return nil }
        let last = s[end - 1]
        if (0x2460...0x2473).contains(last.value) { return 1 }
        if isSuperscriptDigit(last) {
            var index = end - 1
            while index > start, isSuperscriptDigit(s[index - 1]) { index -= 1 }
            return index > start ? end - index : nil
        }
        guard last == "]" else { return nil }
        var index = end - 1
        while index > start, end - index <= 4, isASCIIDigit(s[index - 1]) { index -= 1 }
        guard index < end - 1, index > start + 1, s[index - 1] == "[" else { return nil }
        return end - (index - 1)
    }

    static func isSuperscriptDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "¹" || scalar == "²" || scalar == "³" || scalar == "⁰" || (0x2074...0x2079).contains(scalar.value)
    }
}
