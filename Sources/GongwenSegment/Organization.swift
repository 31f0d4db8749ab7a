import GongwenText

/// Recognises the name of an issuing organisation (发文机关) on a line of its own.
///
/// `巴中市民政局`, `江苏省民政厅`, `中共南充市委办公室  南充市人民政府办公室` (two joint issuers) and
/// `国务院办公厅` are organisation lines; `对市政协第四届四次会议第110号提案` is not.
enum Organization {
    /// Endings of organisation names.
    static let suffixes = [
        "局", "厅", "委", "部", "院", "办", "办公室", "办公厅", "政府", "委员会", "中心", "署", "处", "所", "室", "站",
        "队", "组", "团", "社", "联", "会", "行", "司", "馆", "校", "公司", "集团", "支部", "总支部委员会", "党委", "党组",
        "常委会", "人大", "政协", "法院", "检察院", "研究院", "协会", "学会", "基金会", "政研室", "改革办", "政法委",
    ]

    /// The names on a line (split at runs of spaces), or `nil` when the line is not only names.
    static func names(in line: String) -> [String]? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !parts.isEmpty, parts.count <= 4 else { return nil }
        for part in parts {
            guard isName(part) else { return nil }
        }
        return parts
    }

    static func isName(_ text: String) -> Bool {
        let count = text.count
        guard count >= 2, count <= 30 else { return false }
        if ["关于", "转发", "印发", "批转", "代表", "会议"].contains(where: text.holds) { return false }
        if text.unicodeScalars.contains(where: { isPunctuation($0) || isASCIIDigit($0) }) { return false }
        return suffixes.contains { text.hasSuffix($0) }
    }
}
