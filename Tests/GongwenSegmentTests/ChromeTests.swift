import Testing
@testable import GongwenSegment

/// Page chrome recognised from the words of a folded line.
@Suite("chrome")
struct ChromeTests {
    @Test(arguments: [
        ("— 2 —", "page_number"), ("- 12 -", "page_number"), ("第3页", "page_number"), ("第 3 页 共 22 页", "page_number"),
        ("本站内容采用知识共享署名 4.0 许可协议", "footer"), ("Copyright © 2024 银川市人民政府 All rights reserved", "footer"),
        ("版权所有:中国政府网 未经许可不得转载", "footer"), ("扫一扫在手机打开当前页", "share"),
        ("【大中小】", "share"), ("打印", "share"), ("分享:", "share"),
    ])
    func chromeLines(_ text: String, _ kind: String) {
        #expect(Chrome.kind(of: text) == kind)
    }

    @Test(arguments: ["2025", "一、总体要求", "打印机购置费", "分享经济", "全市一般公共预算收入完成171.59亿元。", "第三条 本办法自发布之日起施行"])
    func documentLines(_ text: String) {
        #expect(Chrome.kind(of: text) == nil)
    }
}

@Suite("metadata table")
struct MetadataTableTests {
    @Test func bareLabelsOfAMetadataTable() {
        #expect(Chrome.metaPairs(of: "名        称\t克州2025年经济运行情况分析").map { "\($0.0)=\($0.1)" } == ["名称=克州2025年经济运行情况分析"])
        #expect(Chrome.metaPairs(of: "索  引  号\t010478446/2026-00012\t主题分类").map { "\($0.0)=\($0.1)" } == ["索引号=010478446/2026-00012", "主题分类="])
        #expect(Chrome.kind(of: "来        源") == "page_meta")
    }

    @Test func aTablesHeaderIsNoMetadata() {
        #expect(Chrome.metaPairs(of: "名称\t单位\t数量").isEmpty)
    }
}
