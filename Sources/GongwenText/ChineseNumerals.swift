/// The digit and unit characters of Chinese numerals, and small integers written with them.
///
/// `二十四` → 24, `二〇二二` → 2022 (digit by digit), `十一` → 11, `贰拾` → 20, `一百零五` → 105.
public enum ChineseNumerals {
    /// The value of a Chinese digit: 〇零一二两三四五六七八九, financial 壹贰叁肆伍陆柒捌玖 and their
    /// traditional forms.
    @inline(__always)
    public static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "〇", "零", "洞": return 0
        case "一", "壹", "幺": return 1
        case "二", "两", "贰", "貳", "兩": return 2
        case "三", "叁", "參", "叄": return 3
        case "四", "肆": return 4
        case "五", "伍": return 5
        case "六", "陆", "陸": return 6
        case "七", "柒": return 7
        case "八", "捌": return 8
        case "九", "玖": return 9
        default: return nil
        }
    }

    /// The multiplier of a unit character below 万: 十拾 10, 百佰 100, 千仟 1000.
    @inline(__always)
    public static func smallUnit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "十", "拾": return 10
        case "百", "佰": return 100
        case "千", "仟": return 1000
        default: return nil
        }
    }

    /// The multiplier of a scale word: 万萬 10⁴, 亿億 10⁸.
    @inline(__always)
    public static func scale(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "万", "萬": return 10_000
        case "亿", "億": return 100_000_000
        default: return nil
        }
    }

    public static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        digit(scalar) != nil || smallUnit(scalar) != nil || scale(scalar) != nil
    }

    /// The integer a run of Chinese numerals (or ASCII digits) writes, or `nil` when the run is not
    /// a well-formed integer. A run of digits only (`二〇二二`, `2022`) is read digit by digit.
    public static func integer<C: Collection>(_ scalars: C) -> Int? where C.Element == Unicode.Scalar {
        if scalars.isEmpty { return nil }
        if scalars.allSatisfy({ digit($0) != nil || ($0.value >= 48 && $0.value <= 57) }) {
            var value = 0
            for scalar in scalars {
                let d = digit(scalar) ?? Int(scalar.value - 48)
                let (product, overflow) = value.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                value = product + d
            }
            return value
        }
        var total = 0
        var section = 0
        var pending: Int?
        var lastSmallUnit = Int.max
        for scalar in scalars {
            if let d = digit(scalar) {
                if d == 0 {
                    pending = nil
                    continue
                }
                if pending != nil { return nil }
                pending = d
            } else if let unit = smallUnit(scalar) {
                // Only a leading 十 stands for 一十 (`十一`); `百十` is not a number.
                if unit >= lastSmallUnit || pending == nil && (unit != 10 || section != 0) { return nil }
                section += (pending ?? 1) * unit
                pending = nil
                lastSmallUnit = unit
            } else if let big = scale(scalar) {
                let value = section + (pending ?? 0)
                if value == 0 && total == 0 { return nil }
                if big == 10_000 {
                    total += value * big
                } else {
                    total = (total + value) * big
                }
                section = 0
                pending = nil
                lastSmallUnit = Int.max
            } else {
                return nil
            }
        }
        return total + section + (pending ?? 0)
    }
}

extension ChineseNumerals {
    /// The usual Chinese spelling of a positive integer below 10000, as headings and items write it:
    /// 3 → `三`, 10 → `十`, 12 → `十二`, 20 → `二十`, 105 → `一百零五`.
    public static func spelled(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0, value < 10_000 else { return String(value) }
        if value < 20 { return value < 10 ? digits[value] : "十" + (value == 10 ? "" : digits[value - 10]) }
        let units = [(1000, "千"), (100, "百"), (10, "十")]
        var out = ""
        var rest = value
        var zero = false
        for (unit, name) in units {
            let digit = rest / unit
            if digit > 0 {
                if zero { out += "零" }
                out += digits[digit] + name
                zero = false
            } else if !out.isEmpty {
                zero = true
            }
            rest %= unit
        }
        if rest > 0 { out += (zero ? "零" : "") + digits[rest] }
        return out
    }
}
