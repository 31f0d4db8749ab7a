import GongwenModel
import GongwenText

/// A level and its change over an earlier period in the same statement: the amount (`比上年增加1894元`)
/// and the rate (`增长9.3%`) that follow a named value and name nothing of their own.
///
/// `全年城镇居民人均可支配收入22258元，比上年增加1894元，增长9.3%` → change {to 22258元, delta 1894元,
/// rate 9.3%, increase}; `粮食产量X万吨，比上年增加D万吨，增产r%` alike. `规模以上工业增加值增长10.0%`
/// after `全部工业增加值816.84亿元` names its own subject and is no rate of it.
struct LevelChangeLinker {
    let readings: Readings

    /// How far after its level a change may stand: `比上年同期增加1894元，增长` and a little more.
    static let reach = 24

    /// Differences from the plan or budget, said as comparisons (`超收`, `短收`).
    static let planDifferences = WordList(["超收", "短收"])

    /// `其中` between a level and a change: the change is of something the words after it name.
    static let among = Array("其中".unicodeScalars)

    func changes(skipping used: Set<Int>) -> [Change] {
        var changes: [Change] = []
        for statement in readings.byStatement() {
            var current: Change?
            // The level, by index: claims are read in place, not copied.
            var level: Int?
            // The level before a bracket and its change, while the levels inside the bracket are read
            // (`公务用车购置及运行维护费2883万元（其中购置100万元，运行2783万元），比上年预算减少419万元`: the change is of 2883).
            var outer: (level: Int?, change: Change?)?
            var resume: Int?
            let claims = readings.claims
            let text = readings.source.folded
            func close() {
                if let change = current, change.delta != nil || change.rate != nil { changes.append(change) }
                current = nil
            }
            for index in statement {
                let reading = readings.readings[index]
                guard !used.contains(index), claims[index].kind != .ratio else { continue }
                // `实际完成53.68亿元，为年初预算的101.2%，比上年同期增加3.64亿元`: the plan's percent stands between a level
                // and its change.
                // `超收24.2亿元`: a difference from the plan, neither the earlier level nor the change over the last period.
                if claims[index].kind == .percent && reading.namesPlan
                    || reading.comparison && WordSearch.holdsAny(text[reading.clauseStart..<claims[index].start], Self.planDifferences) {
                    if level != nil { resume = claims[index].end }
                    continue
                }
                if let bracketed = outer, let inner = level,
                   let closing = text[claims[inner].end..<max(claims[inner].end, claims[index].start)].firstIndex(of: ")") {
                    close()
                    (level, current) = (bracketed.level, bracketed.change)
                    outer = nil
                    // The change is as near its level as the bracket's end is.
                    resume = closing + 1
                }
                if reading.isLevel {
                    if outer == nil, level != nil, Self.opensBracket(before: claims[index].start, in: text) {
                        outer = (level, current)
                        current = nil
                    }
                    close()
                    level = index
                    resume = nil
                    current = Change(from: nil, to: index, delta: nil, rate: nil, direction: nil, span: claims[index].span)
                    current?.realRate = readings.isReal(claims[index].id)
                    continue
                }
                let claim = claims[index]
                // `比上年同期196978万元增长13.38%`: the earlier level inside the comparison is the change's start.
                if reading.comparison, reading.verb == nil, !reading.rateOfChange, var change = current, let base = level.map({ claims[$0] }),
                   change.from == nil, change.delta == nil, claim.kind == base.kind, claim.unit == base.unit, reading.namesNothing {
                    change.from = index
                    current = change
                    continue
                }
                // The change follows its level closely, with no `其中` between (`…5增2降”，其中，有色金属矿采选业
                // 快速增长，同比增长23.9%` is a rate of something the words name, not of the count).
                let levelEnd = resume ?? level.map { claims[$0].end }
                let far = levelEnd.map { claim.start - $0 > Self.reach } ?? false
                let among = !far && levelEnd.map { WordSearch.holds(readings.source.folded[$0..<max($0, claim.start)], Self.among) } ?? false
                if reading.isChange, far || among { close(); level = nil; outer = nil; continue }
                guard reading.isChange, var change = current, let base = level.map({ claims[$0] }) else {
                    // A change that names its own subject ends the level's statements.
                    if !reading.isChange { close(); level = nil; outer = nil }
                    continue
                }
                let direction = reading.verb?.direction
                if claim.kind == .percent, change.rate == nil, base.kind == .quantity {
                    change.rate = index
                } else if claim.kind == .quantity, change.delta == nil, change.rate == nil, amounts(claim, base) {
                    change.delta = index
                } else {
                    close()
                    level = nil
                    outer = nil
                    continue
                }
                if change.direction == nil { change.direction = direction }
                change.end = claim.end
                current = change
            }
            close()
        }
        return changes
    }

    /// Whether a bracket is open before `position` in its statement (a `(` nearer than any `)`, `。` or 40 scalars).
    static func opensBracket(before position: Int, in text: [Unicode.Scalar]) -> Bool {
        var at = position - 1
        while at >= 0, position - at <= 40 {
            switch text[at] {
            case "(": return true
            case ")", "。": return false
            default: at -= 1
            }
        }
        return false
    }

    /// Whether `claim` can be the amount of a change of `base`: the same unit, or 百分点 for a percent.
    private func amounts(_ claim: Claim, _ base: Claim) -> Bool {
        if base.kind == .percent || base.kind == .permille { return claim.pointsOf == .percent }
        return claim.unit == base.unit
    }
}
