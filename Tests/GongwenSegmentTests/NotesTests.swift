import GongwenModel
import GongwenText
import Testing
@testable import GongwenSegment

/// Notes and sources as a part of their own; footnote markers out of titles.
@Suite("notes")
struct NotesTests {
    func outline(_ segmentation: Segmentation) -> [String] {
        var rows: [String] = []
        for root in segmentation.sections {
            root.forEach { section, _ in rows.append("\(section.marker ?? "·") \(section.kind.rawValue) L\(section.level) \(section.title)") }
        }
        return rows
    }

    @Test(arguments: [("注:", "注"), ("注释", "注释"), ("注:1.公报为初步统计数。", "注"), ("资料来源:国家统计局", "资料来源"), ("附注", "附注")])
    func notesLabels(_ text: String, _ label: String) {
        #expect(Notes.label(of: text) == label)
    }

    @Test(arguments: ["注意安全生产", "注重实效。", "数据来源于统计局。", "注"])
    func notNotesLabels(_ text: String) {
        #expect(Notes.label(of: text) == nil)
    }

    @Test func trailingFootnoteMarkers() {
        let cases = ["统计公报[1]": 3, "统计公报[12]": 4, "增长情况①": 1, "地区生产总值²": 1, "2024年[1]统计公报": nil, "[1]": nil]
        for (text, length) in cases {
            let s = Array(text.unicodeScalars)
            #expect(Notes.trailingMarker(in: s, start: 0, end: s.count) == length, "\(text)")
        }
    }

    @Test func notesAreTheirOwnPartNotChildrenOfTheLastChapter() {
        let text = """
            2024年国民经济和社会发展统计公报[1]
            一、综合
            全年地区生产总值2479.6亿元[2]，比上年增长6.5%。
            二、农业
            全年粮食产量180万吨。
            注释：
            [1]本公报中数据均为初步统计数。
            [2]地区生产总值按现行价格计算。
            资料来源：市统计局。
            """
        let segmentation = Segmenter.segment(SourceText(text))
        #expect(segmentation.title == "2024年国民经济和社会发展统计公报")
        #expect(segmentation.fields.filter { $0.name == "footnote_ref" }.map(\.value) == ["[1]"])
        #expect(outline(segmentation) == ["一、 chinese L1 综合", "二、 chinese L1 农业", "· notes L1 注释"])
    }

    @Test func footnoteLinesWithoutALabelOpenTheNotes() {
        let text = "一、综合\n全年地区生产总值增长6.5%[1]。\n二、农业\n全年粮食产量180万吨。\n[1]按可比价格计算。\n[2]粮食产量为快报数。\n"
        let segmentation = Segmenter.segment(SourceText(text))
        #expect(outline(segmentation) == ["一、 chinese L1 综合", "二、 chinese L1 农业", "· notes L1 "])
    }
}
