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
    }

    func breakdowns() -> [Breakdown] {
        let claims = readings.claims
        var found: [Breakdown] = []
        for index in claims.indices {
            guard let role = role(index), role == .surplus || role == .deficit else { continue }
            let earlier = (max(0, index - Self.reach)..<index).reversed().filter { samePart(index, $0) }
            let later = ((index + 1)..<min(claims.count, index + 1 + Self.follow)).filter { samePart(index, $0) }
            if let income = earlier.first(where: { self.role($0) == .income }), let spending = earlier.first(where: { self.role($0) == .spending }) {
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
