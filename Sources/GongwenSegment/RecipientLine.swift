import GongwenModel
import GongwenText

/// The 主送机关 line: who the document is addressed to, a short line ending with a colon before
/// the body (`湖北省人民政府:`, `各位代表:`), not a label such as `附件:` or `抄送:`.
///
/// `民盟四川省委直属巴中总支部委员会:` gives the recipient `民盟四川省委直属巴中总支部委员会`.
enum RecipientLine {
    static let maxLength = 60

    /// Labels that end in a colon but address nobody.
    static let nonRecipientLabels: Set<String> = ["附件:", "抄送:", "主题词:", "关键词:", "联系人:", "附:"]

    static func matches(_ line: Line) -> Bool {
        line.length <= maxLength && line.length >= 3 && line.text.hasSuffix(":") && !line.text.holds("。")
            && !nonRecipientLabels.contains(line.text)
    }

    /// Claims the line at `anchor` when it is a recipient line; returns the field without the colon.
    static func read(_ page: inout Page, at anchor: Int?) -> Field? {
        guard let anchor, matches(page.lines[anchor]) else { return nil }
        page.roles[anchor] = .recipient
        var span = page.lines[anchor].content
        while span.end > span.start, page.source.folded[span.end - 1] == ":" { span.end -= 1 }
        return Field(name: "recipient", value: page.source.text(span), span: span)
    }
}
