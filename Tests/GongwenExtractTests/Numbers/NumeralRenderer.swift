import Foundation

/// Writes numbers the ways Chinese documents do, for round-trip tests of the grammar:
/// `1234` as `1,234`, `一千二百三十四`, `0.12万`; `100010000` as `一亿零一万`.
enum NumeralRenderer {
    static let digits: [String] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let places: [String] = ["", "十", "百", "千"]

    /// Arabic digits, with thousands separators when `grouped`, and `fraction` (digits) after a point.
    static func arabic(_ integer: Int, fraction: String = "", grouped: Bool = false) -> String {
        var text = String(integer)
        if grouped {
            var groupedText = ""
            for (offset, character) in text.enumerated() {
                if offset > 0, (text.count - offset) % 3 == 0 { groupedText.append(",") }
                groupedText.append(character)
            }
            text = groupedText
        }
        return fraction.isEmpty ? text : text + "." + fraction
    }

    /// The standard Chinese reading of `integer` (below 10^16): groups of four digits closed by
    /// `万` and `亿`, `零` for the zeros between nonzero digits, `十` instead of `一十` at the start.
    static func chinese(_ integer: Int, fraction: String = "") -> String {
        var text = integer == 0 ? "零" : upTo16(integer)
        if text.hasPrefix("一十") { text.removeFirst() }
        if !fraction.isEmpty {
            text += "点" + fraction.map { digits[Int(String($0))!] }.joined()
        }
        return text
    }

    /// `mantissa` with up to two decimals in Arabic digits and a scale word: `3.6万`, `1,100万`, `16.4亿`.
    static func mixed(_ mantissa: Int, decimals: Int, scale: String, grouped: Bool) -> String {
        let divisor = power10(decimals)
        let remainder = String(mantissa % divisor)
        let fraction = decimals == 0 ? "" : String(repeating: "0", count: decimals - remainder.count) + remainder
        return arabic(mantissa / divisor, fraction: fraction, grouped: grouped) + scale
    }

    private static func power10(_ exponent: Int) -> Int {
        (0..<exponent).reduce(1) { product, _ in product * 10 }
    }

    private static func upTo16(_ value: Int) -> String {
        scaled(value, unit: 100_000_000, word: "亿", below: upTo8)
    }

    private static func upTo8(_ value: Int) -> String {
        scaled(value, unit: 10_000, word: "万", below: group)
    }

    /// `value` split at a scale word: the part above it, the word, and the part below it, with
    /// `零` when the part below does not fill its highest place (`一万零五`, `三亿零二十万`).
    private static func scaled(_ value: Int, unit: Int, word: String, below: (Int) -> String) -> String {
        let high = value / unit
        let low = value % unit
        guard high > 0 else { return below(low) }
        var text = below(high) + word
        if low > 0 { text += (low < unit / 10 ? "零" : "") + below(low) }
        return text
    }

    /// One group of four digits, `1..<10000`: `一千零五`, `一千零五十`, `一百一十`.
    private static func group(_ value: Int) -> String {
        var text = ""
        var zero = false
        for place in stride(from: 3, through: 0, by: -1) {
            let digit = value / power10(place) % 10
            if digit == 0 {
                zero = !text.isEmpty
                continue
            }
            if zero { text += "零" }
            zero = false
            text += digits[digit] + places[place]
        }
        return text
    }
}
