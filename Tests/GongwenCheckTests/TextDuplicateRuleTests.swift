import GongwenCheck
import GongwenModel
import Testing

@Suite("text.duplicate")
struct TextDuplicateRuleTests {
    let rule = TextDuplicateRule()

    @Test func repeatedSentenceWithEvidenceAtTheFirst() throws {
        let sentence = "今年以来,孵化培育社区社会组织168家,服务城乡社区82个;组建社区志愿服务站和社会工作服务站56个。"
        let fixture = Fixture("""
            三是积极推进“三社联动”。1️⃣\(sentence)2️⃣
            三是不断提升治理能力。3️⃣\(sentence)4️⃣开展日间照料服务。
            """)
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(3, 4)])
        #expect(found.first?.evidence == [fixture.span(1, 2)])
        #expect(found.first?.message == "这段文字(51字)与第1行的文字完全相同")
        #expect(found.first?.severity == .info)
    }

    @Test func repeatedParagraphIsOneFinding() throws {
        let paragraph = "坚持问题导向、目标导向,逐条梳理剖析、逐一查找问题症结、逐项落实整改措施。制定工作方案,细化整改措施。"
        let fixture = Fixture("1️⃣\(paragraph)2️⃣\n推进整改工作落实。\n3️⃣\(paragraph)4️⃣")
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(3, 4)])
        #expect(found.first?.evidence == [fixture.span(1, 2)])
        #expect(found.first?.message.hasPrefix("本段(") == true)
    }

    @Test func shortRepeatsAndDifferentSentencesAreNotFlagged() throws {
        let fixture = Fixture("""
            一是强化组织领导。坚持问题导向,逐条梳理剖析问题症结并落实整改措施。
            二是强化组织领导。坚持目标导向,逐条梳理剖析问题症结并落实整改措施。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }
}
