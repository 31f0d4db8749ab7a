import Foundation
import GongwenModel
import GongwenText

/// The number grammar over the folded view: reads one numeral at an offset. A hand-written
/// scanner over `[Unicode.Scalar]`; values are exact `Decimal`s built from digits.
///
/// `whole` is the lenient mode of `ChineseNumber.parse`, where the input is known to be one
/// number: lone digits need no measure word, `份` stands for `分之` (`二份一`), and the SI
/// suffixes `M`, `G` are read.
struct Grammar {
    let s: [Unicode.Scalar]
    let source: [Unicode.Scalar]
    let bounds: Range<Int>
    let lexicon: UnitLexicon
    let whole: Bool

    /// What the grammar found at an offset.
    enum Scan {
        case numeral(Numeral)
        /// Numeral characters that are not a number (`九九`, `两两`): continue after them.
        case skip(Int)
        case none
    }

    @inline(__always) func at(_ index: Int) -> Unicode.Scalar? {
        index >= bounds.lowerBound && index < bounds.upperBound ? s[index] : nil
    }

    @inline(__always) func glyph(_ index: Int) -> Glyph {
        guard let scalar = at(index) else { return .none }
        return Glyph.of(scalar)
    }

    @inline(__always) func isDigit(_ index: Int) -> Bool {
        guard let scalar = at(index) else { return false }
        return ScalarClass.isASCIIDigit(scalar)
    }

    @inline(__always) func skipSpaces(_ index: Int) -> Int {
        var index = index
        while let scalar = at(index), ScalarClass.isSpace(scalar) { index += 1 }
        return index
    }

    /// Whether `word` is written at `index`.
    func matches(_ word: Word, at index: Int) -> Bool {
        guard index >= bounds.lowerBound, index + word.count <= bounds.upperBound else { return false }
        for (offset, scalar) in word.scalars.enumerated() where s[index + offset] != scalar { return false }
        return true
    }

    // MARK: - Entry point

    /// The numeral starting at `start`, if the grammar reads one there.
    func scan(at start: Int) -> Scan {
        guard let first = at(start) else { return .none }
        if let marker = perMarker(at: start) {
            let body = skipSpaces(marker.end)
            var numeral: Numeral
            if case .numeral(let read) = number(at: body, licensed: true) {
                numeral = read
            } else if glyph(body) == .hundred {
                numeral = Numeral(start: body, end: body + 1, value: 100, form: .chinese)
                numeral.integerValue = 100
            } else {
                return .skip(marker.end)
            }
            numeral.perStart = start
            numeral.perExponent = marker.exponent
            return .numeral(numeral)
        }
        if first == "半", glyph(start + 1) == .hundred {
            var numeral = Numeral(start: start, end: start + 2, value: 50, form: .chinese)
            numeral.integerValue = 50
            return .numeral(numeral)
        }
        let result = number(at: start, licensed: whole)
        if case .numeral(let numeral) = result, let end = idiomEnd(at: numeral.start) {
            return .skip(end)
        }
        return result
    }

    /// The end of an idiom (`一起`, `十分`, `万一`) that covers the numeral at `index`.
    func idiomEnd(at index: Int) -> Int? {
        Idioms.end(in: s, numeralAt: index, bounds: bounds)
    }

    /// `百分之`, `千分之`, `万分之`, `百万分之` … (spaces allowed between the characters): the
    /// end of the marker and its power of ten.
    func perMarker(at start: Int) -> (end: Int, exponent: Int)? {
        if let previous = at(start - 1), ScalarClass.isASCIIDigit(previous) || Glyph.of(previous).isNumeral {
            return nil
        }
        var index = start
        var exponent = 0
        while let scale = glyph(index).exponent, scale >= 2, scale <= 4 {
            exponent += scale
            index = skipSpaces(index + 1)
        }
        guard exponent > 0, at(index) == "分" else { return nil }
        index = skipSpaces(index + 1)
        guard at(index) == "之" else { return nil }
        return (index + 1, exponent)
    }

    // MARK: - Signed numbers and fractions

    /// A signed numeral or fraction at `start`. `licensed` lifts the measure-word requirement of a
    /// lone Chinese digit (after `百分之`, in whole-string mode).
    func number(at start: Int, licensed: Bool) -> Scan {
        let signEnd = signEnd(at: start)
        let negative = signEnd != nil
        let index = signEnd ?? start
        let body: Numeral
        switch compound(at: index) {
        case .reading(let reading): body = reading
        case .skip(let end): return .skip(end)
        case .none: return .none
        }
        if var fraction = fraction(after: body) {
            fraction.start = start
            if negative { fraction.value = -fraction.value }
            return .numeral(fraction)
        }
        var numeral = body
        numeral.start = start
        if body.isLone, body.integerValue == 1, at(body.end) == "半" {
            numeral.end = body.end + 1
            numeral.value = Exact.half
            numeral.integerValue = nil
            numeral.form = .fraction
            numeral.isLone = false
        } else if body.isLone, !licensed, !isLicensed(body) {
            return .none
        }
        if negative {
            numeral.value = -numeral.value
            numeral.integerValue = numeral.integerValue.map { -$0 }
            numeral.upper = numeral.upper.map { -$0 }
            numeral.plainDigits = 0
        }
        return .numeral(numeral)
    }

    /// The end of a minus sign at `index` (`-`, `负`, `負`) when a number follows it.
    func signEnd(at index: Int) -> Int? {
        guard let scalar = at(index) else { return nil }
        if scalar == "-" {
            if let previous = at(index - 1),
                ScalarClass.isASCIIDigit(previous) || ScalarClass.isASCIILetter(previous)
                    || previous == "-" || previous == "." || previous == ")" || previous == "_"
            {
                return nil
            }
            let next = whole ? skipSpaces(index + 1) : index + 1
            if isDigit(next) || (at(next) == "." && isDigit(next + 1)) { return next }
            return nil
        }
        guard Glyph.of(scalar) == .negative else { return nil }
        let next = skipSpaces(index + 1)
        if isDigit(next) || glyph(next).isNumeral { return next }
        return nil
    }

    /// `三分之一`, `二十五分之一百四十四`, `一又二分之一`, `3/5`, `1 3/5` after the numeral `body`.
    func fraction(after body: Numeral) -> Numeral? {
        let next = skipSpaces(body.end)
        if let numerator = perPart(at: next) {
            return makeFraction(whole: 0, numerator: numerator, denominator: body.value, start: body.start)
        }
        if at(next) == "又" {
            let denominatorStart = skipSpaces(next + 1)
            guard case .reading(let denominator) = compound(at: denominatorStart) else { return nil }
            guard let numerator = perPart(at: skipSpaces(denominator.end), allowBareFen: whole) else { return nil }
            return makeFraction(
                whole: body.value, numerator: numerator, denominator: denominator.value, start: body.start)
        }
        guard body.isPlainInteger, body.plainDigits <= 3, !body.hasLeadingZero else {
            return nil
        }
        if at(body.end) == "/", let denominator = slashPart(at: body.end + 1) {
            return makeFraction(
                whole: 0, numerator: (body.value, denominator.start), denominator: denominator.value,
                start: body.start, end: denominator.end)
        }
        if at(body.end) == " ", case .reading(let top) = compound(at: body.end + 1),
            top.isPlainInteger, top.plainDigits <= 3, at(top.end) == "/",
            let denominator = slashPart(at: top.end + 1)
        {
            return makeFraction(
                whole: body.value, numerator: (top.value, top.start), denominator: denominator.value,
                start: body.start, end: denominator.end)
        }
        return nil
    }

    /// `分之` (or, in whole-string mode, `份`) and the signed numerator after it.
    private func perPart(at index: Int, allowBareFen: Bool = false) -> (value: Decimal, end: Int)? {
        var index = index
        if at(index) == "分" {
            let afterFen = skipSpaces(index + 1)
            if at(afterFen) == "之" {
                index = skipSpaces(afterFen + 1)
            } else if allowBareFen {
                index = afterFen
            } else {
                return nil
            }
        } else if whole, at(index) == "份" {
            index = skipSpaces(index + 1)
        } else {
            return nil
        }
        guard case .numeral(let numerator) = number(at: index, licensed: true), numerator.perExponent == nil,
            numerator.form != .fraction
        else { return nil }
        return (numerator.value, numerator.end)
    }

    /// The denominator of `3/5`: a short Arabic integer not followed by more of a date or code.
    private func slashPart(at index: Int) -> Numeral? {
        guard case .reading(let denominator) = compound(at: index), denominator.isPlainInteger,
            denominator.plainDigits <= 3, !denominator.hasLeadingZero, denominator.value != 0
        else { return nil }
        if let next = at(denominator.end), next == "/" || ((next == "-" || next == ".") && isDigit(denominator.end + 1)) {
            return nil
        }
        return denominator
    }

    private func makeFraction(
        whole: Decimal, numerator: (value: Decimal, end: Int), denominator: Decimal, start: Int, end: Int? = nil
    ) -> Numeral? {
        guard denominator != 0 else { return nil }
        let value = whole.sign == .minus ? whole - Exact.quotient(numerator.value, denominator)
            : whole + Exact.quotient(numerator.value, denominator)
        guard !value.isNaN else { return nil }
        return Numeral(start: start, end: end ?? numerator.end, value: value, form: .fraction)
    }

    // MARK: - Lone digits

    /// Whether a lone Chinese digit (`三`, `十`) is a number here. It is when a measure word or unit
    /// follows (`三个`, `十斤`, `九台`; money units excluded: `一元化`, `二元结构`), after `第`,
    /// as an enumeration (`一是`), at the start of a quoted label with two or more items
    /// (`“三不变”`), before `大` + noun (`四大任务`) or `中全会`, or when it stands alone as a word
    /// between punctuation or after `是`/`为`/`前` (`前三的`, `答案是四`, `“一”`).
    func isLicensed(_ body: Numeral) -> Bool {
        let scalar = s[body.start]
        if ScalarClass.isAmbiguousFinancial(scalar) { return false }
        let previous = at(body.start - 1)
        if body.integerValue == 1, let previous, Idioms.bindsFollowingOne(previous) { return false }
        if previous == "第" { return true }
        if let previous, ScalarClass.closingQuote(for: previous) != nil, (body.integerValue ?? 0) >= 2 { return true }
        if unitAfter(body.end, includingMoney: false) != nil { return true }
        let next = at(body.end)
        if matches(Words.plenum, at: body.end) { return true }
        if next == "大", (body.integerValue ?? 0) >= 2, let noun = at(body.end + 1), ScalarClass.isHan(noun) { return true }
        let leftIsWordEdge = previous.map { ScalarClass.isBoundary($0) } ?? true
        if next == "是", leftIsWordEdge { return true }
        let leftOK = leftIsWordEdge || previous == "是" || previous == "为" || previous == "前"
        let rightOK: Bool
        switch next {
        case nil: rightOK = true
        case .some(let scalar):
            switch scalar {
            case "的", "不", "而", "却", "这", "那": rightOK = true
            default: rightOK = ScalarClass.isBoundary(scalar)
            }
        }
        return leftOK && rightOK
    }

    /// A unit that follows at `index`, spaces and an inner `余`/`多`/`来` skipped.
    func unitAfter(_ index: Int, includingMoney: Bool) -> UnitLexicon.Unit? {
        var index = skipSpaces(index)
        if let scalar = at(index), scalar == "余" || scalar == "多" || scalar == "来" { index += 1 }
        guard let unit = lexicon.unit(in: s, at: index, limit: bounds.upperBound) else { return nil }
        return includingMoney || unit.category != "money" ? unit : nil
    }
}
