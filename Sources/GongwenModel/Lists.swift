/// An enumeration with its stated count and its items.
///
/// `“三个强化”……一是强化组织领导……二是强化风险管控……三是强化责任落实` is a list with stated count 3,
/// label `三个强化`, style `inline` and three items; `5项基本情况(小组规模、干部结构、…)` one of
/// style `enumeration`.
public struct EnumeratedList: Codable, Sendable, Equatable {
    /// The count the text announces (`三个强化` → 3), `nil` when none is stated.
    public var statedCount: Int?
    /// The phrase that announces it: `三个强化`, `5项基本情况`, `4本台账`.
    public var label: String?
    public var style: ListStyle
    public var start: Int
    public var end: Int
    /// The section path the list sits in.
    public var section: String?
    public var items: [ListItem]

    public init(statedCount: Int?, label: String?, style: ListStyle, span: Span, section: String?, items: [ListItem]) {
        self.statedCount = statedCount
        self.label = label
        self.style = style
        self.start = span.start
        self.end = span.end
        self.section = section
        self.items = items
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}

/// How a list is written: `inline` (一是…二是…), `numbered` (1、2、3、 paragraphs or headings),
/// `enumeration` (、-separated after a count), `quoted` (“产业发展”“集体资产”…), `parenthesized`
/// (an expansion in brackets after a label).
public enum ListStyle: String, Codable, Sendable, Equatable {
    case inline
    case numbered
    case enumeration
    case quoted
    case parenthesized
}

/// One item of a list: `强化组织领导,高位统筹推动` with its span and marker `一是`.
public struct ListItem: Codable, Sendable, Equatable {
    public var marker: String?
    public var text: String
    public var start: Int
    public var end: Int

    public init(marker: String?, text: String, span: Span) {
        self.marker = marker
        self.text = text
        self.start = span.start
        self.end = span.end
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}
