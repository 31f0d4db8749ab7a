import GongwenModel
import GongwenText

/// `由A…到B`, then `减少C` and `减幅r%` in the same sentence; a new `由`/`从` starts a new change.
///
/// `建制村由2177优化1316个,减少861个,减幅达39.54%` → change {from 2177, to 1316个, delta 861个, rate 39.54%}.
struct FromToLinker {
    let readings: Readings

    func changes() -> [Change] {
        var changes: [Change] = []
        let claims = readings.claims
        for statement in readings.byStatement() {
            var current: Change?
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
                    continue
                }
                guard var change = current else { continue }
                let role = claim.predicate.flatMap { word in Predicate.find(in: Array(word.unicodeScalars))?.role }
                let from = claims[change.from!]
                if change.to == nil, role == .changeTarget, claim.kind == from.kind {
                    change.to = index
                    change.direction = claim.predicate.flatMap(Predicate.direction(of:))
                } else if change.to != nil, change.delta == nil, role == .change,
                          claim.kind == .quantity && (from.kind == .quantity || claim.unit == "百分点" || claim.unit == "个百分点") {
                    change.delta = index
                    if change.direction == nil { change.direction = claim.predicate.flatMap(Predicate.direction(of:)) }
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

    /// A quantity or percent right after `由` or `从`.
    func isChangeStart(_ claim: Claim) -> Bool {
        guard claim.start > 0, claim.kind == .quantity || claim.kind == .percent else { return false }
        let before = readings.source.folded[claim.start - 1]
        return before == "由" || before == "从"
    }
}
