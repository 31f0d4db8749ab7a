import Foundation
import GongwenModel
import GongwenSegment
import GongwenText

/// Finds enumerations and their stated counts.
///
/// - inline items `一是…二是…三是…` under one section, counted by a label in the section title
///   (`(一)“三个强化”全面完成乡镇行政区划调整改革` → stated count 3);
/// - numbered headings `1、2、3、` under one section;
/// - a count label with its items beside it: `小组规模、干部结构、宗族聚居、资产状况、债权债务5项基本情况`
///   (a 、-list before the count), `“产业发展”“集体资产”“债权债务”“风险隐患”4本台账` (quoted),
///   `“一多二少三弱”特点(数量多,人口少、资源少,组织弱、实力弱、服务弱)` (in brackets after it).
struct ListBuilder {
    let source: SourceText
    let segmentation: Segmentation
    /// The counts that name a group (`三个`, `5项`, `4本`: numbers of kind `count_label` with a
    /// measure word), in order: where labels start.
    let counts: [NumberMention]

    init(source: SourceText, segmentation: Segmentation, numbers: [NumberMention]) {
        self.source = source
        self.segmentation = segmentation
        // By index, fields read in place: `filter` copied every number (its strings retained and released) to test it.
        self.counts = numbers.indices.filter { index in
            guard numbers[index].kind == .countLabel, numbers[index].unit != nil, let value = numbers[index].value else { return false }
            return value >= 2 && value <= 20
        }.map { numbers[$0] }
    }

    func lists() -> [EnumeratedList] {
        var lists: [EnumeratedList] = []
        for root in segmentation.sections {
            collectSectionLists(root, path: [], into: &lists)
        }
        lists += labelledLists()
        return lists.sorted { $0.start < $1.start }
    }

    private func collectSectionLists(_ section: Section, path: [String], into lists: inout [EnumeratedList]) {
        let here = path + [section.pathComponent]
        for kind in [MarkerKind.inline, .arabic] {
            let items = section.children.filter { $0.kind == kind }
            guard items.count >= 2 else { continue }
            let label = countLabel(in: section.titleSpan).flatMap { label in
                CountLabel.announces(label.text, items: items.map(\.title)) ? label : nil
            }
            let style: ListStyle = kind == .inline ? .inline : .numbered
            lists.append(EnumeratedList(
                statedCount: label?.count, label: label?.text, style: style,
                span: Span(start: items[0].start, end: items.last!.end), section: here.joined(separator: "/"),
                items: items.map { ListItem(marker: $0.marker, text: $0.title, span: $0.span) }))
        }
        for child in section.children where child.kind != .inline {
            collectSectionLists(child, path: here, into: &lists)
        }
    }

    /// The first count label inside `span` (`三个强化` in a heading's title).
    func countLabel(in span: Span) -> (text: String, count: Int, span: Span)? {
        let low = counts.partitionPoint { $0.start >= span.start }
        guard low < counts.count, counts[low].end <= span.end else { return nil }
        return label(of: counts[low], limit: span.end)
    }

    /// A count with the name after it: `三个` + `强化`, `5项` + `基本情况`, up to six characters,
    /// stopping before a conjunction (`4条跑道和多跨事项` names 跑道).
    private func label(of count: NumberMention, limit: Int) -> (text: String, count: Int, span: Span)? {
        let s = source.folded
        var end = count.end
        while end < limit, end - count.end < 6, isCJK(s[end]), !["和", "与", "及", "的", "等"].contains(s[end]) { end += 1 }
        guard end - count.end >= 2, let value = count.value else { return nil }
        let span = Span(start: count.start, end: end)
        return (source.text(span), NSDecimalNumber(decimal: value).intValue, span)
    }

    /// A quoted label of numbered traits, `“一多二少三弱”`: it announces as many items as its
    /// numerals add up to (1 + 2 + 3 = 6).
    private func numeralLabel(at start: Int, limit: Int) -> (text: String, count: Int, span: Span)? {
        let s = source.folded
        guard start < limit, s[start] == "“", let close = ((start + 1)..<min(limit, start + 14)).first(where: { s[$0] == "”" }),
              close - start - 1 >= 4, (close - start - 1) % 2 == 0 else { return nil }
        var count = 0
        for index in stride(from: start + 1, to: close, by: 2) {
            guard let digit = ChineseNumerals.digit(s[index]), digit > 0, isCJK(s[index + 1]), ChineseNumerals.digit(s[index + 1]) == nil else { return nil }
            count += digit
        }
        let span = Span(start: start + 1, end: close)
        return (source.text(span), count, span)
    }

    /// Count labels in running text with their items beside them.
    private func labelledLists() -> [EnumeratedList] {
        let s = source.folded
        let paragraphs = segmentation.paragraphs.filter { $0.role == .body || $0.role == .heading }
        var labels: [(text: String, count: Int, span: Span, paragraph: Span)] = []
        var next = 0
        for paragraph in paragraphs {
            while next < counts.count, counts[next].start < paragraph.span.start { next += 1 }
            var index = next
            while index < counts.count, counts[index].end <= paragraph.span.end {
                if let found = label(of: counts[index], limit: paragraph.span.end) { labels.append((found.text, found.count, found.span, paragraph.span)) }
                index += 1
            }
            for offset in paragraph.span.start..<paragraph.span.end where s[offset] == "“" {
                if let found = numeralLabel(at: offset, limit: paragraph.span.end) { labels.append((found.text, found.count, found.span, paragraph.span)) }
            }
        }
        var lists: [EnumeratedList] = []
        for label in labels {
            let section = segmentation.sectionPath(at: label.span.start)
            if let (items, style) = itemsBefore(label.span.start, lowerBound: label.paragraph.start), items.count >= 2 {
                lists.append(EnumeratedList(statedCount: label.count, label: label.text, style: style,
                                            span: Span(start: items[0].start, end: label.span.end), section: section, items: items))
            } else if let items = itemsInBrackets(after: label.span.end, upperBound: label.paragraph.end), items.count >= 2 {
                lists.append(EnumeratedList(statedCount: label.count, label: label.text, style: .parenthesized,
                                            span: Span(start: label.span.start, end: items.last!.end + 1), section: section, items: items))
            }
        }
        return lists
    }

    /// A 、-separated or quoted list that ends right before `offset` (`A、B、C5项` or `“A”“B”“C”4本`),
    /// with its style.
    private func itemsBefore(_ offset: Int, lowerBound: Int) -> ([ListItem], ListStyle)? {
        let s = source.folded
        var end = offset
        if end > lowerBound, s[end - 1] == "”" {
            var items: [ListItem] = []
            while end > lowerBound, s[end - 1] == "”" {
                guard let open = (lowerBound..<(end - 1)).last(where: { s[$0] == "“" }) else { break }
                let span = Span(start: open + 1, end: end - 1)
                guard span.length >= 1, span.length <= 12 else { break }
                items.insert(ListItem(marker: nil, text: source.text(span), span: span), at: 0)
                end = open
            }
            // The first quote mark is often lost in scraped text: `产业发展”“集体资产”…` still lists 产业发展.
            if end > lowerBound, s[end - 1] == "”", let longest = items.map(\.span.length).max() {
                var start = end - 1
                while start > lowerBound, end - 1 - start < longest, isCJK(s[start - 1]) { start -= 1 }
                let span = Span(start: start, end: end - 1)
                if span.length >= 2 { items.insert(ListItem(marker: nil, text: source.text(span), span: span), at: 0) }
            }
            return (items, .quoted)
        }
        var items: [ListItem] = []
        var itemEnd = end
        var index = end
        while index > lowerBound {
            let scalar = s[index - 1]
            if scalar == "、" {
                let span = Span(start: index, end: itemEnd)
                guard span.length >= 1, span.length <= 12 else { return nil }
                items.insert(ListItem(marker: nil, text: source.text(span), span: span), at: 0)
                itemEnd = index - 1
            } else if !isCJK(scalar) {
                break
            }
            index -= 1
        }
        guard !items.isEmpty else { return nil }
        let firstSpan = Span(start: index, end: itemEnd)
        let first = trimmedFirstItem(firstSpan, lengthOf: items.map(\.span.length))
        items.insert(ListItem(marker: nil, text: source.text(first), span: first), at: 0)
        return (items, .enumeration)
    }

    /// The first item of a 、-list runs back to the clause start, which often holds a verb
    /// (`全面摸清了小组规模`): it keeps as many characters as the longest other item.
    private func trimmedFirstItem(_ span: Span, lengthOf others: [Int]) -> Span {
        let longest = others.max() ?? span.length
        return span.length > longest ? Span(start: span.end - longest, end: span.end) : span
    }

    /// `(A,B、C)` right after a label: the items separated by `,` `、` `;`.
    private func itemsInBrackets(after offset: Int, upperBound: Int) -> [ListItem]? {
        let s = source.folded
        var open = offset
        if open < upperBound, s[open] == "”" { open += 1 }
        while open < upperBound, open - offset < 4, s[open] != "(" {
            guard isCJK(s[open]) || s[open] == "”" else { return nil }
            open += 1
        }
        guard open < upperBound, s[open] == "(", let close = ((open + 1)..<upperBound).first(where: { s[$0] == ")" }) else { return nil }
        var items: [ListItem] = []
        var start = open + 1
        if source.foldedText(Span(start: start, end: min(close, start + 2))) == "即:" { start += 2 }
        for index in start...close where index == close || s[index] == "," || s[index] == "、" || s[index] == ";" {
            let span = Span(start: start, end: index)
            if span.length > 0 { items.append(ListItem(marker: nil, text: source.text(span), span: span)) }
            start = index + 1
        }
        return items
    }
}
