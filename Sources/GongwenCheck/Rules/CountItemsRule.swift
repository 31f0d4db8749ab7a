import GongwenExtract
import GongwenModel
import GongwenSegment
import GongwenText

/// `count.items`: a count label (`三个强化`, `四大任务`) whose enumeration lists a different number of items.
///
/// Two sources of enumerations: the section tree, where a heading whose title holds a count label
/// (a Chinese numeral, a measure word 个/大/项/条/种/类 and a label word) is followed by inline items
/// (`一是…二是…`), and the extracted lists (`document.lists`, with their stated count). In the tree the
/// label and the items must be shown to belong together: at least two items contain the label's word
/// (`三个强化` → `一是强化组织领导`, `二是强化风险管控`), or the word is a generic one (方面, 措施, 任务 …).
/// The first run of items (from `一是` on) is counted.
///
/// Real example that holds (巴中市民政局, 2020): `(一)“三个强化”全面完成乡镇行政区划调整改革。一是强化组织领导…
/// 二是强化风险管控…三是强化责任落实…` raises nothing; with the third item gone it would report
/// `“三个强化”称有3项,其后列出2项(一是、二是)`.
public struct CountItemsRule: Rule {
    public let id = "count.items"
    public let severity = Severity.warning
    public let title = "A count label whose enumeration has a different number of items"
    public let rationale = """
        Chinese policy texts announce their enumerations: `“三个强化”`, `四大任务`, `5项基本情况`. When the items \
        that follow are more or fewer than announced, an item was lost or merged, or the label is wrong. The \
        rule compares a heading's count label with the first run of its inline items (一是, 二是 …) when the \
        items repeat the label's word (or the word is generic: 方面, 措施, 任务 …), and every extracted list \
        that states a count with the number of its items.
        """
    public let example = "`(二)“三个优化”…一是优化空间布局…二是优化要素配置…` (no 三是) → “三个优化”称有3项,其后列出2项(一是、二是)"

    public init() {}

    static let measures: Set<Unicode.Scalar> = ["个", "大", "项", "条", "种", "类"]

    public func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        func visit(_ sections: [Section]) {
            for section in sections {
                if let found = check(section, context) { findings.append(found) }
                visit(section.children)
            }
        }
        visit(context.segmentation.sections)
        // Inline and numbered lists come from the section tree, checked above with their labels.
        for list in context.document.lists where list.style != .inline && list.style != .numbered {
            guard let stated = list.statedCount, stated != list.items.count,
                  !findings.contains(where: { $0.span.contains(list.start) || list.span.contains($0.start) }),
                  !Self.continuesFromLineBefore(list.start, context.source.scalars) else { continue }
            let label = list.label ?? context.source.text(list.span)
            let message = Message.countMismatch(label: label, stated: stated, found: list.items.count, markers: list.items.map { $0.marker ?? $0.text })
            findings.append(finding(message, at: list.span, evidence: list.items.map(\.span)))
        }
        return findings
    }

    /// Whether a list starts a line whose line before ends with `、`: a list broken by a PDF's layout
    /// (`建立金融机构协调共享、⏎园区常态化合作、信贷政策执行双向联动三项机制`), whose first items lie on that line.
    /// (The source's scalars: the folded view reads a joined line break as a space.)
    static func continuesFromLineBefore(_ start: Int, _ s: [Unicode.Scalar]) -> Bool {
        var at = start - 1
        while at >= 0, s[at] == " " || s[at] == "\u{3000}" { at -= 1 }
        guard at >= 1, s[at] == "\n" else { return false }
        at -= 1
        while at >= 0, s[at] == " " || s[at] == "\u{3000}" || s[at] == "\r" { at -= 1 }
        return at >= 0 && s[at] == "、"
    }

    /// A count label in the title of `section` and the first run of its inline items, when they disagree.
    private func check(_ section: Section, _ context: CheckContext) -> Finding? {
        guard section.kind != .inline else { return nil }
        let items = firstRun(section.children)
        guard items.count >= 2 else { return nil }
        let s = context.source.folded
        var index = section.titleStart
        while index < section.titleEnd {
            guard ChineseNumerals.digit(s[index]) != nil || ChineseNumerals.smallUnit(s[index]) == 10 else {
                index += 1
                continue
            }
            var end = index
            while end < section.titleEnd, ChineseNumerals.digit(s[end]) != nil || ChineseNumerals.smallUnit(s[end]) == 10 { end += 1 }
            defer { index = end }
            guard index == section.titleStart || !ChineseNumerals.isNumeral(s[index - 1]),
                  end < section.titleEnd, Self.measures.contains(s[end]), let stated = ChineseNumerals.integer(s[index..<end]), stated >= 2 else { continue }
            var wordEnd = end + 1
            while wordEnd < section.titleEnd, wordEnd - end <= 2, isCJK(s[wordEnd]) { wordEnd += 1 }
            let word = context.source.foldedText(Span(start: end + 1, end: wordEnd))
            guard word.unicodeScalars.count == 2 else { continue }
            guard CountLabel.announces(context.source.text(Span(start: index, end: wordEnd)), items: items.map(\.title)) else { continue }
            if stated == items.count { return nil }
            let label = Span(start: index, end: wordEnd)
            let markers = items.map { $0.marker ?? "" }
            let evidence = items.map { Span(start: $0.start, end: $0.start + ($0.marker ?? "").unicodeScalars.count) }
            return finding(.countMismatch(label: context.source.text(label), stated: stated, found: items.count, markers: markers), at: label, evidence: evidence)
        }
        return nil
    }

    /// The inline children from the first `一是` (or `第一,`) to the last item numbered in sequence after it.
    private func firstRun(_ children: [Section]) -> [Section] {
        guard let first = children.firstIndex(where: { $0.kind == .inline && $0.number == 1 }) else { return [] }
        let style = StructureNumberingRule.style(of: children[first])
        var run = [children[first]]
        for child in children[(first + 1)...] where child.kind == .inline && StructureNumberingRule.style(of: child) == style {
            guard let number = child.number, number > run.count else { break }
            run.append(child)
        }
        return run
    }
}
