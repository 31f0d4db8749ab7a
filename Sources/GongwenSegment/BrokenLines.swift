import GongwenModel
import GongwenText

/// Where text that lost its layout (a PDF's text layer, text copied from a fixed-width page) broke
/// a sentence across lines: a line as wide as the page's text column that does not end a sentence
/// (or one at least half as wide that ends in a number), followed by a line that does not start a
/// heading or a list item. Joining those line breaks lets
/// a wrapped number and its unit (`…支出完成\n286.81 亿元`) read as one, and keeps the wrapped `286.81`
/// from becoming a heading.
///
/// In `全市一般公共预算收入完成 171.59 亿\n元，增长 3.2%。\n二、…` (a column 28 characters wide) the first
/// break is joined; the break before `二、` is not.
public enum BrokenLines {
    /// The shortest line that counts when the column width is measured (in display cells).
    static let minMeasured = 16
    /// The narrowest text column (in cells) that counts: a page's column holds 22 characters or
    /// more; narrower runs of lines are headings, lists or table cells.
    static let minColumn = 44
    /// Lines within this many cells of each other share a column width.
    static let slack = 4
    /// How much narrower than the column a full line may be (justification, half-width digits).
    static let fullLineSlack = 8

    /// Joins the broken lines of `source` in its folded view.
    public static func join(_ source: inout SourceText) {
        source.joinLines(at: find(in: source))
    }

    /// The offsets of the line breaks that fall inside a sentence, or none when the text keeps its
    /// layout (no column width shared by many lines).
    public static func find(in source: SourceText) -> [Int] {
        let spans = (1...source.lineCount).map { trimmed(source.lineSpan($0), source) }
        let widths = spans.map { isTableRow($0, source) ? 0 : width(of: $0, source) }
        guard let column = columnWidth(widths) else { return wrappedBlocks(spans, widths, source) }
        var breaks: [Int] = []
        for index in 0..<(spans.count - 1) where !spans[index].isEmpty {
            // A page break inside a sentence: the furniture between its halves (a page number, control codes) joins
            // them and reads as spaces (`…收入完成 101.12⏎ ⏎^N^A⏎亿元，加上级补助收入…`).
            if isFurniture(spans[index + 1], source) {
                guard let next = pageBreakEnd(after: index, spans, source), !endsLine(source.folded[spans[index].end - 1]),
                      joins(index, next, spans: spans, widths: widths, column: column, source: source) else { continue }
                for line in index..<next { breaks.append(source.lineSpan(line + 1).end) }
                for line in (index + 1)..<next { breaks += Array(spans[line].start..<spans[line].end) }
                continue
            }
            let last = source.folded[spans[index].end - 1]
            // A footnote marker set on a line of its own (`…政府法定债\n①\n限额…`) joins both neighbours.
            if isLoneFootnoteMarker(spans[index + 1], source), !endsLine(last) {
                breaks.append(source.lineSpan(index + 1).end)
                continue
            }
            if isLoneFootnoteMarker(spans[index], source), index > 0, breaks.last == source.lineSpan(index).end {
                breaks.append(source.lineSpan(index + 1).end)
                continue
            }
            let full = widths[index] >= column - fullLineSlack
            // A full line ending in `；` inside a bracket, or in a cue of parts and `：`, was wrapped there mid-sentence
            // (`（一般债务 136.66 亿元，占比 69.1%；⏎专项债务…）`, `其中：⏎税收收入…`); elsewhere a `；` at the line's end
            // ends a list (`其中，国家级 4 个；⏎拥有…`), an item on the next line starts on its own, and so does a letter
            // after its addressees (`…各直属机构：⏎为进一步…`).
            let continues = full && (last == ";" && opensBracket(spans[index], source) || last == ":" && endsWithPartsCue(spans[index], source))
            guard !endsLine(last) || continues, joins(index, index + 1, spans: spans, widths: widths, column: column, source: source) else { continue }
            breaks.append(source.lineSpan(index + 1).end)
        }
        return breaks
    }

    /// Whether line `index` (a full line, or one at least half as wide that ends in a number) wraps on to line
    /// `next`, which starts no heading, list item or table row.
    static func joins(_ index: Int, _ next: Int, spans: [Span], widths: [Int], column: Int, source: SourceText) -> Bool {
        let full = widths[index] >= column - fullLineSlack
        let wrappedNumber = isASCIIDigit(source.folded[spans[index].end - 1]) && widths[index] * 2 >= column && isCJK(source.folded[spans[next].start])
        return (full || wrappedNumber) && !startsItem(spans[next], source) && !isTableRow(spans[index], source) && !isTableRow(spans[next], source)
    }

    /// The most lines of page furniture a page break sets inside a sentence.
    static let maxFurniture = 3

    /// A line of page furniture: blank, a page number (`— 4 —`), a form feed, or control codes only (a page
    /// number's glyphs the text layer lost).
    static func isFurniture(_ span: Span, _ source: SourceText) -> Bool {
        let scalars = source.folded[span.start..<span.end]
        return scalars.allSatisfy { $0.properties.generalCategory == .control || isSpace($0) }
            || span.length <= 40 && PageFurniture.isPageNumber(source.foldedText(span))
    }

    /// The line after the furniture that follows line `index`, when a page break set it there: no more than
    /// `maxFurniture` lines of it, one at least not blank (blank lines alone part paragraphs).
    static func pageBreakEnd(after index: Int, _ spans: [Span], _ source: SourceText) -> Int? {
        var next = index + 1
        var printed = false
        while next < spans.count, next - index <= maxFurniture, isFurniture(spans[next], source) {
            printed = printed || !spans[next].isEmpty
            next += 1
        }
        return printed && next < spans.count && !isFurniture(spans[next], source) ? next : nil
    }

    /// Where a short page that lost its layout (a yearbook entry, a scanned page of a few lines) was
    /// wrapped at its column: too few lines to measure the page's column width, but a paragraph of
    /// three lines or more, each but the last at least `minColumn` wide and within `fullLineSlack` of
    /// the others (half-width digits and commas make justified lines differ), none of them ending a
    /// sentence, and the last ending one. In `2007年,提案委员会共收到提案77件,立案71件。其中,区各民主党派和工商联提案9件,委员\n
    /// 提案62件。…` the break after `委员` is joined when the lines after it run on to a line ending in `。`.
    static func wrappedBlocks(_ spans: [Span], _ widths: [Int], _ source: SourceText) -> [Int] {
        var breaks: [Int] = []
        // The run of wrapped lines being read: its first line and the narrowest and widest of them.
        var run: (first: Int, narrowest: Int, widest: Int)?
        for index in 0..<spans.count {
            if let open = run {
                let narrowest = min(open.narrowest, widths[index])
                let widest = max(open.widest, widths[index])
                let wraps = index + 1 < spans.count && wrapsOn(index, spans, widths, source) && widest - narrowest <= fullLineSlack
                if wraps {
                    run = (open.first, narrowest, widest)
                    continue
                }
                // The run ends at this line: a paragraph when it is no wider than the wrapped lines
                // and ends a sentence.
                let last = spans[index]
                if index - open.first >= 2, !last.isEmpty, widths[index] <= open.widest + slack,
                   isSentenceEnd(source.folded[last.end - 1]), !isTableRow(last, source) {
                    breaks += (open.first..<index).map { source.lineSpan($0 + 1).end }
                }
                run = nil
            }
            if index + 1 < spans.count, wrapsOn(index, spans, widths, source) {
                run = (index, widths[index], widths[index])
            }
        }
        return breaks
    }

    /// A line that may have been wrapped at the column: wide enough, not ending a sentence, not a table
    /// row, and followed by a line of text that starts no heading or item.
    private static func wrapsOn(_ index: Int, _ spans: [Span], _ widths: [Int], _ source: SourceText) -> Bool {
        let line = spans[index]
        let next = spans[index + 1]
        return !line.isEmpty && !next.isEmpty && widths[index] >= minColumn && !endsLine(source.folded[line.end - 1])
            && !isTableRow(line, source) && !isTableRow(next, source) && !startsItem(next, source)
    }

    /// A sentence end: `。`, `!`, `?`, `;`, `…`.
    static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "!", "?", ";", "…": return true
        default: return false
        }
    }

    /// The width of the text column: the window of `slack` cells whose lines carry the most text
    /// (lines × width, so that the short rows of a table do not win), holding at least a sixth of
    /// the measured lines (five at least), when that width fits a printed page (44 to 100 cells).
    static func columnWidth(_ widths: [Int]) -> Int? {
        let measured = widths.filter { $0 >= minMeasured }
        guard measured.count >= 5 else { return nil }
        // The lines of each width, in a table as long as the widest line's width (at most two cells per scalar of
        // the text): a candidate counts its window in `slack` steps, not over every line.
        var lines = [Int](repeating: 0, count: measured.max()! + 1)
        for width in measured { lines[width] += 1 }
        var best: (width: Int, count: Int)?
        for candidate in lines.indices where lines[candidate] > 0 {
            let count = (0..<slack).reduce(0) { $0 + (candidate >= $1 ? lines[candidate - $1] : 0) }
            if best.map({ count * candidate > $0.count * $0.width || count * candidate == $0.count * $0.width && candidate > $0.width }) ?? true {
                best = (candidate, count)
            }
        }
        guard let best, best.count * 6 >= measured.count, best.count >= 5, (minColumn...100).contains(best.width) else { return nil }
        return best.width
    }

    /// A line holding only a footnote marker: `①`, `[2]`, `²`.
    static func isLoneFootnoteMarker(_ span: Span, _ source: SourceText) -> Bool {
        let s = source.folded
        guard span.length > 0, span.length <= 4 else { return false }
        if span.length == 1, (0x2460...0x2473).contains(s[span.start].value) { return true }
        if s[span.start..<span.end].allSatisfy(Notes.isSuperscriptDigit) { return true }
        return Notes.footnoteNumber(in: s, at: span.start, end: span.end) != nil && s[span.end - 1] == "]"
    }

    /// A line laid out in columns (cells separated by a tab or by two spaces or more, or two number cells
    /// one space apart, as text taken from a PDF table has them: `1.利润收入 586 396 67.7 490 -19.1`): a table
    /// row, never joined. A number set apart in prose (`融资意向 70 亿元`) is followed by its unit, not by a number.
    public static func isTableRow(_ span: Span, _ source: SourceText) -> Bool {
        var previousSpace = false
        // The cell being read (since the last space) is a number so far (`1,327`, `-19.1`, `67.7%`), its length,
        // and whether the cell before it was a number.
        var cell = (number: true, length: 0)
        var previousWasNumber = false
        for scalar in source.scalars[span.start..<span.end] {
            let space = scalar == " " || scalar == "\u{3000}"
            if scalar == "\t" || previousSpace && space { return true }
            previousSpace = space
            if space {
                let isNumber = cell.number && cell.length > 0
                if isNumber && previousWasNumber { return true }
                previousWasNumber = isNumber
                cell = (true, 0)
                continue
            }
            let numeric = isASCIIDigit(scalar) || cell.length > 0 && (scalar == "," || scalar == "." || scalar == "%") || cell.length == 0 && scalar == "-"
            cell = (cell.number && numeric, cell.length + 1)
        }
        return previousWasNumber && cell.number && cell.length > 0
    }

    /// Whether line `number` (1-based), without its indentation, is a table row.
    public static func isTableRow(line number: Int, _ source: SourceText) -> Bool {
        isTableRow(trimmed(source.lineSpan(number), source), source)
    }

    /// Display width: CJK characters, full-width forms and the quotes, dashes and ellipsis of
    /// Chinese typesetting take two cells.
    static func width(of span: Span, _ source: SourceText) -> Int {
        source.scalars[span.start..<span.end].reduce(0) { total, scalar in
            let wide = scalar.value >= 0x2E80 || (0x2014...0x201D).contains(scalar.value) || scalar.value == 0x2026
            return total + (wide ? 2 : 1)
        }
    }

    /// A sentence end, a label's colon or a closing bracket of a heading ends a line for good.
    static func endsLine(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "!", "?", ";", ":", "…", "”", ")", "》": return true
        default: return false
        }
    }

    /// Whether the line leaves a bracket open.
    static func opensBracket(_ span: Span, _ source: SourceText) -> Bool {
        source.folded[span.start..<span.end].reduce(0) { depth, scalar in depth + (scalar == "(" ? 1 : scalar == ")" ? -1 : 0) } > 0
    }

    /// Words after which a colon introduces the parts of a total: `其中：`, `包括：`, `分别为：`.
    static let partsCues = ["其中", "包括", "分别为", "分别是"].map { Array($0.unicodeScalars) }

    /// Whether the line ends with a cue of parts and its colon.
    static func endsWithPartsCue(_ span: Span, _ source: SourceText) -> Bool {
        let words = source.folded[span.start..<(span.end - 1)]
        return partsCues.contains { words.count >= $0.count && words.suffix($0.count).elementsEqual($0) }
    }

    /// A line that starts a heading or a list item: `二、`, `(三)`, `第四章`, `附件1`, `①`, `一是`.
    /// Arabic and decimal markers are left out: at the start of a wrapped line they are numbers.
    static func startsItem(_ span: Span, _ source: SourceText) -> Bool {
        if let marker = Marker.heading(in: source.folded, at: span.start, end: span.end) {
            switch marker.kind {
            case .arabic, .decimal, .arabicParen: break
            default: return true
            }
        }
        if Marker.inline(in: source.folded, at: span.start, end: span.end) != nil { return true }
        return PageFurniture.isPageNumber(source.foldedText(span)) || source.folded[span.start] == "\u{0C}"
    }

    private static func trimmed(_ span: Span, _ source: SourceText) -> Span {
        var start = span.start
        var end = span.end
        while start < end, isSpace(source.folded[start]) { start += 1 }
        while end > start, isSpace(source.folded[end - 1]) { end -= 1 }
        return Span(start: start, end: end)
    }
}
