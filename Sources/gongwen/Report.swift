import ArgumentParser
import Foundation
import GongwenModel
import GongwenStore

/// How the store commands print their rows.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, jsonl
}

/// Prints rows as an aligned table, CSV (RFC 4180), a JSON array or JSON lines.
///
/// A table of `source`/`issuer` rows lines `江苏省民政厅` (12 columns wide on a terminal) up with
/// `巴中市民政局` and with ASCII text.
enum Report {
    /// Table cells longer than this many terminal columns are cut with `…`, except in the last
    /// column (the sentence, the snippet), which is printed whole.
    static let maximumCellWidth = 60

    static func print<Row: TableRow>(_ rows: [Row], format: ReportFormat) throws {
        switch format {
        case .table:
            Output.line(table(header: Row.columns, rows: rows.map(\.cells)))
        case .csv:
            Output.line(CSV.lines(rows))
        case .json:
            Output.line(try Output.json(rows, pretty: true))
        case .jsonl:
            for row in rows { Output.line(try Output.json(row)) }
        }
    }

    /// Columns padded to the widest cell, measured in terminal columns (East Asian wide and
    /// full-width characters count two).
    static func table(header: [String], rows: [[String]]) -> String {
        let lines = ([header] + rows).map { cells in
            cells.enumerated().map { index, cell in index == cells.count - 1 ? flat(cell) : fit(cell) }
        }
        var widths = Array(repeating: 0, count: header.count)
        for line in lines {
            for (index, cell) in line.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        func render(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([render(lines[0]), rule] + lines.dropFirst().map(render)).joined(separator: "\n")
    }

    /// A cell on one line: line breaks shown as spaces.
    private static func flat(_ cell: String) -> String {
        cell.replacingOccurrences(of: "\n", with: " ")
    }

    /// A cell on one line, cut to `maximumCellWidth`.
    private static func fit(_ cell: String) -> String {
        let line = flat(cell)
        guard DisplayWidth.of(line) > maximumCellWidth else { return line }
        var out = ""
        var width = 0
        for character in line {
            let next = DisplayWidth.of(String(character))
            if width + next > maximumCellWidth - 1 { break }
            out.append(character)
            width += next
        }
        return out + "…"
    }
}

/// How many terminal columns text takes: 2 for East Asian Wide and Fullwidth characters
/// (Unicode UAX #11: CJK ideographs, kana, hangul, full-width forms, CJK punctuation), 0 for
/// combining marks and format characters, 1 otherwise — Ambiguous ones (`“`, `”`, `·`) too, as
/// terminals outside East Asian locales draw them.
///
/// `DisplayWidth.of("民政局2020")` is 10.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
        0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
        0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    private static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        return wide.contains { $0.contains(scalar.value) } ? 2 : 1
    }
}
