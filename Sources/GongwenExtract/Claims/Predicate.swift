import GongwenModel
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
    static let changes = ["减少了", "增加了", "减少", "增加", "新增", "下降", "增长", "提高", "降低", "提升", "上升", "上涨", "下跌", "压减", "缩减", "净增"]
    /// A rate of change or a share: `减幅达39.54%`, `占比达91%`.
    static let rates = ["增幅", "减幅", "降幅", "涨幅", "增速", "增长率", "下降率", "占比", "比重", "比例", "占到", "占"]
    /// Shares of a whole, never the rate of a change: `占比达91%`.
    static let shares: Set<String> = ["占比", "比重", "比例", "占到", "占"]
    static let copulas = ["达到", "达", "为", "是", "有", "共计", "共", "累计", "合计", "总计", "超过", "约", "高达", "仅"]

    /// Words that stand between a predicate and its number: `减幅达`, `占比达到`, `增长了`.
    static let fillers: Set<String> = ["达到", "达", "了", "为", "到", "是", "约", "近", "超", "超过", "高达", "共", "计", "至", "("]

    /// The word lists as scalars, longest first, with their role: what the hot loops compare.
    private static let table: [(word: [Unicode.Scalar], text: String, role: Role)] = {
        var rows: [(word: [Unicode.Scalar], text: String, role: Role)] = []
        for (words, role) in [(copulas, Role.copula), (changes, .change), (changeTargets, .changeTarget), (rates, .rate)] {
            rows += words.map { (Array($0.unicodeScalars), $0, role) }
        }
        return rows.sorted { $0.word.count > $1.word.count }
    }()
    static let fillerWords: [[Unicode.Scalar]] = fillers.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    /// The table's rows by their last scalar (for words ending at a position) and by their first.
    private static let byLast: [Unicode.Scalar: [(word: [Unicode.Scalar], text: String, role: Role)]] = Dictionary(grouping: table) { $0.word.last! }
    private static let byFirst: [Unicode.Scalar: [(word: [Unicode.Scalar], text: String, role: Role)]] = Dictionary(grouping: table) { $0.word.first! }
    /// The first and last scalars of the words: most positions are passed over without hashing.
    private static let firsts = ScalarMask(table.map { $0.word.first! })
    private static let lasts = ScalarMask(table.map { $0.word.last! })

    /// The predicate ending at the end of `prefix` (the clause text before a number), possibly
    /// followed by filler words; rate words win over change words over copulas, then the closer
    /// and the longer word.
    static func find(in prefix: [Unicode.Scalar]) -> (word: String, role: Role)? {
        if let rate = rateWord(in: prefix) { return (rate, .rate) }
        var best: (text: String, role: Role, distance: Int, length: Int)?
        var end = prefix.count
        let lasts = Self.lasts
        while true {
            for row in end > 0 && lasts.mayHold(prefix[end - 1]) ? byLast[prefix[end - 1]] ?? [] : [] where row.word.count <= end && prefix[(end - row.word.count)..<end].elementsEqual(row.word) {
                let distance = prefix.count - end
                if let current = best, (current.role, -current.distance, current.length) >= (row.role, -distance, row.word.count) { continue }
                best = (row.text, row.role, distance, row.word.count)
            }
            guard let filler = fillerSuffix(prefix[..<end]) else { break }
            end -= filler
        }
        return best.map { ($0.text, $0.role) }
    }

    /// A change or rate word earlier in the clause with a noun between it and the number:
    /// `减少干部职数1162人` → `减少`. Copulas do not count here; the last such word wins.
    static func findBeforeNoun(in prefix: [Unicode.Scalar]) -> (word: String, role: Role)? {
        var start = prefix.count - 2
        let firsts = Self.firsts
        while start >= 0 {
            for row in firsts.mayHold(prefix[start]) ? byFirst[prefix[start]] ?? [] : [] where row.role != .copula && row.word.count >= 2 && start + row.word.count <= prefix.count
                && prefix[start..<(start + row.word.count)].elementsEqual(row.word) {
                return (row.text, row.role)
            }
            start -= 1
        }
        return nil
    }

    /// `化解率`, `办结率`, `覆盖率`: two characters and 率 right before the number (fillers allowed);
    /// what comes before them is the subject (`社区养老服务设施覆盖率` → 社区养老服务设施).
    static func rateWord(in prefix: [Unicode.Scalar]) -> String? {
        var end = prefix.count
        while end > 0, let last = fillerSuffix(prefix[..<end]) { end -= last }
        guard end >= 2, prefix[end - 1] == "率" else { return nil }
        var start = end - 1
        while start > 0, end - start < 3, isCJK(prefix[start - 1]), prefix[start - 1] != "的" { start -= 1 }
        guard end - start >= 2 else { return nil }
        return SourceText.string(prefix[start..<end])
    }

    /// The length of the longest filler word that ends `prefix`.
    private static func fillerSuffix(_ prefix: ArraySlice<Unicode.Scalar>) -> Int? {
        for filler in fillerWords where filler.count <= prefix.count && prefix.suffix(filler.count).elementsEqual(filler) {
            return filler.count
        }
        return nil
    }
}
