import GongwenText

/// Whether a count label announces the items that follow it.
///
/// `三个强化` announces `强化组织领导`, `强化风险管控`, `强化责任落实` (the items repeat its word);
/// `四个方面` announces any items (a generic word); `两个责任` does not announce `建立机制`, `完善制度`.
public enum CountLabel {
    /// Label words that announce whatever items follow.
    public static let genericWords = ["方面", "措施", "举措", "重点", "任务", "环节", "步骤", "原则", "工程", "行动", "目标"]

    /// The label word: the two characters after the numeral and its measure word (`三个强化` → `强化`).
    public static func word(of label: String) -> String? {
        let scalars = Array(label.unicodeScalars)
        guard let measure = scalars.firstIndex(where: { "个大项条种类本张支批".unicodeScalars.contains($0) }),
              measure + 2 < scalars.count else { return nil }
        return SourceText.string(scalars[(measure + 1)...(measure + 2)])
    }

    /// Whether `label` announces `items`: at least two items contain its word, or the word is generic.
    public static func announces(_ label: String, items: [String]) -> Bool {
        guard let word = word(of: label) else { return false }
        return genericWords.contains(word) || items.filter { $0.contains(word) }.count >= 2
    }
}
