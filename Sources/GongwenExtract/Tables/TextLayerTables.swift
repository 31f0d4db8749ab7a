import Foundation
import GongwenModel
import GongwenText

/// A table as a PDF's text layer gives it: the header's words wrapped cell by cell over many lines and no
/// longer readable, cells one space apart, blank cells dropped, a row label wrapped onto the next line, two
/// tables set side by side on one line. The rows are still there, each a label and its numbers, and so is
/// the arithmetic they obey: a percent column that is, on nearly every row, one number over another (a
/// budget's `完成预算数%`) or the change from one to another (`增减%`). That arithmetic names the columns.
///
/// ```
/// 单位：万元
/// 税收收入 209,180 214,543 102.6 196,819 9.0 一般公共服务
/// 支出 111,955 101,261 90.4 90,019 12.5
/// 增值税 99,200 93,935 94.7 91,693 2.4 国防支出 1,862 1,518 81.5 1,183 28.3
/// 企业所得税 14,900 24,087 161.7 13,116 83.6 公共安全支出 67,467 62,212 92.2 56,531 10.0
/// 个人所得税 6,450 7,057 109.4 6,183 14.1 教育支出 216,787 187,261 86.4 183,542 2.0
/// ```
/// is two tables of four rows (`税收收入`…, and `一般公共服务支出`…), each of five columns in 万元 and %:
/// the third is the second over the first (94.7 = 93,935 / 99,200) and the fifth the change from the fourth
/// to the second (2.4% = 93,935 / 91,693 − 1). A row of fewer numbers (a blank cell dropped) is left out.
struct TextLayerTables {
    let source: SourceText
    /// The lines of tables `TableReader` read under their header: no row of these.
    var taken: Set<Int> = []

    /// The fewest rows whose arithmetic names a column, and the share of the rows it must hold on.
    static let minRows = 4
    static let holding = 0.8
    /// The most numbers a row may have for its columns to be named: the search tries every three columns.
    static let maxColumns = 16
    /// How far above a table its unit (`单位：万元`) may be stated: the caption, the header's wrapped words, and
    /// the rows before a page break where the table goes on under its header repeated.
    static let captionLines = 120

    /// One row of one of the tables set side by side: which of them (`side`), its label, its number cells.
    /// A row alone on its line, where the tables are two, may be of either (`城乡社区支出 115,498 …` under rows
    /// of both): its side is unknown, -1.
    struct Record {
        var line: Int
        var side: Int
        var label: String
        var numbers: [Span]
        /// Whether the label starts with a number of its own (`1.利润收入`).
        var numbered = false
        /// Whether the line or a label wrapped into it says the side.
        var placed = true
    }

    func tables() -> [Table] {
        var tables: [Table] = []
        var block: [Record] = []
        // A label wrapped at the end of a row (`…9.0 一般公共服务`), by its side, or a line holding only the
        // start of the next row's label (`残疾人就业保障金`).
        var dangling: (side: Int, label: String)?
        var fragment: String?
        var blockStart = 0
        func close() {
            let paired = Dictionary(grouping: block.filter { !$0.numbers.isEmpty }, by: \.line).values.contains { $0.count >= 2 }
            for index in block.indices where !block[index].placed { block[index].side = paired ? -1 : 0 }
            if !block.isEmpty { tables += self.tables(of: block, caption: unit(above: blockStart)) }
            block = []
            dangling = nil
            fragment = nil
        }
        for number in 1...source.lineCount {
            // A layout kept by spaces sets blank lines between the rows.
            let span = source.lineSpan(number)
            if !block.isEmpty, source.folded[span.start..<span.end].allSatisfy({ $0 == " " }) { continue }
            guard !taken.contains(number), var records = records(of: number) else {
                close()
                continue
            }
            if !records.contains(where: { !$0.numbers.isEmpty }) {
                // Labels alone inside a table: the end of a wrapped label whose row is blank (`…10.2 社会保障和就`
                // over `业支出`), the start of the next row's label (`残疾人就业保障金`), or rows left blank. Before a
                // table only a numbered label starts its first row (`一、国有土地使用权` over `出让收入 15,000 …`): other
                // words there are the header's.
                if block.isEmpty {
                    let numbered = records.count == 1 && (records[0].numbered || LedgerRow.isNumberedHead(records[0].label))
                    fragment = numbered ? records[0].label : nil
                    continue
                }
                if records.count == 1, dangling == nil, fragment == nil {
                    fragment = records[0].label
                } else {
                    (dangling, fragment) = (nil, nil)
                }
                continue
            }
            guard !block.isEmpty || records.contains(where: { $0.numbers.count >= 3 }) else {
                fragment = nil
                continue
            }
            if block.isEmpty { blockStart = number }
            // A label left at the end of the line before goes on here, unless this line starts a row of its own: two
            // rows (the tables side by side start again on the left, each record's side its place on the line) or a
            // numbered label (`1.利润收入`).
            if records.count > 1 || records[0].numbered { dangling = nil }
            if let open = dangling {
                records[0].side = open.side
                records[0].label = open.label + records[0].label
            } else if let words = fragment {
                records[0].label = words + records[0].label
            }
            let placed = dangling != nil || records.count > 1
            for index in records.indices { records[index].placed = placed }
            block += records.filter { !$0.numbers.isEmpty }
            let last = records[records.count - 1]
            dangling = records.count > 1 && last.numbers.isEmpty ? (side: records.count - 1, label: last.label) : nil
            fragment = nil
        }
        close()
        return tables
    }

    /// The records of a line laid out as rows: labels (words with a Chinese character) each followed by its
    /// numbers one space apart; nil for any other line (prose, a header, a line with a tab or a word of
    /// another kind). A table starts at a line with a record of three numbers or more.
    func records(of number: Int) -> [Record]? {
        let span = source.lineSpan(number)
        let text = source.folded
        var records: [Record] = []
        var start = span.start
        while start < span.end {
            while start < span.end, text[start] == " " { start += 1 }
            guard start < span.end else { break }
            var end = start
            while end < span.end, text[end] != " " { end += 1 }
            let token = text[start..<end]
            if TableReader.isNumber(token) {
                guard !records.isEmpty else { return nil }
                records[records.count - 1].numbers.append(Span(start: start, end: end))
            } else if let numbered = label(token) {
                records.append(Record(line: number, side: records.count, label: SourceText.string(token), numbers: [], numbered: numbered))
            } else {
                return nil
            }
            start = end
        }
        return records.isEmpty ? nil : records
    }

    /// A label: Chinese characters and the brackets, marks and colon of a row label (`国有资源(资产)`,
    /// `其中:住宅`), after a number of its own (`1.利润收入`, `2、股利收入`) or none; no other digit, no sentence
    /// punctuation. Whether it is numbered, or nil for no label.
    func label(_ token: ArraySlice<Unicode.Scalar>) -> Bool? {
        var token = token
        let digits = token.prefix(while: isASCIIDigit).count
        let numbered = digits > 0 && digits <= 2 && token.dropFirst(digits).first.map { $0 == "." || $0 == "、" } == true
        if numbered { token = token.dropFirst(digits + 1) }
        let words = token.contains(where: isCJK) && token.allSatisfy { scalar in
            isCJK(scalar) || scalar == "(" || scalar == ")" || scalar == ":" || scalar == "、" || scalar == "“" || scalar == "”" || scalar == "#"
        }
        return words ? numbered : nil
    }

    /// The unit a caption above the block states (`单位：万元`), up to `captionLines` lines up and not past prose.
    func unit(above line: Int) -> String? {
        for number in stride(from: line - 1, through: max(1, line - Self.captionLines), by: -1) {
            let text = source.foldedText(source.lineSpan(number))
            if let unit = TableReader.captionUnit(text) { return unit }
            if text.hasSuffix("。") { return nil }
        }
        return nil
    }

    /// The tables of a block: its records of each side and count of numbers, when their arithmetic names a
    /// column and a caption gives the unit of the others. Rows too few to name columns of their own (a side's
    /// last rows, rows whose side is unknown) take those the block's other rows of as many numbers agree on:
    /// tables set side by side repeat their columns.
    func tables(of block: [Record], caption: String?) -> [Table] {
        guard let caption else { return [] }
        var groups: [[Int]: [Record]] = [:]
        for record in block where (3...Self.maxColumns).contains(record.numbers.count) { groups[[record.side, record.numbers.count], default: []].append(record) }
        let keys = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var named: [[Int]: [ColumnRole]] = [:]
        for key in keys where groups[key]!.count >= Self.minRows {
            named[key] = Self.roles(groups[key]!.map { $0.numbers.map(value) }, count: key[1])
        }
        return keys.compactMap { key in
            var roles = named[key]
            if roles == nil {
                let others = Set(named.filter { $0.key[1] == key[1] }.map(\.value))
                roles = others.count == 1 ? others.first : nil
            }
            guard let roles, roles.contains(where: { $0 != .level && $0 != .other }) else { return nil }
            let columns = [TableColumn(name: "", unit: nil, role: .label)]
                + roles.map { TableColumn(name: "", unit: $0 == .level ? caption : $0 == .other ? nil : "%", role: $0) }
            let rows = groups[key]!.map { TableRow(line: $0.line, indent: 0, marker: nil, label: $0.label, cells: $0.numbers) }
            return Table(columns: columns, rows: rows, arithmetic: true)
        }
    }

    /// A printed number and half a unit of its last digit: `93,935` is 93935 ± 0.5, `94.7` is 94.7 ± 0.05.
    struct Printed {
        var value: Double
        var half: Double
    }

    func value(_ span: Span) -> Printed {
        let (digits, decimals) = TableCells.printed(span, source: source)
        return Printed(value: Double(digits) ?? .nan, half: 0.5 * pow(10, -Double(decimals)))
    }

    /// What the arithmetic names: for each column, `ratio` or `change` when on `holding` of the rows (and
    /// `minRows` at least) its percent is another column's figure over a third's, or the change from the
    /// third to the other. A quotient holds turned about too, within the percent's rounding (94.7 = 93,935 /
    /// 99,200, and 99,200 = 93,935 / 94.7 ± a few hundred): the reading whose computed figures fall closest to
    /// the printed ones, in units of their last digit, names its column first; a column read as a percent is
    /// no operand of another, and a column that two readings fit equally well is a percent of operands unknown
    /// (`other`: two columns of equal figures, no telling which).
    static func roles(_ values: [[Printed]], count: Int) -> [ColumnRole] {
        var roles = [ColumnRole](repeating: .level, count: count)
        var found: [(column: Int, role: ColumnRole, holds: Int, miss: Double)] = []
        for column in 0..<count {
            var best: (role: ColumnRole, holds: Int, miss: Double, tied: Bool)?
            for base in 0..<count where base != column {
                for other in 0..<count where other != column && other != base {
                    for role in [ColumnRole.ratio(numerator: other + 1, denominator: base + 1), .change(from: base + 1, to: other + 1)] {
                        var holds = 0
                        var missed = 0.0
                        for row in values where Self.holds(role, percent: row[column], base: row[base], other: row[other]) {
                            holds += 1
                            missed += Self.miss(role, percent: row[column], base: row[base], other: row[other])
                        }
                        guard holds >= minRows, Double(holds) >= holding * Double(values.count) else { continue }
                        let miss = missed / Double(holds)
                        if let current = best, (current.holds, -current.miss) > (holds, -miss) { continue }
                        best = (role, holds, miss, best.map { $0.holds == holds && $0.miss == miss } ?? false)
                    }
                }
            }
            // A percent that two readings fit equally well is a percent still, of operands unknown (`other`): it is no
            // operand of another reading.
            if let best { found.append((column, best.tied ? .other : best.role, best.holds, best.miss)) }
        }
        // Where the figures are exact both ways (90.0 = 90,000 / 100,000), the computed column is the one printed the
        // coarsest, relative to its figures.
        let coarseness = (0..<count).map { column in Self.median(values.map { $0[column].half / max(abs($0[column].value), 1e-9) }) }
        var percents = Set<Int>()
        for candidate in found.sorted(by: {
            ($0.miss, -coarseness[$0.column], -$0.holds, $0.column) < ($1.miss, -coarseness[$1.column], -$1.holds, $1.column)
        }) {
            let operands: [Int]
            switch candidate.role {
            case .ratio(let numerator, let denominator): operands = [numerator - 1, denominator - 1]
            case .change(let from, let to): operands = [from - 1, to - 1]
            default: operands = []
            }
            guard !percents.contains(candidate.column), operands.allSatisfy({ !percents.contains($0) && roles[$0] == .level }) else { continue }
            roles[candidate.column] = candidate.role
            percents.insert(candidate.column)
        }
        return roles
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// How far the percent computed from the printed figures is from the printed one, in halves of its last
    /// digit: about ½ on average for a column computed and rounded, far more for a quotient turned about.
    static func miss(_ role: ColumnRole, percent: Printed, base: Printed, other: Printed) -> Double {
        var computed = other.value / base.value * 100
        if case .change = role { computed -= 100 }
        return abs(computed - percent.value) / percent.half
    }

    /// Whether `percent` is `other` over `base` (or the change from `base` to `other`) within the printed precisions.
    static func holds(_ role: ColumnRole, percent: Printed, base: Printed, other: Printed) -> Bool {
        let bases = [base.value - base.half, base.value + base.half]
        guard bases[0] > 0 || bases[1] < 0 else { return false }
        var low = Double.infinity
        var high = -Double.infinity
        for b in bases {
            for o in [other.value - other.half, other.value + other.half] {
                var computed = o / b * 100
                if case .change = role { computed -= 100 }
                low = min(low, computed)
                high = max(high, computed)
            }
        }
        return percent.value + percent.half >= low && percent.value - percent.half <= high
    }
}
