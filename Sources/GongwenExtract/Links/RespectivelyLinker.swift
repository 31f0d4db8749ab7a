import GongwenModel
import GongwenText

/// Levels listed first and their changes listed after `分别`, paired in order.
///
/// `全年接待游客2.0亿人次，实现旅游总收入2227.4亿元，比上年分别增长10.4%和9.1%` → changes {to 2.0亿人次, rate 10.4%}
/// and {to 2227.4亿元, rate 9.1%}; `营业收入和利润总额分别完成4672.8亿元和512.4亿元，分别增长9.6%和29.1%` alike. The
/// changes after `分别` are joined by `、`, `和`, `及`, `与` or a comma, each may say its own direction (`分别增长2.1%和下降
/// 3.5%`), and as many levels must stand right before them in the statement; otherwise nothing is paired, and
/// the changes are no change of the nearest level either (`城镇和农村居民人均可支配收入分别达35512元、25689元，
/// 分别增长7.8%` names one rate for two levels).
struct RespectivelyLinker {
    let readings: Readings

    static let respectively = Array("分别".unicodeScalars)
    /// What joins two changes of the list: `、`, `和`, `及`, `与`, a comma, a space.
    static let joiners: Set<Unicode.Scalar> = ["、", "和", "及", "与", ",", " "]

    /// The changes paired with their levels, and every claim of a `分别` list of changes (paired or not).
    func changes() -> (changes: [Change], listed: Set<Int>) {
        let claims = readings.claims
        let text = readings.source.folded
        var changes: [Change] = []
        var listed = Set<Int>()
        for statement in readings.byStatement() {
            var position = 0
            while position < statement.count {
                let first = statement[position]
                let previousEnd = position > 0 ? claims[statement[position - 1]].end : readings.readings[first].clauseStart
                guard readings.readings[first].isChange, previousEnd <= claims[first].start,
                      WordSearch.holds(text[previousEnd..<claims[first].start], Self.respectively) else {
                    position += 1
                    continue
                }
                // The changes of the list: claims of the first one's kind, each joined to the one before.
                var run = [first]
                var next = position + 1
                while next < statement.count, readings.readings[statement[next]].namesNothing,
                      claims[statement[next]].kind == claims[first].kind, joined(claims[run.last!].end, claims[statement[next]].start, text) {
                    run.append(statement[next])
                    next += 1
                }
                listed.formUnion(run)
                let levels = statement[max(0, position - run.count)..<position]
                if run.count >= 2, levels.count == run.count, zip(levels, run).allSatisfy({ level, change in
                    readings.readings[level].isLevel && claims[level].kind == .quantity && (claims[change].kind == .percent || claims[change].unit == claims[level].unit)
                }) {
                    // A level with no name of its own (`863.48亿元、351.27亿元和188.49亿元`) measures what the first one names.
                    let name = readings.readings[levels.first!].name
                    for (level, change) in zip(levels, run) {
                        let real = readings.isReal(level, name: readings.readings[level].namesNothing ? name : nil)
                        changes.append(pair(level, change, direction: direction(of: change, after: run[0]), real: real))
                    }
                }
                position = next
            }
        }
        return (changes, listed)
    }

    /// Whether two changes are items of one list: a joiner right after the first, and a few characters at most
    /// before the second (`和下降3.5%`: its own verb).
    private func joined(_ end: Int, _ start: Int, _ text: [Unicode.Scalar]) -> Bool {
        guard end <= start, start - end <= 8 else { return false }
        let between = text[end..<start]
        return between.first.map(Self.joiners.contains) ?? false
    }

    /// An item's own verb (`和下降3.5%`), else the list's.
    private func direction(of change: Int, after first: Int) -> ChangeDirection? {
        readings.readings[change].verb?.direction ?? readings.readings[first].verb?.direction
    }

    private func pair(_ level: Int, _ change: Int, direction: ChangeDirection?, real: Bool) -> Change {
        let claims = readings.claims
        let isRate = claims[change].kind == .percent
        var item = Change(from: nil, to: level, delta: isRate ? nil : change, rate: isRate ? change : nil, direction: direction,
                          span: Span(start: claims[level].start, end: claims[change].end))
        item.realRate = real
        return item
    }
}
