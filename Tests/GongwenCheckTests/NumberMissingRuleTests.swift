import GongwenCheck
import GongwenModel
import Testing

@Suite("number.missing")
struct NumberMissingRuleTests {
    let rule = NumberMissingRule()

    @Test func measureWordAfterACountingVerb() throws {
        let fixture = Fixture("动态排查并集中整顿1️⃣个2️⃣软弱涣散村(社区)党组织。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "“整顿个软弱涣散”中“个”前缺少数字")
        #expect(found.first?.messageEn == "no number before \"个\" in \"整顿个软弱涣散\"")
    }

    @Test func scaleAndUnitWithNoNumberAndMeasureAfterPreposition() throws {
        let fixture = Fixture("投入1️⃣万元2️⃣在3️⃣个4️⃣村开展村级集体经济发展试点。")
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2), fixture.span(3, 4)])
    }

    @Test func measureWordClosingAClause() throws {
        let fixture = Fixture("建成村级综合性文化服务中心示范点1️⃣个2️⃣,依托乡镇文化站开展服务。")
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2)])
    }

    @Test func decimalThatLostItsLeadingDigits() throws {
        let fixture = Fixture("平台基础数据录入累计1️⃣.25万条2️⃣,法律顾问累计服务群众3️⃣.5万人次4️⃣,上传事件34.79万件。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2), fixture.span(3, 4)])
        #expect(found.first?.message == "数字“.25万条”缺少小数点前的数字")
    }

    @Test func yearRangeAndYearLost() throws {
        let fixture = Fixture("出台了《三年行动工作方案1️⃣(—年)2️⃣》等系列文件。3️⃣年以来4️⃣,信访量逐年下降。")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2), fixture.span(3, 4)])
        #expect(found.map(\.message) == ["年份范围“(—年)”缺少年份", "“年以来”前缺少年份"])
    }

    @Test func wordsHoldingMeasureWordsAreNotFlagged() throws {
        let fixture = Fixture("""
            促进个人发展,个别村整改,各个部门,这个问题,一个目标,整个过程,某个环节,每个乡镇,个性化服务,万一发生,千万注意。
            近年以来,工作持续至年底,上万人参加,投入500万元在10个村试点,签约亿元以上项目35个,建成示范点12个,累计2.25万条。
            《三年行动方案(2019—2021年)》印发,2019年以来成效明显。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }
}
