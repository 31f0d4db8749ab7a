import Foundation
import GongwenText

/// A line under a title that says where, when and by whom, not what: a parenthesised note
/// `(2023年12月28日在市六届人大常委会第六次会议上)`, a dashed occasion
/// `——2025年1月19日在重庆市第六届人民代表大会第三次会议上`, an occasion `在全市经济工作会议上`, or the
/// speaker, an office and a name with or without a space: `重庆市人民政府市长 胡衡华`,
/// `承德市财政局局长林国华`, `审计署审计长 侯凯`, `常德市财政局局长  徐  荩`. The title block keeps such lines out of the title.
enum TitleNote {
    /// Offices that stand before a speaker's name.
    static let offices = [
        "市长", "省长", "区长", "县长", "州长", "旗长", "盟长", "主席", "总理", "委员长", "局长", "厅长", "审计长",
        "部长", "主任", "书记", "秘书长", "院长", "检察长", "行长", "署长", "关长", "镇长", "乡长",
    ]

    static func matches(_ text: String) -> Bool {
        if text.hasPrefix("("), text.hasSuffix(")") { return true }
        if text.hasPrefix("—") || text.hasPrefix("-") { return true }
        if isOccasion(text) { return true }
        return isSpeaker(text)
    }

    /// `…在…会议上`: the occasion of a speech, which ends with `上` (`在…会议上的讲话` is a title).
    static func isOccasion(_ text: String) -> Bool {
        text.unicodeScalars.count <= 80 && text.hasSuffix("上") && text.holds("在")
    }

    /// An office followed by a name of two to four characters, the office preceded by its
    /// organisation or standing alone.
    static func isSpeaker(_ text: String) -> Bool {
        guard text.unicodeScalars.count <= 30 else { return false }
        return offices.contains { office in
            guard let range = text.wordRange(of: office, backwards: true) else { return false }
            let name = text[range.upperBound...].filter { $0 != " " }
            return (2...4).contains(name.count) && name.unicodeScalars.allSatisfy(isCJK)
                && !offices.contains(where: { name.holds($0) }) && !text[..<range.lowerBound].holds("关于")
        }
    }
}
