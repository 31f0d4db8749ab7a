/// A non-blank line of the source text and what it is in the document, with the section it sits in.
///
/// `民盟四川省委直属巴中总支部委员会:` is a paragraph with role `recipient`; `深化社区网格化治理。全省…`
/// one with role `body` in section `二、`; `2020914` at the end one with role `date`.
public struct Paragraph: Codable, Sendable, Equatable {
    /// The line without its line break.
    public var start: Int
    public var end: Int
    /// 1-based line number.
    public var line: Int
    public var role: Role
    /// The path of markers of the innermost section holding the line's start: `一、/(一)/一是`.
    public var section: String?

    /// What a line is: the document's parts per GB/T 9704 plus page chrome.
    public enum Role: String, Codable, Sendable, Equatable {
        case boilerplate
        case preamble
        case issuerHeader = "issuer_header"
        case title
        case titleNote = "title_note"
        case docNumber = "doc_number"
        case recipient
        case heading
        case body
        case signature
        case date
        case attachment
    }

    public init(span: Span, line: Int, role: Role, section: String? = nil) {
        self.start = span.start
        self.end = span.end
        self.line = line
        self.role = role
        self.section = section
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}
