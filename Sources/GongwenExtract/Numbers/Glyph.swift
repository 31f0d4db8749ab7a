/// What one scalar of the folded view means to the number grammar: a Chinese digit (`三`, `叁`,
/// `〇`), a place word (`十 百 千`), a scale word (`万 亿 兆`), the tens words `廿 卅 卌`, the
/// decimal point `点`, the sign `负` or half `半`. Looked up in one table of the Basic
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
        switch value {
        case 0x3007, 0x96F6, 0x25CB: return .digit0  // 〇零○
        case 0x4E00, 0x58F9: return .digit1  // 一壹
        case 0x4E8C, 0x8D30, 0x8CB3, 0x8CAE, 0x4E24, 0x5169, 0x4FE9, 0x5006: return .digit2  // 二贰貳貮两兩俩倆
        case 0x4E09, 0x53C1, 0x53C3, 0x53C2, 0x53C4: return .digit3  // 三叁參参叄
        case 0x56DB, 0x8086: return .digit4  // 四肆
        case 0x4E94, 0x4F0D: return .digit5  // 五伍
        case 0x516D, 0x9646, 0x9678: return .digit6  // 六陆陸
        case 0x4E03, 0x67D2: return .digit7  // 七柒
        case 0x516B, 0x634C: return .digit8  // 八捌
        case 0x4E5D, 0x7396: return .digit9  // 九玖
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

/// Classes of scalars the number grammar asks about around a number.
enum ScalarClass {
    /// Financial digits that are also ordinary words (`队伍`, `收拾`, `放肆`, `大陆`, `参加`):
    /// read as digits only inside a longer numeral, never alone.
    @inline(__always) static func isAmbiguousFinancial(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "伍", "陆", "陸", "拾", "肆", "参", "參": return true
        default: return false
        }
    }

    /// 〇 and ○: zeros used in digit-by-digit writing (`二〇二二`).
    @inline(__always) static func isCircleZero(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "〇" || scalar == "○"
    }

    @inline(__always) static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x30 < 10
    }

    @inline(__always) static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value | 0x20) &- 0x61 < 26
    }

    @inline(__always) static func isFullWidthDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0xFF10 < 10
    }

    /// CJK ideographs (the unified blocks and their extensions).
    @inline(__always) static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0xF900 && value <= 0xFAFF) || (value >= 0x20000 && value <= 0x3134F)
    }

    /// Where a word ends: anything that is neither a Han character, a digit glyph nor an ASCII
    /// letter or digit — punctuation, spaces, line breaks, quotes, brackets.
    @inline(__always) static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        !(isHan(scalar) || isASCIIDigit(scalar) || isASCIILetter(scalar) || Glyph.of(scalar) != .none)
    }

    @inline(__always) static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    /// Opening quotation marks of a label: `“三个强化”`, `‘三会’`, `「…」`.
    @inline(__always) static func closingQuote(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "“": return "”"
        case "‘": return "’"
        case "「": return "」"
        case "『": return "』"
        default: return nil
        }
    }

    /// Where a sentence ends for the unit post-pass: `。；;！？!?` and line breaks.
    @inline(__always) static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "；", ";", "！", "？", "!", "?", "\n", "\r": return true
        default: return false
        }
    }

    /// Where a clause ends inside a sentence: commas, colons and sentence ends.
    @inline(__always) static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ":", "，", "：": return true
        default: return endsSentence(scalar)
        }
    }
}
