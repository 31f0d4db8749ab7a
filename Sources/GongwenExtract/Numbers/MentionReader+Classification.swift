import Foundation
import GongwenModel
import GongwenText

extension MentionReader {
    /// Gives a number read with its unit its kind: ordinal, doc_number, identifier, count_label,
    /// a garbled date, or quantity; then reads a leading qualifier (`约`, `近`, `超过`).
    func classify(_ item: inout Item) {
        if item.kind == .quantity, item.upper == nil, let kind = KindRecognizer.kind(of: &item, in: self) {
            item.kind = kind
        }
        if item.kind == .quantity || item.kind == .percent || item.kind == .permille || item.kind == .fraction {
            readLeadingQualifier(&item)
        }
        switch item.kind {
        case .quantity, .percent, .permille, .ratio, .fraction, .countLabel, .countWord, .ordinal:
            break
        case .date, .phone, .identifier:
            (item.value, item.upper, item.unit, item.unitCategory, item.resolution) = (nil, nil, nil, nil, nil)
            (item.qualifier, item.qualifierText) = (nil, nil)
        case .year, .docNumber, .plan, .formula:
            (item.unit, item.unitCategory, item.resolution, item.qualifier, item.qualifierText) = (nil, nil, nil, nil, nil)
        }
    }

    /// `一是`, `(一)`, `(1)`, and at the start of a line `一、`, `1、`, `1.`, or a section number
    /// before its heading (`5.1　粮食储备`).
    func isEnumerationMarker(_ item: Item) -> Bool {
        let next = at(item.end)
        if item.numeral.form == .chinese, item.numeral.isLone {
            if next == "是" { return true }
            if next == "、", grammar.glyph(item.end + 1).digit != nil { return true }
        }
        if at(item.start - 1) == "(", next == ")" { return true }
        guard startsLine(item.start), let next else { return false }
        if next == "、" || (next == "." && !grammar.isDigit(item.end + 1)) { return true }
        let heading = grammar.skipSpaces(item.end)
        return next == " " && (item.numeral.integerValue ?? 0) < 100 && item.numeral.value < 100 && (at(heading).map(ScalarClass.isHan) ?? false)
    }

    /// `20191166号` (year run into the serial), `1号文件`, `80号)` are document numbers; `38号`
    /// of an address, `12号线`, `4号机组` and `ICP备14032324号` are identifiers.
    func docNumberOrAddress(_ item: inout Item) -> NumberKind {
        if keyword(before: item.numeral.start, in: Words.registration) {
            item.end = codeEnd(after: item.end)
            return .identifier
        }
        if item.numeral.plainDigits >= 5 { return .docNumber }
        if keyword(before: item.numeral.start, in: Words.address) { return .identifier }
        guard let next = at(item.end) else { return .docNumber }
        switch next {
        case "文", "令", "提", "建", "议", "公", "通", "决", "批", "函", "意", "精": return .docNumber
        default: return ScalarClass.isBoundary(next) ? .docNumber : .identifier
        }
    }

    /// Codes that are not counts: digits after `ICP备`, `标识码`, `索引号`, `编号`; digits touching
    /// Latin letters (`IMG_0825`, `5G`); a leading zero (`0825`); nine or more plain digits.
    func identifier(_ item: inout Item) -> NumberKind? {
        let numeral = item.numeral
        guard numeral.form == .arabic || numeral.form == .mixed else { return nil }
        let touchesLetter = (at(numeral.start - 1).map { ScalarClass.isASCIILetter($0) || $0 == "_" } ?? false)
            || (item.unit == nil && (at(numeral.end).map(ScalarClass.isASCIILetter) ?? false))
        let isCode = numeral.hasLeadingZero || (numeral.isPlainInteger && numeral.plainDigits >= 9 && item.unit == nil)
        let previous = at(numeral.start - 1)
        let next = at(numeral.end)
        let isFootnote = previous == "[" && next == "]"
        let isCodeName = numeral.plainDigits >= 3 && previous == "“" && (next == "”" || (next.map(ScalarClass.isHan) ?? false))
        guard touchesLetter || isCode || isFootnote || isCodeName || keyword(before: numeral.start, in: Words.codes) else {
            return nil
        }
        guard numeral.isPlainInteger || touchesLetter else { return nil }
        item.unit = nil
        item.unitCategory = nil
        item.start = numeral.start
        item.end = codeEnd(after: numeral.end)
        return .identifier
    }

    /// `2020914`, `20200914`: a date written without separators (the checker flags the 7-digit
    /// form as malformed).
    func isCompactDate(_ numeral: Numeral) -> Bool {
        guard let value = numeral.integerValue else { return false }
        let digits = numeral.plainDigits
        let year = digits == 8 ? value / 10000 : value / 1000
        let rest = digits == 8 ? value % 10000 : value % 1000
        guard (1900...2100).contains(year) else { return false }
        return Self.isMonthDay(rest, digits: digits - 4)
    }

    /// See `NumberExtractor`: a Chinese count of at most 20 in a short quoted label, or a count
    /// with a measure word that sums up the list just before it.
    func isCountLabel(_ item: Item) -> Bool {
        let numeral = item.numeral
        guard numeral.isInteger(in: 1...20), numeral.resolution == nil, numeral.upper == nil else {
            return false
        }
        if numeral.form == .chinese, isInsideShortLabel(item) { return true }
        guard let unit = item.unit, Words.listMeasures.contains(where: unit.sameUTF8), let noun = at(item.end), ScalarClass.isHan(noun) else {
            return false
        }
        return sumsUpListBefore(item.start, count: numeral.value)
    }

    /// Whether the numeral sits in a quoted label of at most 12 characters (`“三个强化”`).
    private func isInsideShortLabel(_ item: Item) -> Bool {
        var open = item.start - 1
        var closing: Unicode.Scalar?
        while open >= bounds.lowerBound, item.start - open <= 12 {
            guard let scalar = at(open), !ScalarClass.endsSentence(scalar), scalar != "”", scalar != "’" else {
                return false
            }
            if let close = ScalarClass.closingQuote(for: scalar) {
                closing = close
                break
            }
            open -= 1
        }
        guard let closing else { return false }
        var close = item.end
        while let scalar = at(close), close - open <= 13 {
            if scalar == closing { return close - open > 1 + (item.end - item.start) || item.unit == nil }
            if ScalarClass.endsSentence(scalar) || ScalarClass.closingQuote(for: scalar) != nil { return false }
            close += 1
        }
        return false
    }

    /// Whether the count restates the number of items listed just before it in its clause:
    /// quoted items (`“集体资产”“债权债务”“风险隐患”…4本台账`, counted by their closing quotes)
    /// or three or more items separated by `、` with no digits in them (`小组规模、干部结构、宗族聚居、
    /// 资产状况、债权债务5项基本情况`). Two items are too weak a sign: in `巩固脱贫攻坚成效、深化乡村
    /// 两项改革成果` the count belongs to the second item's own phrase.
    private func sumsUpListBefore(_ index: Int, count: Decimal) -> Bool {
        var cursor = index - 1
        if at(cursor) == "”" {
            var quotes = 0
            while let scalar = at(cursor), !ScalarClass.endsClause(scalar) {
                if scalar == "”" { quotes += 1 }
                cursor -= 1
            }
            return Decimal(quotes) == count
        }
        var separators = 0
        while cursor >= bounds.lowerBound, let scalar = at(cursor), !ScalarClass.endsClause(scalar) {
            if scalar == "、" { separators += 1 }
            if ScalarClass.isASCIIDigit(scalar) || Glyph.of(scalar).digit != nil { return false }
            cursor -= 1
        }
        return separators >= 2 && Decimal(separators + 1) == count
    }

    /// `约`, `大约`, `近`, `将近`, `超`, `超过`, `逾`, `不到`, `不足`, `不少于`, `不低于`, `至少`,
    /// `不超过`, `最多` just before the number. `近` before a time (`近3年`) means "the past".
    private func readLeadingQualifier(_ item: inout Item) {
        guard let previous = at(item.start - 1), Words.leadingQualifierEnds.contains(previous) else { return }
        for (word, qualifier) in Words.leadingQualifiers {
            let count = word.count
            guard grammar.matches(word, at: item.start - count) else { continue }
            if word.scalars == ["近"], item.unitCategory == "time" { return }
            if item.qualifier == nil {
                item.qualifier = qualifier
                item.qualifierText = word.text
            } else {
                item.qualifierText = word.text + (item.qualifierText ?? "")
            }
            item.start -= count
            return
        }
    }
}
