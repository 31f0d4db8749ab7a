/// Classes of scalars every stage asks about, in one place: digits, letters, Han characters,
/// spaces, quotes, and where sentences and clauses end. In the folded view full-width forms are
/// already ASCII (`，` is `,`), so the ASCII tests cover both.
///
/// `ScalarClass.isHan("社")` is true; `ScalarClass.endsSentence("。")` is true,
/// `ScalarClass.endsClause("，")` too; `ScalarClass.isPunctuation("、")` is true.
public enum ScalarClass {
    @inlinable @inline(__always)
    public static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x30 < 10
    }

    @inlinable @inline(__always)
    public static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value | 0x20) &- 0x61 < 26
    }

    @inlinable @inline(__always)
    public static func isFullWidthDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0xFF10 < 10
    }

    /// CJK ideographs (the unified blocks and their extensions, the compatibility block).
    @inlinable @inline(__always)
    public static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0xF900 && value <= 0xFAFF) || (value >= 0x20000 && value <= 0x3134F)
    }

    /// A space or tab inside a line.
    @inlinable @inline(__always)
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t"
    }

    /// Unicode's White_Space, without a table look-up for ASCII and for what lies above U+3000
    /// (no white space does: Chinese characters and punctuation are answered at once).
    @inlinable @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value &- 0x09) < 5 }
        if value > 0x3000 { return false }
        return scalar.properties.isWhitespace
    }

    /// Foundation's `CharacterSet.whitespaces` (on Linux): tab, the space separators (Unicode's Zs)
    /// and the zero-width space U+200B, as `\t`, ` `, U+00A0 and the ideographic space `　` (U+3000);
    /// not line breaks.
    @inlinable @inline(__always)
    public static func isLineWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// 〇 and ○: zeros used in digit-by-digit writing (`二〇二二`, `二○二○年`).
    @inlinable @inline(__always)
    public static func isCircleZero(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "〇" || scalar == "○"
    }

    /// The closing mark of an opening quotation mark: `“三个强化”`, `‘三会’`, `「…」`.
    @inlinable @inline(__always)
    public static func closingQuote(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "“": return "”"
        case "‘": return "’"
        case "「": return "」"
        case "『": return "』"
        default: return nil
        }
    }

    /// Where a sentence ends: `。`, `;`, `!`, `?` (and their full-width forms) and line breaks.
    @inlinable @inline(__always)
    public static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "；", ";", "！", "？", "!", "?", "\n", "\r": return true
        default: return false
        }
    }

    /// Where a clause of a number's context ends: commas, colons and sentence ends (`、` does not:
    /// it separates the items of one list, `6个乡、116个镇`).
    @inlinable @inline(__always)
    public static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ":", "，", "：": return true
        default: return endsSentence(scalar)
        }
    }

    /// Sentence-internal and sentence-final punctuation in the folded view: `。,;:!?、“”《》"`.
    @inlinable @inline(__always)
    public static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", ",", ";", ":", "!", "?", "、", "“", "”", "《", "》", "\"": return true
        default: return false
        }
    }
}

/// Whether a scalar is `0`…`9` (in the folded view, full-width digits are these too).
@inlinable @inline(__always)
public func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isASCIIDigit(scalar) }

/// Whether a scalar is a CJK ideograph.
@inlinable @inline(__always)
public func isCJK(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isHan(scalar) }

/// Sentence-internal and sentence-final punctuation in the folded view.
@inlinable @inline(__always)
public func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { ScalarClass.isPunctuation(scalar) }
