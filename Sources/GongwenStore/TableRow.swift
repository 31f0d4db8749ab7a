/// A row of a table the store answers with, as the CLI's `--format table|csv` and the `.csv` of
/// `gongwen serve` print it: its column names and its cells, in one place for both.
///
/// `MeasureRow.columns` is `source, issuer, date, section, start, end, measure`; the cells of
/// the measure `一是建立“五社联动”机制` of 江苏省民政厅 end in `一是建立“五社联动”机制`.
public protocol TableRow: Encodable {
    static var columns: [String] { get }
    var cells: [String] { get }
}

/// Comma-separated values as RFC 4180 says: a cell holding a comma, a quote or a line break is
/// quoted, its quotes doubled.
///
/// `CSV.lines(["claim", "unit"], [["29275万人", "人"]])` is `claim,unit\n29275万人,人`.
public enum CSV {
    /// The header line and one line per row, joined by `\n` (no line break after the last).
    public static func lines(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map(line).joined(separator: "\n")
    }

    /// The rows of a table with its columns.
    public static func lines<Row: TableRow>(_ rows: [Row]) -> String {
        lines(Row.columns, rows.map(\.cells))
    }

    static func line(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                : cell
        }.joined(separator: ",")
    }
}

extension ClaimRow: TableRow {
    public static let columns = ["source", "section", "claim", "value", "unit", "kind", "subject", "start", "end", "findings", "sentence"]

    public var cells: [String] {
        [source, section ?? "", text, value, unit ?? "", kind, subject ?? "", String(start), String(end), findings ?? "", sentence]
    }
}

extension MeasureRow: TableRow {
    public static let columns = ["source", "issuer", "date", "section", "start", "end", "measure"]

    public var cells: [String] {
        [source, issuer ?? "", date ?? "", section ?? "", String(start), String(end), (marker ?? "") + text]
    }
}

extension SearchHit: TableRow {
    public static let columns = ["source", "section", "line", "start", "end", "snippet"]

    public var cells: [String] {
        [source, section ?? "", String(line), String(start), String(end), snippet]
    }
}

extension FindingRow: TableRow {
    public static let columns = ["source", "line", "column", "rule", "severity", "message", "stated", "expected", "start", "end"]

    public var cells: [String] {
        [source, String(line), String(column), rule, severity, message, stated ?? "", expected ?? "", String(start), String(end)]
    }
}

extension DocumentListRow: TableRow {
    public static let columns = ["id", "source", "title", "issuer", "doc_type", "date", "claims", "findings", "errors"]

    public var cells: [String] {
        [String(id), source, title ?? "", issuer ?? "", docType ?? "", date ?? "", String(claims), String(findings), String(errors)]
    }
}
