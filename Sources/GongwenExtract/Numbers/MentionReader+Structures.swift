import Foundation
import GongwenModel
import GongwenText

/// Brackets around the year of a document number: `〔2014〕`, `[2014]`, `【2014】`, `(2014)`.
enum Brackets {
    static func closing(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "〔": return "〕"
        case "[": return "]"
        case "【": return "】"
        case "(": return ")"
        default: return nil
        }
    }
}

extension MentionReader {
    // MARK: - Document numbers, plans, discounts

    /// `〔2014〕27号`, `[2014]27号`, `(2019)3号`, `〔1996〕武司字第8号`: value the serial number,
    /// parts year and serial.
    func bracketedDocNumber(at index: Int) -> Item? {
        guard let opening = at(index), let closing = Brackets.closing(for: opening),
            case .numeral(let year) = grammar.number(at: index + 1, licensed: false), isYearLike(year),
            at(year.end) == closing
        else { return nil }
        var serialStart = grammar.skipSpaces(year.end + 1)
        var prefix = 0
        while prefix < 4, let scalar = at(serialStart + prefix), ScalarClass.isHan(scalar), Glyph.of(scalar) == .none {
            prefix += 1
        }
        if prefix > 0, at(serialStart + prefix - 1) == "第" { serialStart += prefix }
        guard case .numeral(let serial) = grammar.number(at: serialStart, licensed: false), serial.isPlainInteger,
            at(serial.end) == "号"
        else { return nil }
        var item = Item(kind: .docNumber, start: index, end: serial.end + 1, value: serial.value, numeral: serial)
        item.parts = [year.value, serial.value]
        return item
    }

    /// A cheap test before `plan(at:)`: a digit before `五`, or `十` and a digit before it.
    func mayStartPlan(at index: Int) -> Bool {
        grammar.glyph(index + 1) == .digit5 || (grammar.glyph(index) == .ten && grammar.glyph(index + 2) == .digit5)
    }

    /// A cheap test before `discount(at:)`.
    func mayStartShare(at index: Int) -> Bool {
        guard let scalar = at(index) else { return false }
        return scalar == "对" || scalar == "對" || scalar == "半" || sharesMarkFollows(index)
    }

    /// `十三五`, `十四五`, `“十五”期间`, `“七五”普法`: the five-year plans, named by their ordinal. Read when
    /// quoted or followed by `规划`, `时期`, `期间`, `普法`, `计划`, `末`.
    func plan(at index: Int) -> Item? {
        let tens = grammar.glyph(index) == .ten ? 10 : 0
        let ordinal: Int
        let end: Int
        if let digit = grammar.glyph(index + tens / 10).digit, digit > 0, grammar.glyph(index + tens / 10 + 1) == .digit5 {
            (ordinal, end) = (tens + digit, index + tens / 10 + 2)
        } else if tens > 0, grammar.glyph(index + 1) == .digit5 {
            (ordinal, end) = (10, index + 2)
        } else {
            return nil
        }
        let quoted = at(index - 1) == "“" && at(end) == "”"
        var after = end
        if at(after) == "”" { after += 1 }
        let named = Words.planNames.contains { grammar.matches($0, at: after) }
        guard quoted || named, grammar.glyph(end).digit == nil, grammar.glyph(end).exponent == nil else { return nil }
        let numeral = Numeral(start: index, end: end, value: Decimal(ordinal), form: .chinese)
        return Item(kind: .plan, start: index, end: end, value: Decimal(ordinal), numeral: numeral)
    }

    /// Shares written with `成` (tenths) and `折` (a price discount): `三成` 30%, `七成六` 76%,
    /// `三成半` 35%, `9.5成` 95%, `八折` 80%, `75折` and `三八折` 75% and 38%, `打对折` 50%. Kind
    /// `percent`, unit `%`. `成` must not start a word (`4成员`), `十折` is no discount.
    func discount(at index: Int) -> Item? {
        guard let first = at(index) else { return nil }
        if first == "对" || first == "對", at(index + 1) == "折", at(index - 1) == "打" {
            return shareItem(start: index, end: index + 2, percent: 50)
        }
        if first == "半", let mark = at(index + 1), mark == "成" || mark == "折" {
            return shareItem(start: index, end: index + 2, percent: mark == "成" ? 5 : 50)
        }
        guard grammar.idiomEnd(at: index) == nil else { return nil }
        if let pair = digitPair(at: index), at(pair.end) == "折", shareMayEnd(after: pair.end, mark: "折") {
            return shareItem(start: index, end: pair.end + 1, percent: Decimal(pair.value))
        }
        guard case .numeral(let numeral) = grammar.number(at: index, licensed: true), numeral.perExponent == nil,
            numeral.form != .fraction, numeral.value > 0
        else { return nil }
        let markIndex = grammar.skipSpaces(numeral.end)
        guard let mark = at(markIndex), mark == "成" || mark == "折", shareMayEnd(after: markIndex, mark: mark) else {
            return nil
        }
        let tenths = numeral.value
        if mark == "折" {
            if tenths < 10 { return shareItem(start: index, end: markIndex + 1, percent: tenths * 10) }
            guard numeral.isPlainInteger, numeral.plainDigits == 2, let percent = numeral.integerValue, percent % 10 != 0 else {
                return nil
            }
            return shareItem(start: index, end: markIndex + 1, percent: tenths)
        }
        guard tenths <= 10 else { return nil }
        var percent = tenths * 10
        var end = markIndex + 1
        if at(end) == "半" {
            percent += 5
            end += 1
        } else if numeral.resolution == nil, tenths < 10 {
            let digitIndex = grammar.skipSpaces(end)
            if let digit = grammar.glyph(digitIndex).digit ?? at(digitIndex).flatMap(asciiDigit),
                !(grammar.glyph(digitIndex + 1).isNumeral || grammar.isDigit(digitIndex + 1))
            {
                percent += Decimal(digit)
                end = digitIndex + 1
            }
        }
        return shareItem(start: index, end: end, percent: percent)
    }

    /// A quick look ahead before the grammar runs: `成` or `折` after a few digits, points and spaces.
    func sharesMarkFollows(_ index: Int) -> Bool {
        var cursor = index
        while cursor < index + 12, let scalar = at(cursor) {
            if scalar == "成" || scalar == "折" { return cursor > index }
            guard Glyph.of(scalar) != .none || ScalarClass.isASCIIDigit(scalar) || scalar == "." || scalar == " " else {
                return false
            }
            cursor += 1
        }
        return false
    }

    private func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        ScalarClass.isASCIIDigit(scalar) ? Int(scalar.value - 0x30) : nil
    }

    /// Two single digits read as one two-digit number before `折`: `三八折`, `九 九 折`, `7 2 折`.
    private func digitPair(at index: Int) -> (value: Int, end: Int)? {
        func digit(_ index: Int) -> Int? { grammar.glyph(index).digit ?? at(index).flatMap(asciiDigit) }
        guard let tens = digit(index), tens > 0 else { return nil }
        let second = grammar.skipSpaces(index + 1)
        guard second > index + 1 || grammar.glyph(index).digit != nil, let ones = digit(second), ones > 0 else {
            return nil
        }
        return (tens * 10 + ones, grammar.skipSpaces(second + 1))
    }

    /// `成` and `折` end a share only before punctuation or a few function words (`三成以上`,
    /// `八折优惠`), never inside a word (`4成员`, `折合`).
    private func shareMayEnd(after index: Int, mark: Unicode.Scalar) -> Bool {
        guard let next = at(index + 1) else { return true }
        switch next {
        case "以", "左", "上", "多", "的", "和", "与", "及", "或", "是": return true
        case "半": return mark == "成"
        case "优", "起", "后": return mark == "折"
        default:
            if mark == "成", grammar.glyph(grammar.skipSpaces(index + 1)).digit != nil { return true }
            if mark == "成", grammar.isDigit(grammar.skipSpaces(index + 1)) { return true }
            return !ScalarClass.isHan(next) && grammar.glyph(index + 1) == .none
        }
    }

    private func shareItem(start: Int, end: Int, percent: Decimal) -> Item {
        let numeral = Numeral(start: start, end: end, value: percent, form: .chinese)
        var item = Item(kind: .percent, start: start, end: end, value: percent, numeral: numeral)
        item.unit = "%"
        return item
    }

    // MARK: - Dates, phones, ratios, formulas

    /// `2020-09-14`, `2020/9/14`, `2020.09.14` (and `2020-09`), with a time `16:01` after a space.
    func separatedDate(_ year: Numeral) -> Item? {
        guard isYearLike(year), year.isPlainInteger, let separator = at(year.end),
            separator == "-" || separator == "/" || separator == "."
        else { return nil }
        guard let month = plainInteger(at: year.end + 1, digits: 1...2), (1...12).contains(month.value) else {
            return nil
        }
        var end = month.end
        if at(end) == separator, let day = plainInteger(at: end + 1, digits: 1...2), (1...31).contains(day.value) {
            end = day.end
        } else if separator == "." {
            return nil
        }
        if at(end) == " ", let time = clockTime(at: end + 1) { end = time }
        return Item(kind: .date, start: year.start, end: end, value: nil, numeral: year)
    }

    /// `16:01`, `8:30:15`: the end of a clock time at `index`.
    func clockTime(at index: Int) -> Int? {
        guard let hour = plainInteger(at: index, digits: 1...2), hour.value <= 23, at(hour.end) == ":",
            let minute = plainInteger(at: hour.end + 1, digits: 2...2), minute.value <= 59
        else { return nil }
        if at(minute.end) == ":", let second = plainInteger(at: minute.end + 1, digits: 2...2), second.value <= 59 {
            return second.end
        }
        return minute.end
    }

    /// A plain run of Arabic digits at `index` with a digit count in `digits`.
    func plainInteger(at index: Int, digits: ClosedRange<Int>) -> (value: Int, end: Int)? {
        var value = 0
        var end = index
        while let scalar = at(end), ScalarClass.isASCIIDigit(scalar), end - index < 19 {
            value = value * 10 + Int(scalar.value - 0x30)
            end += 1
        }
        guard digits.contains(end - index), !(at(end).map(ScalarClass.isASCIIDigit) ?? false) else { return nil }
        return (value, end)
    }

    /// Section numbers and codes written with more than one point: `2.1.2` at the start of a line
    /// is an ordinal (value its first part), elsewhere an identifier; parts are the numbers.
    func dottedChain(_ first: Numeral) -> Item? {
        guard first.isPlainInteger, at(first.end) == ".", grammar.isDigit(first.end + 1) else { return nil }
        var parts = [first.value]
        var end = first.end
        while at(end) == ".", let part = plainInteger(at: end + 1, digits: 1...9) {
            parts.append(Decimal(part.value))
            end = part.end
        }
        let atLineStart = startsLine(first.start)
        var item = Item(kind: atLineStart ? .ordinal : .identifier, start: first.start, end: end,
                        value: atLineStart ? first.value : nil, numeral: first)
        item.parts = parts
        return item
    }

    /// Whether only spaces stand between the start of the line (or range) and `index`.
    func startsLine(_ index: Int) -> Bool {
        var index = index
        while index > bounds.lowerBound, let scalar = at(index - 1), scalar == " " { index -= 1 }
        return index == bounds.lowerBound || at(index - 1) == "\n" || at(index - 1) == "\t"
    }

    /// `0827-5260774`, a mobile number `13812345678`, or digits after `电话`/`传真`/`热线`.
    func phone(_ numeral: Numeral) -> Item? {
        guard numeral.isPlainInteger, numeral.plainDigits >= 3 else { return nil }
        var end: Int?
        if numeral.hasLeadingZero, (3...4).contains(numeral.plainDigits), at(numeral.end) == "-",
            let local = plainInteger(at: numeral.end + 1, digits: 7...8)
        {
            end = local.end
        } else if numeral.plainDigits == 11, s[numeral.start] == "1", let second = asciiDigit(s[numeral.start + 1]),
            second >= 3
        {
            end = numeral.end
        } else if keyword(before: numeral.start, in: Words.phones) {
            end = codeEnd(after: numeral.end)
        } else if namesHotline(after: numeral.end) {
            end = numeral.end
        }
        guard let end else { return nil }
        return Item(kind: .phone, start: numeral.start, end: end, value: nil, numeral: numeral)
    }

    /// `12345热线`, `12345市民服务热线`: `热线` closes the name that follows the number.
    private func namesHotline(after index: Int) -> Bool {
        var cursor = index
        while cursor < index + 8, let scalar = at(cursor), ScalarClass.isHan(scalar) {
            if grammar.matches(Words.hotline, at: cursor) { return true }
            cursor += 1
        }
        return false
    }

    /// The end of a code that continues with `-` or `/` and digits (`000014349/2004-00207`,
    /// `14032324号-2`).
    func codeEnd(after index: Int) -> Int {
        var end = index
        if at(end) == "号" { end += 1 }
        while let separator = at(end), separator == "-" || separator == "/", grammar.isDigit(end + 1) {
            end += 1
            while grammar.isDigit(end) { end += 1 }
        }
        return end
    }

    /// Whether one of `words` ends just before `index` (a `:` and spaces between allowed).
    func keyword(before index: Int, in words: [Word]) -> Bool {
        var end = index
        while end > bounds.lowerBound, let scalar = at(end - 1), scalar == ":" || ScalarClass.isSpace(scalar) {
            end -= 1
        }
        return words.contains { grammar.matches($0, at: end - $0.count) }
    }

    /// `8.7:48.5:42.8`, `3.6 : 48 : 48.4` (ratio, parts), or a clock time `16:01` (date).
    func ratio(_ first: Numeral) -> Item? {
        guard first.form == .arabic, first.perExponent == nil, first.value >= 0 else { return nil }
        let colon = grammar.skipSpaces(first.end)
        guard isRatioColon(colon), grammar.isDigit(grammar.skipSpaces(colon + 1)) else { return nil }
        if first.isPlainInteger, let time = clockTime(at: first.start), time > first.end {
            return Item(kind: .date, start: first.start, end: time, value: nil, numeral: first)
        }
        var parts = [first.value]
        var end = first.end
        while isRatioColon(grammar.skipSpaces(end)),
            case .numeral(let part) = grammar.number(at: grammar.skipSpaces(grammar.skipSpaces(end) + 1), licensed: false),
            part.form == .arabic, part.perExponent == nil
        {
            parts.append(part.value)
            end = part.end
        }
        var item = Item(kind: .ratio, start: first.start, end: end, value: nil, numeral: first)
        item.parts = parts
        return item
    }

    /// `:` or the ratio sign `∶` (`1∶3.4`).
    private func isRatioColon(_ index: Int) -> Bool {
        at(index) == ":" || at(index) == "∶"
    }

    /// `“6·16”特大暴雨`, `1·22`: a month and day joined by a middle dot name an event (date).
    func dottedDate(_ month: Numeral) -> Item? {
        guard month.isPlainInteger, (1...12).contains(month.value), at(month.end) == "·",
            let day = plainInteger(at: month.end + 1, digits: 1...2), (1...31).contains(day.value),
            at(day.end) != "%", at(day.end) != "."
        else { return nil }
        return Item(kind: .date, start: month.start, end: day.end, value: nil, numeral: month)
    }

    /// `1+5+7`, `5+1`, `1+6+N`, `4×4`: a formula of counts; parts are its numbers.
    func formula(_ first: Numeral) -> Item? {
        func isOperator(_ index: Int) -> Bool { at(index) == "+" || at(index) == "×" }
        guard first.isPlainInteger, isOperator(first.end), let next = at(first.end + 1),
            ScalarClass.isASCIIDigit(next) || ScalarClass.isASCIILetter(next)
        else { return nil }
        var parts = [first.value]
        var end = first.end
        while isOperator(end), let next = at(end + 1) {
            if ScalarClass.isASCIILetter(next), !(at(end + 2).map(ScalarClass.isASCIILetter) ?? false) {
                end += 2
            } else if let term = plainInteger(at: end + 1, digits: 1...4) {
                parts.append(Decimal(term.value))
                end = term.end
            } else {
                break
            }
        }
        var item = Item(kind: .formula, start: first.start, end: end, value: nil, numeral: first)
        item.parts = parts
        return item
    }
}
