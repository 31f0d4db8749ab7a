import Foundation
import GongwenModel
import GongwenText

/// Finds the tables of a text: a run of two rows or more with the same number of cells, each a label
/// followed by numbers (or blanks, or a unit where a `单位` column stands), under a header row of as many
/// cells, and an optional caption above (`表2  2025年主要农产品产量`, `(单位：万元)`).
///
/// `产品名称	产量(万吨)	比上年增长(%)` over `粮食	50.49	1.1` and `    春收	5.86	0.4` is one table of two
/// rows; a tab-separated line of words (`联系电话	0827-5260774`) is none. One pass over the lines.
struct TableReader {
    let source: SourceText

    /// Words of a header or caption that say a column holds growth rates.
    static let growthWords = ["增长", "增减", "涨跌", "增速", "增幅", "比上年", "同比", "环比", "比上月", "比年初"]
    /// Words of a header that say a column holds shares of the table's whole (not `占预算`, a row's own ratio).
    static let shareWords = ["比重", "构成", "占比"]

    /// A line cut into cells: where each cell lies (trimmed) and how far the line is indented.
    struct Line {
        var number: Int
        var indent: Int
        var cells: [Span]
    }

    func tables() -> [Table] {
        var tables: [Table] = []
        var run: [Line] = []
        // The lines before the run that are no rows: its header (one line or two) and its caption.
        var previous: [Line] = []
        var pairs: PairedRun?
        func close() {
            defer { run = [] }
            guard run.count >= 2 else { return }
            let header = previous.last
            let caption = previous.count >= 2 && previous[previous.count - 2].number == previous[previous.count - 1].number - 1
                ? previous[previous.count - 2] : nil
            if let table = table(rows: run, header: header, caption: caption) { tables.append(table) }
        }
        for number in 1...source.lineCount {
            let line = cut(number)
            if let open = pairs {
                if line.cells.count == open.names.count, isPairedRow(line, width: open.width) {
                    pairs!.rows.append(line)
                    continue
                }
                tables += halves(of: open)
                pairs = nil
            }
            if let first = run.first, line.cells.count == first.cells.count, isRow(line) {
                run.append(line)
                continue
            }
            close()
            if let start = pairedRun(from: line, after: previous) {
                pairs = start
            } else if line.cells.count >= 2, isRow(line) {
                run = [line]
            } else {
                // The last three, kept in place: `Array((previous + [line]).suffix(3))` made three arrays per line.
                previous.append(line)
                if previous.count > 3 { previous.removeFirst() }
            }
        }
        if let open = pairs { tables += halves(of: open) }
        close()
        return tables
    }

    /// The cells of a line: split at tabs, or where there are none at two spaces or more; each trimmed.
    func cut(_ number: Int) -> Line {
        let span = source.lineSpan(number)
        let text = source.folded
        var start = span.start
        var indent = 0
        while start < span.end, text[start] == " " {
            indent += source.scalars[start] == "\u{3000}" ? 2 : 1
            start += 1
        }
        let tabbed = text[start..<span.end].contains("\t")
        var cells: [Span] = []
        var cellStart = start
        var position = start
        while position < span.end {
            if tabbed, text[position] == "\t" {
                cells.append(trimmed(Span(start: cellStart, end: position)))
                cellStart = position + 1
            } else if !tabbed, text[position] == " ", position + 1 < span.end, text[position + 1] == " " || position > start && text[position - 1] == ")" {
                // Two spaces part cells, and so does one after a closing bracket (`年末数（万人） 比重（%）`).
                cells.append(trimmed(Span(start: cellStart, end: position)))
                while position < span.end, text[position] == " " { position += 1 }
                cellStart = position
                continue
            }
            position += 1
        }
        cells.append(trimmed(Span(start: cellStart, end: span.end)))
        if !tabbed, cells.last.map({ $0.start == $0.end }) == true { cells.removeLast() }
        return Line(number: number, indent: indent, cells: cells)
    }

    private func trimmed(_ span: Span) -> Span {
        var start = span.start
        var end = span.end
        while start < end, source.folded[start] == " " || source.folded[start] == "\t" { start += 1 }
        while end > start, source.folded[end - 1] == " " || source.folded[end - 1] == "\t" || source.folded[end - 1] == "\r" { end -= 1 }
        return Span(start: start, end: end)
    }

    /// A label with a Chinese character, then numbers, blanks or short words (a unit): at least one number
    /// or none at all (a row that only names the group below it, `公路`).
    func isRow(_ line: Line) -> Bool {
        guard line.cells.count >= 2, let label = line.cells.first, scalars(label).contains(where: isCJK), !isNumber(label) else { return false }
        let values = line.cells.dropFirst()
        guard values.contains(where: isNumber) || values.allSatisfy(isBlank) else { return false }
        return values.allSatisfy { cell in
            isNumber(cell) || isBlank(cell) || cell.end - cell.start <= 6 && !scalars(cell).contains(where: isASCIIDigit)
        }
    }

    func scalars(_ span: Span) -> ArraySlice<Unicode.Scalar> { source.folded[span.start..<span.end] }

    func isNumber(_ span: Span) -> Bool { Self.isNumber(scalars(span)) }

    /// `50.49`, `-10.4`, `263797840`, `1,234.5`, `-3.87%`: a cell that is one number and nothing else.
    static func isNumber(_ cell: ArraySlice<Unicode.Scalar>) -> Bool {
        var cell = cell
        if let first = cell.first, first == "-" || first == "+" { cell = cell.dropFirst() }
        if let last = cell.last, last == "%" { cell = cell.dropLast() }
        guard let first = cell.first, isASCIIDigit(first), let last = cell.last, isASCIIDigit(last) else { return false }
        var dots = 0
        for scalar in cell {
            if scalar == "." { dots += 1 } else if !isASCIIDigit(scalar) && scalar != "," { return false }
        }
        return dots <= 1
    }

    /// An empty cell or one that says there is no figure (`-`, `—`, `…`, `/`).
    func isBlank(_ span: Span) -> Bool {
        scalars(span).allSatisfy { $0 == "-" || $0 == "—" || $0 == "…" || $0 == "/" || $0 == " " }
    }

    /// The table of a run of rows, when a header of as many cells names its columns and every word in a
    /// value cell stands in a `单位` column.
    private func table(rows run: [Line], header: Line?, caption: Line?) -> Table? {
        let count = run[0].cells.count
        guard let header, header.number == run[0].number - 1 else { return nil }
        var names = header.cells.map { SourceText.string(scalars($0)).filter { $0 != " " } }
        // `指  标  单位 …` cut at the double space inside the first header: join the leading single characters.
        while names.count > count, names.count >= 2, names[0].count == 1, names[1].count == 1 {
            names[0] += names.remove(at: 1)
        }
        guard names.count == count, !header.cells.dropFirst().contains(where: isNumber) else { return nil }
        return table(rows: run, names: names, caption: caption)
    }

    /// The table of a run of rows under the column names its header gives.
    func table(rows run: [Line], names: [String], caption: Line?) -> Table? {
        let captionText = caption.map { line in SourceText.string(source.folded[source.lineSpan(line.number).start..<source.lineSpan(line.number).end]) } ?? ""
        let captionUnit = Self.captionUnit(captionText)
        var columns = [TableColumn(name: names[0], unit: nil, role: .label)]
        for name in names.dropFirst() { columns.append(Self.column(name, caption: captionText, captionUnit: captionUnit)) }
        // A rate column the caption calls a change (`…比上年涨跌幅度`) when no column holds levels.
        if !columns.contains(where: { $0.role == .level && $0.unit != "%" }) {
            for index in columns.indices where columns[index].role == .level && columns[index].unit == "%"
                && Self.growthWords.contains(where: captionText.contains) {
                columns[index].role = .growth
            }
        }
        for index in columns.indices where columns[index].role == .level && columns[index].unit == "%" { columns[index].role = .other }
        for line in run {
            for (offset, cell) in line.cells.enumerated().dropFirst() where !isNumber(cell) && !isBlank(cell) {
                guard columns[offset].role == .unit else { return nil }
            }
        }
        let rows = run.map { line in row(line) }
        return Table(columns: columns, rows: rows)
    }

    /// A column from its header: `产量(万吨)` levels in 万吨, `比上年增长(%)` growth rates, `比重(%)` shares,
    /// `单位` the units, a header with no unit of its own takes the caption's (`(单位：万元)`).
    static func column(_ header: String, caption: String, captionUnit: String?) -> TableColumn {
        if header == "单位" || header == "计量单位" { return TableColumn(name: header, unit: nil, role: .unit) }
        var name = header
        var unit: String?
        if name.count > 1, name.hasSuffix("%") {
            // `增长%`: the unit after the name, with no brackets.
            name.removeLast()
            unit = "%"
        } else if let open = header.lastIndex(of: "("), let close = header.lastIndex(of: ")"), open < close, header.index(after: close) == header.endIndex {
            // Brackets inside the name say what it covers (`职工基本医疗保险(含生育保险)基金`), at its end its unit.
            name = String(header[..<open])
            unit = String(header[header.index(after: open)..<close])
            for prefix in ["单位:", "单位"] where unit!.hasPrefix(prefix) { unit!.removeFirst(prefix.count) }
        }
        let role: ColumnRole
        if growthWords.contains(where: name.contains) {
            role = .growth
        } else if shareWords.contains(where: name.contains) {
            role = .share
        } else {
            role = .level
        }
        if unit == nil || unit!.isEmpty { unit = role == .level ? captionUnit : "%" }
        return TableColumn(name: name, unit: unit, role: role)
    }

    /// The unit a caption gives every figure: `(单位：万元)`, `单位：亿元`.
    static func captionUnit(_ caption: String) -> String? {
        guard let range = caption.range(of: "单位:") else { return nil }
        let unit = caption[range.upperBound...].prefix { $0 != ")" && $0 != " " && $0 != "," }
        return unit.isEmpty ? nil : String(unit)
    }

    /// A row from its line: the marker (`其中:`, `#`) and the spaces taken out of the label.
    func row(_ line: Line) -> TableRow {
        var label = scalars(line.cells[0])
        var marker: RowMarker?
        if label.starts(with: Self.among) {
            marker = .among
            label = label.dropFirst(2)
            while let first = label.first, first == ":" || first == " " { label = label.dropFirst() }
        } else if label.first == "#" {
            marker = .hash
            label = label.dropFirst()
        }
        let text = SourceText.string(label).filter { $0 != " " }
        return TableRow(line: line.number, indent: line.indent, marker: marker, label: text, cells: Array(line.cells.dropFirst()))
    }

    private static let among = Array("其中".unicodeScalars)
}
