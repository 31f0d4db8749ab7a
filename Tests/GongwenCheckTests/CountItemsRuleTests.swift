@testable import GongwenCheck
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

    /// Thirteen lines of a budget report taken from its PDF (石嘴山市, 2025), wrapped at the page's width.
    static let wrapped = """
            调配资产 1670 件、节约资金
            0.05 亿元，处置资产 0.72 亿元，市本级国有资产管理工作连续 8
            年获自治区考核优秀等次。深化政府采购改革，节约资金 0.17
            — 8 —
            亿元，节约率 4.9%。对 5 个部门整体支出、5 个重点项目 4.43
            亿元资金进行绩效评价，市本级财政绩效管理工作连续 5 年获自
            治区考核优秀等次。开展财会监督专项行动，严肃查处违反财经
            纪律问题。开展“金融促产”专项行动，建立金融机构协调共享、
            园区常态化合作、信贷政策执行双向联动三项机制，开展政银企
            对接活动 40 余场次，达成融资意向 70 亿元。先后 5 次获评国家
            级普惠金融发展示范区，累计获得中央财政奖补资金 1.35 亿元。
            一年来，全市财政工作取得了积极进展，同时，我们也清醒
            地看到，当前财政运行面临一些困难和挑战，一是国内外环境变
            """

    @Test func aListBrokenAcrossLinesByAPDFSaysNothing() throws {
        // The first item ends the line before (`…协调共享、`): the list on its line is not all of it.
        #expect(try Fixture(Self.wrapped).findings(rule).isEmpty)
        // A list after a line that ends otherwise starts there.
        let text = Array("机制。\n园区、信贷三项".unicodeScalars)
        #expect(!CountItemsRule.continuesFromLineBefore(4, text))
        #expect(CountItemsRule.continuesFromLineBefore(4, Array("机制、\n园区、信贷三项".unicodeScalars)))
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
