import Foundation
import GWICU
import GongwenModel
import Testing
@testable import GongwenText

@Suite("fold and lexical helpers")
struct LexicalTests {
    @Test func foldKeepsOffsets() {
        let text = SourceText("全市乡镇（街道）从２００个，占比％\u{3000}完成。")
        #expect(text.folded.count == text.scalars.count)
        #expect(text.foldedText(Span(start: 0, end: text.count)) == "全市乡镇(街道)从200个,占比% 完成。")
        #expect(text.text(Span(start: 9, end: 12)) == "２００")
    }

    @Test func linesAndColumns() {
        let text = SourceText("标题\n\n一、总体要求\n正文")
        #expect(text.lineCount == 4)
        #expect(text.line(at: 0) == 1)
        #expect(text.line(at: 4) == 3)
        #expect(text.column(at: 5) == 2)
        #expect(text.lineSpan(3) == Span(start: 4, end: 10))
    }

    @Test(arguments: [
        ("二十四", 24), ("二〇二二", 2022), ("十一", 11), ("贰拾", 20), ("一百零五", 105), ("两千零二十", 2020),
        ("三万四千五百六十七", 34567), ("十", 10), ("一千三百一十六", 1316), ("1316", 1316),
    ])
    func chineseIntegers(text: String, value: Int) {
        #expect(ChineseNumerals.integer(text.unicodeScalars) == value)
    }

    @Test func malformedChineseIntegers() {
        #expect(ChineseNumerals.integer("百十".unicodeScalars) == nil)
        #expect(ChineseNumerals.integer("三四十".unicodeScalars) == nil)
        #expect(ChineseNumerals.integer("".unicodeScalars) == nil)
    }

    @Test(arguments: [
        ("2020年9月14日", "2020-09-14", false), ("二〇二二年六月二十四日", "2022-06-24", false), ("2020-09-14", "2020-09-14", false),
        ("2020914", "2020-09-14", true), ("20200914", "2020-09-14", false), ("２０１７年１０月３０日", "2017-10-30", false),
        ("一九九六年七月十七日", "1996-07-17", false), ("2019年", "2019", false), ("2004年11月", "2004-11", false),
    ])
    func dates(text: String, iso: String, garbled: Bool) throws {
        let date = try #require(DateText.parse(text))
        #expect(date.iso == iso)
        #expect(date.garbled == garbled)
    }

    @Test func impossibleDates() {
        #expect(DateText.parse("2020年2月30日") == nil)
        #expect(DateText.parse("2020年13月1日") == nil)
        #expect(DateText.parse("29275") == nil)
        #expect(DateText.parse("第110号") == nil)
    }

    /// Foundation's bundled ICU (number formatting) and the system ICU behind GWICU (GB18030
    /// conversion) work in one binary: the clash PLATFORM.md describes is contained.
    @Test func bothICUsInOneBinary() throws {
        let formatted = 1_234_567.formatted(.number.locale(Locale(identifier: "zh_CN")))
        #expect(formatted == "1,234,567")
        var version = [CChar](repeating: 0, count: 32)
        gw_icu_version(&version, 32)
        let systemVersion = String(decoding: version.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #expect(systemVersion.split(separator: ".").count >= 2)
        let decoded = try SourceDecoder.decode([0xB9, 0xFA, 0xCE, 0xF1, 0xD4, 0xBA, 0xB0, 0xEC, 0xB9, 0xAB, 0xCC, 0xFC], source: "gb.txt")
        #expect(decoded.text == "国务院办公厅")
        #expect(decoded.encoding == "GB18030")
    }
}
