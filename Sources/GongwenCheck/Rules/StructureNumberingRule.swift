import GongwenModel
import GongwenSegment
import GongwenText

/// `structure.numbering`: sibling headings or inline items whose numbers skip or repeat.
///
/// Siblings of the same marker style under one parent are numbered 1, 2, 3 …; a run starting again at
/// 1 is a new list. Flagged: a gap (`一、二、四、`) unless the missing marker is written between the two
/// (merged into a line, where the segmenter did not see it as a heading), a repeat (`(一)(二)(二)`), and
/// a step back (`(三)` then `(二)`). Inline items (`一是…三是`) are compared within their run.
///
/// Real example (a 实施意见 whose second part lost its third heading): `一、… 二、… 四、…`
/// → `编号从“二、”跳到“四、”,缺少“三、”`.
public struct StructureNumberingRule: Rule {
    public let id = "structure.numbering"
    public let severity = Severity.warning
    public let title = "Heading or item numbers that skip or repeat"
    public let rationale = """
        Heading numbers (一、(一) 1. (1)) and inline items (一是, 第一,) count the parts of a document; a skipped \
        or repeated number means a part was lost, merged or mislabelled, and every reference to \"第三部分\" \
        becomes doubtful. The rule compares siblings of the same marker style under one parent in the section \
        tree: a run that starts again at 1 is a new list; a gap is reported only when the missing marker \
        is not written anywhere between the two.
        """
    public let example = "`(一)… (二)… (二)…` → 编号“(二)”重复(上一项也是“(二)”)"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        func visit(_ siblings: [Section]) {
            var previousByStyle: [String: Section] = [:]
            for section in siblings {
                // No outline numbers a hundred sibling headings: `480` at a line start is a table's datum.
                if let number = section.number, number < Self.largestHeadingNumber, let marker = section.marker {
                    let style = Self.style(of: section)
                    if let previous = previousByStyle[style], number != 1, var found = compare(previous, section, number: number, marker: marker, context) {
                        // `1.4` at a line start is as often a table's datum as a heading (text from PDF), and a
                        // numbered line next to a table row is as often a row's label wrapped (`5.其他国有资本经营预算⏎
                        // 收入 546 104 19.0`): unsure.
                        if section.kind == .decimal || [previous, section].contains(where: { Self.bordersTable($0.line, context.source) }) {
                            found.severity = .info
                        }
                        findings.append(found)
                    }
                    previousByStyle[style] = section
                }
                visit(section.children)
            }
        }
        visit(context.segmentation.sections)
        return findings
    }

    /// Whether the line before or after `line` is a table row (`BrokenLines.isTableRow`, its indentation aside).
    static func bordersTable(_ line: Int, _ source: SourceText) -> Bool {
        [line - 1, line + 1].contains { $0 >= 1 && $0 <= source.lineCount && BrokenLines.isTableRow(line: $0, source) }
    }

    /// Heading numbers from here on are data that lost its layout (a PDF table's row), not headings.
    static let largestHeadingNumber = 100

    /// Markers of one style number one sequence: `一、`, `(一)`, `一是`, `第一,`, `其一` are different styles.
    static func style(of section: Section) -> String {
        guard section.kind == .inline, let marker = section.marker else { return section.kind.rawValue }
        if marker.hasPrefix("第") { return "inline-ordinal" }
        if marker.hasPrefix("其") { return "inline-qi" }
        return "inline-shi"
    }

    private func compare(_ previous: Section, _ current: Section, number: Int, marker: String, _ context: CheckContext) -> Finding? {
        guard let previousNumber = previous.number, let previousMarker = previous.marker else { return nil }
        let anchor = Span(start: current.start, end: current.start + marker.unicodeScalars.count)
        let evidence = [Span(start: previous.start, end: previous.start + previousMarker.unicodeScalars.count)]
        if number == previousNumber + 1 { return nil }
        // Inline items of different paragraphs: a repeat or step back may be a new list whose first item was not seen.
        let sameLine = previous.line == current.line
        if number > previousNumber + 1 {
            let missing = (previousNumber + 1..<number).map { Self.marker(marker, renumbered: $0) }
            let between = context.source.foldedText(Span(start: previous.start, end: current.start))
            if missing.contains(where: { between.holds($0) }) { return nil }
            return finding(.numberingGap(previous: previousMarker, found: marker, missing: missing), at: anchor, evidence: evidence)
        }
        if current.kind == .inline && !sameLine { return nil }
        if number == previousNumber {
            return finding(.numberingRepeat(previous: previousMarker, found: marker), at: anchor, evidence: evidence)
        }
        return finding(.numberingBackwards(previous: previousMarker, found: marker), at: anchor, evidence: evidence)
    }

    /// `marker` with its number replaced by `number`, in the same script: `二、` → `三、`, `(2)` → `(3)`, `②` → `③`.
    static func marker(_ marker: String, renumbered number: Int) -> String {
        let scalars = Array(marker.unicodeScalars)
        if scalars.count == 1, (0x2460...0x2473).contains(scalars[0].value), (1...20).contains(number) {
            return String(Unicode.Scalar(UInt32(0x2460 + number - 1))!)
        }
        let isChinese: (Unicode.Scalar) -> Bool = { ChineseNumerals.digit($0) != nil || ChineseNumerals.smallUnit($0) != nil }
        let isNumber: (Unicode.Scalar) -> Bool = { isASCIIDigit($0) || isChinese($0) }
        guard let first = scalars.firstIndex(where: isNumber) else { return marker }
        var last = first
        while last + 1 < scalars.count, isNumber(scalars[last + 1]) { last += 1 }
        let numeral = isASCIIDigit(scalars[first]) ? String(number) : ChineseNumerals.spelled(number)
        return SourceText.string(scalars[..<first]) + numeral + SourceText.string(scalars[(last + 1)...])
    }
}
