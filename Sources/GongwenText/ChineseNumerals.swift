/// The digit and unit characters of Chinese numerals, and small integers written with them.
///
/// `二十四` → 24, `二〇二二` → 2022 (digit by digit), `十一` → 11, `贰拾` → 20, `一百零五` → 105.
public enum ChineseNumerals {
    /// The value of a Chinese digit: 〇○零一二两俩三四五六七八九, financial 壹贰叁参肆伍陆柒捌玖 and
    /// their traditional forms. The one digit table of the project: the number grammar's `Glyph`
    /// reads its digits here. `洞` and `幺` (0 and 1 read out over a radio) are words in running
    /// text (`山洞`), not digits.
    @inlinable @inline(__always)
    public static func digit(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x3007, 0x96F6, 0x25CB: return 0  // 〇零○
        case 0x4E00, 0x58F9: return 1  // 一壹
        case 0x4E8C, 0x8D30, 0x8CB3, 0x8CAE, 0x4E24, 0x5169, 0x4FE9, 0x5006: return 2  // 二贰貳貮两兩俩倆
        case 0x4E09, 0x53C1, 0x53C3, 0x53C2, 0x53C4: return 3  // 三叁參参叄
        case 0x56DB, 0x8086: return 4  // 四肆
        case 0x4E94, 0x4F0D: return 5  // 五伍
        case 0x516D, 0x9646, 0x9678: return 6  // 六陆陸
        case 0x4E03, 0x67D2: return 7  // 七柒
        case 0x516B, 0x634C: return 8  // 八捌
        case 0x4E5D, 0x7396: return 9  // 九玖
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
