import GongwenText

/// The kind of a document, read from the words that end its title (GB/T 9704 文种).
///
/// `对市政协第四届四次会议第110号提案答复的函` → `提案答复函`; `国务院办公厅关于…的复函` → `复函`;
/// `…研究处理情况的报告` → `报告`; `…创新城乡社区治理的意见` → `意见`; `…预算草案的报告（书面）` → `报告`.
public enum DocType {
    /// Title endings and the type they name, longest first so that `调研报告` wins over `报告`.
    static let endings: [(String, String)] = [
        ("答复的函", "答复函"), ("的答复函", "答复函"), ("答复函", "答复函"), ("复函", "复函"), ("的函", "函"), ("函", "函"),
        ("调研报告", "调研报告"), ("调查报告", "调研报告"), ("工作报告", "工作报告"), ("统计公报", "统计公报"),
        ("审议意见", "审议意见"), ("实施意见", "意见"), ("指导意见", "意见"), ("意见", "意见"), ("批复", "批复"),
        ("报告", "报告"), ("通知", "通知"), ("通报", "通报"), ("公告", "公告"), ("通告", "通告"), ("公报", "公报"),
        ("决定", "决定"), ("决议", "决议"), ("命令", "命令"), ("议案", "议案"), ("请示", "请示"), ("纪要", "纪要"),
        ("办法", "办法"), ("规定", "规定"), ("条例", "条例"), ("细则", "细则"), ("方案", "方案"), ("规划", "规划"),
        ("纲要", "纲要"), ("答复", "答复"), ("建议", "建议"), ("提案", "提案"),
    ]

    /// The type named by `title`, or `nil` when its last words name none. A reply to a proposal
    /// (`提案`) or a deputy's suggestion (`建议`) is prefixed accordingly: `提案答复函`, `建议答复函`.
    public static func classify(title: String) -> String? {
        var trimmed = title
        // A trailing note in brackets says how, not what: `…的报告（书面）`, `…办法(试行)`.
        if let last = trimmed.last, last == ")" || last == "）", let open = trimmed.lastIndex(where: { $0 == "(" || $0 == "（" }),
           trimmed.distance(from: open, to: trimmed.endIndex) <= 8 {
            trimmed = String(trimmed[..<open])
        }
        while let last = trimmed.last, "”\")》 ".contains(last) { trimmed.removeLast() }
        guard let (_, type) = endings.first(where: { trimmed.hasSuffix($0.0) }) else { return nil }
        if type == "答复函" || type == "答复" || type == "复函" {
            if trimmed.holds("提案") { return "提案" + (type == "答复" ? "答复" : "答复函") }
            if trimmed.holds("建议") || trimmed.holds("议案") { return "建议" + (type == "答复" ? "答复" : "答复函") }
        }
        return type
    }

    /// For a document without a title, the type its opening sentence announces: `现答复如下` → `答复`.
    public static func classify(opening: String) -> String? {
        if opening.holds("答复如下") || opening.holds("收悉") && opening.holds("答复") {
            if opening.holds("提案") { return "提案答复" }
            if opening.holds("建议") { return "建议答复" }
            return "答复"
        }
        if opening.holds("报告如下") { return "报告" }
        return nil
    }
}
