import Foundation
import GongwenModel
import GongwenText

/// The number cells of tables with the unit their column (or the row's `单位` cell, or the caption) gives
/// them, and the number mentions rewritten to carry it: in a column `产量(万吨)` the cell `50.49` is the
/// quantity 504900 吨 (±50 吨), in `比上年增长(%)` the cell `-10.4` is the percent −10.4. A cell whose unit
/// is unknown keeps the mention the number grammar read.
struct TableCells {
    /// One number cell: where it is, in which table, row and column, and its unit.
    struct Cell {
        var span: Span
        var table: Int
        var row: Int
        var column: Int
        var unit: CellUnit
    }

    let tables: [Table]
    /// The number cells of every table with a known unit, in the order of the text.
    let cells: [Cell]

    init(tables: [Table], source: SourceText) {
        self.tables = tables
        var units: [String: CellUnit?] = [:]
        func unit(_ text: String) -> CellUnit? {
            if let known = units[text] { return known }
            let read = Self.read(unit: text)
            units[text] = read
            return read
        }
        var cells: [Cell] = []
        for (t, table) in tables.enumerated() {
            let unitColumn = table.columns.firstIndex { $0.role == .unit }
            for (r, row) in table.rows.enumerated() {
                for (offset, span) in row.cells.enumerated() {
                    let column = table.columns[offset + 1]
                    guard column.role != .unit, column.role != .other, TableReader.isNumber(source.folded[span.start..<span.end]) else { continue }
                    var name = column.unit
                    if name == nil, column.role == .level, let unitColumn {
                        name = source.foldedText(row.cells[unitColumn - 1]).filter { $0 != " " }
                    }
                    guard let name, !name.isEmpty, let read = unit(name) else { continue }
                    cells.append(Cell(span: span, table: t, row: r, column: offset + 1, unit: read))
                }
            }
        }
        // Tables set side by side interleave their cells line by line.
        self.cells = cells.sorted { $0.span.start < $1.span.start }
    }

    /// What one printed unit of `unit` is worth, read as the number grammar reads `1万吨`.
    static func read(unit: String) -> CellUnit? {
        let probe = SourceText("1" + unit)
        guard let mention = NumberExtractor.mentions(in: probe).first, mention.start == 0, mention.end == probe.count,
              mention.kind.isClaim, let scale = mention.value else { return nil }
        return CellUnit(scale: scale, unit: mention.unit, category: mention.unitCategory, kind: mention.kind)
    }

    /// A number cell's figure without its grouping commas and percent sign, and how many decimals it prints:
    /// `1,234.50%` → (`1234.50`, 2).
    static func printed(_ span: Span, source: SourceText) -> (text: String, decimals: Int) {
        let printed = source.foldedText(span).filter { $0 != "," && $0 != "%" }
        return (printed, printed.firstIndex(of: ".").map { printed.distance(from: $0, to: printed.endIndex) - 1 } ?? 0)
    }

    /// The mention of a cell: its value scaled by the unit, the unit kept, ±½ of the last printed digit.
    static func mention(_ cell: Cell, source: SourceText) -> NumberMention? {
        let (printed, decimals) = Self.printed(cell.span, source: source)
        guard let number = Decimal(string: printed, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        var mention = NumberMention(text: source.text(cell.span), span: cell.span, kind: cell.unit.kind, value: number * cell.unit.scale)
        mention.unit = cell.unit.unit
        mention.unitCategory = cell.unit.category
        var step = Decimal(1)
        for _ in 0..<decimals { step /= 10 }
        mention.resolution = decimals > 0 ? step * cell.unit.scale : cell.unit.scale == 1 ? nil : cell.unit.scale
        return mention
    }

    /// The mentions with every cell's mention in place of what the grammar read there (a cell the
    /// grammar read no number in gets one). Both lists are in order: one merge.
    func apply(to mentions: [NumberMention], source: SourceText) -> [NumberMention] {
        var result: [NumberMention] = []
        result.reserveCapacity(mentions.count + cells.count)
        var next = 0
        for cell in cells {
            while next < mentions.count, mentions[next].end <= cell.span.start {
                result.append(mentions[next])
                next += 1
            }
            let overlapping = mentions[next...].prefix { $0.start < cell.span.end }
            // A number the grammar read across the cell's bounds is left as it is, unless it ran on over a
            // tab into the next cells (`754.54\t\t支出合计` read as 754.54 支), or over the space that parts the
            // cells of a text layer's table (`6.9 十、城乡社区支出` read as 6.9 十).
            let parted = tables[cell.table].arithmetic
            guard overlapping.allSatisfy({ $0.start >= cell.span.start && ($0.end <= cell.span.end || parted || source.folded[cell.span.end..<$0.end].contains("\t")) }),
                  overlapping.count <= 1, let mention = Self.mention(cell, source: source) else { continue }
            result.append(mention)
            next += overlapping.count
        }
        result.append(contentsOf: mentions[next...])
        return result
    }
}
