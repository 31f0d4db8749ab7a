import GongwenModel
import GongwenText
import Testing
@testable import GongwenSegment

/// Heading levels, extents and inline enumerations on small documents.
@Suite("sections")
struct SectionTests {
    func outline(_ text: String) -> [String] {
        let segmentation = Segmenter.segment(SourceText(text))
        var rows: [String] = []
        for root in segmentation.sections {
            root.forEach { section, _ in rows.append("\(section.marker ?? "·") L\(section.level) \(section.title)") }
        }
        return rows
    }

    @Test func gbtMarkersInTheUsualOrder() {
        let text = """
            各有关单位:
            一、总体要求
            (一)指导思想。坚持稳中求进。
            1.基本原则。坚持问题导向。
            (1)统筹推进。分步实施。
            ①试点先行
            二、主要任务
            """
        #expect(outline(text) == ["一、 L1 总体要求", "(一) L2 指导思想", "1. L3 基本原则", "(1) L4 统筹推进", "① L5 试点先行", "二、 L1 主要任务"])
    }

    @Test func rowsOfAPDFTableAreNoHeadings() {
        // A label with one number cell, and two tables' rows side by side with their own markers; a heading followed by
        // its paragraph on the same line stays one.
        let text = """
            一、收入情况
            二十一、其他支出 862
            4.清算收入 3.国有企业政策性补贴
            1. 全市执行情况。全市一般公共预算收入 22.05 亿元。
            """
        #expect(outline(text) == ["一、 L1 收入情况", "1. L2 全市执行情况"])
    }

    @Test func levelsComeFromTheSequenceNotTheShape() {
        let text = "市人大常委会:\n一、优化社区自治规模。按照规模适度的原则。\n1、建立议事制度。明晰规则。\n2、建立听证制度。\n二、深化网格化治理。\n(一)划细网格。\n1、统一标准。"
        #expect(outline(text) == ["一、 L1 优化社区自治规模", "1、 L2 建立议事制度", "2、 L2 建立听证制度", "二、 L1 深化网格化治理", "(一) L2 划细网格", "1、 L3 统一标准"])
    }

    @Test func fullWidthMarkersAreFolded() {
        let text = "各单位：\n一、总则\n（一）适用范围。本办法适用于全市。\n（二）工作原则。\n"
        #expect(outline(text) == ["一、 L1 总则", "(一) L2 适用范围", "(二) L2 工作原则"])
    }

    @Test func regulationsUseChaptersAndArticles() {
        let text = "第一章 总则\n第一条 为了规范社区治理,制定本办法。\n第二条 本办法适用于本市。\n第二章 组织\n第三条 社区设居民委员会。"
        #expect(outline(text) == ["第一章 L1 总则", "第一条 L2 为了规范社区治理,制定本办法", "第二条 L2 本办法适用于本市", "第二章 L1 组织", "第三条 L2 社区设居民委员会"])
    }

    @Test func decimalNumberingNestsByDepth() {
        let text = "1 总则\n1.1 编制目的\n为了做好工作,制定本预案。\n1.2 编制依据\n2 组织体系\n2.1 领导机构"
        #expect(outline(text) == ["1 L1 总则", "1.1 L2 编制目的", "1.2 L2 编制依据", "2 L1 组织体系", "2.1 L2 领导机构"])
    }

    @Test func unnumberedHeadingsAreLevelOne() {
        let intro = String(repeating: "近年以来全市各级各部门围绕加强和创新社会治理。", count: 2)
        let text = "关于社会治理的调研报告\n\(intro)\n基本情况\n\(intro)\n存在的主要问题\n(一)基层党组织作用发挥不够。\(intro)\n(二)资源整合有待加大。"
        #expect(outline(text) == ["· L1 基本情况", "· L1 存在的主要问题", "(一) L2 基层党组织作用发挥不够", "(二) L2 资源整合有待加大"])
    }

    @Test func numbersAtLineStartAreNotHeadings() {
        let text = "各位代表:\n1.84万人参加了培训。\n3、4月份完成验收。\n2019年全面完成。"
        #expect(outline(text).isEmpty)
    }

    @Test func inlineEnumerationsAreTheLowestLevel() throws {
        let text = "各单位:\n(一)“三个强化”完成改革。一是强化组织领导。市委高度重视。二是强化风险管控;三是强化责任落实。\n(二)其他工作。"
        #expect(outline(text) == ["(一) L1 “三个强化”完成改革", "一是 L2 强化组织领导", "二是 L2 强化风险管控", "三是 L2 强化责任落实", "(二) L1 其他工作"])
        let source = SourceText(text)
        let items = Segmenter.segment(source).sections[0].children
        #expect(source.text(items[0].span) == "一是强化组织领导。市委高度重视。")
        #expect(source.text(items[1].span) == "二是强化风险管控;")
        #expect(source.text(items[2].span) == "三是强化责任落实。")
    }

    @Test func sectionExtentsRunToTheNextSiblingOrParent() throws {
        let text = "各单位:\n一、总体要求\n(一)指导思想。\n正文一。\n(二)基本原则。\n正文二。\n二、主要任务\n正文三。"
        let source = SourceText(text)
        let sections = Segmenter.segment(source).sections
        #expect(sections.count == 2)
        #expect(source.text(sections[0].span) == "一、总体要求\n(一)指导思想。\n正文一。\n(二)基本原则。\n正文二。")
        #expect(source.text(sections[0].children[0].span) == "(一)指导思想。\n正文一。")
        #expect(sections[1].line == 7)
        #expect(source.text(sections[1].titleSpan) == "主要任务")
    }

    @Test func sectionPathsForOffsets() throws {
        let text = "各单位:\n一、总体要求\n(一)指导思想。一是坚持党的领导。二是坚持人民至上。"
        let source = SourceText(text)
        let segmentation = Segmenter.segment(source)
        let offset = text.unicodeScalars.count - 3
        #expect(segmentation.sectionPath(at: offset) == "一、/(一)/二是")
        #expect(segmentation.sectionPath(at: 0) == nil)
    }
}
