import GongwenCheck
import GongwenModel
import Testing

@Suite("count.items")
struct CountItemsRuleTests {
    let rule = CountItemsRule()

    @Test func labelAnnouncesMoreItemsThanFollow() throws {
        let fixture = Fixture("""
            一、全面完成村级建制调整改革
            (二)“1️⃣三个优化2️⃣”全面完成村级建制调整改革。一是优化空间布局,实现转变。二是优化要素配置,实现转变。
            """)
        let found = try fixture.findings(rule)
        #expect(found.map(\.span) == [fixture.span(1, 2)])
        #expect(found.first?.message == "“三个优化”称有3项,其后列出2项(一是、二是)")
        #expect(found.first?.messageEn == "\"三个优化\" announces 3 items but 2 follow (一是, 二是)")
        #expect(found.first?.evidence.count == 2)
    }

    @Test func genericLabelWordCountsItsItems() throws {
        let fixture = Fixture("""
            一、主要任务
            (一)重点抓好1️⃣四个方面2️⃣工作。一是建立机制。二是完善制度。三是强化考核。
            """)
        #expect(try fixture.findings(rule).map(\.span) == [fixture.span(1, 2)])
    }

    @Test func countsThatHoldAndUnrelatedItemsAreNotFlagged() throws {
        let fixture = Fixture("""
            一、全面完成两项改革
            (一)“三个强化”全面完成乡镇行政区划调整改革。一是强化组织领导,高位统筹推动。二是强化风险管控,稳妥有序推进。三是强化责任落实,高质高效推进。
            (二)落实“两个责任”。一是建立机制。二是完善制度。三是强化考核。
            """)
        #expect(try fixture.findings(rule).isEmpty)
    }

    @Test func extractedListsWithAStatedCount() throws {
        let fixture = Fixture("全面摸清了小组规模、干部结构、宗族聚居、资产状况5项基本情况。")
        var context = try fixture.context()
        let items = ["小组规模", "干部结构", "宗族聚居", "资产状况"].map { ListItem(marker: nil, text: $0, span: fixture.span(of: $0)) }
        let listSpan = Span(start: fixture.span(of: "小组规模").start, end: fixture.span(of: "5项基本情况").end)
        var document = context.document
        document.lists = [EnumeratedList(statedCount: 5, label: "5项基本情况", style: .enumeration, span: listSpan, section: nil, items: items)]
        context = CheckContext(source: context.source, segmentation: context.segmentation, document: document)
        let found = rule.check(context)
        #expect(found.map(\.span) == [listSpan])
        #expect(found.first?.message == "“5项基本情况”称有5项,其后列出4项(小组规模、干部结构、宗族聚居、资产状况)")
    }
}
