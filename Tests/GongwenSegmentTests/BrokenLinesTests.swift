import GongwenModel
import GongwenText
import Testing
@testable import GongwenSegment

/// Lines a PDF broke inside a sentence are joined in the folded view; headings, items and
/// sentence ends keep their line breaks.
@Suite("broken lines")
struct BrokenLinesTests {
    /// A page of text set in a column about 32 characters wide, as a PDF's text layer gives it.
    static let page = """
        一、2025年预算执行情况
        全市一般公共预算收入完成171.59亿元，同比增长3.2%，加上级补助收
        入228.68亿元、债务转贷收入69.78亿元，收入总计518.56亿元，支出完成
        286.81亿元，剔除特殊因素影响后增长5%，实现收支平衡，运行总体平稳。
        (一)一般公共预算
        全市一般公共预算支出完成286.81亿元，剔除特殊因素影响后增长5%，民生
        支出占比保持在七成以上，教育、卫生健康、社会保障支出分别增长了较
        大幅度，重点领域支出均得到有力有效保障，收支运行总体平稳有序。
        一是加大统筹力度，盘活存量资金资产，全年盘活各类资金十二亿元
        二是优化支出结构，兜牢三保底线，严控一般性支出和三公经费支出。
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
            全市一般公共预算收入完成171.59亿元,同比增长3.2%,加上级补助收⏎入228.68亿元、债务转贷收入69.78亿元,收入总计518.56亿元,支出完成⏎286.81亿元,剔除特殊因素影响后增长5%,实现收支平衡,运行总体平稳。
            (一)一般公共预算
            全市一般公共预算支出完成286.81亿元,剔除特殊因素影响后增长5%,民生⏎支出占比保持在七成以上,教育、卫生健康、社会保障支出分别增长了较⏎大幅度,重点领域支出均得到有力有效保障,收支运行总体平稳有序。
            一是加大统筹力度,盘活存量资金资产,全年盘活各类资金十二亿元
            二是优化支出结构,兜牢三保底线,严控一般性支出和三公经费支出。
            """)
    }

    @Test func aPageBreakInsideASentenceIsJoinedAcrossItsFurniture() {
        // The page number (`— 4 —`, or its glyphs lost as control codes) reads as spaces between the halves.
        let lines = Self.page.split(separator: "\n").map(String.init)
        for (furniture, reads) in [("— 4 —", "⏎     ⏎"), (" \n\u{0E}\u{01}\u{14}\u{01}", "⏎ ⏎    ⏎")] {
            let broken = (lines[0...2] + [furniture] + lines[3...]).joined(separator: "\n")
            #expect(joined(broken).contains("支出完成\(reads)286.81亿元"))
        }
        // Blank lines alone part paragraphs.
        let parted = (lines[0...2] + ["", ""] + lines[3...]).joined(separator: "\n")
        #expect(joined(parted).contains("支出完成\n\n\n286.81亿元"))
    }

    @Test func joinedLinesAreOneLineOfTheOutline() {
        var source = SourceText(Self.page)
        BrokenLines.join(&source)
        let segmentation = Segmenter.segment(source)
        var rows: [String] = []
        for root in segmentation.sections {
            root.forEach { section, _ in rows.append("\(section.marker ?? "·") L\(section.level) line \(section.line) \(section.title)") }
        }
        #expect(rows == [
            "一、 L1 line 1 2025年预算执行情况", "(一) L2 line 5 一般公共预算",
            "一是 L3 line 9 加大统筹力度，盘活存量资金资产，全年盘活各类资金十二亿元", "二是 L3 line 10 优化支出结构，兜牢三保底线，严控一般性支出和三公经费支出",
        ])
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
        #expect(BrokenLines.columnWidth([36, 38, 37, 10, 38, 35, 20, 38]) == nil)
    }

    @Test func theTextColumnWinsOverTheShortRowsOfATable() {
        let widths = Array(repeating: 18, count: 20) + Array(repeating: 58, count: 10)
        #expect(BrokenLines.columnWidth(widths) == 58)
    }

    /// A yearbook entry of five lines wrapped at about 44 characters: too few lines for a page's column
    /// width, but one paragraph whose lines run on to a sentence end.
    static let shortPage = """
        【财政工作】

        2019年,全县一般公共预算收入完成12.5亿元,比上年增加1.0亿元,增长
        8.7%。其中,税收收入9.0亿元,非税收入3.5亿元。全年争取上级各类补助资
        金合计20.3亿元,重点保障了教育、卫生、社会保障、农业农村和城乡建设等
        方面的支出需求,全县财政收支平衡,运行总体平稳,各项改革稳步推进,预算
        管理水平进一步提高。
        """

    @Test func aShortPageWrappedAtItsColumnIsJoined() {
        #expect(BrokenLines.columnWidth([12, 62, 66, 67, 66, 20]) == nil)
        #expect(joined(Self.shortPage) == """
            【财政工作】

            2019年,全县一般公共预算收入完成12.5亿元,比上年增加1.0亿元,增长⏎8.7%。其中,税收收入9.0亿元,非税收入3.5亿元。全年争取上级各类补助资⏎金合计20.3亿元,重点保障了教育、卫生、社会保障、农业农村和城乡建设等⏎方面的支出需求,全县财政收支平衡,运行总体平稳,各项改革稳步推进,预算⏎管理水平进一步提高。
            """)
    }

    @Test func shortLinesThatDoNotRunOnToASentenceEndAreLeftAlone() {
        // Three wide lines with no sentence end: a title block, not a wrapped paragraph.
        let titles = """
            关于2019年全县一般公共预算收入执行情况和2020年预算草案的报告
            关于2019年全县政府性基金预算收入执行情况和2020年预算草案的报告
            关于2019年全县国有资本经营预算收入执行情况和2020年预算草案的报告
            """
        #expect(BrokenLines.find(in: SourceText(titles)).isEmpty)
        // Lines of very different widths are not one column.
        let ragged = """
            2019年,全县一般公共预算收入完成12.5亿元,比上年增加1.0亿元,增长
            8.7%。其中,税收收入9.0亿元,非税收入3.5亿元,全年争取上级各类补助资金合计20.3亿元,重点保障
            了各项支出。
            """
        #expect(BrokenLines.find(in: SourceText(ragged)).isEmpty)
    }

    @Test func aFullLineEndingInASemicolonOrACueOfPartsGoesOn() {
        // `其中：` and a `；` inside a bracket fall at the column like any word; a letter's addressees end with `：`
        // and stand alone, and so does a `；` outside a bracket (it may end a list: `其中，国家级 4 个；⏎拥有…`).
        let page = """
            各省、自治区、直辖市人民政府，国务院各部委、各直属机构和单位：
            全市一般公共预算收入完成171.59亿元，同比增长3.2%，增幅居前，其中：
            税收收入123.45亿元，非税收入48.14亿元（上级补助收入228.68亿元；
            债务转贷收入69.78亿元），收入总计518.56亿元，支出完成286.81亿元；
            剔除特殊因素影响后增长5%，实现收支平衡，运行总体平稳有序。
            全市一般公共预算支出完成286.81亿元，剔除特殊因素影响后增长5%，民生
            支出占比保持在七成以上，教育、卫生健康、社会保障支出分别增长了较
            大幅度，重点领域支出均得到有力有效保障，收支运行总体平稳有序。
            """
        #expect(joined(page) == """
            各省、自治区、直辖市人民政府,国务院各部委、各直属机构和单位:
            全市一般公共预算收入完成171.59亿元,同比增长3.2%,增幅居前,其中:⏎税收收入123.45亿元,非税收入48.14亿元(上级补助收入228.68亿元;⏎债务转贷收入69.78亿元),收入总计518.56亿元,支出完成286.81亿元;
            剔除特殊因素影响后增长5%,实现收支平衡,运行总体平稳有序。
            全市一般公共预算支出完成286.81亿元,剔除特殊因素影响后增长5%,民生⏎支出占比保持在七成以上,教育、卫生健康、社会保障支出分别增长了较⏎大幅度,重点领域支出均得到有力有效保障,收支运行总体平稳有序。
            """)
    }

    @Test func tableRowsAreNeverJoined() {
        let table = (1...6).map { "一般公共预算收入合计金额      \($0)00.00      102.5" }.joined(separator: "\n")
        #expect(BrokenLines.find(in: SourceText(table + "\n" + table)).isEmpty)
        #expect(BrokenLines.isTableRow(Span(start: 0, end: 5), SourceText("合计\t100")))
    }

    @Test func pdfTableRowsHaveNumberCellsOneSpaceApart() {
        // Text taken from a PDF table keeps one space between cells; prose taken from a PDF sets a number apart from
        // its unit, never from another number.
        let row = "1.利润收入 586 396 67.7 490 -19.1"
        #expect(BrokenLines.isTableRow(Span(start: 0, end: row.unicodeScalars.count), SourceText(row)))
        let prose = "对接活动 40 余场次，达成融资意向 70 亿元，增长 30.9%"
        #expect(!BrokenLines.isTableRow(Span(start: 0, end: prose.unicodeScalars.count), SourceText(prose)))
        // Indentation is no column: the line's own cells are.
        let indented = "  （7）土地增值税完成 66.2 亿元，下降 1.1%。"
        #expect(!BrokenLines.isTableRow(line: 1, SourceText(indented)))
    }
}

@Suite("lone footnote markers")
struct LoneFootnoteMarkerTests {
    @Test func aMarkerOnItsOwnLineJoinsBothNeighbours() {
        let text = """
            （五）地方政府债务情况
            自治区下达全市政府法定债
            ①
            限额 212.28 亿元，截至年末，
            法定债务余额 197.88 亿元（一般债务 136.66 亿元，占比 69.1%；
            专项债务 61.22 亿元，占比 30.9%），同比增加 46.67 亿元，增
            长 30.9%。自治区下达市本级政府法定债务限额 78.24 亿元，截
            至年末，法定债务余额 72.12 亿元（一般债务 50.74 亿元，占比
            70.4%；专项债务 21.38 亿元，占比 29.6%），同比增加 14.52 亿
            元，增长 25.2%。
            """
        var source = SourceText(text)
        BrokenLines.join(&source)
        let lines = Line.lines(of: source)
        // (The full line ending in `；` inside the bracket goes on: the bracket's parts are one statement.)
        #expect(lines.map(\.number) == [1, 2, 5])
        #expect(Segmenter.segment(source).sections.map(\.title) == ["地方政府债务情况"])
    }
}
