import Foundation
import Gongwen
import GongwenModel
import GongwenStore

/// A short report of 江苏省民政厅 parsed by the pipeline, with claims, links, lists and findings
/// added by hand where extraction and checking will put them (those stages are not merged yet).
enum Fixture {
    static let text = """
        江苏省民政厅
        关于社区治理工作情况的报告
        省人大常委会:
        一、深化社区网格化治理。全省共划分城乡社区网格12.3万个,配备专职网格员8.6万人。
        二、推动教育资源下沉。一是优化社区规模,社区由2177个优化到1316个,减少861个,减幅达39.54%。二是深化“微自治”实践,建立议事协商机制。
        江苏省民政厅
        2022年6月24日
        """

    /// The span of the `occurrence`-th (from 1) appearance of `fragment` in `text`, in code points.
    static func span(of fragment: String, occurrence: Int = 1, in text: String = text) -> Span {
        let scalars = Array(text.unicodeScalars)
        let needle = Array(fragment.unicodeScalars)
        var seen = 0
        for start in 0...(scalars.count - needle.count) where Array(scalars[start..<start + needle.count]) == needle {
            seen += 1
            if seen == occurrence { return Span(start: start, end: start + needle.count) }
        }
        preconditionFailure("\(fragment) not in text")
    }

    static func claim(_ id: Int, _ text: String, occurrence: Int = 1, value: Decimal, unit: String, kind: NumberKind = .quantity, subject: String, predicate: String? = nil, section: String, sentence: String) -> Claim {
        var mention = NumberMention(text: text, span: span(of: text, occurrence: occurrence), kind: kind, value: value)
        mention.unit = unit
        var claim = Claim(id: id, mention: mention, sentence: span(of: sentence))
        claim.subject = subject
        claim.predicate = predicate
        claim.section = section
        return claim
    }

    static let gridSentence = "全省共划分城乡社区网格12.3万个,配备专职网格员8.6万人。"
    static let changeSentence = "社区由2177个优化到1316个,减少861个,减幅达39.54%。"

    /// The analysed report with everything a finished pipeline would add.
    static func analysis(source: String = "fixture/jiangsu-report.txt") throws -> Analysis {
        var analysis = try Analysis.run(text: text, source: source)
        var document = analysis.document
        document.claims = [
            claim(0, "12.3万个", value: 123_000, unit: "个", subject: "城乡社区网格", section: "一、", sentence: gridSentence),
            claim(1, "8.6万人", value: 86_000, unit: "人", subject: "专职网格员", section: "一、", sentence: gridSentence),
            claim(2, "2177个", value: 2177, unit: "个", subject: "社区", section: "二、/一是", sentence: changeSentence),
            claim(3, "1316个", value: 1316, unit: "个", subject: "社区", predicate: "优化到", section: "二、/一是", sentence: changeSentence),
            claim(4, "861个", value: 861, unit: "个", subject: "社区", predicate: "减少", section: "二、/一是", sentence: changeSentence),
            claim(5, "39.54%", value: Decimal(string: "39.54")!, unit: "%", kind: .percent, subject: "社区", predicate: "减幅", section: "二、/一是", sentence: changeSentence),
        ]
        let change = span(of: "由2177个优化到1316个,减少861个,减幅达39.54%")
        document.changes = [Change(from: 2, to: 3, delta: 4, rate: 5, direction: .decrease, span: change)]
        document.breakdowns = [Breakdown(total: 2, parts: [3, 4], span: change)]
        document.rates = [
            Rate(kind: .rate, rate: 5, numerator: 4, denominator: 2, span: change),
            Rate(kind: .share, rate: 5, numerator: 3, denominator: nil, denominatorParts: [3, 4], span: change),
        ]
        let first = span(of: "一是优化社区规模")
        let second = span(of: "二是深化“微自治”实践")
        document.lists = [
            EnumeratedList(
                statedCount: nil, label: nil, style: .inline, span: Span(start: first.start, end: span(of: "建立议事协商机制。").end),
                section: "二、",
                items: [
                    ListItem(marker: "一是", text: "优化社区规模", span: Span(start: first.start + 2, end: first.end)),
                    ListItem(marker: "二是", text: "深化“微自治”实践", span: Span(start: second.start + 2, end: second.end)),
                ]),
            EnumeratedList(
                statedCount: 2, label: nil, style: .enumeration, span: span(of: "城乡社区网格12.3万个,配备专职网格员"),
                section: "一、",
                items: [ListItem(marker: nil, text: "城乡社区网格", span: span(of: "城乡社区网格"))]),
        ]
        let rate = span(of: "39.54%")
        document.findings = [
            Finding(
                rule: "change.rate", severity: .info, message: "减幅 39.54% 与 861/2177 = 39.5498% 不符(截断而非四舍五入)",
                messageEn: "rate 39.54% differs from 861/2177 = 39.5498% (truncated, not rounded)", span: rate, line: 5,
                column: 52, stated: Decimal(string: "39.54"), expected: Decimal(string: "39.5498"),
                evidence: [span(of: "861个"), span(of: "2177个")]),
            Finding(
                rule: "magnitude.implausible", severity: .warning, message: "专职网格员 8.6万人 超过常见规模",
                messageEn: "8.6万人 grid workers is beyond the usual size", span: span(of: "8.6万人"), line: 4, column: 40),
        ]
        analysis.document = document
        return analysis
    }
}
