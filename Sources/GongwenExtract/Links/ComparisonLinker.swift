import GongwenModel
import GongwenText

/// A rate compared with another's, both printed, and the difference in points: `全州进出口总额129.90亿元，同比增长
/// 37.1%，增速高于全国（3.8%）33.3个百分点` → a change {from 3.8%, to 37.1%, delta 33.3个百分点, up}: 37.1 − 3.8 = 33.3.
/// `低于`/`慢于` say the rate is the lower one. The rate compared is the nearest percent before the comparison in its
/// statement outside brackets (a second comparison, `，高于全疆（19.9%）17.2个百分点`, compares the same rate); the
/// other's rate stands in brackets right after the words naming it, the points right after the bracket.
struct ComparisonLinker {
    let readings: Readings

    /// Words that compare a rate with another: higher, faster; lower, slower.
    static let comparatives: [(word: [Unicode.Scalar], direction: ChangeDirection)] = [
        (Array("高于".unicodeScalars), .increase), (Array("快于".unicodeScalars), .increase),
        (Array("低于".unicodeScalars), .decrease), (Array("慢于".unicodeScalars), .decrease),
    ]
    /// How many scalars the words naming the other may take between the comparative and the bracket (`全国`, `全省平均`).
    static let reach = 10

    func changes() -> [Change] {
        let claims = readings.claims
        let text = readings.source.folded
        var changes: [Change] = []
        for statement in readings.byStatement() {
            // The nearest rate outside brackets so far.
            var compared: Int?
            for (position, index) in statement.enumerated() {
                let claim = claims[index]
                guard claim.kind == .percent else { continue }
                guard let direction = comparison(before: claim.start, text: text), text[claim.end...].first == ")" else {
                    compared = index
                    continue
                }
                guard let rate = compared, position + 1 < statement.count else { continue }
                let points = statement[position + 1]
                guard claims[points].unit.map({ $0.hasSuffix("百分点") }) == true,
                      text[(claim.end + 1)..<claims[points].start].allSatisfy({ $0 == " " }) else { continue }
                changes.append(Change(from: index, to: rate, delta: points, rate: nil, direction: direction,
                                      span: Span(start: claims[rate].start, end: claims[points].end)))
            }
        }
        return changes
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
