import Foundation

/// Exact decimal arithmetic the grammar needs beyond `+` and `*`.
enum Exact {
    /// 0.5, built from digits (a float literal would go through `Double`).
    static let half = Decimal(sign: .plus, exponent: -1, significand: 5)

    /// `10^exponent` as an exact decimal.
    @inline(__always) static func power10(_ exponent: Int) -> Decimal {
        Decimal(sign: .plus, exponent: exponent, significand: 1)
    }

    /// `numerator / denominator`: exact when the quotient terminates, else rounded to 10 places.
    static func quotient(_ numerator: Decimal, _ denominator: Decimal) -> Decimal {
        let quotient = numerator / denominator
        if quotient * denominator == numerator { return quotient }
        return rounded(quotient, places: 10)
    }

    static func rounded(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// `base^exponent` for an integer exponent; negative exponents divide.
    static func power(_ base: Decimal, _ exponent: Int) -> Decimal? {
        if exponent >= 0 { return pow(base, exponent) }
        let divisor = pow(base, -exponent)
        return divisor == 0 ? nil : quotient(1, divisor)
    }
}

/// An exact number for the grammar's arithmetic: a machine integer while the value is a whole
/// number that fits, a `Decimal` otherwise. Most numerals in a document (`139`, `一千三百一十六`,
/// `1.84万`) stay on the fast integer path.
enum ExactNumber {
    case integer(Int)
    case decimal(Decimal)

    static let zero = ExactNumber.integer(0)

    @inline(__always) init(_ integer: Int) {
        self = .integer(integer)
    }

    @inline(__always) init(_ decimal: Decimal) {
        self = .decimal(decimal)
    }

    /// The value when it is held as a machine integer.
    var integer: Int? {
        if case .integer(let value) = self { return value }
        return nil
    }

    var decimal: Decimal {
        switch self {
        case .integer(let value): return Decimal(value)
        case .decimal(let value): return value
        }
    }

    var isZero: Bool {
        switch self {
        case .integer(let value): return value == 0
        case .decimal(let value): return value == 0
        }
    }

    @inline(__always) static func + (lhs: ExactNumber, rhs: ExactNumber) -> ExactNumber {
        if case .integer(let left) = lhs, case .integer(let right) = rhs {
            let (sum, overflow) = left.addingReportingOverflow(right)
            if !overflow { return .integer(sum) }
        }
        return .decimal(lhs.decimal + rhs.decimal)
    }

    @inline(__always) static func += (lhs: inout ExactNumber, rhs: ExactNumber) {
        lhs = lhs + rhs
    }

    /// The number times `10^exponent`; exponents up to 18 stay on the integer path.
    func scaled(by exponent: Int) -> ExactNumber {
        if case .integer(var product) = self, exponent >= 0, exponent <= 18 {
            var overflow = false
            for _ in 0..<exponent where !overflow {
                (product, overflow) = product.multipliedReportingOverflow(by: 10)
            }
            if !overflow { return .integer(product) }
        }
        return .decimal(decimal * Exact.power10(exponent))
    }
}
