import Foundation
import GongwenModel
import Testing
import TestSupport
@testable import GongwenText

@Suite("PDF")
struct PDFTextTests {
    let binary = Repository.root.appendingPathComponent("testdata/binary")

    @Test(arguments: ["— 3 —", "- 3 -", "—12—", "第3页", "第 3 页", "第 3 页 共 22 页", "第3页,共22页", "3/22", "－ ３ －"])
    func pageNumbers(_ text: String) {
        #expect(PageFurniture.isPageNumber(text))
    }

    @Test(arguments: ["3", "2021年", "第3条", "- 3 - 5", "-3%", "第三页", "一、3", ""])
    func notPageNumbers(_ text: String) {
        #expect(!PageFurniture.isPageNumber(text))
    }

    @Test func aBareNumberIsAPageNumberOnlyAtAPageEdge() {
        #expect(PageFurniture.isPageNumber("12", bare: true))
        #expect(!PageFurniture.isPageNumber("12"))
    }

    @Test func pagesAreJoinedByFormFeedLinesAndTheirFurnitureTagged() throws {
        let pages = (1...3).map { ["Annual Report 2025", "Revenue rose by \($0) percent.", "-\($0)-"] }
        let read = try PDFText.extract(MiniPDF.document(pages: pages), source: "mini.pdf")
        let page = { (n: Int) in "Annual Report 2025\nRevenue rose by \(n) percent.\n-\(n)-" }
        #expect(read.text == page(1) + "\n\u{0C}\n" + page(2) + "\n\u{0C}\n" + page(3))
        let text = SourceText(read.text)
        #expect(read.pages.map { text.text($0) } == [page(1), page(2), page(3)])
        #expect(read.boilerplate.map { "\($0.kind) \(text.text($0.span))" } == [
            "running_header Annual Report 2025", "page_number -1-",
            "running_header Annual Report 2025", "page_number -2-",
            "running_header Annual Report 2025", "page_number -3-",
        ])
    }

    @Test func aHeaderOnFewerThanHalfThePagesIsText() throws {
        let pages = [["Annual Report 2025", "Revenue rose."], ["Costs fell.", "Debt was repaid."], ["Annual Report 2025", "Land sales."], ["Taxes.", "Fees."], ["Grants.", "Loans."]]
        let read = try PDFText.extract(MiniPDF.document(pages: pages), source: "mini.pdf")
        #expect(read.boilerplate.isEmpty)
    }

    @Test func aScanWithoutTextIsAnError() {
        #expect(throws: DecodeError.noTextLayer(source: "scan.pdf")) {
            try PDFText.extract(MiniPDF.document(pages: [[], []]), source: "scan.pdf")
        }
        #expect(DecodeError.noTextLayer(source: "scan.pdf").description == "scan.pdf: no text layer: scanned PDF")
    }

    @Test func anEncryptedPDFIsAnError() {
        let error = #expect(throws: DecodeError.self) {
            try SourceDecoder.decode(MiniPDF.document(pages: [["Secret"]], encrypted: true), source: "locked.pdf")
        }
        #expect(error?.description == "locked.pdf: encrypted PDF (a password is needed)")
    }

    @Test func truncatedAndFakePDFsAreOneLineErrors() throws {
        let real = try [UInt8](Data(contentsOf: binary.appendingPathComponent("statcomm_jiaozuo_city_2025.pdf")))
        let truncated = #expect(throws: DecodeError.self) { try SourceDecoder.decode(Array(real.prefix(2000)), source: "cut.pdf") }
        #expect(truncated?.description == "cut.pdf: not a readable PDF file (PDF document is damaged)")
        let fake = #expect(throws: DecodeError.self) { try SourceDecoder.decode(Array("一、总体要求".utf8), source: "fake.pdf") }
        #expect(fake?.description == "fake.pdf: not a readable PDF file (no %PDF- header)")
    }

    /// Characters 16 points high set one after another from `left`, with a gap of `gaps[i]` points
    /// before character `i` (none where the list ends).
    func glyphs(_ text: String, left: Double, top: Double, gaps: [Int: Double] = [:]) -> [PDFText.Glyph] {
        var x = left
        return text.unicodeScalars.enumerated().map { index, scalar in
            x += gaps[index] ?? 0
            let width: Double = scalar == "\n" ? 0 : (scalar.value < 0x80 ? 8 : 16)
            defer { x += width }
            return PDFText.Glyph(scalar: scalar, left: x, top: top, right: x + width, bottom: top + 16)
        }
    }

    @Test func cellsAnEmApartArePartedByATab() {
        // `全市常住人口` and `346.7` 200 points apart, `100.0` 45 points further: three cells.
        let row = glyphs("全市常住人口346.7100.0", left: 90, top: 290, gaps: [6: 200, 11: 45])
        #expect(PDFText.rows(row) == "全市常住人口\t346.7\t100.0")
        // A space (half an em) between a number and its unit is no cell gap.
        #expect(PDFText.rows(glyphs("总值 2479.6 亿元", left: 90, top: 100)) == "总值 2479.6 亿元")
    }

    @Test func aLineContinuingTheOneBeforeOnItsBaselineIsTheSameRow() {
        // Poppler breaks a line after squeezed punctuation (`。` overlaps the next character by 8 points).
        let first = glyphs("减少 1.4%。\n", left: 80, top: 664)
        let second = glyphs("公路旅客运输周转量 5.09\n", left: first[first.count - 2].right - 8, top: 664)
        let next = glyphs("亿人公里。", left: 80, top: 693)
        #expect(PDFText.rows(first + second + next) == "减少 1.4%。公路旅客运输周转量 5.09\n亿人公里。")
        // Table cells poppler put on lines of their own: one row.
        let header = glyphs("指标\n", left: 187, top: 261) + glyphs("年末数\n", left: 323, top: 261)
        #expect(PDFText.rows(header + glyphs("全市", left: 92, top: 290)) == "指标\t年末数\n全市")
    }

    @Test func theCommuniquesTablesReadAsRowsOfCells() throws {
        let bytes = try [UInt8](Data(contentsOf: binary.appendingPathComponent("statcomm_jiaozuo_city_2025.pdf")))
        let text = try SourceDecoder.decode(bytes, source: "jiaozuo.pdf").text
        let lines = text.split(separator: "\n")
        let table = try #require(lines.firstIndex { $0.hasPrefix("表 1") })
        #expect(lines[(table + 1)...(table + 3)] == ["指标\t年末数（万人）\t比重（%）", "全市常住人口\t346.7\t100.0", "其中：城镇\t231.9\t66.9"])
    }

    @Test func aRealCommuniqueKeepsItsThirteenPagesAndTheirNumbers() throws {
        let bytes = try [UInt8](Data(contentsOf: binary.appendingPathComponent("statcomm_jiaozuo_city_2025.pdf")))
        let decoded = try SourceDecoder.decode(bytes, source: "jiaozuo.pdf")
        #expect(decoded.format == .pdf)
        #expect(decoded.pages.count == 13)
        let text = SourceText(decoded.text)
        #expect(decoded.boilerplate.map { "\($0.kind) \(text.text($0.span))" } == (1...13).map { "page_number — \($0) —" })
    }
}
