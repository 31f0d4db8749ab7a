import GongwenModel
import GongwenText

/// A budget's plan and the year's outturn it grows over, stated in different parts of a budget report.
///
/// A budget report first says what the year brought (`全市一般公共预算收入完成1748028万元，为预算的110.91%`), then what
/// the next year plans, with a rate and no base of its own (`全市一般公共预算收入安排1876000万元，增长7.3%`): the rate is
/// over the outturn of the same measure and scope. The plan is a level said with `安排` or `预计` (not `预计完成`), its
/// rate not said against a budget (`比2018年预算增长`); the outturn the nearest level before the plan's paragraph of the
/// same words (years, `预计完成`, `完成` set aside) said with `完成`, `执行` or `实现`, or followed by its percent of the
/// budget: a report of districts states each one's outturn before its plan. The change gains that outturn as its
/// `from`, marked `namedBase`.
struct OutturnLinker {
    let readings: Readings

    /// Words that end a plan's subject or open it.
    static let planEnds = ["安排"]
    static let planStarts = ["预计"]
    /// Words that end an outturn's subject.
    static let outturnEnds = ["预计完成", "完成", "执行", "实现"]

    /// `changes` with the outturn each plan's rate is over.
    func based(_ changes: [Change]) -> [Change] {
        let claims = readings.claims
        // The plans' rates with no base of their own, by the change's index: most documents have none.
        let plans = changes.indices.filter { index in
            let change = changes[index]
            guard change.from == nil, change.delta == nil, change.rate != nil, change.realRate != true, change.annual != true,
                  let to = change.to, let subject = claims[to].subject else { return false }
            return Self.isPlan(subject)
        }
        guard !plans.isEmpty else { return changes }
        // The outturns of each measure, by its words, in order.
        var outturns: [String: [Int]] = [:]
        for index in claims.indices where claims[index].kind == .quantity && claims[index].upper == nil && readings.readings[index].isLevel {
            guard let subject = claims[index].subject, isOutturn(index, subject: subject) else { continue }
            outturns[Self.measure(subject), default: []].append(index)
        }
        var based = changes
        for index in plans {
            let to = changes[index].to!, rate = changes[index].rate!
            let paragraph = readings.source.folded[..<claims[to].start].lastIndex(of: "\n") ?? -1
            // A rate said against the budget (`比2018年预算增长10.34%`) is over no outturn.
            guard !WordSearch.holds(readings.source.folded[claims[to].end..<claims[rate].start], "预算"),
                  let base = outturns[Self.measure(claims[to].subject!)]?.last(where: { claims[$0].end <= paragraph && claims[$0].unit == claims[to].unit })
            else { continue }
            based[index].from = base
            based[index].namedBase = true
        }
        return based
    }

    /// Whether the words before a level say it is planned: `…收入安排`, `预计…收入`.
    static func isPlan(_ subject: String) -> Bool {
        !subject.holds("完成") && (planEnds.contains(where: subject.endsWith) || planStarts.contains(where: subject.startsWith))
    }

    /// Whether a level is the year's outturn: said with `完成`, `执行` or `实现`, or followed by its percent of the budget.
    private func isOutturn(_ index: Int, subject: String) -> Bool {
        if Self.isPlan(subject) { return false }
        if Self.outturnEnds.contains(where: subject.endsWith) { return true }
        let claims = readings.claims
        let next = index + 1
        return next < claims.count && claims[next].sentence == claims[index].sentence && claims[next].kind == .percent
            && Claim.namesPlan(readings.readings[next].name)
    }

    /// The measure and scope a subject names: its years, brackets, plan and outturn words left out
    /// (`2018年全市一般公共预算收入完成` and `全市一般公共预算收入安排` are `全市一般公共预算收入`).
    static func measure(_ subject: String) -> String {
        var words = Substring(subject)
        if let open = words.firstIndex(of: "(") { words = words[..<open] }
        while let year = words.firstIndex(of: "年"), words.distance(from: words.startIndex, to: year) == 4,
              words[..<year].allSatisfy({ $0.isASCII && $0.isNumber }) {
            words = words[words.index(after: year)...]
        }
        for start in planStarts where words.hasPrefix(start) { words = words.dropFirst(start.count) }
        for end in outturnEnds + planEnds where words.hasSuffix(end) {
            words = words.dropLast(end.count)
            break
        }
        return String(words)
    }
}
