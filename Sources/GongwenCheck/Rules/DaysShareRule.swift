import Foundation
import GongwenModel
import GongwenText

/// `days.share`: a share of the year's days (`优良天数比例`, `达标率`) that its count of days does not give.
///
/// A count of days named `…天数` followed at once by a percent named a rate or share (`…率`, `比例`,
/// `占比`, `比重`) states that count over the days of the year: 365, or 366 in a leap year, so a percent
/// that neither gives is off (as is a count of more days than the year has). A statement that names a shorter period (`1-6月`, `上半年`, `一季度`) is
/// not read: its days are not the year's.
///
/// Real example that holds (银川市, 2025): `全年全市城市空气质量优良天数322天，优良天数比例88.2%` (322/365 = 88.22%);
/// with `优良天数比例86.2%` it reports `优良天数比例 86.2% 与 322/365 = 88.219% 不符(应为88.2%)`.
public struct DaysShareRule: RelationRule {
    public let id = "days.share"
    public let severity = Severity.warning
    public let title = "A share of the year's days that its count of days does not give"
    public let rationale = """
        Air-quality and similar indicators count days (`优良天数322天`) and state their share of the year \
        (`优良天数比例88.2%`): the count over 365 days, or 366 in a leap year. The rule accepts either year \
        length, on the percent's printed precision, and reads no statement that names a shorter period.
        """
    public let example = "`全年空气质量优良天数322天，优良天数比例86.2%` → 优良天数比例 86.2% 与 322/365 = 88.219% 不符(应为88.2%)"

    /// Words of a period shorter than a year.
    static let shorterPeriods = ["月", "季度", "半年", "周", "旬"]

    public init() {}

    public func relations(_ context: CheckContext) -> [StatedRelation] {
        instances(context).map { StatedRelation(kind: .rate, claims: [$0.days, $0.share]) }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        return instances(context).compactMap { instance in
            let days = claims[instance.days]
            let share = claims[instance.share]
            let recomputed = Interval(lower: days.value / 366 * 100, upper: days.value / 365 * 100)
            guard var found = arithmeticFinding(share, label: share.name ?? share.predicate ?? "比例", formula: "\(days.numeral)/365",
                                                recomputed: recomputed, exact: days.value / 365 * 100, evidence: [days]) else { return nil }
            found.severity = min(found.severity, severity)
            return found
        }
    }

    struct Instance {
        var days: Int
        var share: Int
    }

    func instances(_ context: CheckContext) -> [Instance] {
        let claims = context.document.claims
        let text = context.source.folded
        var found: [Instance] = []
        // The unit compared byte for byte: `==` on a Chinese unit compared canonical equivalents whenever the bytes differed.
        for index in claims.indices.dropLast() where claims[index].kind == .quantity && claims[index].unit?.sameUTF8("天") == true {
            let (days, next) = (claims[index], claims[index + 1])
            guard days.upper == nil, !days.isApproximate, days.value > 0,
                  (days.name ?? "").hasSuffix("天数"), next.kind == .percent, !next.isApproximate else { continue }
            let words = (next.name ?? "") + (next.predicate ?? "")
            guard ["率", "比例", "占比", "比重"].contains(where: words.holds) else { continue }
            // One statement from the count to the share, which names no shorter period.
            guard !text[days.end..<max(days.end, next.start)].contains(where: { $0 == "。" || $0 == "\n" }) else { continue }
            let start = context.source.runStart(before: days.start, limit: 200) { $0 == "。" || $0 == "\n" }
            let statement = text[start..<next.end]
            guard !Self.shorterPeriods.contains(where: { WordSearch.holds(statement, $0) }) else { continue }
            found.append(Instance(days: days.id, share: next.id))
        }
        return found
    }
}
