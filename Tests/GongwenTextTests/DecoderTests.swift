import Foundation
import GongwenModel
import Testing
import TestSupport
@testable import GongwenText

@Suite("decode")
struct DecoderTests {
    let seed = Repository.corpus.appendingPathComponent("004_8b0ea43be8e85885.txt")

    /// The text encoded in GB18030 by an independent encoder (glibc's iconv).
    func gb18030(_ text: String) throws -> [UInt8] {
        let folder = try Repository.temporaryFolder()
        let source = folder.appendingPathComponent("in.txt")
        let out = folder.appendingPathComponent("out.txt")
        try text.write(to: source, atomically: true, encoding: .utf8)
        let result = try run(URL(fileURLWithPath: "/usr/bin/iconv"), ["-f", "UTF-8", "-t", "GB18030", "-o", out.path, source.path])
        #expect(result.status == 0)
        return [UInt8](try Data(contentsOf: out))
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try SourceDecoder.decode(Array("一、总体要求\n".utf8), source: "a.txt")
        #expect(plain.encoding == "UTF-8")
        #expect(plain.text == "一、总体要求\n")
        let bom = try SourceDecoder.decode([0xEF, 0xBB, 0xBF] + Array("一、总体要求".utf8), source: "b.txt")
        #expect(bom.encoding == "UTF-8")
        #expect(bom.text == "一、总体要求")
        #expect(bom.warnings.isEmpty)
    }

    @Test func gb18030SeedDecodesToTheSameText() throws {
        let utf8 = try SourceDecoder.read(path: seed.path)
        let original = try SourceDecoder.decode(utf8, source: seed.path)
        let bytes = try gb18030(original.text)
        #expect(bytes.count > 1000)
        let decoded = try SourceDecoder.decode(bytes, source: "seed-gb18030.txt")
        #expect(decoded.encoding == "GB18030")
        #expect(decoded.text == original.text)
        #expect(decoded.replacements == 0)
    }

    @Test func utf16WithBOM() throws {
        let text = "巴中市民政局\n2020年9月14日"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        #expect(try SourceDecoder.decode(little, source: "le.txt").text == text)
        #expect(try SourceDecoder.decode(little, source: "le.txt").encoding == "UTF-16LE")
        #expect(try SourceDecoder.decode(big, source: "be.txt").encoding == "UTF-16BE")
    }

    @Test func emptyAndBlankInputAreErrors() {
        #expect(throws: DecodeError.empty(source: "e.txt")) { try SourceDecoder.decode([], source: "e.txt") }
        #expect(throws: DecodeError.empty(source: "w.txt")) { try SourceDecoder.decode(Array(" \n\u{3000}\n".utf8), source: "w.txt") }
    }

    @Test func binaryInputIsNotText() throws {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        bytes += (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        do {
            _ = try SourceDecoder.decode(bytes, source: "image.png")
            Issue.record("binary input decoded")
        } catch {
            #expect(error.code == "not_text")
            #expect(error.description.hasPrefix("image.png: not a text file"))
        }
        let controls = [UInt8](repeating: 0x01, count: 500) + Array("abc".utf8)
        #expect(throws: DecodeError.self) { try SourceDecoder.decode(controls, source: "ctl.bin") }
    }

    /// A text is refused when more than a tenth of its characters are controls, counted eight
    /// bytes at a time or one by one: 10 controls among 100 Chinese characters pass, 12 do not,
    /// wherever they stand (tab, line feed, form feed and carriage return are text).
    @Test func controlShareDecidesWhereverTheControlsStand() throws {
        for spacing in [1, 7, 8, 29] {
            func text(controls: Int) -> [UInt8] {
                var scalars = Array(String(repeating: "一", count: 100).unicodeScalars)
                for index in 0..<controls {
                    scalars.insert(index % 2 == 0 ? "\u{01}" : "\u{7F}", at: min(scalars.count, spacing * index + index))
                }
                return Array((String(String.UnicodeScalarView(scalars)) + "\t\n\r\u{0C}").utf8)
            }
            #expect(try SourceDecoder.decode(text(controls: 10), source: "ten.txt").text.unicodeScalars.count > 100)
            #expect(throws: DecodeError.self) { try SourceDecoder.decode(text(controls: 12), source: "twelve.txt") }
        }
    }

    @Test func truncatedUTF8IsReplacedAndCounted() throws {
        var bytes = Array("关于加强村社区治理创新的建议".utf8)
        bytes.removeLast()
        let decoded = try SourceDecoder.decode(bytes, source: "cut.txt")
        #expect(decoded.encoding == "UTF-8")
        #expect(decoded.replacements == 1)
        #expect(decoded.text.hasSuffix("\u{FFFD}"))
        #expect(decoded.warnings == ["1 malformed byte sequence in UTF-8 replaced by U+FFFD"])
    }

    @Test func lineBreaksAreNormalised() throws {
        let decoded = try SourceDecoder.decode(Array("一、\r\n二、\r三、".utf8), source: "crlf.txt")
        #expect(decoded.text == "一、\n二、\n三、")
    }

    @Test func filesystemErrorsNameTheFile() throws {
        let folder = try Repository.temporaryFolder()
        #expect(throws: DecodeError.isDirectory(source: folder.path)) { try SourceDecoder.read(path: folder.path) }
        let missing = folder.appendingPathComponent("missing.txt").path
        #expect(throws: DecodeError.notFound(source: missing)) { try SourceDecoder.read(path: missing) }
        let large = folder.appendingPathComponent("large.txt")
        #expect(FileManager.default.createFile(atPath: large.path, contents: nil))
        let handle = try FileHandle(forWritingTo: large)
        try handle.truncate(atOffset: 50 * 1_048_576)
        try handle.close()
        do {
            _ = try SourceDecoder.read(path: large.path)
            Issue.record("50 MB file read")
        } catch {
            #expect(error.code == "too_large")
            #expect(error.description == "\(large.path): file is 50.0 MB, over the 20.0 MB limit (--max-size)")
        }
    }
}

@Suite("html")
struct HTMLTests {
    @Test func blocksBecomeLinesAndScriptsAreDropped() throws {
        let html = """
            <html><head><title>页面</title><meta name="ArticleTitle" content="关于做好工作的通知"><script>var x = 1;</script></head>
            <body><div class="nav">首页 &gt; 信息公开</div><p>一、总体要求</p><p>（一）指导思想<br>坚持稳中求进。</p>
            <table><tr><td>地区</td><td>人口</td></tr></table><style>p{}</style></body></html>
            """
        let decoded = try SourceDecoder.decode(Array(html.utf8), source: "page.html", isHTML: true)
        #expect(decoded.format == .html)
        #expect(decoded.text == "首页 > 信息公开\n一、总体要求\n（一）指导思想\n坚持稳中求进。\n地区\t人口")
        #expect(decoded.pageMeta["ArticleTitle"] == "关于做好工作的通知")
        #expect(decoded.boilerplate.map(\.kind) == ["navigation"])
        #expect(decoded.boilerplate.first?.span == Span(start: 0, end: 9))
    }

    @Test func brokenMarkupIsRecovered() throws {
        let html = "<div><p>第一段<p>第二段<table><tr><td>单元格</div></span><p>第三段"
        let decoded = try SourceDecoder.decode(Array(html.utf8), source: "broken.html", isHTML: true)
        #expect(decoded.text == "第一段\n第二段\n单元格\n第三段")
    }

    @Test func declaredCharsetIsHonoured() throws {
        let folder = try Repository.temporaryFolder()
        let source = folder.appendingPathComponent("gbk.html")
        let html = #"<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body><p>国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函</p></body></html>"#
        try html.write(to: source, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("gbk-out.html")
        let result = try run(URL(fileURLWithPath: "/usr/bin/iconv"), ["-f", "UTF-8", "-t", "GBK", "-o", out.path, source.path])
        #expect(result.status == 0)
        let decoded = try SourceDecoder.decode([UInt8](try Data(contentsOf: out)), source: "gbk.html")
        #expect(decoded.format == .html)
        #expect(decoded.encoding == "GB18030")
        #expect(decoded.text == "国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函")
        #expect(HTMLText.declaredCharset(Array(html.utf8)) == "gbk")
    }

    /// The declared charset, lower-cased, quotes skipped, read from the bytes whatever their encoding.
    @Test func readsTheDeclaredCharset() {
        #expect(HTMLText.declaredCharset(Array(#"<META CHARSET="GB2312">"#.utf8)) == "gb2312")
        #expect(HTMLText.declaredCharset(Array("<meta content='text/html; charset=UTF-8'>".utf8)) == "utf-8")
        #expect(HTMLText.declaredCharset([0xB9, 0xFA] + Array("<meta charset=gbk>".utf8)) == "gbk")
        #expect(HTMLText.declaredCharset(Array("<meta charset=>".utf8)) == nil)
        #expect(HTMLText.declaredCharset(Array("charset".utf8)) == nil)
    }

    @Test func sniffsPagesWithoutExtension() {
        #expect(HTMLText.sniff(Array("  <!DOCTYPE html><html>".utf8)))
        #expect(HTMLText.sniff(Array("<div class=\"wrap\">".utf8)))
        #expect(!HTMLText.sniff(Array("一、<b>不是网页</b>".utf8)))
    }
}
