import Foundation
import GongwenModel

/// The change of a sum is the sum of its parts' changes: when a total and every one of its parts
/// state their change by an amount, and the parts add up to the total, the amounts are a partition too.
///
/// `参加城镇职工基本养老保险198.58万人，比上年增加5.30万人，其中：在职人员158.71万人，增加3.27万人；离退休人员
/// 39.87万人，增加2.02万人` → 5.30万 = 3.27万 + 2.02万 (158.71万 + 39.87万 = 198.58万).
struct ChangePartitionLinker {
    let claims: [Claim]
    let changes: [Change]
    let partitions: [Breakdown]

    func breakdowns() -> [Breakdown] {
        var change: [Int: Change] = [:]
        for item in changes where item.from == nil && item.delta != nil {
            if let to = item.to { change[to] = item }
        }
        return partitions.compactMap { breakdown in
            guard breakdown.parts.count >= 2, let total = change[breakdown.total], let totalDelta = total.delta,
                  isComplete(breakdown) else { return nil }
            var parts: [Int] = []
            for part in breakdown.parts {
                // Every amount moves the same way as its total's, or all could not add up as stated.
                guard let item = change[part], let delta = item.delta, item.direction == total.direction,
                      claims[delta].unit == claims[totalDelta].unit else { return nil }
                parts.append(delta)
            }
            var derived = Breakdown(total: totalDelta, parts: parts, span: Span(start: claims[totalDelta].start, end: claims[parts.last!].end))
            derived.cue = breakdown.cue
            return derived
        }
    }

    /// Whether the parts add up to the total within their printed precision: then they are all of it.
    private func isComplete(_ breakdown: Breakdown) -> Bool {
        PrintedSum(breakdown.parts, of: claims).meets(claims[breakdown.total])
    }
}
