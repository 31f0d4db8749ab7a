/// The frame of every page: the head (the server's own stylesheet and script, nothing inline),
/// the navigation, the body.
enum Layout {
    static let sections: [(path: String, name: String)] = [
        ("/", "Overview"), ("/documents", "Documents"), ("/findings", "Findings"), ("/claims", "Claims"),
        ("/measures", "Measures"),
    ]

    static func page(title: String, current: String, body: HTML, alternates: [(String, String)] = []) -> HTML {
        let navigation = sections.map { section -> HTML in
            section.path == current
                ? "<a href=\"\(section.path)\" aria-current=\"page\">\(section.name)</a>"
                : "<a href=\"\(section.path)\">\(section.name)</a>"
        }
        let links = alternates.map { name, href -> HTML in "<a href=\"\(href)\">\(name)</a>" }
        return """
            <!DOCTYPE html>
            <html lang="zh-Hans"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · gongwen</title>
            <link rel="stylesheet" href="/static/gongwen.css">
            <script src="/static/gongwen.js" defer></script>
            </head><body>
            <header class="site"><a class="brand" href="/">gongwen</a><nav>\(navigation)</nav>\(links.isEmpty ? "" : "<span class=\"formats\">\(links.joined(" · "))</span>" as HTML)</header>
            <main>\(body)</main>
            </body></html>
            """
    }

    /// Links to the JSON and CSV of a table page, keeping its query.
    static func alternates(_ path: String, _ parameters: Parameters, csv: Bool = true) -> [(String, String)] {
        let query = parameters.with([:])
        return [("JSON", path + ".json" + query)] + (csv ? [("CSV", path + ".csv" + query)] : [])
    }

    /// Previous and next links of a paged table.
    static func pager(_ path: String, _ parameters: Parameters, paging: Paging, hasNext: Bool, total: Int? = nil) -> HTML {
        var parts: [HTML] = []
        if paging.page > 1 {
            parts.append("<a rel=\"prev\" href=\"\(path + parameters.with(["page": String(paging.page - 1)]))\">← previous</a>")
        }
        let last = total.map { max(1, ($0 + paging.size - 1) / paging.size) }
        parts.append("<span>page \(paging.page)\(last.map { " of \($0)" } ?? "")\(total.map { ", \($0) rows" } ?? "")</span>")
        if hasNext {
            parts.append("<a rel=\"next\" href=\"\(path + parameters.with(["page": String(paging.page + 1)]))\">next →</a>")
        }
        return "<nav class=\"pager\">\(parts.joined(" "))</nav>"
    }

    /// A table with a header row; cells are markup already escaped.
    static func table(_ header: [String], _ rows: [[HTML]], classes: String = "rows") -> HTML {
        let head = header.map { name -> HTML in "<th>\(name)</th>" }
        let body = rows.map { row -> HTML in "<tr>\(row.map { cell -> HTML in "<td>\(cell)</td>" })</tr>" }
        return "<table class=\"\(classes)\"><thead><tr>\(head)</tr></thead><tbody>\(body)</tbody></table>"
    }

    /// `<option>`s of a `<select>`, the one equal to `selected` marked.
    static func options(_ choices: [(value: String, label: String)], selected: String?) -> HTML {
        choices.map { choice -> HTML in
            choice.value == (selected ?? "")
                ? "<option value=\"\(choice.value)\" selected>\(choice.label)</option>"
                : "<option value=\"\(choice.value)\">\(choice.label)</option>"
        }.joined()
    }

    static func field(_ label: String, _ name: String, _ parameters: Parameters, size: Int = 10, type: String = "text") -> HTML {
        "<label>\(label) <input type=\"\(type)\" name=\"\(name)\" value=\"\(parameters.string(name))\" size=\"\(size)\"></label>"
    }
}
