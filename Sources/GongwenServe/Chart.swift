/// A horizontal bar chart drawn on the server as SVG: no script, no inline style (the colours
/// come from the stylesheet by class), each bar a link to the rows it counts.
///
/// `Chart.bars([Bar(label: "2022", value: 3, href: "/documents?year=2022")], title: "Documents by year")`.
enum Chart {
    struct Bar {
        var label: String
        var value: Int
        var href: String?
        /// A class for the bar's colour (`error`, `warning`, `info`).
        var kind: String = ""
    }

    static func bars(_ bars: [Bar], title: String) -> HTML {
        guard !bars.isEmpty else { return "<p class=\"snippet\">Nothing to count.</p>" }
        let labelWidth = 170, barWidth = 260, rowHeight = 22
        let largest = max(1, bars.map(\.value).max() ?? 1)
        let height = bars.count * rowHeight + 4
        let rows = bars.enumerated().map { index, bar -> HTML in
            let y = index * rowHeight + 2
            let width = max(1, bar.value * barWidth / largest)
            let label = bar.label.count > 24 ? String(bar.label.prefix(23)) + "…" : bar.label
            let row: HTML = """
                <text x="\(labelWidth - 6)" y="\(y + 15)" text-anchor="end">\(label)</text>\
                <rect class="bar \(bar.kind)" x="\(labelWidth)" y="\(y + 3)" width="\(width)" height="\(rowHeight - 6)"><title>\(bar.label): \(bar.value)</title></rect>\
                <text x="\(labelWidth + width + 4)" y="\(y + 15)">\(bar.value)</text>
                """
            return bar.href.map { "<a href=\"\($0)\">\(row)</a>" } ?? row
        }
        return """
            <svg class="chart" role="img" aria-label="\(title)" xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 \(labelWidth + barWidth + 50) \(height)">\(rows)</svg>
            """
    }
}
