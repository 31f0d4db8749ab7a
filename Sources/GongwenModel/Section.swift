/// A heading and everything under it, to the next heading of the same or a higher level.
///
/// `一、全面完成乡镇行政区划和村级建制调整两项改革……` is a level-1 section with marker `一、`; the
/// `(一)“三个强化”全面完成乡镇行政区划调整改革。` inside it is level 2, and the `一是强化组织领导,高位统筹推动。`
/// items inside that are inline sections (`kind` `inline`) at level 3.
public struct Section: Codable, Sendable, Equatable {
    /// The numbering as written (`一、`, `(一)`, `1.`, `一是`, `第一章`), `nil` for an unnumbered heading.
    public var marker: String?
    /// The style of the marker, which decides the level together with the order markers appear in.
    public var kind: MarkerKind
    /// The ordinal the marker states (`三、` → 3), `nil` for unnumbered headings.
    public var number: Int?
    /// 1 for the top level.
    public var level: Int
    /// The heading text without its marker, to the first `。` or the end of the line.
    public var title: String
    /// The whole extent: the heading to the start of the next sibling or parent.
    public var start: Int
    public var end: Int
    /// Where the title text sits.
    public var titleStart: Int
    public var titleEnd: Int
    /// 1-based line of the heading.
    public var line: Int
    public var children: [Section]

    public init(marker: String?, kind: MarkerKind, number: Int?, level: Int, title: String, span: Span, titleSpan: Span, line: Int, children: [Section] = []) {
        self.marker = marker
        self.kind = kind
        self.number = number
        self.level = level
        self.title = title
        self.start = span.start
        self.end = span.end
        self.titleStart = titleSpan.start
        self.titleEnd = titleSpan.end
        self.line = line
        self.children = children
    }

    public var span: Span {
        get { Span(start: start, end: end) }
        set { start = newValue.start; end = newValue.end }
    }

    @inlinable public var titleSpan: Span { Span(start: titleStart, end: titleEnd) }

    /// The marker, or the title for an unnumbered heading: one step of a section path.
    @inlinable public var pathComponent: String { marker ?? title }

    /// Visits this section and its descendants depth-first, in document order.
    public func forEach(_ body: (Section, _ path: [Section]) -> Void) {
        func walk(_ section: Section, _ path: [Section]) {
            let here = path + [section]
            body(section, here)
            for child in section.children { walk(child, here) }
        }
        walk(self, [])
    }
}

/// The style of a heading marker (GB/T 9704-2012 conventions and the usual ones for regulations).
///
/// `一、` is `chinese`, `(一)`/`（一）` `chinese_paren`, `1.`/`1、`/`1．` `arabic`, `(1)` `arabic_paren`,
/// `1.1` `decimal`, `①` `circled`, `附件1` `attachment`, `第一章` `chapter`, `第一节` `part`, `第一条` `article`, `一是`/`第一,` `inline`,
/// `注释`/`注:`/`资料来源:` `notes`.
public enum MarkerKind: String, Codable, Sendable, Equatable, CaseIterable {
    /// `附件1`: a document appended after the sign-off.
    case attachment
    case chapter
    case part
    case article
    case chinese
    case chineseParen = "chinese_paren"
    case arabic
    /// `1.1　编制目的`: decimal numbering of plans and standards, deeper numbers lower.
    case decimal
    case arabicParen = "arabic_paren"
    case circled
    case unnumbered
    case inline
    /// `注释`, `注:`, `资料来源:`, a run of `[1]…` lines: the notes and sources that close a document, a
    /// part of their own rather than a child of the last chapter.
    case notes

    /// The usual depth of the style when nothing else is known: smaller is higher.
    public var canonicalRank: Int {
        switch self {
        case .attachment, .notes: return -1
        case .chapter: return 0
        case .part: return 1
        case .unnumbered: return 2
        case .chinese: return 3
        case .article: return 4
        case .chineseParen: return 5
        case .arabic, .decimal: return 6
        case .arabicParen: return 7
        case .circled: return 8
        case .inline: return 9
        }
    }
}
