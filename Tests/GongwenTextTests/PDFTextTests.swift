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

    @Test func aRealCommuniqueKeepsItsThirteenPagesAndTheirNumbers() throws {
        let bytes = try [UInt8](Data(contentsOf: binary.appendingPathComponent("statcomm_jiaozuo_city_2025.pdf")))
        let decoded = try SourceDecoder.decode(bytes, source: "jiaozuo.pdf")
        #expect(decoded.format == .pdf)
        #expect(decoded.pages.count == 13)
        let text = SourceText(decoded.text)
        #expect(decoded.boilerplate.map { "\($0.kind) \(text.text($0.span))" } == (1...13).map { "page_number — \($0) —" })
    }
}
