import GongwenModel
import GongwenText
import Testing
@testable import GongwenSegment

/// Lines a PDF broke inside a sentence are joined in the folded view; headings, items and
/// sentence ends keep their line breaks.
@Suite("broken lines")
struct BrokenLinesTests {
    /// A page of text set in a column 14 characters wide, as a PDF's text layer gives it.
    static let page = """
        一、2025年预算执行情况
        全市一般公共预算收入完成171.
        59亿元，同比增长3.2%，加上级补助
        收入228.68亿元、债务转贷收入
        69.78亿元，收入总计518.56亿元。
        (一)一般公共预算
        全市一般公共预算支出完成286.81
        亿元，剔除特殊因素影响后增长5%。
        一是加大统筹力度，盘活存量资金资产
        二是优化支出结构，兜牢三保底线。
        """

    /// The text with each joined line break shown as `⏎`.
    func joined(_ text: String) -> String {
        var source = SourceText(text)
        BrokenLines.join(&source)
        return String(String.UnicodeScalarView(source.folded.indices.map { source.scalars[$0] == "\n" && source.folded[$0] == " " ? "⏎" : source.folded[$0] }))
    }

    @Test func sentencesBrokenAtTheColumnAreJoined() {
        #expect(joined(Self.page) == """
            一、2025年预算执行情况
            全市一般公共预算收入完成171.⏎59亿元,同比增长3.2%,加上级补助⏎收入228.68亿元、债务转贷收入⏎69.78亿元,收入总计518.56亿元。
            (一)一般公共预算
            全市一般公共预算支出完成286.81⏎亿元,剔除特殊因素影响后增长5%。
            一是加大统筹力度,盘活存量资金资产
            二是优化支出结构,兜牢三保底线。
            """)
    }

    @Test func joinedLinesAreOneLineOfTheOutline() {
        var source = SourceText(Self.page)
        BrokenLines.join(&source)
        let segmentation = Segmenter.segment(source)
        var rows: [String] = []
        for root in segmentation.sections {
            root.forEach { section, _ in rows.append("\(section.marker ?? "·") L\(section.level) line \(section.line) \(section.title)") }
        }
        #expect(rows == ["一、 L1 line 1 2025年预算执行情况", "(一) L2 line 6 一般公共预算", "一是 L3 line 9 加大统筹力度，盘活存量资金资产", "二是 L3 line 10 优化支出结构，兜牢三保底线"])
    }

    @Test func textThatKeepsItsLayoutIsLeftAlone() {
        let text = """
            各有关单位:
            一、总体要求
            坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。
            二、主要任务
            全年地区生产总值增长5%
            """
        #expect(BrokenLines.find(in: SourceText(text)).isEmpty)
    }

    @Test func columnWidthNeedsManyLinesOfOneWidth() {
        #expect(BrokenLines.columnWidth([30, 40, 50, 60, 70, 80]) == nil)
        #expect(BrokenLines.columnWidth([56, 58, 57, 10, 58, 55, 20, 58]) == 58)
    }
}
