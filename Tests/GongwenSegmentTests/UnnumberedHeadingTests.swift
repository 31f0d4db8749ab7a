import GongwenModel
import GongwenText
import Testing
@testable import GongwenSegment

/// Headings by evidence, not by shortness.
@Suite("unnumbered headings")
struct UnnumberedHeadingTests {
    func outline(_ text: String) -> [String] {
        var rows: [String] = []
        for root in Segmenter.segment(SourceText(text)).sections {
            root.forEach { section, _ in rows.append("\(section.marker ?? "·") L\(section.level) \(section.title)") }
        }
        return rows
    }

    @Test func headingsWhereGBT9704PutsThem() {
        let text = """
            市政府办公室:
            基本情况
            今年以来，全市共办理人大代表建议一百二十件，按期办结率达到百分之百，代表满意率持续提高。
            存在的主要问题
            (一)办理质量有待提高。个别单位重答复轻落实。
            对策建议
            (一)健全督办机制。建立台账，逐件销号。
            """
        #expect(outline(text) == ["· L1 基本情况", "· L1 存在的主要问题", "(一) L2 办理质量有待提高", "· L1 对策建议", "(一) L2 健全督办机制"])
    }

    @Test func aLinkedWordCutOutOfRunningTextIsNotAHeading() {
        let text = """
            各有关单位:
            一、总体要求
            各单位要严格执行《
            公司法
            》和有关法律法规的规定，切实加强国有资产管理，防止国有资产流失，确保保值增值。
            二、主要任务
            加强监管。
            """
        #expect(outline(text) == ["一、 L1 总体要求", "二、 L1 主要任务"])
    }

    @Test func aShortLineAfterTheTopLevelIsNumberedIsNotAHeading() {
        let text = """
            各有关单位:
            三、加强组织领导
            各级各部门要高度重视，把这项工作列入重要议事日程，切实加强组织领导，确保各项任务落到实处。
            一要
            压实责任，主要负责同志亲自抓，分管负责同志具体抓，形成一级抓一级、层层抓落实的工作格局。
            法规
            各地要认真梳理现行有效的规范性文件，及时清理与上位法不一致的内容，并向社会公布清理结果。
            四、强化督查考核
            将落实情况纳入年度考核。
            """
        #expect(outline(text) == ["三、 L1 加强组织领导", "四、 L1 强化督查考核"])
    }

    @Test(arguments: ["一要", "二是"])
    func ordinalsAreNotHeadings(_ word: String) {
        let source = SourceText("\(word)\n压实责任，主要负责同志亲自抓，分管负责同志具体抓，形成一级抓一级的工作格局。")
        let lines = Line.lines(of: source)
        #expect(!UnnumberedHeading.matches(lines[0], previous: nil, next: lines[1], source: source))
    }
}

/// Table rows keep their markers as cell text.
@Suite("table rows")
struct TableRowTests {
    @Test func aTabSeparatedRowIsNeverAHeading() {
        let text = "各位代表:\n一、预算执行情况\n全年收入增长。\n一、税收收入\t33\t-2.9\n二、非税收入\t\t\n二、预算草案\n安排支出。\n"
        var rows: [String] = []
        for root in Segmenter.segment(SourceText(text)).sections {
            root.forEach { section, _ in rows.append("\(section.marker ?? "·") L\(section.level) \(section.title)") }
        }
        #expect(rows == ["一、 L1 预算执行情况", "二、 L1 预算草案"])
    }

    /// Cells set apart by two spaces (a table from a PDF's text) are a row too; spaces right after
    /// the marker are not a cell gap.
    @Test func aSpaceAlignedRowIsNeverAHeading() {
        let text = "各位代表:\n一、  综合\n全年居民消费价格持平。\n一、食品烟酒  98.1\n二、衣着  103.5\n二、农业\n"
        var rows: [String] = []
        for root in Segmenter.segment(SourceText(text)).sections {
            root.forEach { section, _ in rows.append("\(section.marker ?? "·") L\(section.level) \(section.title)") }
        }
        #expect(rows == ["一、 L1 综合", "二、 L1 农业"])
    }
}
