import Gongwen
import GongwenModel
import Testing

/// Enumerated lists: inline measures, numbered items, and count labels with their items.
@Suite("lists")
struct ListTests {
    func lists(_ text: String) throws -> [EnumeratedList] {
        try Analysis.run(text: "各单位:\n" + text, source: "test").document.lists
    }

    @Test func inlineMeasuresWithTheirAnnouncedCount() throws {
        let found = try lists("(一)“三个强化”全面完成改革。一是强化组织领导,高位统筹推动。二是强化风险管控,稳妥有序推进。三是强化责任落实。")
        let list = try #require(found.first)
        #expect(found.count == 1)
        #expect(list.style == .inline)
        #expect(list.statedCount == 3)
        #expect(list.label == "三个强化")
        #expect(list.items.map(\.text) == ["强化组织领导,高位统筹推动", "强化风险管控,稳妥有序推进", "强化责任落实"])
        #expect(list.items.map(\.marker) == ["一是", "二是", "三是"])
        #expect(list.section == "(一)")
    }

    @Test func aLabelThatDoesNotNameTheItemsStatesNoCount() throws {
        let found = try lists("(二)落实“两个责任”。一是建立机制。二是完善制度。三是强化考核。")
        #expect(found.count == 1)
        #expect(found[0].statedCount == nil)
        #expect(found[0].items.count == 3)
    }

    @Test func enumerationBeforeItsCount() throws {
        let found = try lists("全面摸清了小组规模、干部结构、宗族聚居、资产状况、债权债务5项基本情况。")
        let list = try #require(found.first)
        #expect(list.style == .enumeration)
        #expect(list.statedCount == 5)
        #expect(list.items.map(\.text) == ["小组规模", "干部结构", "宗族聚居", "资产状况", "债权债务"])
    }

    @Test func quotedItemsEvenWithTheFirstQuoteLost() throws {
        let found = try lists("分类建立产业发展”“集体资产”“债权债务”“风险隐患”4本台账,锁定权属。")
        let list = try #require(found.first)
        #expect(list.style == .quoted)
        #expect(list.statedCount == 4)
        #expect(list.items.map(\.text) == ["产业发展", "集体资产", "债权债务", "风险隐患"])
    }

    @Test func bracketedExpansionAfterALabel() throws {
        let found = try lists("针对全市行政村“一多二少三弱”特点(数量多,人口少、资源少,组织弱、实力弱、服务弱),调大规模。")
        let list = try #require(found.first)
        #expect(list.style == .parenthesized)
        #expect(list.label == "一多二少三弱")
        #expect(list.statedCount == 6)
        #expect(list.items.map(\.text) == ["数量多", "人口少", "资源少", "组织弱", "实力弱", "服务弱"])
    }

    @Test func bracketedItemsAfterACount() throws {
        let found = try lists("按照原则妥善选配干部,落实“三个坚持”(坚持标准、坚持程序、坚持公开),确保稳定。")
        let list = try #require(found.first { $0.style == .parenthesized })
        #expect(list.statedCount == 3)
        #expect(list.items.map(\.text) == ["坚持标准", "坚持程序", "坚持公开"])
    }

    @Test func numberedHeadingsFormAList() throws {
        let found = try lists("(一)建立健全基层民主制度\n1、建立完善议事制度。明晰规则。\n2、建立论证、听证制度。\n3、建立问责制度。")
        let list = try #require(found.first)
        #expect(list.style == .numbered)
        #expect(list.items.map(\.text) == ["建立完善议事制度", "建立论证、听证制度", "建立问责制度"])
    }

    @Test func noListFromASingleItemOrPlainCount() throws {
        #expect(try lists("建设重点镇15个,打造特色产业的镇5个。").isEmpty)
        #expect(try lists("(一)其他工作。一是加强领导。").isEmpty)
    }
}
