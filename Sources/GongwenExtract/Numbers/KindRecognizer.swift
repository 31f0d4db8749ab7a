import GongwenModel
import GongwenText

/// The ordered table of heuristics that give a number read with its unit a kind other than
/// `quantity`. The first recogniser that answers decides; a recogniser may widen the item's span
/// (`第四届` takes the `第`, `十九大` stays, `十九届四中全会` takes `中全会`).
///
/// Order matters where two could answer: `第` before everything (`第110号` is a doc number, not an
/// address), identifiers before count labels (`5G`), count labels before count words (`“三个强化”`).
enum KindRecognizer: CaseIterable {
    /// `第四届`, `第二批`, `第110号`: a number after `第`.
    case afterOrdinalPrefix
    /// `四届`: a session counted with `届`.
    case session
    /// `十九届四中全会`: the plenary session.
    case plenum
    /// `第四届四次`: the meeting of a session just read.
    case meetingOfSession
    /// `一是`, `(一)`, `1、` at the start of a line.
    case enumerationMarker
    /// `二十一世纪`.
    case century
    /// `百强县`, `十强`.
    case ranking
    /// `二〇二二`, `2020` without a unit.
    case year
    /// `2.0时代`, `4.0版`: a version, not a measurement.
    case version
    /// `20191166号` (doc number) or `江北大道中段38号` (address).
    case docNumberOrAddress
    /// `第3版`.
    case edition
    /// `ICP备14032324号`, `5G`, `0825`, `[12]`.
    case identifier
    /// `党的十九大` (ordinal), `三大任务` (count label).
    case congressOrCountLabel
    /// `“三个强化”`, `5项基本情况` after the five items.
    case countLabel
    /// `一批`, `一次`, `两项改革`, `县乡村三级`: a one-character Chinese numeral with its measure word.
    case countWord
    /// `20200914`, `2020914`: a date written without separators.
    case compactDate

    /// The kind the first recogniser that answers gives, or `nil` for a quantity.
    static func kind(of item: inout MentionReader.Item, in reader: MentionReader) -> NumberKind? {
        for recognizer in allCases {
            if let kind = recognizer.kind(of: &item, in: reader) { return kind }
        }
        return nil
    }

    func kind(of item: inout MentionReader.Item, in reader: MentionReader) -> NumberKind? {
        let numeral = item.numeral
        let next = reader.at(item.end)
        switch self {
        case .afterOrdinalPrefix:
            guard reader.at(item.start - 1) == "第" else { return nil }
            item.start -= 1
            return item.unit == "号" ? .docNumber : .ordinal
        case .session:
            return item.unit == "届" ? .ordinal : nil
        case .plenum:
            guard item.unit == nil, reader.grammar.matches(Words.plenum, at: item.end) else { return nil }
            item.end += Words.plenum.count
            return .ordinal
        case .meetingOfSession:
            guard item.unit == "次", let last = reader.mentions.last, last.kind == .ordinal, last.end == item.start,
                last.text.hasSuffix("届")
            else { return nil }
            return .ordinal
        case .enumerationMarker:
            return item.unit == nil && reader.isEnumerationMarker(item) ? .ordinal : nil
        case .century:
            guard item.unit == nil, reader.grammar.matches(Words.century, at: item.end) else { return nil }
            item.end += Words.century.count
            return .ordinal
        case .ranking:
            guard item.unit == nil, next == "强", numeral.resolution == nil else { return nil }
            item.end += 1
            return .ordinal
        case .year:
            return item.unit == nil && numeral.form == .digits && reader.isYearLike(numeral) ? .year : nil
        case .version:
            guard item.unit == nil, numeral.form == .arabic, numeral.fractionDigits == 1, reader.at(numeral.end - 1) == "0",
                next.map(ScalarClass.isHan) ?? false
            else { return nil }
            return .identifier
        case .docNumberOrAddress:
            return item.unit == "号" ? reader.docNumberOrAddress(&item) : nil
        case .edition:
            return item.unit == "版" ? .identifier : nil
        case .identifier:
            return reader.identifier(&item)
        case .congressOrCountLabel:
            guard item.unit == nil, next == "大" else { return nil }
            if reader.keyword(before: item.start, in: Words.party) { return .ordinal }
            guard numeral.form == .chinese, numeral.isInteger(in: 1...20), let noun = reader.at(item.end + 1),
                ScalarClass.isHan(noun)
            else { return nil }
            return .countLabel
        case .countLabel:
            return reader.isCountLabel(item) ? .countLabel : nil
        case .countWord:
            guard item.unit != nil, numeral.form == .chinese, numeral.isLone, item.qualifier == nil,
                !reader.keyword(before: item.start, in: Words.statisticCues)
            else { return nil }
            return .countWord
        case .compactDate:
            guard item.unit == nil, numeral.isPlainInteger, numeral.plainDigits == 7 || numeral.plainDigits == 8,
                reader.isCompactDate(numeral)
            else { return nil }
            return .date
        }
    }
}
