import GongwenModel
import GongwenText

/// Metadata a page declares around the document: label/value pairs of its metadata table
/// (`发文机关:`, `成文日期:`, `发文字号:`, `标题:`) and the dates of its page-metadata lines.
struct PageMetadata {
    var values: [String: (String, Span)] = [:]
    /// `成文日期` and `发布日期` read from lines like `时间:2024-03-05 来源:市政府办公室`.
    var dates: [String: (DateText, Span)] = [:]

    /// A labelled value read as a date: `成文日期` → 2004-11-04.
    func date(_ label: String) -> (DateText, Span)? {
        values[label].flatMap { value, span in DateText.parse(value).map { ($0, span) } }
    }
}

/// Marks the page chrome, from the markup (HTML, PDF and DOCX furniture) and from the words of each
/// line (`Chrome`), and reads the page's metadata. A metadata label on a line of its own (`索 引 号:`)
/// takes the next line as its value.
///
/// `发布日期:2020-09-14 16:01信息来源:办公室` becomes boilerplate `page_meta` and gives `发布日期` = 2020-09-14.
enum PageChrome {
    static func mark(_ page: inout Page, markup: [Boilerplate]) -> PageMetadata {
        var metadata = PageMetadata()
        var pendingLabel: (label: String, line: Int)?
        for (index, line) in page.lines.enumerated() where !line.isBlank {
            if let mark = markup.first(where: { $0.span.contains(line.content) }) {
                page.chromeKinds[index] = mark.kind
            }
            let pairs = Chrome.metaPairs(of: line.text)
            if let (label, labelLine) = pendingLabel, labelLine + 1 == index, Chrome.metaLabel(line.text) == nil, line.length <= 60 {
                page.chromeKinds[index] = "page_meta"
                if metadata.values[label] == nil { metadata.values[label] = (line.text, line.content) }
                pendingLabel = nil
            } else if let label = Chrome.metaLabel(line.text) {
                page.chromeKinds[index] = "page_meta"
                pendingLabel = (label, index)
            } else if !pairs.isEmpty {
                page.chromeKinds[index] = "page_meta"
                for (label, value) in pairs where !value.isEmpty && metadata.values[label] == nil {
                    metadata.values[label] = (value, line.content)
                }
            } else if page.chromeKinds[index] == nil, let kind = Chrome.kind(of: line.text) {
                page.chromeKinds[index] = kind
            }
            if page.chromeKinds[index] != nil { page.roles[index] = .boilerplate }
            if page.chromeKinds[index] == "page_meta", let (label, value) = Chrome.inlinePair(of: line.text.filter { $0 != " " }),
               !value.isEmpty, metadata.values[label] == nil {
                metadata.values[label] = (value, line.content)
            }
            if page.chromeKinds[index] == "page_meta" {
                for (key, date) in Chrome.labelledDates(in: line.text) where metadata.dates[key] == nil {
                    metadata.dates[key] = (date, line.content)
                }
            } else {
                pendingLabel = nil
            }
        }
        return metadata
    }
}
