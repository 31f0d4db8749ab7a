import GongwenModel
import GongwenText

/// The layout of one document: its metadata, the chrome around it, its section tree and the
/// role of each line. What `segment` adds to a `SourceText`; it never edits the text.
///
/// For the reply letter `巴中市民政局 / 对市政协第四届四次会议第110号提案 / 答复的函 / 民盟…委员会: / …`
/// the segmentation has title `对市政协第四届四次会议第110号提案答复的函`, issuer `巴中市民政局`,
/// recipient `民盟四川省委直属巴中总支部委员会`, date `2020-09-14` and sections `一、` and `二、`.
public struct Segmentation: Sendable {
    public var title: String?
    public var docType: String?
    public var issuer: String?
    public var recipient: String?
    public var date: DateText?
    public var docNumbers: [String] = []
    public var fields: [Field] = []
    public var boilerplate: [Boilerplate] = []
    public var sections: [Section] = []
    public var paragraphs: [Paragraph] = []
    /// The main text: from after the recipient line to the sign-off.
    public var body: Span = Span(start: 0, end: 0)

    /// The path of markers of the innermost section holding `offset`: `一、/(一)/一是`.
    public func sectionPath(at offset: Int) -> String? { sections.path(at: offset) }

    /// The innermost section holding `offset`, with its ancestors (outermost first).
    public func sectionChain(at offset: Int) -> [Section] { sections.chain(at: offset) }

    /// Whether `offset` lies in boilerplate.
    public func isBoilerplate(_ offset: Int) -> Bool {
        boilerplate.contains { $0.span.contains(offset) }
    }
}

extension [Section] {
    /// The innermost section of this tree holding `offset`, with its ancestors (outermost first):
    /// at the offset of `一是强化组织领导` the sections `一、`, `(一)` and `一是`.
    public func chain(at offset: Int) -> [Section] {
        var chain: [Section] = []
        var level = self
        while let index = Self.index(containing: offset, in: level) {
            chain.append(level[index])
            level = level[index].children
        }
        return chain
    }

    /// The path of markers of the innermost section holding `offset`: `一、/(一)/一是`.
    public func path(at offset: Int) -> String? {
        let chain = chain(at: offset)
        return chain.isEmpty ? nil : chain.map(\.pathComponent).joined(separator: "/")
    }

    private static func index(containing offset: Int, in sections: [Section]) -> Int? {
        let candidate = sections.partitionPoint { $0.end > offset }
        return candidate < sections.count && sections[candidate].start <= offset ? candidate : nil
    }
}
