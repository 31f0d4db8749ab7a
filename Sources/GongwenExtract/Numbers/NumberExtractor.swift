import GongwenModel
import GongwenText

/// Every number in the folded text, classified: the number grammar plus what surrounds each
/// numeral — unit, percent sign, qualifier, range, date, document number.
///
/// In `全市乡镇(街道)从200个优化到139(其中:6个乡、116个镇、17个街道)` the mentions are `200个`,
/// `139` (unit `个` inherited from `200个`), `6个`, `116个`, `17个`, all of kind `quantity`; in
/// `2019年,市财政争取到社区建设资金140万元(川财社20191166号)` they are `2019年` (year), `140万元`
/// (quantity 1400000, unit `元`) and `20191166号` (doc_number).
///
/// Decisions where the text is open to more than one reading:
/// - Scale words go into the value and the unit keeps the rest: `140万元` is 1400000 `元`,
///   `1.84万人` 18400 `人`; `533万` with no unit word is 5330000 with unit `nil`.
/// - Percentage points (`上升0.02个百分点`) are kind `quantity` with unit `百分点`; kind `percent`
///   is kept for `%`, `百分之…`, `X成` and `X折`; `千分之…` and `‰` are `permille`; `万分之…` and
///   smaller shares are `fraction` with the value as a plain decimal (`万分之三` → 0.0003).
/// - Fractions are exact decimals when they terminate, else rounded to 10 decimal places.
/// - Approximate numerals (`三五天`, `七八个`, `二三十`) are ranges with qualifier `about`;
///   `十之八九` and other adjacent digits with no unit after them are not numbers.
/// - A lone Chinese digit is a number only with a measure word after it, after `第`, as an
///   enumeration (`一是`, `(一)`), or standing alone as a word (see `NumberScanner`).
/// - `count_label` is a Chinese count of at most 20 that names a group: the numeral opens or sits
///   in a short quoted label (`“三个强化”`, `“五社联动”`, `“四清单一目录”`), or a count with a
///   measure word follows a list it sums up (`“产业发展”“集体资产”…4本台账`,
///   `小组规模、干部结构…5项基本情况`), or `N大` + noun (`四大任务`).
/// - `count_word` is a one-character Chinese numeral with its measure word (`一批`, `一次`, `一支`,
///   `两项改革`, `县乡村三级`): it counts things in passing and is not a statistic, unless a cue
///   announces one just before it (`共有三个`, `累计五次`, `增加到两个`: see `Words.statisticCues`).
///   Otherwise a count is a `quantity`. `KindRecognizer` lists these decisions in order.
/// - Numbers in web addresses are skipped.
/// - A number with more digits than a `Decimal` holds exactly is an `identifier` with no value
///   (see `Overflow`), never a value that is cut or NaN.
public enum NumberExtractor {
    /// Every number in the document.
    public static func mentions(in text: SourceText) -> [NumberMention] {
        mentions(in: text, range: 0..<text.count)
    }

    /// The numbers that start inside `range` (a paragraph, a sentence); the text outside the range
    /// is not looked at.
    public static func mentions(in text: SourceText, range: Range<Int>) -> [NumberMention] {
        var reader = MentionReader(text: text, bounds: range.clamped(to: 0..<text.count))
        var mentions = reader.readAll()
        Overflow.demote(&mentions)
        UnitInheritance.apply(to: &mentions, in: text.folded)
        return mentions
    }
}
