import GongwenModel
import GongwenText

/// A bare number that restates a count in the same clause takes that count's unit:
/// in `全市乡镇(街道)从200个优化到139`, `139` gets `个`; in `建制村由2177优化1316个`, `2177` gets
/// `个`; in `干部待遇由1500增加到2600元`, `1500` gets `元`.
///
/// Works sentence by sentence (sentences end at `。；;！？` and line breaks) and looks only in the
/// bare number's own clause (up to `,` `:`), taking the nearest quantity with a unit, the one
/// before it when two are as near. A list of numbers shares the unit written after its last one
/// (`分别为120，350，460人`). A scaled number (`533万`) keeps `nil`: its scale is no unit.
/// The walk looks at most `window` numbers each way, so a clause of thousands of bare numbers
/// costs linear time, not quadratic.
enum UnitInheritance {
    static let window = 64

    static func apply(to mentions: inout [NumberMention], in folded: [Unicode.Scalar]) {
        var inherited: [(index: Int, unit: String?, category: String?)] = []
        for index in mentions.indices where isBare(mentions, index) {
            let before = donor(for: index, step: -1, in: mentions, folded: folded)
            let after = donor(for: index, step: 1, in: mentions, folded: folded)
            let chosen: NumberMention?
            switch (before, after) {
            case (let before?, let after?): chosen = before.distance <= after.distance ? before.mention : after.mention
            case (let before?, nil): chosen = before.mention
            case (nil, let after?): chosen = after.mention
            case (nil, nil): chosen = nil
            }
            if let chosen { inherited.append((index, chosen.unit, chosen.unitCategory)) }
        }
        for (index, unit, category) in inherited {
            mentions[index].unit = unit
            mentions[index].unitCategory = category
        }
    }

    /// The nearest quantity with a unit in the clause of `mentions[index]`, walking in `step`.
    private static func donor(
        for index: Int, step: Int, in mentions: [NumberMention], folded: [Unicode.Scalar]
    ) -> (mention: NumberMention, distance: Int)? {
        let bare = mentions[index]
        var other = index + step
        var edge = step < 0 ? bare.start : bare.end
        var edgeIsBare = true
        while mentions.indices.contains(other), abs(other - index) <= window {
            let candidate = mentions[other]
            let gap = step < 0 ? min(candidate.end, edge)..<edge : edge..<max(edge, candidate.start)
            let listSeparator = step > 0 && edgeIsBare && gap.count == 1
                && (folded[gap.lowerBound] == "," || folded[gap.lowerBound] == "、")
            if !listSeparator, gap.contains(where: { ScalarClass.endsClause(folded[$0]) }) { return nil }
            if candidate.kind == .quantity, let unit = candidate.unit, unit != "百分点" {
                let distance = step < 0 ? bare.start - candidate.end : candidate.start - bare.end
                return (candidate, distance)
            }
            edge = step < 0 ? candidate.start : candidate.end
            edgeIsBare = isBare(mentions, other)
            other += step
        }
        return nil
    }

    /// Whether `mentions[index]` is a quantity with no unit: its fields read in place (a mention passed by value
    /// was copied, its strings retained and released, for every number).
    private static func isBare(_ mentions: [NumberMention], _ index: Int) -> Bool {
        mentions[index].kind == .quantity && mentions[index].unit == nil && mentions[index].resolution == nil
            && mentions[index].upper == nil && mentions[index].value != nil
    }
}
