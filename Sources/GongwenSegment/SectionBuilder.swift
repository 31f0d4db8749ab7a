import GongwenModel
import GongwenText

/// Builds the section tree from heading lines: levels from the order in which marker styles
/// appear (a style seen before returns to its level; a new style nests under the current one
/// unless its usual rank is higher), extents to the next heading of the same or a higher level,
/// and inline enumerations (`一是…二是…`) as the lowest level.
///
/// `一、… (一)… 1、… (二)… 二、…` gives levels 1, 2, 3, 2, 1; a document that goes `一、` then `1、`
/// puts `1、` at level 2.
struct SectionBuilder {
    let source: SourceText
    let lines: [Line]
    private var headings: [Heading] = []
    private var items: [Heading] = []

    private struct Heading {
        var marker: String?
        var kind: MarkerKind
        var style: Marker.Style
        var number: Int?
        var level: Int
        var title: Span
        var start: Int
        var end: Int
        var line: Int
    }

    init(source: SourceText, lines: [Line]) {
        self.source = source
        self.lines = lines
    }

    /// A row of a table taken from a PDF whose empty cells were dropped: a label and one number cell
    /// (`二十一、其他支出 862`), or two tables' rows side by side, the second with its own marker
    /// (`4.清算收入 3.国有企业政策性补贴`); no punctuation of a sentence. A heading's title ends in words, and holds
    /// no marker after a space.
    static func isCellRow(title start: Int, end: Int, _ s: [Unicode.Scalar]) -> Bool {
        guard !s[start..<end].contains(where: { "。,;:".unicodeScalars.contains($0) }), let space = (start..<end).last(where: { s[$0] == " " }), space + 1 < end else { return false }
        let last = s[(space + 1)..<end]
        if last.allSatisfy({ isASCIIDigit($0) || $0 == "," || $0 == "." || $0 == "-" || $0 == "%" }), last.contains(where: isASCIIDigit) { return true }
        return (start..<end).contains { s[$0] == " " && $0 + 1 < end && Marker.heading(in: s, at: $0 + 1, end: end) != nil }
    }

    /// Finds the headings and inline items of the lines in `region`; marks heading lines.
    mutating func collect(region: Range<Int>, roles: inout [Paragraph.Role?]) {
        let s = source.folded
        var styles: [Marker.Style] = []
        var regionHeadings: [Heading] = []
        let content = region.filter { !lines[$0].isBlank && roles[$0] == nil }
        var inAttachmentList = false
        var inNotes = false
        // Once `一、` or `第一章` numbers the top level, a short unnumbered line is not a heading.
        var numberedTopSeen = false
        for (position, index) in content.enumerated() {
            let line = lines[index]
            let start = line.content.start
            var heading: Heading?
            // A tab-separated line is a table row (`一、税收收入\t33\t-2.9`), never a heading.
            if s[line.span.start..<line.span.end].contains("\t") { continue }
            let marker = Marker.heading(in: s, at: start, end: line.content.end)
            // `附件:1.…` followed by `2.…` lines lists the attachments: items, not headings.
            if marker == nil, line.text.hasPrefix("附件") {
                inAttachmentList = true
                continue
            }
            if inAttachmentList, marker?.kind == .arabic || marker?.kind == .decimal { continue }
            inAttachmentList = false
            if !inNotes, let label = Notes.label(of: line.text) ?? (Notes.footnoteNumber(in: s, at: start, end: line.content.end) == 1 ? "" : nil) {
                // The notes: a part of their own, closing the region.
                inNotes = true
                let titleEnd = label.isEmpty ? start : start + label.unicodeScalars.count
                heading = Heading(marker: nil, kind: .notes, style: Marker.Style(kind: .notes, depth: 1), number: nil, level: 0,
                                  title: Span(start: start, end: titleEnd), start: start, end: 0, line: line.number)
            } else if let marker {
                var titleStart = start + marker.length
                while titleStart < line.content.end, s[titleStart] == " " { titleStart += 1 }
                // Cells set apart by spaces after the marker's words (`一、食品烟酒  98.1`): a table row.
                if BrokenLines.isTableRow(Span(start: titleStart, end: line.content.end), source)
                    || Self.isCellRow(title: titleStart, end: line.content.end, s) { continue }
                var titleEnd = (titleStart..<line.content.end).first { s[$0] == "。" } ?? line.content.end
                titleEnd -= Notes.trailingMarker(in: s, start: titleStart, end: titleEnd) ?? 0
                let markerText = SourceText.string(s[start..<(start + marker.length)]).trimmingLineWhitespace()
                heading = Heading(marker: markerText, kind: marker.kind, style: marker.style, number: marker.number, level: 0,
                                  title: Span(start: titleStart, end: titleEnd), start: start, end: 0, line: line.number)
            } else if !numberedTopSeen, UnnumberedHeading.matches(
                line, previous: position > 0 ? lines[content[position - 1]] : nil,
                next: position + 1 < content.count ? lines[content[position + 1]] : nil, source: source) {
                heading = Heading(marker: nil, kind: .unnumbered, style: Marker.Style(kind: .unnumbered, depth: 1), number: nil, level: 0, title: line.content,
                                  start: start, end: 0, line: line.number)
            }
            if var found = heading {
                if found.kind == .chinese || found.kind == .chapter { numberedTopSeen = true }
                found.level = Self.level(of: found.style, styles: &styles)
                regionHeadings.append(found)
                roles[index] = found.kind == .attachment ? .attachment : .heading
            }
        }
        let regionEnd = lines[content.last ?? region.lowerBound].content.end
        for index in regionHeadings.indices {
            let next = regionHeadings[(index + 1)...].first { $0.level <= regionHeadings[index].level }
            regionHeadings[index].end = next.map { contentEnd(before: $0.start) } ?? regionEnd
        }
        headings += regionHeadings
        collectItems(content: content, roles: roles)
    }

    /// The level of a heading of style `kind`, updating the stack of styles in use.
    static func level(of style: Marker.Style, styles: inout [Marker.Style]) -> Int {
        if style.kind == .attachment || style.kind == .notes {
            styles = [style]
            return 1
        }
        if let index = styles.firstIndex(of: style) {
            styles.removeSubrange((index + 1)...)
            return index + 1
        }
        while let last = styles.last, last.kind != .attachment, last.kind != .notes, last.rank > style.rank {
            styles.removeLast()
        }
        styles.append(style)
        return styles.count
    }

    /// The end of the last non-blank text before `offset`.
    private func contentEnd(before offset: Int) -> Int {
        var end = offset
        while end > 0, source.folded[end - 1] == " " || source.folded[end - 1] == "\n" || source.folded[end - 1] == "\t" { end -= 1 }
        return end
    }

    /// Inline enumerations: `一是`/`第一,` at the start of a paragraph or after `。;:!?`; each item runs
    /// to the next item of its paragraph or to the paragraph's end.
    private mutating func collectItems(content: [Int], roles: [Paragraph.Role?]) {
        let s = source.folded
        for index in content where roles[index] == nil || roles[index] == .heading {
            let line = lines[index]
            var starts: [(Int, Marker)] = []
            var position = line.content.start
            var atBoundary = roles[index] != .heading
            while position < line.content.end {
                if atBoundary, let marker = Marker.inline(in: s, at: position, end: line.content.end) {
                    starts.append((position, marker))
                    position += marker.length
                    atBoundary = false
                    continue
                }
                let scalar = s[position]
                if scalar == "。" || scalar == ";" || scalar == ":" || scalar == "!" || scalar == "?" {
                    atBoundary = true
                } else if scalar != " " {
                    atBoundary = false
                }
                position += 1
            }
            for (offset, (start, marker)) in starts.enumerated() {
                let end = offset + 1 < starts.count ? contentEnd(before: starts[offset + 1].0) : line.content.end
                let titleStart = start + marker.length
                var titleEnd = (titleStart..<end).first { s[$0] == "。" } ?? end
                while titleEnd > titleStart, [";", ",", ":", "、"].contains(s[titleEnd - 1]) { titleEnd -= 1 }
                let markerText = SourceText.string(s[start..<(start + marker.length)])
                items.append(Heading(marker: markerText, kind: .inline, style: marker.style, number: marker.number, level: 0,
                                     title: Span(start: titleStart, end: titleEnd), start: start, end: end, line: line.number))
            }
        }
    }

    /// The tree of all headings collected, with inline items placed under the innermost section
    /// that holds them.
    func build() -> [Section] {
        var roots: [Section] = []
        var stack: [Section] = []
        func close(downTo level: Int) {
            while let last = stack.last, last.level >= level {
                stack.removeLast()
                if stack.isEmpty { roots.append(last) } else { stack[stack.count - 1].children.append(last) }
            }
        }
        for heading in headings {
            close(downTo: heading.level)
            stack.append(section(heading, level: heading.level))
        }
        close(downTo: Int.min)
        for item in items {
            Self.insert(item: item, into: &roots, builder: self, parentLevel: 0)
        }
        return roots
    }

    private func section(_ heading: Heading, level: Int) -> Section {
        Section(marker: heading.marker, kind: heading.kind, number: heading.number, level: level,
                title: source.textWithoutLineBreaks(heading.title), span: Span(start: heading.start, end: heading.end),
                titleSpan: heading.title, line: heading.line)
    }

    private static func insert(item: Heading, into sections: inout [Section], builder: SectionBuilder, parentLevel: Int) {
        if let index = sections.firstIndex(where: { $0.kind != .inline && $0.span.contains(item.start) }) {
            insert(item: item, into: &sections[index].children, builder: builder, parentLevel: sections[index].level)
            return
        }
        let position = sections.firstIndex { $0.start > item.start } ?? sections.count
        sections.insert(builder.section(item, level: parentLevel + 1), at: position)
    }
}
