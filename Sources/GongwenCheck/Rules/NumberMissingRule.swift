import GongwenModel
import GongwenSegment
import GongwenText

/// `number.missing`: a measure word, scale or year where the number that should stand before it
/// was lost (typically digits dropped when a page was scraped or a table flattened).
///
/// Flagged, each only where a numeral is required and none is there:
/// - `个` right after a verb that takes a counted object (整顿, 建成, 培育, 投入, 在 …): `集中整顿个软弱涣散村`,
///   `在个村开展`; or `个` closing a clause after a noun: `示范点个,`;
/// - a scale word and unit right after such a verb: `投入万元` (not a category: `签约亿元以上项目`);
/// - a decimal point with no digits before it: `累计.25万条`, `服务群众.5万人次`;
/// - a year range that lost its years: `(—年)`; `年以来` opening a clause.
///
/// Not flagged: `个人`, `个别`, `个性化`, `各个`, `这个`, `一个`, `整个`, `某个`, `每个`, `万一`, `千万`, `上万人`,
/// `近年以来`, `至年底`.
///
/// Real example (河源市委政法委 report): `动态排查并集中整顿个软弱涣散村(社区)党组织` → `“整顿个软弱涣散”中“个”前缺少数字`.
public struct NumberMissingRule: TextRule {
    public let id = "number.missing"
    public let severity = Severity.error
    public let title = "A measure word or scale with no number before it"
    public let rationale = """
        A statement such as `投入万元在个村开展试点` or `累计.25万条` has lost the digits it was about: the \
        reader cannot tell how much. The rule looks only where Chinese requires a numeral: `个` or a scale \
        word with its unit (`万元`) directly after a verb that takes a counted object (整顿, 建成, 培育, 投入, \
        在, 有 …), `个` closing a clause after a noun (`示范点个,`), a decimal point with nothing before it, a \
        bracketed year range with its years gone (`(—年)`), and `年以来` opening a clause. Words in which \
        `个` or `万` belong (个人, 个别, 个性, 各个, 这个, 整个, 每个, 万一, 千万, 上万) are not flagged.
        """
    public let example = "`集中整顿个软弱涣散村(社区)党组织` → “整顿个软弱涣散”中“个”前缺少数字"

    public init() {}

    /// Verbs (and 在/有/共/达) after which a count must come: `整顿3个村`, `投入500万元`, `在10个村`.
    static let countingVerbs = [
        "整顿", "建成", "建设", "打造", "培育", "创建", "新建", "改造", "完成", "设立", "成立", "组建", "投入", "筹集", "争取",
        "安排", "拨付", "下达", "发放", "累计", "共计", "合计", "总计", "达到", "新增", "选择", "确定", "评选", "培训", "惠及",
        "覆盖", "涉及", "带动", "吸纳", "帮扶", "资助", "补助", "开展", "举办", "招聘", "排查", "化解", "受理", "办结", "接待",
        "走访", "在", "有", "共", "达",
    ]
    /// Words after a scale and unit that make a category, not a count: `亿元以上项目`, `万元以下`.
    static let categoryWords = ["以上", "以下", "以内", "级"]
    /// Characters after `个` that make a word of it: 个人, 个体, 个性, 个别, 个案 …
    static let wordAfterGe: Set<Unicode.Scalar> = ["人", "体", "性", "别", "案", "税", "例", "子", "位", "头", "儿", "把", "中", "股"]
    /// Characters before `个` that count or point by themselves: 整个, 各个, 这个, 每个, 几个, 两个 …
    static let wordBeforeGe: Set<Unicode.Scalar> = [
        "整", "各", "这", "那", "哪", "某", "每", "几", "多", "两", "半", "单", "逐", "挨", "上", "下", "本", "该", "此", "其", "任",
        "凡", "个", "余", "来", "首", "真",
    ]
    /// Units after a scale word: `万元`, `万人`, `亿元`.
    static let unitsAfterScale = ["人次", "平方", "公里", "千米", "元", "人", "户", "名", "件", "条", "个", "亩", "吨", "册", "份", "次", "株", "套", "间", "场"]
    /// Units after a number with lost leading digits: `.25万条`, `.5万人次`.
    static let numberUnits: Set<Unicode.Scalar> = ["个", "人", "名", "家", "户", "元", "件", "条", "项", "次", "场", "所", "座", "亩", "吨", "册", "份", "套", "台", "辆", "间", "支", "批", "处", "例", "起"]
    static let dashes: Set<Unicode.Scalar> = ["—", "–", "-", "~", "～"]

    public func visitor(_ context: CheckContext) -> any TextVisitor { Visitor(self, context) }

    /// The scalars where a number may be missing: `个` and the scale words, a decimal point, `年`.
    final class Visitor: TextVisitor {
        let rule: NumberMissingRule
        let context: CheckContext
        var findings: [Finding] = []
        let triggers: Set<Unicode.Scalar> = ["个", "万", "萬", "亿", "億", ".", "年"]

        init(_ rule: NumberMissingRule, _ context: CheckContext) {
            self.rule = rule
            self.context = context
        }

        func begin(_ paragraph: Paragraph) -> Bool { paragraph.role != .date }

        func scalar(at index: Int, in paragraph: Paragraph) {
            let span = paragraph.span
            let found: Finding?
            switch context.source.folded[index] {
            case ".": found = rule.lostLeadingDigits(context, at: index, in: span)
            case "年": found = rule.lostYears(context, at: index, in: span)
            default: found = rule.missingBeforeMeasure(context, at: index, in: span)
            }
            if let found, !context.isBoilerplate(found.span) { findings.append(found) }
        }
    }

    /// `整顿个软弱`, `示范点个,`, `投入万元`: the finding anchors on the measure word.
    func missingBeforeMeasure(_ context: CheckContext, at index: Int, in span: Span) -> Finding? {
        let s = context.source.folded
        let scalar = s[index]
        guard index > span.start, scalar == "个" || ChineseNumerals.scale(scalar) != nil else { return nil }
        let before = s[index - 1]
        if Scan.isNumeral(before) || before == "." { return nil }
        let verb = Scan.wordEnding(s, before: index, start: span.start, Self.countingVerbs)
        var anchor = Span(start: index, end: index + 1)
        if scalar == "个" {
            let after = index + 1 < span.end ? s[index + 1] : "\n"
            if Self.wordAfterGe.contains(after) || Self.wordBeforeGe.contains(before) { return nil }
            let closesClause = index + 1 == span.end || isPunctuation(after) || after == ")"
            guard verb != nil && isCJK(after) || closesClause && isCJK(before) else { return nil }
        } else {
            guard verb != nil, let unit = Self.unitsAfterScale.first(where: { Scan.startsWith(s, at: index + 1, end: span.end, [$0]) }) else { return nil }
            anchor.end += unit.unicodeScalars.count
            if Scan.startsWith(s, at: anchor.end, end: span.end, Self.categoryWords) { return nil }
        }
        let text = Scan.context(context.source, anchor, before: verb.map { $0.unicodeScalars.count } ?? 3, after: 4, limit: span)
        return finding(.measureWithoutNumber(word: context.source.text(anchor), context: text), at: anchor)
    }

    /// `累计.25万条`: a decimal point after a character that is not a digit.
    func lostLeadingDigits(_ context: CheckContext, at index: Int, in span: Span) -> Finding? {
        let s = context.source.folded
        guard s[index] == ".", index > span.start, isCJK(s[index - 1]) || isPunctuation(s[index - 1]),
              index + 1 < span.end, isASCIIDigit(s[index + 1]) else { return nil }
        var end = Scan.digitEnd(s, from: index + 1, end: span.end)
        while end < span.end, ChineseNumerals.scale(s[end]) != nil { end += 1 }
        let unitStart = end
        while end < span.end, end - unitStart < 2, Self.numberUnits.contains(s[end]) { end += 1 }
        if end < span.end, s[end] == "%" { end += 1 }
        guard end > Scan.digitEnd(s, from: index + 1, end: span.end) else { return nil }
        let anchor = Span(start: index, end: end)
        return finding(.lostLeadingDigits(text: context.source.text(anchor)), at: anchor)
    }

    /// `(—年)` with its years lost, `2019—年)` with its end year lost, `年以来` opening a clause.
    func lostYears(_ context: CheckContext, at index: Int, in span: Span) -> Finding? {
        let s = context.source.folded
        guard s[index] == "年" else { return nil }
        let after = index + 1 < span.end ? s[index + 1] : "\n"
        if index == span.start || Scan.isBoundary(s[index - 1]) && s[index - 1] != "—" {
            guard Scan.startsWith(s, at: index + 1, end: span.end, ["以来"]) else { return nil }
            let anchor = Span(start: index, end: index + 3)
            return finding(.yearMissing(text: context.source.text(anchor)), at: anchor)
        }
        var dashStart = index
        while dashStart > span.start, Self.dashes.contains(s[dashStart - 1]) { dashStart -= 1 }
        guard dashStart < index, dashStart > span.start, index + 1 == span.end || isPunctuation(after) || after == ")" else { return nil }
        var start = dashStart
        if s[dashStart - 1] == "(" {
            start -= 1
        } else {
            guard isASCIIDigit(s[dashStart - 1]) else { return nil }
            while start > span.start, isASCIIDigit(s[start - 1]) { start -= 1 }
        }
        let end = s[start] == "(" && after == ")" ? index + 2 : index + 1
        let anchor = Span(start: start, end: end)
        return finding(.yearRangeMissing(text: context.source.text(anchor)), at: anchor)
    }
}
