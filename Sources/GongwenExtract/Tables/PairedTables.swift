import Foundation
import GongwenModel
import GongwenText

/// Two tables set side by side in one run of rows, as budgets print their 收支总表: revenue on the left,
/// expenditure on the right, under a header whose columns repeat (a label column, then number columns,
/// twice). Every row splits at the same cell and each half is read as a table of its own; a half may be
/// empty where the other one goes on.
///
/// ```
/// 预算科目	2024年 决算数	2025年 预计数	增长%	预算科目	2024年 决算数	2025年 预计数	增长%
/// 一、税收收入	96.74	93	-3.87%	一、一般公共服务支出	54.53	50.11	-8.11%
/// 				二、公共安全支出	22.48	21.74	-3.29%
/// ```
/// is a table of revenue (one row, 一、税收收入) and one of expenditure (two rows). A header may take two
/// lines, the second naming the columns the first one spans (`预计数` over `全市`, `市级`).
struct PairedRun {
    /// The names of all the columns, both halves.
    var names: [String]
    var caption: TableReader.Line?
    var rows: [TableReader.Line]

    /// The columns of one half.
    var width: Int { names.count / 2 }
}

extension TableReader {
    /// A paired run that `line` starts under the header at the end of `previous`, when that header
    /// repeats its columns and `line` is a paired row of as many cells.
    func pairedRun(from line: Line, after previous: [Line]) -> PairedRun? {
        let count = line.cells.count
        guard count >= 4, count % 2 == 0, let header = previous.last, header.number == line.number - 1,
              isPairedRow(line, width: count / 2) else { return nil }
        func name(_ span: Span) -> String { SourceText.string(scalars(span)).filter { $0 != " " } }
        let above = previous.count >= 2 && previous[previous.count - 2].number == header.number - 1 ? previous[previous.count - 2] : nil
        var names = header.cells.map(name)
        var caption = above
        if names.count != count, let above {
            // A header on two lines: the first names the label columns and what the columns under each
            // other name span, the second line names those columns.
            guard let spread = Self.spread(above.cells.map(name), over: names, count: count) else { return nil }
            names = spread
            caption = previous.count >= 3 && previous[previous.count - 3].number == above.number - 1 ? previous[previous.count - 3] : nil
        }
        guard names.count == count, Self.repeats(names) else { return nil }
        return PairedRun(names: names, caption: caption, rows: [line])
    }

    /// Words of a header that name a column of row labels (`收入项目`, `预算科目`, `指  标`).
    static let labelWords = ["项目", "科目", "指标", "名称", "行业", "类别"]

    /// Whether the names are one half's twice: a label column with no digit, then number columns. The
    /// label columns may name each half (`收入项目`, `支出项目`); the number columns repeat.
    static func repeats(_ names: [String]) -> Bool {
        let width = names.count / 2
        guard width >= 2, names.allSatisfy({ !$0.isEmpty }), names[1..<width].elementsEqual(names[(width + 1)...]) else { return false }
        let labels = [names[0], names[width]]
        guard labels.allSatisfy({ !$0.unicodeScalars.contains(where: isASCIIDigit) }) else { return false }
        return labels[0] == labels[1] || labels.allSatisfy { label in labelWords.contains(where: label.contains) }
    }

    /// The names of a header on two lines: `top` names the label columns (those named like the first, or
    /// like a label column as it is: `收入项目`, `支出项目`)
    /// and, once each, the groups of columns `bottom` names in turn (`预计数` over `全市`, `市级`); each
    /// column is named by both (`预计数全市`). Nil when the cells do not divide so.
    static func spread(_ top: [String], over bottom: [String], count: Int) -> [String]? {
        guard let label = top.first else { return nil }
        func isLabel(_ name: String) -> Bool { name == label || labelWords.contains(where: label.contains) && labelWords.contains(where: name.contains) }
        let labels = top.filter(isLabel).count
        let groups = top.count - labels
        guard groups > 0, labels + bottom.count == count, bottom.count % groups == 0 else { return nil }
        let span = bottom.count / groups
        var names: [String] = []
        var next = 0
        for name in top {
            if isLabel(name) {
                names.append(name)
            } else {
                for column in bottom[next..<(next + span)] { names.append(name + column) }
                next += span
            }
        }
        return names
    }

    /// Each half of the row is empty, or a label followed by numbers or blanks; one half at least is not empty.
    func isPairedRow(_ line: Line, width: Int) -> Bool {
        var rows = 0
        for half in 0..<2 {
            let cells = line.cells[(half * width)..<((half + 1) * width)]
            let label = cells.first!
            let values = cells.dropFirst()
            if label.start == label.end, values.allSatisfy(isBlank) { continue }
            guard scalars(label).contains(where: isCJK), !isNumber(label), values.allSatisfy({ isNumber($0) || isBlank($0) }) else { return false }
            rows += 1
        }
        return rows > 0
    }

    /// The two tables of a paired run: each half's rows that are not empty, under its half of the header.
    func halves(of run: PairedRun) -> [Table] {
        guard run.rows.count >= 2 else { return [] }
        let width = run.width
        return (0..<2).compactMap { half in
            let lines: [Line] = run.rows.compactMap { line in
                let cells = Array(line.cells[(half * width)..<((half + 1) * width)])
                guard cells[0].start < cells[0].end else { return nil }
                return Line(number: line.number, indent: half == 0 ? line.indent : indent(before: cells[0]), cells: cells)
            }
            guard lines.count >= 2 else { return nil }
            return table(rows: lines, names: Array(run.names[(half * width)..<((half + 1) * width)]), caption: run.caption)
        }
    }

    /// How far a cell's text is set in from the tab before it (an ideographic space counts two).
    private func indent(before cell: Span) -> Int {
        var indent = 0
        var position = cell.start - 1
        while position >= 0, source.folded[position] == " " {
            indent += source.scalars[position] == "\u{3000}" ? 2 : 1
            position -= 1
        }
        return position >= 0 && source.folded[position] == "\t" ? indent : 0
    }
}
