import Foundation
import GongwenModel
import GongwenText

/// Who issued the document (发文机关), from the strongest evidence that names one: the signature,
/// the header above the title, the title's own prefix (`重庆市人民政府关于…的报告`), the page's
/// `发文机关:` metadata, a source note under an article (`来源:市委政法委`).
///
/// A reply letter signed `巴中市民政局` has that issuer whatever its page metadata says.
enum IssuerChain {
    static func choose(signature: (String, Span)?, header: (String, Span)?, title: Field?, metadata: PageMetadata, page: Page) -> (String, Span)? {
        signature ?? header ?? titlePrefix(title) ?? metadata.values["发文机关"] ?? sourceNote(page)
    }

    /// `重庆市人民政府关于…的报告` → `重庆市人民政府`.
    static func titlePrefix(_ title: Field?) -> (String, Span)? {
        guard let title, let range = title.value.range(of: "关于") else { return nil }
        let prefix = String(title.value[..<range.lowerBound])
        guard Organization.isName(prefix) else { return nil }
        let length = prefix.unicodeScalars.count
        return (prefix, Span(start: title.start, end: title.start + length))
    }

    /// `来源:市委政法委` under an article: the author when nothing else names one.
    static func sourceNote(_ page: Page) -> (String, Span)? {
        for (index, line) in page.lines.enumerated() where page.chromeKinds[index] == "page_meta" && line.text.hasPrefix("来源:") {
            let name = line.text.dropFirst(3).trimmingLineWhitespace()
            if Organization.isName(name) {
                return (name, Span(start: line.content.end - name.unicodeScalars.count, end: line.content.end))
            }
        }
        return nil
    }
}
