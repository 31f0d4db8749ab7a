import GongwenText

/// The words that say what is stated of a number, by what they mean for the checker.
///
/// In `减幅达30.5%` the predicate is `减幅` (a rate of change); in `增加到84.75平方千米` it is
/// `增加到` (the value after a change); in `化解率97.8%` it is `化解率` (a rate of a count).
enum Predicate {
    enum Role: Int, Comparable {
        case copula = 0
        case change = 1
        case changeTarget = 2
        case rate = 3

        static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The value after a change: `由A增加到B`.
    static let changeTargets = [
        "增加到", "增加至", "增至", "增长到", "增长至", "提高到", "提高至", "提升到", "提升至", "上升到", "上升至", "扩大到",
        "扩大至", "下降到", "下降至", "降至", "降到", "降低到", "降低至", "减少到", "减少至", "减至", "优化到", "优化至",
        "优化为", "调整为", "调整到", "调整至", "缩减到", "缩减至", "压减到", "压减至", "缩小到", "缩小至", "优化", "变为",
    ]
    /// The amount of a change: `减少861个`.
    static let changes = ["减少了", "增加了", "减少", "增加", "新增", "下降", "增长", "提高", "降低", "提升", "上升", "压减", "缩减", "净增"]
    /// A rate of change or a share: `减幅达39.54%`, `占比达91%`.
    static let rates = ["增幅", "减幅", "降幅", "涨幅", "增速", "增长率", "下降率", "占比", "比重", "比例", "占到", "占"]
    /// Shares of a whole, never the rate of a change: `占比达91%`.
    static let shares: Set<String> = ["占比", "比重", "比例", "占到", "占"]
    static let copulas = ["达到", "达", "为", "是", "有", "共计", "共", "累计", "合计", "总计", "超过", "约", "高达", "仅"]

    /// Words that stand between a predicate and its number: `减幅达`, `占比达到`, `增长了`.
    static let fillers: Set<String> = ["达到", "达", "了", "为", "到", "是", "约", "近", "超", "超过", "高达", "共", "计", "至", "("]

    /// The predicate ending at the end of `prefix` (the clause text before a number), possibly
    /// followed by filler words; rate words win over change words over copulas.
    static func find(in prefix: [Unicode.Scalar]) -> (word: String, role: Role)? {
        let text = String(String.UnicodeScalarView(prefix))
        var best: (word: String, role: Role, distance: Int)?
        func consider(_ words: [String], _ role: Role) {
            for word in words {
                guard let range = text.range(of: word, options: .backwards) else { continue }
                let after = String(text[range.upperBound...])
                guard after.isEmpty || isFiller(after) else { continue }
                let distance = after.unicodeScalars.count
                if best == nil || role > best!.role || (role == best!.role && (distance < best!.distance || distance == best!.distance && word.count > best!.word.count)) {
                    best = (word, role, distance)
                }
            }
        }
        consider(copulas, .copula)
        consider(changes, .change)
        consider(changeTargets, .changeTarget)
        consider(rates, .rate)
        if let rate = rateWord(in: prefix) {
            return (rate, .rate)
        }
        return best.map { ($0.word, $0.role) }
    }

    /// A change or rate word earlier in the clause with a noun between it and the number:
    /// `减少干部职数1162人` → `减少`. Copulas do not count here.
    static func findBeforeNoun(in prefix: [Unicode.Scalar]) -> (word: String, role: Role)? {
        let text = String(String.UnicodeScalarView(prefix))
        var best: (word: String, role: Role, position: String.Index)?
        for (words, role) in [(changes, Role.change), (changeTargets, .changeTarget), (rates, .rate)] {
            for word in words where word.count >= 2 {
                guard let range = text.range(of: word, options: .backwards) else { continue }
                if best == nil || range.lowerBound > best!.position { best = (word, role, range.lowerBound) }
            }
        }
        return best.map { ($0.word, $0.role) }
    }

    /// `化解率`, `办结率`, `覆盖率`: a word ending in 率 right before the number (fillers allowed).
    static func rateWord(in prefix: [Unicode.Scalar]) -> String? {
        var end = prefix.count
        while end > 0, let last = fillerSuffix(prefix[..<end]) { end -= last }
        guard end >= 2, prefix[end - 1] == "率" else { return nil }
        var start = end - 1
        while start > 0, end - start < 4, isCJK(prefix[start - 1]), prefix[start - 1] != "的" { start -= 1 }
        guard end - start >= 2 else { return nil }
        return String(String.UnicodeScalarView(prefix[start..<end]))
    }

    private static func fillerSuffix(_ prefix: ArraySlice<Unicode.Scalar>) -> Int? {
        let text = String(String.UnicodeScalarView(prefix))
        for filler in fillers.sorted(by: { $0.count > $1.count }) where text.hasSuffix(filler) {
            return filler.unicodeScalars.count
        }
        return nil
    }

    private static func isFiller(_ text: String) -> Bool {
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let filler = fillers.sorted(by: { $0.count > $1.count }).first(where: { rest.hasPrefix($0) }) else { return false }
            rest = rest.dropFirst(filler.count)
        }
        return true
    }

    /// Whether a change verb says the value went up (`增加到`), down (`减至`) or does not say (`优化到`).
    static func direction(of word: String) -> String? {
        if ["增", "提", "升", "扩", "涨"].contains(where: word.hasPrefix) { return "increase" }
        if ["减", "降", "缩", "压", "下降"].contains(where: word.hasPrefix) { return "decrease" }
        return nil
    }
}
