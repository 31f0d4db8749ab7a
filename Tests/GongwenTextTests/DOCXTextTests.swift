import Foundation
import GongwenModel
import Testing
import TestSupport
import ZIPFoundation
@testable import GongwenText

@Suite("DOCX")
struct DOCXTextTests {
    let binary = Repository.root.appendingPathComponent("testdata/binary")
    static let namespace = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    /// A Word package of the given parts, written with ZIPFoundation.
    func package(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, bytes) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return [UInt8](try #require(archive.data))
    }

    func paragraph(_ text: String, list: (id: Int, level: Int)? = nil) -> String {
        let numbering = list.map { #"<w:pPr><w:numPr><w:ilvl w:val="\#($0.level)"/><w:numId w:val="\#($0.id)"/></w:numPr></w:pPr>"# } ?? ""
        let runs = text.split(separator: "\t", omittingEmptySubsequences: false).map { "<w:r><w:t>\($0)</w:t></w:r>" }.joined(separator: "<w:r><w:tab/></w:r>")
        return "<w:p>\(numbering)\(runs)</w:p>"
    }

    func cell(_ text: String) -> String { "<w:tc>\(paragraph(text))</w:tc>" }

    var numbering: [UInt8] {
        Array(#"""
            <w:numbering \#(Self.namespace)><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
            </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>
            """#.utf8)
    }

    @Test func numberingTablesHeadersAndFootersAreLaidOut() throws {
        let body = [
            paragraph("关于做好2025年预算工作的通知"),
            paragraph("总体要求", list: (1, 0)), paragraph("指导思想", list: (1, 1)), paragraph("基本原则", list: (1, 1)),
            paragraph("主要任务", list: (1, 0)), paragraph("收入", list: (1, 1)), paragraph("税收\t增长", list: (1, 2)),
            "<w:tbl><w:tr>\(cell("项目"))\(cell("金额"))</w:tr><w:tr>\(cell("税收收入"))\(cell("12.5"))</w:tr></w:tbl>",
            #"<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del></w:p>"#,
        ].joined()
        let bytes = try package([
            ("word/document.xml", Array("<w:document \(Self.namespace)><w:body>\(body)</w:body></w:document>".utf8)),
            ("word/numbering.xml", numbering),
            ("word/header1.xml", Array("<w:hdr \(Self.namespace)>\(paragraph("财政局文件"))</w:hdr>".utf8)),
            ("word/footer1.xml", Array("<w:ftr \(Self.namespace)>\(paragraph("— 1 —"))</w:ftr>".utf8)),
        ])
        let read = try DOCXText.extract(bytes, source: "notice.docx")
        #expect(read.text == """
            关于做好2025年预算工作的通知
            一、总体要求
            （一）指导思想
            （二）基本原则
            二、主要任务
            （一）收入
            1.税收\t增长
            项目\t金额
            税收收入\t12.5
            保留
            财政局文件
            — 1 —
            """)
        let text = SourceText(read.text)
        #expect(read.boilerplate.map { "\($0.kind) \(text.text($0.span))" } == ["running_header 财政局文件", "running_footer — 1 —"])
    }

    @Test(arguments: [("0", "chineseCounting", "零"), ("11", "chineseCounting", "十一"), ("3", "decimalEnclosedCircle", "③"),
                      ("4", "lowerLetter", "d"), ("9", "upperRoman", "IX"), ("7", "decimalFullWidth", "７")])
    func numberFormats(_ value: String, _ format: String, _ expected: String) {
        #expect(DOCXText.Numbering.render(Int(value)!, format: format) == (value == "0" ? "0" : expected))
    }

    @Test func aZipBombIsRefusedBeforeItIsUnpacked() throws {
        let zeros = [UInt8](repeating: 0x20, count: 3 * 1_048_576)
        let bytes = try package([("word/document.xml", zeros)])
        #expect(bytes.count < 100_000)
        let error = #expect(throws: DecodeError.self) { try DOCXText.extract(bytes, source: "bomb.docx", maxPartBytes: 1_048_576) }
        #expect(error?.description == "bomb.docx: not a readable DOCX file (word/document.xml unpacks to 3 MB, over the 1 MB limit (zip bomb?))")
    }

    @Test func binaryOfficeFormatsAreNamed() {
        let ole = SourceDecoder.oleMagic + [UInt8](repeating: 0, count: 504)
        let doc = #expect(throws: DecodeError.self) { try SourceDecoder.decode(ole, source: "report.doc") }
        #expect(doc?.description == "report.doc: Word 97-2003 (.doc) is a binary format that is not read; save it as .docx")
        let wps = #expect(throws: DecodeError.self) { try SourceDecoder.decode(ole, source: "report.wps") }
        #expect(wps?.description == "report.wps: WPS (.wps) is a binary format that is not read; save it as .docx")
        let unnamed = #expect(throws: DecodeError.self) { try SourceDecoder.decode(ole, source: "report.bin") }
        #expect(unnamed?.code == "unsupported_format")
    }

    @Test func aZipThatIsNotWordAndATruncatedPackageAreOneLineErrors() throws {
        let other = try package([("content.xml", Array("<a/>".utf8))])
        let notWord = #expect(throws: DecodeError.self) { try SourceDecoder.decode(other, source: "sheet.docx") }
        #expect(notWord?.description == "sheet.docx: not a readable DOCX file (no word/document.xml, not a Word document)")
        let real = try [UInt8](Data(contentsOf: binary.appendingPathComponent("statcomm_hotan_prefecture_2025.docx")))
        let cut = #expect(throws: DecodeError.self) { try SourceDecoder.decode(Array(real.prefix(20_000)), source: "cut.docx") }
        #expect(cut?.description == "cut.docx: not a readable DOCX file (not a zip archive)")
    }
}
