import GongwenModel
import GongwenText

/// A rate compared with another's, and the difference in points: `全州进出口总额129.90亿元，同比增长37.1%，增速高于全国
/// （3.8%）33.3个百分点` → a change {from 3.8%, to 37.1%, delta 33.3个百分点, up}: 37.1 − 3.8 = 33.3. `低于`/`慢于` say the
/// rate is the lower one. The rate compared is the nearest rate of change before the comparison in its statement outside
/// brackets (a share between is not: `增长10%，占全省的20%，增速高于全省（8%）2个百分点`; a second comparison, `，高于全疆（19.9%）17.2个百分点`, compares the same rate). The other's rate stands in
/// brackets right after the words naming it, or, when the comparison names the whole region (`乌恰县农林牧渔业总产值同比
/// 增长17.6%，增速高于全州11.9个百分点`), it is the rate stated before of the same measure with no place before its name
/// (`全州农林牧渔业总产值64.26亿元，…增长5.7%`). Rates said to fall (`下降3.4%`) are left alone: a change holds no sign.
struct ComparisonLinker {
    let readings: Readings
    /// The level each rate of change is of (`全州农林牧渔业总产值64.26亿元，…增长5.7%`: 5.7% names nothing itself).
    let levelOf: [Int: Int]

    init(readings: Readings, changes: [Change]) {
        self.readings = readings
        var levelOf: [Int: Int] = [:]
        for change in changes where change.from == nil {
            if let rate = change.rate, let level = change.to { levelOf[rate] = level }
        }
        self.levelOf = levelOf
    }

    /// Words that compare a rate with another: higher, faster; lower, slower.
    static let comparatives: [(word: [Unicode.Scalar], direction: ChangeDirection)] = [
        (Array("高于".unicodeScalars), .increase), (Array("快于".unicodeScalars), .increase),
        (Array("低于".unicodeScalars), .decrease), (Array("慢于".unicodeScalars), .decrease),
    ]
    /// How many scalars the words naming the other may take between the comparative and the bracket (`全国`, `全省平均`).
    static let reach = 10
    /// The whole regions a comparison may name without printing their rate.
    static let regions = ["全市", "全省", "全县", "全区", "全州", "全盟"].map { Array($0.unicodeScalars) }
    /// How many claims before a place's rate the region's is looked for.
    static let window = 400
    /// Last characters of a place's name before a measure (`乌恰县`, `阿图什市`).
    static let placeEnds: Set<Character> = ["县", "市", "区", "州", "旗", "盟", "镇", "乡"]

    func changes() -> [Change] {
        let claims = readings.claims
        let text = readings.source.folded
        var changes: [Change] = []
        for statement in readings.byStatement() {
            // The nearest rate outside brackets so far.
            var compared: Int?
            for (position, index) in statement.enumerated() {
                // The claim's fields read in place: binding `claims[index]` copied every claim (its strings retained and released).
                let (start, end) = (claims[index].start, claims[index].end)
                if let rate = compared, let direction = regionComparison(before: index, text: text), let other = regionRate(of: rate) {
                    changes.append(Change(from: other, to: rate, delta: index, rate: nil, direction: direction,
                                          span: Span(start: claims[rate].start, end: end)))
                    continue
                }
                guard claims[index].kind == .percent else { continue }
                guard let direction = comparison(before: start, text: text), text[end...].first == ")" else {
                    // Only a rate of change is compared in points here (`增速高于…`): a share in between (`占全省的20%`) is not.
                    if isGrowth(index) { compared = index }
                    continue
                }
                guard let rate = compared, !falls(rate), position + 1 < statement.count else { continue }
                let points = statement[position + 1]
                guard claims[points].pointsOf == .percent,
                      text[(end + 1)..<claims[points].start].allSatisfy({ $0 == " " }) else { continue }
                changes.append(Change(from: index, to: rate, delta: points, rate: nil, direction: direction,
                                      span: Span(start: claims[rate].start, end: claims[points].end)))
            }
        }
        return changes
    }

    /// Whether a percent is a rate of change: a change verb or rate word before it (`同比增长37.1%`, `增速5.2%`).
    private func isGrowth(_ index: Int) -> Bool {
        readings.readings[index].verb != nil || readings.readings[index].rateOfChange
    }

    /// Whether a rate is said to fall (`下降3.4%`): its value holds no sign.
    private func falls(_ index: Int) -> Bool {
        readings.readings[index].verb?.direction == .decrease
    }

    /// The direction a comparison with a whole region says right before an amount in points (`增速高于全州11.9个百分点`).
    private func regionComparison(before index: Int, text: [Unicode.Scalar]) -> ChangeDirection? {
        guard readings.claims[index].pointsOf == .percent else { return nil }
        let start = readings.claims[index].start
        for region in Self.regions where start >= region.count + 2 && text[(start - region.count)..<start].elementsEqual(region) {
            let at = start - region.count - 2
            return Self.comparatives.first { text[at..<(at + 2)].elementsEqual($0.word) }?.direction
        }
        return nil
    }

    /// The name a rate is read with: its own, else its level's.
    private func name(_ index: Int) -> String {
        let own = readings.readings[index].name
        return own.count >= 2 ? own : levelOf[index].map { readings.readings[$0].name } ?? ""
    }

    /// The whole region's rate of what a place's rate measures: `乌恰县农林牧渔业总产值` → the nearest rate before it named
    /// `农林牧渔业总产值`, not falling.
    private func regionRate(of rate: Int) -> Int? {
        guard !falls(rate) else { return nil }
        let compared = name(rate)
        var candidate = rate - 1
        while candidate >= 0, rate - candidate <= Self.window {
            let other = name(candidate)
            if readings.claims[candidate].kind == .percent, other.count >= 3, compared.count > other.count + 1, compared.hasSuffix(other),
               let end = compared.dropLast(other.count).last, Self.placeEnds.contains(end) {
                return falls(candidate) ? nil : candidate
            }
            candidate -= 1
        }
        return nil
    }

    /// The direction a comparative says when one stands before the bracket holding the rate at `start`
    /// (`高于全国（`), with a few words naming the other between.
    private func comparison(before start: Int, text: [Unicode.Scalar]) -> ChangeDirection? {
        guard start > 0, text[start - 1] == "(" else { return nil }
        var at = start - 1
        while at > 0, start - 1 - at <= Self.reach, isCJK(text[at - 1]) {
            at -= 1
            if let found = Self.comparatives.first(where: { at + $0.word.count <= start && text[at..<(at + $0.word.count)].elementsEqual($0.word) }) {
                return found.direction
            }
        }
        return nil
    }
}
