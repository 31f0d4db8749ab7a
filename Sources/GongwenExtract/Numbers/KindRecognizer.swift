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
        for recognizer in order {
            if let kind = recognizer.kind(of: &item, in: reader) { return kind }
        }
        return nil
    }

    /// `allCases` once: the synthesized property builds a new array on every call, once per number read.
    private static let order = allCases

    func kind(of item: inout MentionReader.Item, in reader: MentionReader) -> NumberKind? {
        // `item.numeral` is read in place: a copy of it (a `Numeral`, 160 bytes) per recogniser cost more than most tests.
        switch self {
        case .afterOrdinalPrefix:
            guard reader.at(item.start - 1) == "第" else { return nil }
            item.start -= 1
            return item.unit?.sameUTF8("号") == true ? .docNumber : .ordinal
        case .session: return item.unit?.sameUTF8("届") == true ? .ordinal : nil
        case .plenum: return Self.ordinal(endingWith: Words.plenum, &item, reader)
        case .meetingOfSession: return Self.isMeetingOfSession(item, reader) ? .ordinal : nil
        case .enumerationMarker: return item.unit == nil && reader.isEnumerationMarker(item) ? .ordinal : nil
        case .century: return Self.ordinal(endingWith: Words.century, &item, reader)
        case .ranking: return Self.ordinal(endingWith: Words.ranking, &item, reader, plainOnly: true)
        case .year: return item.unit == nil && item.numeral.form == .digits && reader.isYearLike(item.numeral) ? .year : nil
        case .version: return Self.isVersion(item, reader) ? .identifier : nil
        case .docNumberOrAddress: return item.unit?.sameUTF8("号") == true ? reader.docNumberOrAddress(&item) : nil
        case .edition: return item.unit?.sameUTF8("版") == true ? .identifier : nil
        case .identifier: return reader.identifier(&item)
        case .congressOrCountLabel: return Self.congressOrCountLabel(item, reader)
        case .countLabel: return reader.isCountLabel(item) ? .countLabel : nil
        case .countWord: return Self.isCountWord(item, reader) ? .countWord : nil
        case .compactDate:
            let isCompact = item.unit == nil && item.numeral.isPlainInteger && (item.numeral.plainDigits == 7 || item.numeral.plainDigits == 8)
            return isCompact && reader.isCompactDate(item.numeral) ? .date : nil
        }
    }

    /// A number with no unit that `word` follows is an ordinal that takes the word: `四中全会`,
    /// `二十一世纪`, `20强` (`plainOnly`: not `2.5强`).
    private static func ordinal(
        endingWith word: Word, _ item: inout MentionReader.Item, _ reader: MentionReader, plainOnly: Bool = false
    ) -> NumberKind? {
        guard item.unit == nil, reader.grammar.matches(word, at: item.end), !plainOnly || item.numeral.resolution == nil else {
            return nil
        }
        item.end += word.count
        return .ordinal
    }

    /// `四次` right after `第四届`.
    private static func isMeetingOfSession(_ item: MentionReader.Item, _ reader: MentionReader) -> Bool {
        // The last mention read in place (not copied), its text compared byte for byte.
        guard item.unit?.sameUTF8("次") == true, let last = reader.mentions.indices.last else { return false }
        return reader.mentions[last].kind == .ordinal && reader.mentions[last].end == item.start && reader.mentions[last].text.endsWith("届")
    }

    /// `2.0时代`: one decimal `0` and a Han character after it.
    private static func isVersion(_ item: MentionReader.Item, _ reader: MentionReader) -> Bool {
        let numeral = item.numeral
        return item.unit == nil && numeral.form == .arabic && numeral.fractionDigits == 1
            && reader.at(numeral.end - 1) == "0" && (reader.at(item.end).map(ScalarClass.isHan) ?? false)
    }

    /// `党的十九大` is an ordinal; `四大任务` (a Chinese count up to 20, `大`, a noun) a count label.
    private static func congressOrCountLabel(_ item: MentionReader.Item, _ reader: MentionReader) -> NumberKind? {
        guard item.unit == nil, reader.at(item.end) == "大" else { return nil }
        if reader.keyword(before: item.start, in: Words.party) { return .ordinal }
        let numeral = item.numeral
        guard numeral.form == .chinese, numeral.isInteger(in: 1...20), let noun = reader.at(item.end + 1) else { return nil }
        return ScalarClass.isHan(noun) ? .countLabel : nil
    }

    /// A one-character Chinese numeral with a measure word and no qualifier, with no cue of a
    /// statistic just before it (`Words.statisticCues`).
    private static func isCountWord(_ item: MentionReader.Item, _ reader: MentionReader) -> Bool {
        let numeral = item.numeral
        return item.unit != nil && numeral.form == .chinese && numeral.isLone && item.qualifier == nil
            && !reader.keyword(before: item.start, in: Words.statisticCues)
    }
}
