@testable import GongwenCheck
import GongwenModel
import Testing

@Suite("structure.numbering")
struct StructureNumberingRuleTests {
    let rule = StructureNumberingRule()

    @Test func headingGap() throws {
        let fixture = Fixture("""
            一、总体要求
            做好基层治理工作。
            二、主要任务
            做好基层治理工作。
            1️⃣四、2️⃣保障措施
            做好基层治理工作。
            """)
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "编号从“二、”跳到“四、”,缺少“三、”")
        #expect(found.first?.severity == .warning)
        #expect(found.first?.evidence.count == 1)
    }

    @Test func aStepBackBesideATableRowIsUnsure() throws {
        // A row label wrapped over two lines of a PDF table (`5.其他国有资本经营预算` / `收入 546 104 19.0`) reads
        // as a numbered line; the numbers beside a table are the table's.
        let fixture = Fixture("""
            一、收入情况
            5.其他国有资本经营预算
            收入 546 104 19.0 40 160.0
            1️⃣4.2️⃣其他国有资本经营预算支出
            """)
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.severity == .info)
    }

    @Test func repeatedParenthesisedHeading() throws {
        let fixture = Fixture("""
            一、主要任务
            (一)强化组织领导。做好工作。
            (二)强化风险管控。做好工作。
            1️⃣(二)2️⃣强化责任落实。做好工作。
            """)
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "编号“(二)”重复(上一项也是“(二)”)")
    }

    @Test func inlineItemGap() throws {
        let fixture = Fixture("四、推动构建社区治理共同体。一是建立机制,推动共建。1️⃣三是2️⃣健全下派机制,推动下沉。")
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2)])
    }

    @Test func sequencesThatHoldAndNewRunsAreNotFlagged() throws {
        let fixture = Fixture("""
            一、主要任务
            (一)强化组织领导。一是建立机制。二是完善制度。三是强化考核。
            (二)强化风险管控。一是排查风险。二是化解矛盾。
            二、保障措施
            (一)健全领导机制。做好工作。
            (二)落实经费保障。做好工作。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func missingMarkerWrittenInsideALineIsNotAGap() throws {
        let fixture = Fixture("一是强化阵地建设。二是优化干部配置,能力结构优化三是加大财政投入。四是完善考核,推动落实。")
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func renumberedMarkersKeepTheirScript() {
        #expect(StructureNumberingRule.marker("二、", renumbered: 3) == "三、")
        #expect(StructureNumberingRule.marker("(九)", renumbered: 10) == "(十)")
        #expect(StructureNumberingRule.marker("2.", renumbered: 3) == "3.")
        #expect(StructureNumberingRule.marker("一是", renumbered: 12) == "十二是")
        #expect(StructureNumberingRule.marker("②", renumbered: 3) == "③")
    }
}
