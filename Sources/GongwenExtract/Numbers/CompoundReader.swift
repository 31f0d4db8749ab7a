import Foundation
import GongwenModel
import GongwenText

/// Reads one compound numeral element by element (`1.84万`, `一千三百一十六`, `3万4000`,
/// `四十九兆九千五百九十二億`, `十余万`). Each kind of element has its own step, named for what
/// it reads; the reader stops at the first element that may not follow the previous one.
///
/// Chinese numerals are evaluated in groups of four digits (`PlaceValue`); a single digit after
/// a place word with no 零 between is abbreviated (`两千四百五` = 2450, `一万三` = 13000).
struct CompoundReader {
    /// What the previous element was; decides what may follow.
    enum Element: Equatable {
        case start, digit, arabic, zero, place(Int), big(Int), decimal, qualifier

        var isPlaceOrBig: Bool {
            switch self {
            case .place, .big: return true
            default: return false
            }
        }

        /// Whether a digit may come next: at the start, after 零, after a place or scale word.
        var opensGroup: Bool {
            switch self {
            case .start, .zero, .place, .big: return true
            default: return false
            }
        }
    }

    let grammar: Grammar
    let start: Int
    var index: Int
    var end: Int
    var last = Element.start
    var value = PlaceValue()
    /// The digit read but not yet multiplied by a place word (`三` in `三百`, `5` in `一千5`).
    var pending: PendingDigit?
    var decimalPart = ExactNumber.zero
    var fractionDigits = 0
    var hasDigit = false
    var hasChinese = false
    var arabic: Grammar.ArabicRun?
    var arabicRuns = 0
    var qualifier: (Qualifier, Unicode.Scalar)?

    init(grammar: Grammar, start: Int) {
        self.grammar = grammar
        self.start = start
        self.index = start
        self.end = start
    }

    /// A digit waiting for its place word, and whether it may be abbreviated (`两千四百五`).
    struct PendingDigit {
        var value: ExactNumber
        var isChinese: Bool
        /// The exponent of the place word just before it, when no 零 came between.
        var abbreviation: Int?

        /// The digit, abbreviated after a place word: `两千四百五` (at the end), `百二萬` (before a
        /// scale word, only after 百 or 千: in `五亿四万` the 四 is not 4000万).
        func value(afterZero zero: Bool, beforeScale: Bool) -> ExactNumber {
            guard isChinese, let exponent = abbreviation, exponent >= 2, !zero, !beforeScale || exponent <= 3 else {
                return value
            }
            return value.scaled(by: exponent - 1)
        }
    }

    /// The place-value sums of a Chinese numeral: `small` holds the places 十百千 of the current
    /// group, `section` the 万 part of the current 亿 block, `total` the 亿 and 兆 blocks.
    struct PlaceValue {
        var total = ExactNumber.zero
        var section = ExactNumber.zero
        var small = ExactNumber.zero
        var smallPlace = Int.max
        var zero = false
        var groupHasContent = false
        var sectionHasTenThousand = false
        var outerExponent = Int.max
        /// The power of ten of the scale words that close the numeral (`万` 4, `万亿` 12).
        var trailingScale = 0
    }

    // MARK: - Reading

    /// Reads elements until one may not follow the previous one.
    mutating func readAll() {
        while let scalar = grammar.at(index), step(scalar) {}
    }

    /// Reads the element at `index` (starting with `scalar`); `false` to stop.
    private mutating func step(_ scalar: Unicode.Scalar) -> Bool {
        let glyph = Glyph.of(scalar)
        if ScalarClass.isASCIIDigit(scalar) || isLeadingDot(scalar) { return readArabicRun() }
        if let digit = glyph.digit { return digit == 0 ? readZero() : readDigit(digit) }
        if let exponent = glyph.exponent { return exponent <= 3 ? readPlace(exponent) : readScale(exponent) }
        if let tens = glyph.tens { return readTens(tens) }
        if glyph == .point { return readDecimalPoint() }
        if scalar == "余" || scalar == "餘" || scalar == "多" { return readQualifierBeforeScale(scalar) }
        if scalar == "几" || scalar == "幾" { return readJi(scalar) }
        if ScalarClass.isSpace(scalar), last != .start { return skipSpaceInside() }
        return false
    }

    /// `.25万条`: a leading point with the digits before it lost.
    private func isLeadingDot(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." && last == .start && grammar.isDigit(index + 1) && grammar.leadingDotAllowed(at: index)
    }

    /// Arabic digits: `1.84` in `1.84万`, `4000` in `3万4000`.
    mutating func readArabicRun() -> Bool {
        guard last.opensGroup, let run = grammar.arabicRun(at: index) else { return false }
        if index > end, grammar.glyph(run.end).exponent == nil { return false }
        pending = PendingDigit(value: run.exact, isChinese: false)
        fractionDigits = run.fractionDigits
        value.groupHasContent = true
        hasDigit = true
        arabic = run
        arabicRuns += 1
        advance(to: run.end, as: .arabic)
        return true
    }

    /// `零`, `〇`: marks a gap in the places (`一千零五`).
    mutating func readZero() -> Bool {
        guard last.opensGroup else { return false }
        value.zero = true
        acceptChineseDigit(as: .zero)
        return true
    }

    /// `一`…`九`, `两`, 大写 `壹`…`玖`.
    mutating func readDigit(_ digit: Int) -> Bool {
        guard pending == nil, last.opensGroup else { return false }
        var abbreviation: Int?
        switch last {
        case .place(let exponent), .big(let exponent): abbreviation = value.zero ? nil : exponent
        default: abbreviation = nil
        }
        pending = PendingDigit(value: ExactNumber(digit), isChinese: true, abbreviation: abbreviation)
        fractionDigits = 0
        acceptChineseDigit(as: .digit)
        return true
    }

    /// `十`, `百`, `千` (and `拾佰仟`): multiply the pending digit, or 1 (`十五`, `百万`).
    mutating func readPlace(_ exponent: Int) -> Bool {
        let multiplier: ExactNumber
        if let digit = pending {
            multiplier = digit.value
        } else if exponent == 1, last.opensGroup {
            multiplier = ExactNumber(1)
            hasDigit = true
        } else if last == .start {
            multiplier = ExactNumber(1)
        } else {
            return false
        }
        guard exponent < value.smallPlace else { return false }
        if exponent == 3, let unit = grammar.lexicon.unit(in: grammar.s, at: index, limit: grammar.bounds.upperBound),
            unit.scalars.count >= 2
        {
            return false
        }
        value.small += multiplier.scaled(by: exponent)
        value.smallPlace = exponent
        pending = nil
        value.zero = false
        fractionDigits = 0
        value.groupHasContent = true
        hasChinese = true
        advance(to: index + 1, as: .place(exponent))
        return true
    }

    /// `万`, `亿`, `兆`: close the group (`3万4000`, `16.4亿`, `万亿`).
    mutating func readScale(_ exponent: Int) -> Bool {
        if exponent == 12, !grammar.glyph(index + 1).isNumeral { return false }
        let group = value.small + (pending?.value(afterZero: value.zero, beforeScale: true) ?? .zero) + decimalPart
        if exponent == 4 {
            guard readTenThousand(group) else { return false }
        } else {
            let block = value.section + (value.groupHasContent ? group : .zero)
            guard !block.isZero, exponent < value.outerExponent else { return false }
            value.total += block.scaled(by: exponent)
            value.outerExponent = exponent
            value.trailingScale = (last == .big(4) && !value.groupHasContent) ? value.trailingScale + exponent : exponent
            value.section = .zero
            value.sectionHasTenThousand = false
        }
        value.small = .zero
        value.smallPlace = Int.max
        pending = nil
        value.zero = false
        decimalPart = .zero
        value.groupHasContent = false
        hasChinese = true
        advance(to: index + 1, as: .big(exponent))
        return true
    }

    /// `万` after a group (`3万`), after another `万` (`万万`), or alone at the start (`万人`).
    private mutating func readTenThousand(_ group: ExactNumber) -> Bool {
        if value.groupHasContent {
            guard !value.sectionHasTenThousand else { return false }
            value.section += group.scaled(by: 4)
        } else if last == .big(4) {
            value.section = value.section.scaled(by: 4)
            value.trailingScale += 4
            return true
        } else if last == .start {
            value.section = ExactNumber(10_000)
        } else {
            return false
        }
        value.sectionHasTenThousand = true
        value.trailingScale = 4
        return true
    }

    /// `廿`, `卅`, `卌`: twenty, thirty, forty.
    mutating func readTens(_ tens: Int) -> Bool {
        guard pending == nil, value.smallPlace > 1, last.opensGroup else { return false }
        value.small += ExactNumber(tens)
        value.smallPlace = 1
        acceptChineseDigit(as: .place(1))
        return true
    }

    /// `点` and the digits after it: `三十点五`, `零點77`.
    mutating func readDecimalPoint() -> Bool {
        guard hasDigit, last != .decimal, last != .qualifier,
            let fraction = grammar.decimalDigits(at: grammar.skipSpaces(index + 1))
        else { return false }
        decimalPart = ExactNumber(fraction.value)
        fractionDigits = fraction.count
        hasChinese = true
        advance(to: fraction.end, as: .decimal)
        return true
    }

    /// `余`/`多` between a number and its scale word: `十余万`, `一千多万`.
    mutating func readQualifierBeforeScale(_ scalar: Unicode.Scalar) -> Bool {
        let next = grammar.skipSpaces(index + 1)
        guard hasDigit, last != .decimal, last != .qualifier,
            grammar.glyph(next) == .tenThousand || grammar.glyph(next) == .hundredMillion
        else { return false }
        qualifier = (.atLeast, scalar)
        advance(to: next, as: .qualifier)
        return true
    }

    /// `几` in the place of a digit: `二十几万`, `一百几`.
    mutating func readJi(_ scalar: Unicode.Scalar) -> Bool {
        guard pending == nil, last == .zero || last.isPlaceOrBig else { return false }
        pending = PendingDigit(value: .zero, isChinese: false)
        qualifier = (.atLeast, scalar)
        value.groupHasContent = true
        advance(to: index + 1, as: .digit)
        return true
    }

    /// Spaces inside a numeral (`3 万`, `一千 三百`) where what follows may continue it.
    mutating func skipSpaceInside() -> Bool {
        let next = grammar.skipSpaces(index)
        guard let following = grammar.at(next) else { return false }
        let glyph = Glyph.of(following)
        let continues: Bool
        if glyph.exponent != nil || glyph == .point {
            continues = true
        } else if (glyph.digit ?? 0) > 0 || glyph.tens != nil || ScalarClass.isASCIIDigit(following) {
            continues = last.opensGroup
        } else if following == "余" || following == "多" || following == "餘" {
            continues = hasDigit
        } else if following == "几" || following == "幾" {
            continues = last == .zero || last.isPlaceOrBig
        } else {
            continues = false
        }
        guard continues else { return false }
        index = next
        return true
    }

    /// One Chinese character that holds a digit's worth of value (`三`, `零`, `廿`) was read.
    private mutating func acceptChineseDigit(as element: Element) {
        hasDigit = true
        hasChinese = true
        value.groupHasContent = true
        advance(to: index + 1, as: element)
    }

    private mutating func advance(to next: Int, as element: Element) {
        last = element
        index = next
        end = next
    }

    // MARK: - Result

    /// The numeral read, or `.none` when no digit was.
    func result() -> Grammar.Compound {
        let exact = value.total + value.section + value.small
            + (pending?.value(afterZero: value.zero, beforeScale: false) ?? .zero) + decimalPart
        let decimal = exact.decimal
        guard hasDigit, !decimal.isNaN else { return .none }
        var numeral = Numeral(start: start, end: end, value: decimal, resolution: resolution, form: .arabic)
        numeral.integerValue = exact.integer
        numeral.fractionDigits = fractionDigits
        if case .big = last { numeral.scaleExponent = value.trailingScale }
        numeral.qualifier = qualifier?.0
        numeral.qualifierScalar = qualifier?.1
        if hasChinese {
            numeral.form = arabicRuns > 0 ? .mixed : .chinese
            numeral.isLone = arabicRuns == 0 && end - start == 1
            return .reading(numeral)
        }
        guard let run = arabic, arabicRuns == 1 else { return .reading(numeral) }
        return .reading(grammar.arabicNumeral(numeral, run: run))
    }

    /// One unit of the last printed digit: `万` after `16.4` is 1000, `.5` is 0.1.
    private var resolution: Decimal? {
        if case .big = last { return Exact.power10(value.trailingScale - fractionDigits) }
        return fractionDigits > 0 ? Exact.power10(-fractionDigits) : nil
    }
}
