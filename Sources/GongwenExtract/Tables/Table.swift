import Foundation
import GongwenModel

/// A table the text lays out in rows of cells: tab-separated lines (HTML `<td>` and DOCX cells come as
/// tabs), or cells set apart by two spaces or more (communiqués saved as text, PDF columns). Internal to
/// the extract stage: its cells become claims and its structure links them; the JSON output carries the
/// claims and links, not the table.
///
/// ```
/// 表2  2025年主要农产品产量
/// 产品名称	产量(万吨)	比上年增长(%)
/// 粮食	50.49	1.1
///    春收	5.86	0.4
/// ```
/// is a table with columns 产品名称 (labels), 产量 (levels in 万吨) and 比上年增长 (growth rates in %), and
/// rows 粮食 and 春收, the second nested under the first.
struct Table: Equatable {
    var columns: [TableColumn]
    var rows: [TableRow]
    /// Whether the rows' arithmetic named the columns (`TextLayerTables`): the layout that nests rows and the
    /// labels that total them (`小计`) are lost with the header, so only rows that add up link as a sum.
    var arithmetic = false
}

/// What the values of a column are: `产量(万吨)` levels, `比上年增长(%)` growth rates, `比重(%)` shares
/// of a whole, `单位` the unit of each row's levels, the first column the row labels; `other` a percent
/// column the reader does not interpret (`占预算(%)`, a row's 完成数 over its 预算数), whose cells stay
/// as the number grammar read them; `ratio` and `change` a percent column whose operands the rows'
/// arithmetic names where the header cannot (`TextLayerTables`: 94.7 = 93,935 / 99,200 on nearly every row),
/// by the index of their columns.
enum ColumnRole: Hashable {
    case label
    case unit
    case level
    case growth
    case share
    case other
    case ratio(numerator: Int, denominator: Int)
    case change(from: Int, to: Int)
}

/// One column of a table: its header without the unit (`产量`), the unit in brackets (`万吨`) and its role.
struct TableColumn: Equatable {
    var name: String
    var unit: String?
    var role: ColumnRole
}

/// What sets a row apart as some of the row above: `其中：住宅` (`among`) or `#工 业`, `＃棉布` (`hash`).
enum RowMarker: Equatable {
    case among
    case hash
}

/// One row: its label without marker and spaces (`工业` for `#工 业`), how far it is indented (an
/// ideographic space counts two), its marker and its cells after the label, one per column from the second.
struct TableRow: Equatable {
    var line: Int
    var indent: Int
    var marker: RowMarker?
    var label: String
    /// The cells after the label, as spans of the source, trimmed of spaces (empty spans for blank cells).
    var cells: [Span]
}

/// The unit a column header or unit cell names, read through the number grammar (`1万吨` → 10000 吨):
/// what one printed unit is worth, the unit kept, its category and the kind of number it makes.
struct CellUnit: Equatable {
    var scale: Decimal
    var unit: String?
    var category: String?
    var kind: NumberKind
}
