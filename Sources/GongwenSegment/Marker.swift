import GongwenModel
import GongwenText

/// A heading or item marker at some offset: its style, the ordinal it states and its length.
///
/// At the start of `(二)“三个优化”全面完成村级建制调整改革。` the marker is `(二)`: style
/// `chinese_paren`, number 2, length 3.
struct Marker: Equatable {
    var kind: MarkerKind
    var number: Int
    /// Code points the marker takes, punctuation included.
    var length: Int
    /// How many numbers a decimal marker has: 1 for `1　总则`, 2 for `1.1`, 3 for `1.1.1`.
    var depth: Int = 1

    /// The style of the marker for level assignment: its kind, and for decimal markers the depth.
    var style: Style { Style(kind: kind, depth: kind == .decimal ? depth : 1) }

    /// A marker style; styles rank like their kinds, deeper decimal numbering below shallower.
    struct Style: Equatable {
        var kind: MarkerKind
        var depth: Int
        var rank: Int { kind.canonicalRank * 10 + depth }
    }

    /// Recognises a heading marker at `start` of the folded scalars, not running past `end`.
    static func heading(in s: [Unicode.Scalar], at start: Int, end: Int) -> Marker? {
        guard start < end else { return nil }
        let first = s[start]
        if first == "第" { return chapterLike(in: s, at: start, end: end) }
        if first == "附", start + 1 < end, s[start + 1] == "件" { return attachment(in: s, at: start, end: end) }
        if first == "(" {
            var index = start + 1
            while index < end, index - start <= 4, ChineseNumerals.digit(s[index]) != nil || ChineseNumerals.smallUnit(s[index]) != nil { index += 1 }
            if index > start + 1, index < end, s[index] == ")", let number = ChineseNumerals.integer(s[(start + 1)..<index]), number > 0 {
                return Marker(kind: .chineseParen, number: number, length: index + 1 - start)
            }
            index = start + 1
            while index < end, index - start <= 3, isASCIIDigit(s[index]) { index += 1 }
            if index > start + 1, index < end, s[index] == ")", let number = ChineseNumerals.integer(s[(start + 1)..<index]), number > 0 {
                return Marker(kind: .arabicParen, number: number, length: index + 1 - start)
            }
            return nil
        }
        // `①` alone on a line is a footnote marker, not a heading.
        if (0x2460...0x2473).contains(first.value), start + 1 < end {
            return Marker(kind: .circled, number: Int(first.value - 0x2460) + 1, length: 1)
        }
        if isASCIIDigit(first), let marker = decimal(in: s, at: start, end: end) {
            return marker
        }
        if isASCIIDigit(first) {
            var index = start
            while index < end, index - start < 3, isASCIIDigit(s[index]) { index += 1 }
            guard index < end, s[index] == "." || s[index] == "、",
                  let number = ChineseNumerals.integer(s[start..<index]), number > 0, number < 100 else { return nil }
            let next = index + 1
            // `1.84万人` or `3、4月` are numbers, not headings; so is `1.` followed by nothing.
            guard next < end, !isASCIIDigit(s[next]), s[next] != "%" else { return nil }
            return Marker(kind: .arabic, number: number, length: next - start)
        }
        if ChineseNumerals.digit(first) != nil || ChineseNumerals.smallUnit(first) == 10 {
            var index = start
            while index < end, index - start < 3, ChineseNumerals.digit(s[index]) != nil || ChineseNumerals.smallUnit(s[index]) == 10 { index += 1 }
            guard index < end, s[index] == "、", index + 1 < end,
                  let number = ChineseNumerals.integer(s[start..<index]), number > 0 else { return nil }
            return Marker(kind: .chinese, number: number, length: index + 1 - start)
        }
        return nil
    }

    /// Decimal numbering of plans and standards: `1.1　编制目的`, `2.3.1 …`, and `1　总则` on a short
    /// line. The numbers are followed by white space or by the heading's words, never by a digit.
    private static func decimal(in s: [Unicode.Scalar], at start: Int, end: Int) -> Marker? {
        var index = start
        var depth = 0
        var last = 0
        while index < end {
            let digitsStart = index
            while index < end, index - digitsStart < 3, isASCIIDigit(s[index]) { index += 1 }
            guard index > digitsStart, let number = ChineseNumerals.integer(s[digitsStart..<index]) else { return nil }
            depth += 1
            last = number
            guard index < end, s[index] == ".", index + 1 < end, isASCIIDigit(s[index + 1]) else { break }
            index += 1
        }
        guard index < end, last > 0 else { return nil }
        if depth == 1 {
            guard s[index] == " ", end - start <= 30, !s[index..<end].contains("。") else { return nil }
        } else if s[index] != " " {
            // `1.1编制目的` without a space only on a short heading line: `1.84万人参加了培训。` is a number.
            guard isCJK(s[index]), ChineseNumerals.scale(s[index]) == nil,
                  end - start <= 30, !s[index..<end].contains("。") else { return nil }
        }
        var length = index - start
        while start + length < end, s[start + length] == " " { length += 1 }
        guard start + length < end else { return nil }
        return Marker(kind: .decimal, number: last, length: length, depth: depth)
    }

    /// `第一章`, `第二节`, `第十条` (followed by white space or text).
    private static func chapterLike(in s: [Unicode.Scalar], at start: Int, end: Int) -> Marker? {
        var index = start + 1
        while index < end, index - start <= 5, ChineseNumerals.digit(s[index]) != nil || ChineseNumerals.smallUnit(s[index]) != nil { index += 1 }
        guard index > start + 1, index < end, let number = ChineseNumerals.integer(s[(start + 1)..<index]), number > 0 else { return nil }
        let kind: MarkerKind
        switch s[index] {
        case "章": kind = .chapter
        case "节": kind = .part
        case "条": kind = .article
        default: return nil
        }
        var length = index + 1 - start
        while start + length < end, s[start + length] == " " { length += 1 }
        // `第一条` must be followed by its text, as in regulations; `第一章` may stand alone.
        if kind == .article, start + length >= end { return nil }
        return Marker(kind: kind, number: number, length: length)
    }

    /// `附件1`, `附件2:`, `附件1.` or `附件` alone on a line after the sign-off: an appended document.
    private static func attachment(in s: [Unicode.Scalar], at start: Int, end: Int) -> Marker? {
        var index = start + 2
        while index < end, isASCIIDigit(s[index]) { index += 1 }
        let number = index > start + 2 ? ChineseNumerals.integer(s[(start + 2)..<index]) ?? 1 : 1
        if index < end, s[index] == ":" || s[index] == "." || s[index] == "、" { index += 1 }
        guard index == end else { return nil }
        return Marker(kind: .attachment, number: number, length: index - start)
    }

    /// An inline enumeration marker at `start`: `一是`, `二是`, or `第一,` / `第二、` / `其一,`.
    static func inline(in s: [Unicode.Scalar], at start: Int, end: Int) -> Marker? {
        var index = start
        let ordinalPrefix = index < end && (s[index] == "第" || s[index] == "其")
        if ordinalPrefix { index += 1 }
        let digitsStart = index
        while index < end, index - digitsStart < 3, ChineseNumerals.digit(s[index]) != nil || ChineseNumerals.smallUnit(s[index]) == 10 { index += 1 }
        guard index > digitsStart, index < end, let number = ChineseNumerals.integer(s[digitsStart..<index]), number > 0, number <= 20 else { return nil }
        if ordinalPrefix {
            guard s[index] == "," || s[index] == "、" || s[index] == ":" else { return nil }
            // `第一、二、三产业` lists numerals; it enumerates nothing.
            if index + 1 < end, ChineseNumerals.digit(s[index + 1]) != nil { return nil }
            return Marker(kind: .inline, number: number, length: index + 1 - start)
        }
        guard s[index] == "是", index + 1 < end, s[index + 1] != "否", s[index + 1] != "非" else { return nil }
        return Marker(kind: .inline, number: number, length: index + 1 - start)
    }
}
