import Foundation
import GongwenModel
import GongwenText

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

/// Numbers printed with more digits than a `Decimal` holds exactly (38 significant digits, an
/// exponent within ±127) have no value: they become identifiers — a digit string, not a quantity —
/// instead of a value that is cut (`1` × 10,000 read as its first 38 digits and zeros) or NaN
/// (`一` × 200).
///
/// `共有111…1人` with 50 ones is a mention of kind `identifier` with no value; `共有139人` is untouched.
enum Overflow {
    /// Significant digits a `Decimal` always holds exactly.
    static let exactDigits = 38
    /// Digits of any kind (leading zeros included) past which the exponent may overflow.
    static let longestNumeral = 120

    /// Turns the mentions whose value cannot be exact into identifiers with no value.
    static func demote(_ mentions: inout [NumberMention]) {
        for index in mentions.indices where !holdsExactly(mentions[index]) {
            mentions[index].kind = .identifier
            mentions[index].value = nil
            mentions[index].upper = nil
            mentions[index].resolution = nil
            mentions[index].parts = nil
            mentions[index].qualifier = nil
            mentions[index].qualifierText = nil
        }
    }

    /// Whether the mention's value, range and parts are finite and its digits few enough.
    static func holdsExactly(_ mention: NumberMention) -> Bool {
        // No array of the values is built: most mentions have one value and a short text.
        if mention.value?.isNaN == true || mention.upper?.isNaN == true || mention.resolution?.isNaN == true
            || mention.parts?.contains(where: \.isNaN) == true { return false }
        // A text of at most `exactDigits` bytes holds no more digits than that.
        if mention.text.utf8.count <= exactDigits { return true }
        let (significant, all) = digits(in: mention.text)
        return significant <= exactDigits && all <= longestNumeral
    }

    /// The significant digits (from the first one that is not zero) and all digits of `text`:
    /// Arabic, full-width and Chinese digits; place words (`十百千万`) are no digits.
    static func digits(in text: String) -> (significant: Int, all: Int) {
        var significant = 0
        var all = 0
        for scalar in text.unicodeScalars {
            let digit: Int?
            switch scalar.value {
            case 0x30...0x39: digit = Int(scalar.value - 0x30)
            case 0xFF10...0xFF19: digit = Int(scalar.value - 0xFF10)
            default: digit = ChineseNumerals.digit(scalar)
            }
            guard let digit else { continue }
            all += 1
            if significant > 0 || digit != 0 { significant += 1 }
        }
        return (significant, all)
    }
}
