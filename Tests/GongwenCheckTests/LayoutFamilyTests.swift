import GongwenCheck
import GongwenModel
import Testing

/// One case per layout of issue 9 that hides a relation from the linkers: the statement laid out as
/// real documents lay it out, silent when its numbers hold, and with one number planted wrong, found by
/// the rule that recomputes it, anchored where `1️⃣…2️⃣` say. Numbers are made up.
@Suite("layout families")
struct LayoutFamilyTests {
    /// The error/warning findings of every rule on `text`, as `rule: text` of their spans.
    func alarms(_ text: String) throws -> (fixture: Fixture, found: [Finding]) {
        let fixture = Fixture(text)
        return (fixture, try fixture.analysis().document.findings.filter { $0.severity >= .warning })
    }

    /// A short page (a yearbook entry) hard-wrapped at about 44 characters: the level ends one line and
    /// its rate starts the next; a part of the 其中 ends one line, its unit word the next.
    static func yearbookEntry(rate: String, nonTax: String) -> String {
        """
        【财政工作】

        2019年,全县一般公共预算收入完成12.5亿元,比上年增加1.0亿元,增长
        \(rate)。其中,税收收入9.0亿元,非税收入\(nonTax)亿元。全年争取上级各类补助资
        金合计20.3亿元,重点保障了教育、卫生、社会保障、农业农村和城乡建设等
        方面的支出需求,全县财政收支平衡,运行总体平稳,各项改革稳步推进,预算
        管理水平进一步提高。
        """
    }

    @Test func aShortHardWrappedPage() throws {
        // 1.0/(12.5 − 1.0) = 8.70%; 9.0 + 3.5 = 12.5.
        #expect(try alarms(Self.yearbookEntry(rate: "8.7%", nonTax: "3.5")).found.isEmpty)
        let rate = try alarms(Self.yearbookEntry(rate: "1️⃣9.7%2️⃣", nonTax: "3.5"))
        #expect(rate.found.map(\.rule) == ["change.rate"])
        #expect(rate.found.map(\.span) == [rate.fixture.span(1, 2)])
        let part = try alarms(Self.yearbookEntry(rate: "8.7%", nonTax: "4.5"))
        #expect(part.found.map(\.rule) == ["sum.parts"])
        #expect(part.found.first?.span == part.fixture.span(of: "12.5亿元"))
    }
}
