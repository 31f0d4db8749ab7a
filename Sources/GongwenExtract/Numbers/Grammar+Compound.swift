import Foundation
import GongwenModel
import GongwenText

extension Grammar {
    /// The unsigned body of a numeral: Arabic digits, Chinese numerals or both (`1.84万`,
    /// `一千三百一十六`, `3万4000`, `四十九兆九千五百九十二億`).
    enum Compound {
        case reading(Numeral)
        case skip(Int)
        case none
    }

    /// Reads a compound numeral at `start`: a run of Chinese digits (`二〇二二`, `三五`), else the
    /// elements `CompoundReader` reads one by one.
    func compound(at start: Int) -> Compound {
        guard let first = at(start) else { return .none }
        if Glyph.of(first).digit != nil, let run = digitRun(at: start) { return run }
        var reader = CompoundReader(grammar: self, start: start)
        reader.readAll()
        return reader.result()
    }

    /// A numeral of one Arabic run: an SI or exponent suffix (`40k`, `2e5`), or the digits as
    /// printed (`2020914` has 7 plain digits, `0825` a leading zero).
    func arabicNumeral(_ read: Numeral, run: ArabicRun) -> Numeral {
        var numeral = read
        numeral.hasLeadingDot = run.leadingDot
        if let suffix = arabicSuffix(after: numeral.end, value: numeral.value, fractionDigits: run.fractionDigits) {
            numeral.value = suffix.value
            numeral.end = suffix.end
            numeral.integerValue = nil
            numeral.resolution = suffix.resolution
            numeral.scaleExponent = suffix.scaleExponent
            return numeral
        }
        if run.fractionDigits == 0, !run.grouped, !run.leadingDot {
            numeral.plainDigits = run.integerDigits
            numeral.hasLeadingZero = run.leadingZero
        }
        return numeral
    }

    /// A leading `.` (`.25万条` with the digits before the point lost) is a point only where no
    /// digit, letter or other point touches it (`...9`, `2222.2222` are not).
    func leadingDotAllowed(at index: Int) -> Bool {
        guard let previous = at(index - 1) else { return true }
        return !(ScalarClass.isASCIIDigit(previous) || ScalarClass.isASCIILetter(previous) || previous == ".")
    }

    /// `两` counts things but is never a digit after the point: `一点两地` is not 1.2.
    private static func isLiang(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "两" || scalar == "兩" || scalar == "俩" || scalar == "倆"
    }

    /// Decimal digits after `点`: Chinese digits (`三三`, `零五零`) or Arabic ones (`零點77`).
    func decimalDigits(at start: Int) -> (value: Decimal, count: Int, end: Int)? {
        var digits = DigitAccumulator()
        var index = start
        if isDigit(index) {
            while let scalar = at(index), ScalarClass.isASCIIDigit(scalar) {
                digits.append(Int(scalar.value - 0x30))
                index += 1
            }
        } else {
            while let scalar = at(index), let digit = Glyph.of(scalar).digit, !Self.isLiang(scalar) {
                digits.append(digit)
                index += 1
            }
        }
        guard digits.count > 0 else { return nil }
        return (digits.decimal(exponent: -digits.count), digits.count, index)
    }

    /// A run of two or more Chinese digits with no place words: digit by digit (`二〇二二`,
    /// `一九九一`: four digits or a `〇`), approximate (`三五天`, `七八个`, `二三十`: two rising
    /// digits before a place word or a unit), or not a number (`九九`, `两两`, `十之八九`).
    /// `nil` when the run is a single digit.
    private func digitRun(at start: Int) -> Compound? {
        var index = start
        var digits = DigitAccumulator()
        var hasCircleZero = false
        while let scalar = at(index), let digit = Glyph.of(scalar).digit {
            digits.append(digit)
            hasCircleZero = hasCircleZero || ScalarClass.isCircleZero(scalar)
            index += 1
        }
        let length = index - start
        guard length >= 2 else { return nil }
        if length == 2, let low = glyph(start).digit, let high = glyph(start + 1).digit,
            low > 0, high > low, high - low <= 2
        {
            var end = index
            var exponent = 0
            if let place = glyph(end).exponent, place <= 3 {
                exponent = place
                end += 1
                if let scale = glyph(end).exponent, scale == 4 || scale == 8 {
                    exponent += scale
                    end += 1
                }
            }
            guard exponent > 0 || unitAfter(end, includingMoney: true) != nil else { return .skip(index) }
            var numeral = Numeral(
                start: start, end: end, value: Decimal(low) * Exact.power10(exponent),
                upper: Decimal(high) * Exact.power10(exponent), form: .chinese)
            numeral.qualifier = .about
            numeral.integerValue = low * (0..<exponent).reduce(1) { product, _ in product * 10 }
            return .reading(numeral)
        }
        guard length >= 4 || hasCircleZero || at(index) == "年" else { return .skip(index) }
        var numeral = Numeral(start: start, end: index, value: digits.decimal(exponent: 0), form: .digits)
        numeral.integerValue = digits.exact.integer
        return .reading(numeral)
    }

    /// `40k`, `100K` (and `3M`, `1.2G` when the input is known to be one number), `2e5`,
    /// `12.32e+14`, `2^5`, `1.1^+23` after an Arabic number.
    private func arabicSuffix(after end: Int, value: Decimal, fractionDigits: Int)
        -> (value: Decimal, end: Int, resolution: Decimal?, scaleExponent: Int)?
    {
        let spaced = skipSpaces(end)
        if let letter = at(spaced), !(at(spaced + 1).map { ScalarClass.isASCIILetter($0) || ScalarClass.isASCIIDigit($0) } ?? false) {
            let exponent: Int?
            switch letter {
            case "k", "K": exponent = 3
            case "M": exponent = whole ? 6 : nil
            case "G": exponent = whole ? 9 : nil
            default: exponent = nil
            }
            if let exponent {
                return (value * Exact.power10(exponent), spaced + 1, Exact.power10(exponent - fractionDigits), exponent)
            }
        }
        guard let marker = at(end), marker == "e" || marker == "E" || marker == "^" else { return nil }
        var index = end + 1
        var negative = false
        while let sign = at(index), sign == "+" || sign == "-" {
            if sign == "-" { negative.toggle() }
            index += 1
            if marker != "^", index > end + 2 { return nil }
        }
        var digits = DigitAccumulator()
        while let scalar = at(index), ScalarClass.isASCIIDigit(scalar), digits.count < 3 {
            digits.append(Int(scalar.value - 0x30))
            index += 1
        }
        guard digits.count > 0, !(at(index).map(ScalarClass.isASCIILetter) ?? false),
            let magnitude = Int(exactly: digits.small)
        else { return nil }
        let exponent = negative ? -magnitude : magnitude
        let result = marker == "^" ? Exact.power(value, exponent) : value * Exact.power10(exponent)
        guard let result, !result.isNaN else { return nil }
        return (result, index, nil, 0)
    }

    // MARK: - Arabic digits

    /// A run of Arabic digits: thousands separators (`1,819`; a full-width `，` only between
    /// full-width digits, as `４，５６５`), a decimal part, or a leading point (`.25`). In a
    /// dotted chain (`2222.2222.22222`) each part is read as an integer.
    struct ArabicRun {
        var end: Int
        var value: Decimal
        /// The value for the grammar's arithmetic (an integer while it fits).
        var exact: ExactNumber
        var integerDigits: Int
        var fractionDigits: Int
        var grouped: Bool
        var leadingDot: Bool
        var leadingZero: Bool
    }

    func arabicRun(at start: Int) -> ArabicRun? {
        var digits = DigitAccumulator()
        var index = start
        let leadingDot = at(index) == "."
        if leadingDot { index += 1 }
        let integerStart = index
        if !leadingDot {
            while let scalar = at(index), ScalarClass.isASCIIDigit(scalar) {
                digits.append(Int(scalar.value - 0x30))
                index += 1
            }
        }
        let integerDigits = index - integerStart
        var grouped = false
        if !leadingDot, integerDigits <= 3 {
            while at(index) == ",", isGroupSeparator(at: index) {
                for offset in 1...3 { digits.append(Int(s[index + offset].value - 0x30)) }
                index += 4
                grouped = true
            }
        }
        var fractionDigits = 0
        let inDottedChain = at(start - 1) == "." && isDigit(start - 2)
        if leadingDot || (at(index) == "." && isDigit(index + 1) && !inDottedChain) {
            var fraction = digits
            var cursor = leadingDot ? index : index + 1
            while let scalar = at(cursor), ScalarClass.isASCIIDigit(scalar) {
                fraction.append(Int(scalar.value - 0x30))
                cursor += 1
            }
            let dottedChain = !leadingDot && at(cursor) == "." && isDigit(cursor + 1)
            if !dottedChain {
                fractionDigits = fraction.count - digits.count
                digits = fraction
                index = cursor
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        return ArabicRun(
            end: index, value: digits.decimal(exponent: -fractionDigits),
            exact: fractionDigits == 0 ? digits.exact : ExactNumber(digits.decimal(exponent: -fractionDigits)),
            integerDigits: integerDigits,
            fractionDigits: fractionDigits, grouped: grouped, leadingDot: leadingDot,
            leadingZero: !leadingDot && integerDigits >= 2 && s[integerStart] == "0")
    }

    /// A `,` followed by exactly three digits is a thousands separator; a full-width `，` only
    /// between full-width digits (`４，５６５`), since in running text it separates clauses.
    private func isGroupSeparator(at index: Int) -> Bool {
        guard isDigit(index + 1), isDigit(index + 2), isDigit(index + 3), !isDigit(index + 4) else { return false }
        switch source[index] {
        case ",": return true
        case "，": return ScalarClass.isFullWidthDigit(source[index - 1]) && ScalarClass.isFullWidthDigit(source[index + 1])
        default: return false
        }
    }
}

/// Digits accumulated into an exact decimal: a machine integer while it fits, then `Decimal`.
struct DigitAccumulator {
    private(set) var small: UInt64 = 0
    private var large: Decimal?
    private(set) var count = 0

    mutating func append(_ digit: Int) {
        if large == nil, small <= (UInt64.max - 9) / 10 {
            small = small * 10 + UInt64(digit)
        } else {
            large = (large ?? Decimal(small)) * 10 + Decimal(digit)
        }
        count += 1
    }

    /// The digits as an integer.
    var exact: ExactNumber {
        if large == nil, let integer = Int(exactly: small) { return ExactNumber(integer) }
        return ExactNumber(decimal(exponent: 0))
    }

    /// The digits times `10^exponent`.
    func decimal(exponent: Int) -> Decimal {
        Decimal(sign: .plus, exponent: exponent, significand: large ?? Decimal(small))
    }
}
