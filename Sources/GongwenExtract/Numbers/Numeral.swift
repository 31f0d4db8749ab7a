import Foundation
import GongwenModel

/// One numeral as the grammar reads it, before any context: digits, place and scale words, a
/// decimal part, a sign, a fraction — but no unit, no percent sign, no classification.
///
/// In `平均人口由1.84万人增加到2.71万人` the numerals are `1.84万` (value 18400, resolution 100)
/// and `2.71万`. In `百分之三十点五` the numeral is `三十点五` with `perExponent` 2 and
/// `perStart` at `百`; in `三分之一` it is the whole fraction.
public struct Numeral: Sendable, Equatable {
    /// How the numeral is written.
    public enum Form: String, Sendable {
        /// `139`, `1,819`, `0.5`, `.25`, `2e5`
        case arabic
        /// `一千三百一十六`, `壹佰伍拾`, `十九`
        case chinese
        /// Arabic digits with Chinese scale words: `1.84万`, `3万4000`
        case mixed
        /// Digit by digit: `二〇二二`, `一九九一`
        case digits
        /// `三分之一`, `3/5`, `一又二分之一`, `一半`
        case fraction
    }

    /// Offsets of the numeral itself (sign included, percent marker excluded), end exclusive.
    public var start: Int
    public var end: Int
    public var value: Decimal
    /// The upper end of an approximate numeral: `三五` → 3 and 5, `二三十` → 20 and 30.
    public var upper: Decimal?
    /// The value of one unit of the last printed digit when the number is not an integer written
    /// in full (`1.84万` → 100, `30.5` → 0.1); `nil` for `139` or `一千三百一十六`.
    public var resolution: Decimal?
    public var form: Form
    /// For `百分之…`, `千分之…`, `万分之…`: where the marker starts, and its power of ten (2, 3, 4).
    public var perStart: Int?
    public var perExponent: Int?
    /// A qualifier written inside the numeral: `十余万`, `一千多万`, `二十几万`, or the `about` of
    /// an approximate numeral (`三五`).
    public var qualifier: Qualifier?
    /// The qualifier as written inside the numeral (`余`, `多`, `几`).
    public var qualifierText: String? { qualifierScalar.map { String(Character($0)) } }
    var qualifierScalar: Unicode.Scalar?

    /// The value when it is a whole number that fits in `Int`: the fast path for comparisons.
    var integerValue: Int?
    /// Digits printed after the decimal point (`39.54` → 2).
    var fractionDigits = 0
    /// The power of ten of the scale words that close the numeral (`万` 4, `亿` 8, `万亿` 12).
    var scaleExponent = 0
    /// Number of digits of an Arabic integer written plainly (`2020914` → 7); 0 otherwise.
    var plainDigits = 0
    /// An Arabic integer that starts with `0` (`0827`, `000014349`).
    var hasLeadingZero = false
    /// Written `.25` with the leading digits lost.
    var hasLeadingDot = false
    /// A single Chinese character (`三`, `十`), read only where a measure word or context allows.
    var isLone = false

    /// The start of the text the numeral covers, its percent marker included.
    var textStart: Int { perStart ?? start }

    /// Whether the value is a whole number in `range`.
    func isInteger(in range: ClosedRange<Int>) -> Bool {
        integerValue.map(range.contains) ?? false
    }

    /// An Arabic integer with nothing else: no sign, separators, decimals or scale words.
    var isPlainInteger: Bool { plainDigits > 0 }
}
