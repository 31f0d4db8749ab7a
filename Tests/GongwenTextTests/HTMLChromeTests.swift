import GongwenModel
import Testing
@testable import GongwenText

/// Chrome found from markup, and layout containers that only look like it.
@Suite("HTML chrome")
struct HTMLChromeTests {
    func kinds(_ html: String) -> [String] {
        let page = HTMLText.extract(html)
        let text = SourceText(page.text)
        return page.boilerplate.map { "\($0.kind) \(text.text($0.span))" }
    }

    @Test func aNavigationBarIsChrome() {
        let html = #"<body><div class="nav-bar">首页 信息公开</div><div id="main"><p>一、总体要求</p></div></body>"#
        #expect(kinds(html) == ["navigation 首页 信息公开"])
    }

    @Test func aNavClassWrappingTheArticleIsLayout() {
        let html = #"<body><div class="nav_background"><ol class="am-breadcrumb"><li>当前位置:首页</li></ol><div id="main"><h1>克州2025年经济运行情况分析</h1><p>一、全州经济运行情况</p></div></div></body>"#
        let page = HTMLText.extract(html)
        #expect(page.text == "当前位置:首页\n克州2025年经济运行情况分析\n一、全州经济运行情况")
        #expect(kinds(html) == ["navigation 当前位置:首页"])
    }
}
