import GongwenCheck
import GongwenModel
import Testing

@Suite("checker")
struct CheckerTests {
    let fixture = Fixture("""
        一是高位推动。715日召开推进会议,集中整顿个软弱涣散村。
        今年以来,孵化培育社区社会组织168家,服务城乡社区82个;组建社区志愿服务站56个。
        今年以来,孵化培育社区社会组织168家,服务城乡社区82个;组建社区志愿服务站56个。
        """)

    @Test func findingsAreSortedAndCarryLineAndColumn() throws {
        let found = Checker.check(try fixture.context())
        #expect(found.map(\.rule) == ["date.malformed", "number.missing", "text.duplicate"])
        #expect(found.map(\.start) == found.map(\.start).sorted())
        #expect(found[0].line == 1 && found[0].column == 8)
        #expect(found[2].line == 3 && found[2].column == 1)
    }

    @Test func filtersByRuleAndSeverity() throws {
        let context = try fixture.context()
        #expect(Checker.check(context, options: CheckOptions(only: ["number.missing"])).map(\.rule) == ["number.missing"])
        #expect(Checker.check(context, options: CheckOptions(excluded: ["number.missing", "date.malformed"])).map(\.rule) == ["text.duplicate"])
        #expect(Checker.check(context, options: CheckOptions(minimumSeverity: .warning)).map(\.rule) == ["date.malformed", "number.missing"])
        #expect(CheckOptions(only: ["date.malformed", "no.such"]).unknownRuleIDs == ["no.such"])
    }

    @Test func registryIdsAreUniqueAndWellFormed() {
        let ids = RuleRegistry.ids
        #expect(Set(ids).count == ids.count)
        for rule in RuleRegistry.all {
            #expect(rule.id.wholeMatch(of: /[a-z]+\.[a-z_]+/) != nil, "\(rule.id)")
            #expect(!rule.title.isEmpty && !rule.rationale.isEmpty && !rule.example.isEmpty, "\(rule.id)")
        }
    }

    @Test func everyMessageHasBothLanguages() {
        let messages: [Message] = [
            .monthDayGlued(text: "715日", readings: ["7月15日"]), .dateGlued(text: "2020914", reading: "2020年9月14日"),
            .docNumberYearGlued(text: "川财社20191166号", suggestion: "川财社〔2019〕1166号"), .measureWithoutNumber(word: "个", context: "整顿个"),
            .lostLeadingDigits(text: ".25万条"), .yearRangeMissing(text: "(—年)"), .yearMissing(text: "年以来"),
            .numbersMerged(text: "68.3%1500人", first: "68.3%", second: "1500人"), .numberingGap(previous: "二、", found: "四、", missing: ["三、"]),
            .numberingRepeat(previous: "(二)", found: "(二)"), .numberingBackwards(previous: "(三)", found: "(二)"),
            .duplicateParagraph(length: 40, firstLine: 3), .duplicatePassage(length: 40, firstLine: 3),
            .countMismatch(label: "三个优化", stated: 3, found: 2, markers: ["一是", "二是"]),
            .implausible(text: "300岁", subject: "年龄", value: 300, unit: "岁", bound: 120, isUpper: true, boundName: "年龄", boundNameEn: "an age"),
        ]
        for message in messages {
            #expect(message.zh != message.en)
            #expect(message.en.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic })
        }
        #expect(Message.numberingGap(previous: "二、", found: "四、", missing: ["三、"]).en == "numbering jumps from \"二、\" to \"四、\"; missing \"三、\"")
    }
}
