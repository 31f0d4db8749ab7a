import GongwenText

/// What one scalar of the folded view means to the number grammar: a Chinese digit (`三`, `叁`,
/// `〇`, read in `ChineseNumerals.digit`, the one digit table), a place word (`十 百 千`), a scale
/// word (`万 亿 兆`), the tens words `廿 卅 卌`, the decimal point `点`, the sign `负` or half `半`. Looked up in one table of the Basic
/// Multilingual Plane so that the hot loop pays one array read per scalar.
enum Glyph: UInt8 {
    case none = 0
    case digit0, digit1, digit2, digit3, digit4, digit5, digit6, digit7, digit8, digit9
    /// 十 拾, 百 佰, 千 仟: places inside a group of four digits.
    case ten, hundred, thousand
    /// 万 萬, 亿 億, 兆: scale words that close a group.
    case tenThousand, hundredMillion, trillion
    /// 廿 20, 卅 30, 卌 40.
    case twenty, thirty, forty
    /// 点 點: the Chinese decimal point.
    case point
    /// 负 負: minus.
    case negative
    /// 半: a half.
    case half

    /// The value of a digit glyph, `nil` for every other glyph.
    @inline(__always) var digit: Int? {
        rawValue >= Glyph.digit0.rawValue && rawValue <= Glyph.digit9.rawValue
            ? Int(rawValue - Glyph.digit0.rawValue) : nil
    }

    /// The power of ten of a place or scale word: 十 1, 百 2, 千 3, 万 4, 亿 8, 兆 12.
    @inline(__always) var exponent: Int? {
        switch self {
        case .ten: return 1
        case .hundred: return 2
        case .thousand: return 3
        case .tenThousand: return 4
        case .hundredMillion: return 8
        case .trillion: return 12
        default: return nil
        }
    }

    /// The value of 廿 卅 卌.
    @inline(__always) var tens: Int? {
        switch self {
        case .twenty: return 20
        case .thirty: return 30
        case .forty: return 40
        default: return nil
        }
    }

    /// A glyph that can be part of a Chinese numeral: digits, places, scales and tens words.
    @inline(__always) var isNumeral: Bool {
        rawValue >= Glyph.digit0.rawValue && rawValue <= Glyph.forty.rawValue
    }

    /// The glyph of a scalar. A `switch` over the code points, so that the hot loop needs no
    /// global table (whose lazy initialisation check would run on every scalar).
    @inline(__always) static func of(_ scalar: Unicode.Scalar) -> Glyph {
        let value = scalar.value
        guard value >= 0x25CB else { return .none }
        if let digit = ChineseNumerals.digit(scalar) { return Glyph(rawValue: Glyph.digit0.rawValue + UInt8(digit)) ?? .none }
        switch value {
        case 0x5341, 0x62FE: return .ten  // 十拾
        case 0x767E, 0x4F70: return .hundred  // 百佰
        case 0x5343, 0x4EDF: return .thousand  // 千仟
        case 0x4E07, 0x842C: return .tenThousand  // 万萬
        case 0x4EBF, 0x5104: return .hundredMillion  // 亿億
        case 0x5146: return .trillion  // 兆
        case 0x5EFF, 0x5344: return .twenty  // 廿卄
        case 0x5345: return .thirty  // 卅
        case 0x534C: return .forty  // 卌
        case 0x70B9, 0x9EDE: return .point  // 点點
        case 0x8D1F, 0x8CA0: return .negative  // 负負
        case 0x534A: return .half  // 半
        default: return .none
        }
    }
}

/// The classes of scalars only the number grammar asks about (the shared ones are in
/// `GongwenText.ScalarClass`).
extension ScalarClass {
    /// Financial digits that are also ordinary words (`队伍`, `收拾`, `放肆`, `大陆`, `参加`):
    /// read as digits only inside a longer numeral, never alone.
    @inline(__always) static func isAmbiguousFinancial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "伍", "陆", "陸", "拾", "肆", "参", "參": return true
        default: return false
        }
    }

    /// Where a word ends: anything that is neither a Han character, a digit glyph nor an ASCII
    /// letter or digit — punctuation, spaces, line breaks, quotes, brackets.
    @inline(__always) static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        !(isHan(scalar) || isASCIIDigit(scalar) || isASCIILetter(scalar) || Glyph.of(scalar) != .none)
    }
}
