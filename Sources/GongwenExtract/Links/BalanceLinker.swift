import GongwenModel
import GongwenText

/// The balance of a fund's year, an identity of accounting: income less spending is the year's surplus
/// (`当年收支结余`, `当年结余`) or, the other way, its deficit (`收支赤字`); the surplus added to last
/// year's balance (`上年结余`) is the balance at the year's end (`年末滚存结余`). Each becomes a breakdown
/// whose parts are all of its total (cue `balance`): income = spending + surplus, end balance = surplus +
/// last year's; with a deficit, spending = income + deficit, last year's = deficit + end balance.
///
/// `企业职工基本养老保险基金收入完成73.2亿元，…；支出完成68.3亿元，…。当年收支结余4.9亿元，加上上年结余21.8亿元，
/// 年末滚存结余26.7亿元` → {73.2 = 68.3 + 4.9} and {26.7 = 4.9 + 21.8}.
///
/// A budget's accounts balance too: where the text says so (`实现收支平衡`, `收支执行平衡`), all it could spend
/// (`收入总计`, `收入总量`) is all it spent or carried over (`支出总计`): a breakdown of the first whose one part is
/// the second (cue `balance`). `…收入总计106.43亿元。…支出总计106.43亿元，实现收支平衡` → {106.43 = 106.43}. A fund that
/// states a surplus (`本年收支结余`) says no such thing, and is not read so.
///
/// The income and the spending are the nearest levels before the surplus in its paragraph named as
/// income (`…收入`, `收入预算`, `收入总量`) and as spending, no `其中` part nor an added term (`加上…支出`); a
/// level that names nothing after a
/// budget (`支出预算为31.55亿元，实际完成30.48亿元`) is named by it. Last year's and the end balance follow
/// the surplus closely.
struct BalanceLinker {
    let readings: Readings

    /// How many claims before a surplus its income and spending may stand, and after it the balances.
    static let reach = 12
    static let follow = 4

    enum Role {
        case surplus, deficit, income, spending, opening, closing
        /// All a budget could spend (`收入总计`) and all it spent or carried over (`支出总计`).
        case incomeTotal, spendingTotal
    }

    /// The names of a budget's two totals, `预算` left out (`收入预算总计`); a reading drops `计` as it drops `共计`'s.
    static let incomeTotals = ["收入总计", "收入总量", "收入总"]
    static let spendingTotals = ["支出总计", "支出总量", "支出总"]
    /// How far after the spending total the text says the accounts balance: `，实现收支平衡。`, `。全市一般公共预算收支执行平衡。`.
    static let balancedReach = 30
    static let balanced = Array("平衡".unicodeScalars)

    func breakdowns() -> [Breakdown] {
        let claims = readings.claims
        var found: [Breakdown] = []
        for index in claims.indices {
            guard let role = role(index) else { continue }
            if role == .spendingTotal, saysBalanced(after: index),
               let income = (max(0, index - Self.reach)..<index).reversed().first(where: { samePart(index, $0) && self.role($0) == .incomeTotal }) {
                found.append(breakdown(income, [index]))
            }
            guard role == .surplus || role == .deficit else { continue }
            let earlier = (max(0, index - Self.reach)..<index).reversed().filter { samePart(index, $0) }
            let later = ((index + 1)..<min(claims.count, index + 1 + Self.follow)).filter { samePart(index, $0) }
            // (A fund's totals are its income and spending: `收入总量为7169.4亿元…支出总量为6137.2亿元。本年收支结余1032.2亿元`.)
            if let income = earlier.first(where: { [.income, .incomeTotal].contains(self.role($0)) }),
               let spending = earlier.first(where: { [.spending, .spendingTotal].contains(self.role($0)) }) {
                found.append(role == .surplus ? breakdown(income, [spending, index]) : breakdown(spending, [income, index]))
            }
            if let opening = later.first(where: { self.role($0) == .opening }), let closing = later.first(where: { self.role($0) == .closing }),
               opening < closing {
                found.append(role == .surplus ? breakdown(closing, [index, opening]) : breakdown(opening, [closing, index]))
            }
        }
        return found
    }

    private func breakdown(_ total: Int, _ parts: [Int]) -> Breakdown {
        let claims = readings.claims
        let start = min(claims[total].start, parts.map { claims[$0].start }.min()!)
        let end = max(claims[total].end, parts.map { claims[$0].end }.max()!)
        var breakdown = Breakdown(total: total, parts: parts, span: Span(start: start, end: end))
        breakdown.cue = .balance
        return breakdown
    }

    /// Whether the text says the accounts balance (`平衡`) soon after the spending total `index`, in its statement or the next.
    private func saysBalanced(after index: Int) -> Bool {
        let text = readings.source.folded
        let start = readings.claims[index].end
        let reach = start..<min(text.count, start + Self.balancedReach)
        // The statement's end, then the next one's: the words are looked for before that.
        let ends = reach.lazy.filter { text[$0] == "。" || text[$0] == "\n" }.dropFirst().first
        return WordSearch.holds(text[start..<(ends ?? reach.upperBound)], Self.balanced)
    }

    /// Whether `other` is an amount of money in `index`'s paragraph.
    private func samePart(_ index: Int, _ other: Int) -> Bool {
        let claims = readings.claims
        guard claims[other].kind == .quantity, claims[other].upper == nil, claims[other].countsAlike(claims[index]) else { return false }
        let (low, high) = (min(claims[index].end, claims[other].end), max(claims[index].start, claims[other].start))
        return low >= high || !readings.source.folded[low..<high].contains("\n")
    }

    /// What a money level is in a fund's balance, by its name (or the budget's before it when it names nothing).
    private func role(_ index: Int) -> Role? {
        let claims = readings.claims
        guard claims[index].kind == .quantity, claims[index].unit?.endsWith("元") == true, readings.readings[index].isLevel else { return nil }
        var name = readings.readings[index].name
        if readings.readings[index].namesNothing, index > 0, readings.statement[index - 1] == readings.statement[index] {
            name = readings.readings[index - 1].name
        }
        if name.endsWith("预算") { name.removeLast(2) }
        // (Only a name ending in `总`, `总计`, `总量` is a total: the others are not searched for `预算`.)
        if name.endsWith("总") || name.endsWith("计") || name.endsWith("量") {
            let unbudgeted = name.replacingOccurrences(of: "预算", with: "")
            if Self.incomeTotals.contains(where: unbudgeted.endsWith) { return .incomeTotal }
            if Self.spendingTotals.contains(where: unbudgeted.endsWith) { return .spendingTotal }
        }
        if name.endsWith("上年结余") || name.endsWith("上年滚存结余") || name.endsWith("年初结余") { return .opening }
        if name.endsWith("滚存结余") || name.endsWith("年末结余") { return .closing }
        if ["收支结余", "当年结余", "本年结余"].contains(where: name.endsWith) { return .surplus }
        if ["收支赤字", "当年赤字"].contains(where: name.endsWith) { return .deficit }
        // A `其中` part of the income or the spending, or a term added to it (`加上全国统筹调剂资金支出66.3亿元`), is no
        // side of the balance; its total may be said so (`支出总量为6137.2亿元`).
        let clause = readings.source.folded[claims[index].sentenceStart..<claims[index].start]
        if WordSearch.holds(clause, LevelChangeLinker.among) || PartitionLinker.otherSums.contains(where: name.startsWith) { return nil }
        let measure = IndicatorName.core(name).core
        if measure.endsWith("收入") { return .income }
        if measure.endsWith("支出") { return .spending }
        return nil
    }
}
