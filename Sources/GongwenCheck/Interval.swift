import Foundation
import GongwenModel

/// The values a printed number can stand for: a closed interval of exact decimals, unbounded on a
/// side where `lower` or `upper` is `nil`. The arithmetic rules recompute a statement on intervals,
/// so that what rounding of the operands can produce holds.
///
/// `861个` is [861, 861] (counts are counted); `52.04万件` is [520350, 520450] (±½ of its last printed
/// digit, 100); `150余名` is [150, +∞); `近5万` is (−∞, 50000]. The ends are closed: a value exactly
/// half a unit away rounds either way depending on the rounding mode, so it is given the benefit.
public struct Interval: Sendable, Equatable, CustomStringConvertible {
    /// The lower end; `nil` is −∞.
    public var lower: Decimal?
    /// The upper end; `nil` is +∞.
    public var upper: Decimal?

    public init(lower: Decimal?, upper: Decimal?) {
        self.lower = lower
        self.upper = upper
    }

    /// A value known exactly: [v, v].
    public static func exact(_ value: Decimal) -> Interval {
        Interval(lower: value, upper: value)
    }

    /// A value printed to `step` (the value of one unit of its last printed digit): [v − step/2, v + step/2].
    /// An exact value has no step.
    public init(value: Decimal, step: Decimal?) {
        let half = (step ?? 0) / 2
        self.init(lower: value - half, upper: value + half)
    }

    /// How wide an `about` claim (`约`, `左右`, `上下`) is at least: ±10% of its value.
    public static let aboutShare: Decimal = Decimal(string: "0.1")!
    static let oneHalf = Decimal(sign: .plus, exponent: -1, significand: 5)

    /// The interval a claim stands for: its printed precision (`Claim.step`); from its value up for an
    /// at-least qualifier (`150余名`, `超3万`), up to its value for an at-most one (`近5万`); at least
    /// ±10% for `约`/`左右`. A range (`300—500户`) covers both its ends.
    public init(claim: Claim) {
        let high = claim.upper ?? claim.value
        // An exact count (no step, no qualifier: most claims) is its own interval, with no Decimal arithmetic.
        if claim.step == nil, claim.qualifier == nil {
            self.init(lower: claim.value, upper: high)
            return
        }
        // Times one half rather than divided by two: Decimal's division is its slowest operation.
        let half = (claim.step ?? 0) * Self.oneHalf
        switch claim.qualifier {
        case .atLeast?:
            self.init(lower: claim.value, upper: nil)
        case .atMost?:
            self.init(lower: nil, upper: high)
        case .about?:
            self.init(lower: claim.value - max(half, abs(claim.value) * Self.aboutShare), upper: high + max(half, abs(high) * Self.aboutShare))
        case nil:
            self.init(lower: claim.value - half, upper: high + half)
        }
    }

    /// The sum of the claims' intervals: `52.04万 + 3.1万` is [55.135万, 55.145万].
    public static func sum(of claims: some Sequence<Claim>) -> Interval {
        claims.reduce(.exact(0)) { $0 + Interval(claim: $1) }
    }

    /// Whether `value` lies in the interval.
    public func contains(_ value: Decimal) -> Bool {
        (lower.map { $0 <= value } ?? true) && (upper.map { value <= $0 } ?? true)
    }

    /// Whether the two intervals share a value: the test a statement passes when its stated value
    /// could be what rounding of the operands produces.
    public func meets(_ other: Interval) -> Bool {
        let belowOther = upper.flatMap { high in other.lower.map { high < $0 } } ?? false
        let aboveOther = lower.flatMap { low in other.upper.map { low > $0 } } ?? false
        return !belowOther && !aboveOther
    }

    /// How far `value` lies outside the interval (0 inside it).
    public func distance(to value: Decimal) -> Decimal {
        if let lower, value < lower { return lower - value }
        if let upper, value > upper { return value - upper }
        return 0
    }

    public static func + (lhs: Interval, rhs: Interval) -> Interval {
        Interval(lower: lhs.lower.flatMap { a in rhs.lower.map { a + $0 } }, upper: lhs.upper.flatMap { a in rhs.upper.map { a + $0 } })
    }

    public static func - (lhs: Interval, rhs: Interval) -> Interval {
        Interval(lower: lhs.lower.flatMap { a in rhs.upper.map { a - $0 } }, upper: lhs.upper.flatMap { a in rhs.lower.map { a - $0 } })
    }

    /// The interval times a non-negative interval (a count, an average): both ends of `rhs` must be
    /// known and not negative, and so must `self`'s lower end; otherwise `nil`.
    public func times(_ rhs: Interval) -> Interval? {
        guard let a = lower, a >= 0, let c = rhs.lower, c >= 0, let d = rhs.upper else { return nil }
        return Interval(lower: a * c, upper: upper.map { $0 * d })
    }

    /// The interval divided by a strictly positive interval; `nil` when `rhs` may be zero or negative
    /// or is unbounded above.
    public func divided(by rhs: Interval) -> Interval? {
        guard let c = rhs.lower, c > 0, let d = rhs.upper else { return nil }
        let low = lower.map { $0 >= 0 ? $0 / d : $0 / c }
        let high = upper.map { $0 >= 0 ? $0 / c : $0 / d }
        return Interval(lower: low, upper: high)
    }

    /// The interval scaled by a positive constant: `ratio.scaled(by: 100)` is a percent.
    public func scaled(by factor: Decimal) -> Interval {
        Interval(lower: lower.map { $0 * factor }, upper: upper.map { $0 * factor })
    }

    public var description: String {
        "[\(lower.map { "\($0)" } ?? "−∞"), \(upper.map { "\($0)" } ?? "+∞")]"
    }
}

extension Claim {
    /// The value of one unit of the last printed digit, as the checker reads it: the extractor's
    /// `resolution`, and for a percent, permille or ratio written as an integer (`91%`) one whole
    /// point, since a share is always the rounded result of a division. `nil` for an exact count.
    public var step: Decimal? {
        resolution ?? (kind == .quantity ? nil : 1)
    }
}

/// How a stated value compares with its recomputation, by the precision contract of `docs/rules.md`.
///
/// `减幅39.54%` against 861/2177 = 39.5498… is `truncated` (the exact quotient cut at two places, not
/// rounded); `减幅30.5%` against 61/200 = 30.5 `holds`.
public enum Verdict: Sendable, Equatable {
    /// The stated value's interval meets the recomputed one.
    case holds
    /// The stated value is the exact recomputation truncated at the stated precision.
    case truncated
    /// Off by at most one unit of the stated value's last printed digit.
    case nearMiss
    /// Farther off than rounding explains.
    case mismatch

    /// Judges `stated` against the interval recomputed from the operands' intervals and the exact
    /// recomputation from their printed values.
    public static func judge(_ stated: Claim, recomputed: Interval, exact: Decimal) -> Verdict {
        if Interval(claim: stated).meets(recomputed) { return .holds }
        let unit = stated.step ?? 1
        if !stated.isApproximate, stated.step != nil, Decimal.truncated(exact, step: unit) == stated.value { return .truncated }
        if !stated.isApproximate, recomputed.distance(to: stated.value) <= unit { return .nearMiss }
        return .mismatch
    }

    /// The severity of a finding with this verdict; `nil` when the statement holds.
    public var severity: Severity? {
        switch self {
        case .holds: return nil
        case .truncated: return .info
        case .nearMiss: return .warning
        case .mismatch: return .error
        }
    }
}

extension Decimal {
    /// `value` cut toward zero to a multiple of `step` (a power of ten): 39.5498 at 0.01 is 39.54.
    static func truncated(_ value: Decimal, step: Decimal) -> Decimal {
        quantized(value, step: step, mode: .down)
    }

    /// `value` rounded half away from zero to a multiple of `step`: 39.5498 at 0.01 is 39.55.
    static func rounded(_ value: Decimal, step: Decimal) -> Decimal {
        quantized(value, step: step, mode: .plain)
    }

    private static func quantized(_ value: Decimal, step: Decimal, mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var quotient = abs(value) / step
        var whole = Decimal()
        NSDecimalRound(&whole, &quotient, 0, mode)
        let result = whole * step
        return value < 0 ? -result : result
    }

    /// The number of decimal places `step` stands for: 2 for 0.01, 0 for 1 or 100.
    static func places(of step: Decimal?) -> Int {
        guard let step, step < 1, step > 0 else { return 0 }
        var places = 0
        var unit = step
        while unit < 1, places < 12 {
            unit *= 10
            places += 1
        }
        return places
    }

    /// `value` rounded half away from zero to `places` decimals: 39.549839… at 4 is 39.5498.
    static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// The value written for a message: rounded to `places` decimals, without trailing zeros.
    static func written(_ value: Decimal, places: Int) -> String {
        "\(rounded(value, places: places))"
    }
}
