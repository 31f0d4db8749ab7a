import GongwenModel
import GongwenText

/// `由A…到B`, then `减少C` and `减幅r%` in the same sentence; a new `由`/`从` starts a new change. Either level
/// may be dated (`从2015年的2007万元上升到2020年的2468万元`), and the rate may be an average over the years
/// (`年均增长4.22%`): the change is then `annual`, over the years between the two dates when both are given.
///
/// `建制村由2177优化1316个,减少861个,减幅达39.54%` → change {from 2177, to 1316个, delta 861个, rate 39.54%}.
struct FromToLinker {
    let readings: Readings

    func changes() -> [Change] {
        var changes: [Change] = []
        let claims = readings.claims
        for statement in readings.byStatement() {
            var current: Change?
            var fromYear: Int?
            func close() {
                if let change = current, change.to != nil, [change.from, change.delta, change.rate].contains(where: { $0 != nil }) {
                    changes.append(change)
                }
                current = nil
            }
            for index in statement {
                let claim = claims[index]
                if isChangeStart(claim) {
                    close()
                    current = Change(from: index, to: nil, delta: nil, rate: nil, direction: nil, span: claim.span)
                    let date = dated(claim)
                    let marker = (date?.wordsEnd ?? claim.start) - 1
                    let clause = readings.readings[index].clauseStart
                    let name = SourceText.string(readings.source.folded[min(clause, marker)..<marker])
                    current?.realRate = readings.isReal(index, name: name) ? true : nil
                    fromYear = date?.year
                    // A plan period's rate averages over its five years from the year before it: a level of its
                    // first year (`“十四五”时期…从2021年的7771.8亿元增长到2025年的…`) is not its base.
                    if let year = fromYear, let first = Self.planPeriods.first(where: { statementHolds($0.name, around: claim) })?.first,
                       year == first {
                        fromYear = nil
                    }
                    continue
                }
                guard var change = current else { continue }
                let role = claim.predicate.flatMap { word in Predicate.find(in: Array(word.unicodeScalars))?.role }
                let from = claims[change.from!]
                let target = role == .changeTarget ? claim.predicate : datedTarget(claim)
                if change.to == nil, let target, claim.kind == from.kind {
                    change.to = index
                    change.direction = ChangeDirection(word: target)
                    if let fromYear, let toYear = dated(claim)?.year, toYear > fromYear { change.years = toYear - fromYear }
                } else if change.to != nil, change.rate == nil, claim.kind == .percent, from.kind == .quantity, role == .rate || role == .change,
                          isAnnual(claim) {
                    change.rate = index
                    change.annual = true
                } else if change.to != nil, change.delta == nil, role == .change,
                          claim.kind == .quantity && (from.kind == .quantity || claim.pointsOf == .percent) {
                    change.delta = index
                    if change.direction == nil { change.direction = claim.predicate.flatMap(ChangeDirection.init(word:)) }
                } else if change.to != nil, change.rate == nil, claim.kind == .percent, from.kind == .quantity, role == .rate || role == .change,
                          !Predicate.shares.contains(claim.predicate ?? ""), isRate(claim, of: from) {
                    change.rate = index
                } else {
                    continue
                }
                change.end = claim.end
                current = change
            }
            close()
        }
        return changes
    }

    /// Whether a percent is the rate of the change from `from`: the change starts from a non-zero
    /// value, and the percent names no subject of its own (`减幅达39.54%`) or the change's subject, and
    /// is not an average over years (`年均增长20.26%`).
    private func isRate(_ claim: Claim, of from: Claim) -> Bool {
        let clause = readings.readings[claim.id].clauseStart
        let prefix = readings.source.foldedText(Span(start: clause, end: claim.start))
        guard !["年均", "平均", "每年"].contains(where: prefix.holds), from.value != 0 else { return false }
        guard let own = claim.subject, let subject = from.subject else { return true }
        return own == subject || own.holds(subject) || subject.holds(own)
    }

    /// Five-year plans and their first years.
    static let planPeriods = [("十一五", 2006), ("十二五", 2011), ("十三五", 2016), ("十四五", 2021), ("十五五", 2026)]
        .map { (name: Array($0.0.unicodeScalars), first: $0.1) }

    private func statementHolds(_ word: [Unicode.Scalar], around claim: Claim) -> Bool {
        let start = readings.source.runStart(before: claim.start, limit: 200, stop: Readings.endsStatement)
        return WordSearch.holds(readings.source.folded[start..<claim.start], word)
    }

    /// A quantity or percent right after `由` or `从`, or after `从2015年的`.
    func isChangeStart(_ claim: Claim) -> Bool {
        guard claim.start > 0, claim.kind == .quantity || claim.kind == .percent else { return false }
        let before = dated(claim).map { $0.wordsEnd } ?? claim.start
        guard before > 0 else { return false }
        return readings.source.folded[before - 1] == "由" || readings.source.folded[before - 1] == "从"
    }

    /// The year a level is dated with (`2015年的2007万元`, `2020年末的2468万元`), and where the words before the
    /// date end.
    func dated(_ claim: Claim) -> (year: Int, wordsEnd: Int)? {
        let text = readings.source.folded
        var end = claim.start
        guard end > 5, text[end - 1] == "的" else { return nil }
        end -= 1
        if text[end - 1] == "末" || text[end - 1] == "底" { end -= 1 }
        guard text[end - 1] == "年" else { return nil }
        end -= 1
        guard end >= 4, text[(end - 4)..<end].allSatisfy(isASCIIDigit), end == 4 || !isASCIIDigit(text[end - 5]) else { return nil }
        return (text[(end - 4)..<end].reduce(0) { $0 * 10 + Int($1.value - 48) }, end - 4)
    }

    /// The change word before a dated level (`上升到2020年的2468万元` → `上升到`), when it says the value after a change.
    private func datedTarget(_ claim: Claim) -> String? {
        guard let date = dated(claim) else { return nil }
        let clause = readings.readings[claim.id].clauseStart
        guard date.wordsEnd > clause, let found = Predicate.find(in: Array(readings.source.folded[clause..<date.wordsEnd])),
              found.role == .changeTarget else { return nil }
        return found.word
    }

    /// A rate averaged over years: `年均增长4.22%`, `年平均增长`, `平均每年增长`.
    private func isAnnual(_ claim: Claim) -> Bool {
        let clause = readings.readings[claim.id].clauseStart
        let prefix = readings.source.foldedText(Span(start: clause, end: claim.start))
        return ["年均", "年平均", "平均每年", "每年平均"].contains(where: prefix.holds)
    }
}
