import Foundation
import GongwenModel

/// The sum of claims as printed, with the half unit of each one's last digit it may be off by: what
/// a linker uses when arithmetic confirms a reading.
///
/// `91.68万人 + 165.55万人` sum to 257.23万 ± 100 (two halves of 0.01万).
struct PrintedSum {
    var value = Decimal(0)
    var slack = Decimal(0)

    init(_ indexes: [Int], of claims: [Claim]) {
        for index in indexes {
            value += claims[index].value
            slack += Self.half(claims[index])
        }
    }

    /// Half a unit of the claim's last printed digit: times one half rather than divided by two
    /// (Decimal's division is its slowest operation, and every sum a linker tries asks for it).
    static func half(_ claim: Claim) -> Decimal { (claim.resolution ?? 0) * oneHalf }
    static let oneHalf = Decimal(sign: .plus, exponent: -1, significand: 5)

    /// Whether the printed `claim` can be this sum: within both precisions.
    func meets(_ claim: Claim) -> Bool { (value - claim.value).magnitude <= slack + Self.half(claim) }

    /// Whether this sum exceeds the printed `claim` whatever the rounding.
    func exceeds(_ claim: Claim) -> Bool { value > claim.value + slack + Self.half(claim) }
}
