import Foundation
import GongwenModel

/// The relations a table states by its layout, as the links the rules check: a row and the rows nested
/// under it are a total and its parts (`Breakdown`; `其中：`/`#` rows are some of it, `cue` `among`); a
/// row's level and its growth rate a change (`Change` with `to` and `rate`); the growth rates of a row and
/// of the rows indented under it, in a table of rates only, a growth split (`GrowthSplit`); a `比重(%)`
/// column, when one row holds 100, the shares of that row's level (`Rate`, whole inferred).
///
/// ```
/// 产品名称	产量(万吨)	比上年增长(%)
/// 粮食	50.49	1.1
///    春收	5.86	0.4
///    夏收	6.14	0.7
///    秋收	38.49	1.3
/// ```
/// gives 50.49万吨 = 5.86万 + 6.14万 + 38.49万 and four changes (50.49万吨, 增长1.1%; …). Nesting that the
/// layout leaves unsure (continuation rows at two depths) links nothing.
struct TableLinker {
    let cells: TableCells
    let claims: [Claim]
    /// The claim of each number cell, by the offset where the cell starts.
    let claimAt: [Int: Int]

    init(cells: TableCells, claims: [Claim]) {
        self.cells = cells
        self.claims = claims
        var starts: [Int: Int] = [:]
        // By index, fields read in place: `for claim in claims` copied every claim (its strings retained and released).
        for index in claims.indices { starts[claims[index].start] = claims[index].id }
        var claimAt: [Int: Int] = [:]
        for cell in cells.cells {
            if let id = starts[cell.span.start], claims[id].end == cell.span.end, claims[id].unit == cell.unit.unit { claimAt[cell.span.start] = id }
        }
        self.claimAt = claimAt
        // Every claim in a table's cells, of columns read or not: other linkers read sentences, not tables.
        let cellSpans = cells.tables.flatMap { $0.rows.flatMap(\.cells) }.filter { $0.end > $0.start }.sorted { $0.start < $1.start }
        var inCells = Set<Int>()
        var next = 0
        for index in claims.indices {
            let (start, end) = (claims[index].start, claims[index].end)
            while next < cellSpans.count, cellSpans[next].end <= start { next += 1 }
            if next < cellSpans.count, cellSpans[next].start <= start, end <= cellSpans[next].end { inCells.insert(claims[index].id) }
        }
        tableClaims = inCells
    }

    /// The claims in the tables' cells: the links other linkers read between them are replaced by the tables' own.
    let tableClaims: Set<Int>

    /// Rows nested under a row: its `其中`/`#` rows and the rows continuing them, or the rows indented under it.
    struct RowGroup: Equatable {
        var parent: Int
        var members: [Int]
        var marker: RowMarker?
        /// Two `#` rows or more at one depth: siblings, or each within the one before (`#工业`, `#制造业`).
        var hashes = false
        var unsure = false
        /// Under a row that may be a part of the list before it rather than a total: linked only where the
        /// parts fit in it, as a reading that no arithmetic contradicts.
        var fitsOnly = false
        /// Under a row named for the sum of the rows it totals (`收入合计`, `…小计`): all of it, not some (`ledger`),
        /// where each row has its figure and none is unsure (`fitsOnly`).
        var ledger = false
    }

    /// The groups of a table's rows, from the markers and the indentation; one pass with a stack.
    ///
    /// Where the layout is flat (a `其中` row no deeper than its total), the rows after a `其中` row may go
    /// on listing parts (`其中：城镇 231.9`, `乡村 114.8` of `全市常住人口 346.7`) or be totals of their own
    /// (`其中：住宅 264.80`, `房屋施工面积 4814.46`): they continue the list when, with it, they add up to the
    /// total (in the first column of levels); a row of another unit is a total of its own; otherwise the
    /// row is read as a total, and the `其中` rows under it only where they fit in it.
    func groups(of table: Table) -> [RowGroup] {
        let rows = table.rows
        let levelColumn = table.columns.firstIndex { $0.role == .level }
        func level(_ row: Int) -> Int? { levelColumn.flatMap { claimAt[rows[row].cells[$0 - 1].start] } }
        var groups: [RowGroup] = []
        var anchors: [Int] = []
        var open: Int?
        var markerIndent = 0
        var continuation: Int?
        var children: [Int: Int] = [:]
        // Rows after a flat `其中` list that arithmetic puts in it, and rows no `其中` row may go under.
        var joining = Set<Int>()
        var unsureAnchors = Set<Int>()
        for (index, row) in rows.enumerated() {
            if let marker = row.marker {
                let sameDepth = open != nil && abs(row.indent - markerIndent) <= 1
                if let group = open, sameDepth, continuation == nil, marker == .hash, groups[group].marker == .hash {
                    groups[group].members.append(index)
                    groups[group].hashes = true
                    continue
                }
                while let top = anchors.last, rows[top].indent > row.indent { anchors.removeLast() }
                guard let parent = sameDepth ? open.map({ groups[$0].parent }) : anchors.last else {
                    open = nil
                    continue
                }
                groups.append(RowGroup(parent: parent, members: [index], marker: marker, fitsOnly: unsureAnchors.contains(parent)))
                open = groups.count - 1
                markerIndent = row.indent
                continuation = nil
                continue
            }
            if let group = open, joining.contains(index) {
                groups[group].members.append(index)
                continue
            }
            if let group = open, row.indent > markerIndent {
                // Rows continuing a `其中` list stand at one depth; another depth may nest them.
                if let depth = continuation, abs(row.indent - depth) > 1 { groups[group].unsure = true }
                // `#` rows that may nest, continued by more rows: no reading is sure.
                if groups[group].hashes { groups[group].unsure = true }
                continuation = row.indent
                groups[group].members.append(index)
                continue
            }
            if let group = open, row.indent == markerIndent, rows[groups[group].parent].indent == markerIndent {
                let parent = groups[group].parent
                let run = flatContinuation(of: groups[group].members, total: parent, from: index, rows: rows, level: level)
                if !run.isEmpty, !groups[group].hashes {
                    joining.formUnion(run)
                    groups[group].members.append(index)
                    continue
                }
                if let total = level(parent), let own = level(index), claims[own].unit != claims[total].unit {
                    // A total of its own.
                } else {
                    unsureAnchors.insert(index)
                }
            }
            open = nil
            while let top = anchors.last, rows[top].indent >= row.indent || rows[top].indent > 0 && rows[top].indent + 1 == row.indent {
                anchors.removeLast()
            }
            if let parent = anchors.last {
                if let group = children[parent] {
                    groups[group].members.append(index)
                } else {
                    children[parent] = groups.count
                    groups.append(RowGroup(parent: parent, members: [index], marker: nil))
                }
            }
            anchors.append(index)
        }
        let sure = groups.filter { !$0.unsure }
        return sure + headGroups(of: table, nested: Set(groups.flatMap(\.members)), parents: Set(groups.map(\.parent)))
    }

    /// The rows from `start` on, unmarked and at its depth, that with `members` add up to the total's level;
    /// empty when no run of them does.
    private func flatContinuation(of members: [Int], total: Int, from start: Int, rows: [TableRow], level: (Int) -> Int?) -> [Int] {
        guard let whole = level(total) else { return [] }
        var parts = members.compactMap(level)
        guard parts.count == members.count else { return [] }
        var run: [Int] = []
        for index in rows.indices[start...].prefix(Self.sumParts) {
            guard rows[index].marker == nil, rows[index].indent == rows[start].indent, let own = level(index),
                  claims[own].unit == claims[whole].unit else { return [] }
            parts.append(own)
            run.append(index)
            let sum = PrintedSum(parts, of: claims)
            if sum.meets(claims[whole]) { return run }
            if sum.exceeds(claims[whole]) { return [] }
        }
        return []
    }

    func links() -> (changes: [Change], breakdowns: [Breakdown], rates: [Rate], splits: [GrowthSplit]) {
        var changes: [Change] = []
        var breakdowns: [Breakdown] = []
        var rates: [Rate] = []
        var splits: [GrowthSplit] = []
        for table in cells.tables {
            let columns = table.columns
            let groups = table.arithmetic ? [] : self.groups(of: table)
            func claim(_ row: Int, _ column: Int) -> Int? { claimAt[table.rows[row].cells[column - 1].start] }
            // Each rate column belongs to the level column before it (`出口额 (亿元)`, `比上年增长(%)`, `进口额 …`).
            func level(before column: Int) -> Int? { columns[..<column].lastIndex { $0.role == .level } }
            breakdowns += columnTotals(of: table, claim: claim)
            for column in columns.indices where columns[column].role == .level {
                var columnGroups = groups
                let ledger = table.arithmetic ? [] : ledgerGroups(of: table, groups: &columnGroups, column: column, claim: claim)
                let sums = ledger.isEmpty ? self.sums(table, groups: groups, column: column, claim: claim) : []
                for group in columnGroups + ledger + sums {
                    // A `其中` row set no deeper than the row before it may detail that row or an earlier total
                    // (`私营企业 31.70`, `其中：采矿业 64.00` of `规模以上工业 156.56`): larger than that row and within
                    // an earlier row of its unit, it is the other reading, and no link. (`#` rows detail the row
                    // before them; rows set in are read as set.)
                    let flat = group.marker == .among && group.members.allSatisfy { table.rows[$0].indent <= table.rows[group.parent].indent }
                    breakdowns += breakdown(group, rows: table.rows, column: column, claim: claim).filter { breakdown in
                        guard flat else { return true }
                        let earlier = (0..<group.parent).compactMap { claim($0, column) }
                        return !breakdown.parts.contains { part in
                            PrintedSum([part], of: claims).exceeds(claims[breakdown.total])
                                && earlier.contains { claims[$0].unit == claims[part].unit && !PrintedSum([part], of: claims).exceeds(claims[$0]) }
                        }
                    }
                }
            }
            for column in columns.indices where columns[column].role == .growth {
                if let levelColumn = level(before: column) {
                    let fromColumn = Self.yearBefore(levelColumn, in: columns)
                    for row in table.rows.indices {
                        guard let to = claim(row, levelColumn), let rate = claim(row, column) else { continue }
                        let from = fromColumn.flatMap { claim(row, $0) }.flatMap { claims[$0].unit == claims[to].unit ? $0 : nil }
                        changes.append(Change(from: from, to: to, delta: nil, rate: rate, direction: nil,
                                              span: Span(start: claims[from ?? to].start, end: claims[rate].end)))
                    }
                    continue
                }
                // Rates only: a row's rate and the rates of the rows indented under it (never `其中` rows).
                for group in groups where group.marker == nil {
                    guard let total = claim(group.parent, column) else { continue }
                    let parts = group.members.compactMap { claim($0, column) }
                    guard parts.count >= 2, parts.count == group.members.count else { continue }
                    splits.append(GrowthSplit(total: total, parts: parts, directions: Array(repeating: nil, count: parts.count + 1),
                                              span: Span(start: claims[total].start, end: claims[parts.last!].end)))
                }
            }
            // Percent columns the rows' arithmetic named (`TextLayerTables`): each row's rate or change.
            for column in columns.indices.dropFirst() {
                switch columns[column].role {
                case .ratio(let numerator, let denominator):
                    for row in table.rows.indices {
                        guard let percent = claim(row, column), let top = claim(row, numerator), let bottom = claim(row, denominator),
                              claims[top].unit == claims[bottom].unit else { continue }
                        rates.append(Rate(kind: .rate, rate: percent, numerator: top, denominator: bottom,
                                          span: Span(start: min(claims[top].start, claims[bottom].start), end: claims[percent].end)))
                    }
                case .change(let from, let to):
                    for row in table.rows.indices {
                        guard let percent = claim(row, column), let base = claim(row, from), let level = claim(row, to),
                              claims[base].unit == claims[level].unit else { continue }
                        changes.append(Change(from: base, to: level, delta: nil, rate: percent, direction: nil,
                                              span: Span(start: min(claims[base].start, claims[level].start), end: claims[percent].end)))
                    }
                default: continue
                }
            }
            for column in columns.indices where columns[column].role == .share {
                guard let levelColumn = level(before: column) else { continue }
                rates += shares(table, column: column, levelColumn: levelColumn, claim: claim)
            }
        }
        breakdowns += balances() + fundBalances()
        return (changes, breakdowns, rates, splits)
    }

    /// The column of levels right before `column` when the two name consecutive years (`2024年决算数`,
    /// `2025年预计数`): the base of the growth rate that follows them.
    static func yearBefore(_ column: Int, in columns: [TableColumn]) -> Int? {
        func year(_ name: String) -> Int? {
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            guard digits.count == 4, name.dropFirst(4).first == "年" else { return nil }
            return Int(digits)
        }
        guard column >= 2, columns[column - 1].role == .level, let later = year(columns[column].name),
              let earlier = year(columns[column - 1].name), earlier + 1 == later else { return nil }
        return column - 1
    }

    /// The breakdown of a group in one column of levels: the total's unit in every part. Two `#` rows or
    /// more at one depth are siblings when they fit in the total, else each within the one before when
    /// that holds, else only the first is surely a part of the total.
    private func breakdown(_ group: RowGroup, rows: [TableRow], column: Int, claim: (Int, Int) -> Int?) -> [Breakdown] {
        guard let total = claim(group.parent, column) else { return [] }
        let parts = group.members.compactMap { claim($0, column) }
        // An empty cell is no part (a budget leaves the heads with no amount blank); `-` or `…` is a figure unknown.
        let filled = group.members.filter { rows[$0].cells[column - 1].end > rows[$0].cells[column - 1].start }
        guard !parts.isEmpty, parts.count == filled.count, parts.allSatisfy({ claims[$0].unit == claims[total].unit }) else { return [] }
        // All of the total only where the rows are surely its and each has its figure: a head left blank (`一、税收收入`
        // over its rows set in) or a row the layout leaves unsure would be a part missing.
        let ledger = group.ledger && !group.fitsOnly && filled.count == group.members.count
        func make(_ total: Int, _ parts: [Int]) -> Breakdown {
            var breakdown = Breakdown(total: total, parts: parts, span: Span(start: claims[total].start, end: claims[parts.last!].end))
            breakdown.cue = group.marker != nil ? .among : ledger ? .ledger : .indent
            return breakdown
        }
        if group.fitsOnly, PrintedSum(parts, of: claims).exceeds(claims[total]) { return [] }
        guard group.hashes, parts.count >= 2 else { return [make(total, parts)] }
        if !PrintedSum(parts, of: claims).exceeds(claims[total]) { return [make(total, parts)] }
        let chain = [total] + parts
        if zip(chain, chain.dropFirst()).allSatisfy({ !PrintedSum([$0.1], of: claims).exceeds(claims[$0.0]) }) {
            return zip(chain, chain.dropFirst()).map { make($0.0, [$0.1]) }
        }
        return [make(total, [parts[0]])]
    }

    /// The most rows a table may have for its sums to be looked for, and the most parts of one sum.
    static let sumRows = 80
    static let sumParts = 12

    /// In a table that nests nothing by indentation, a row whose level the next rows add up to, within the
    /// printed precision, is their total (`全社会用电量 457.73`, `全行业用电 421.45`, `第一产业 1.87`, `第二产业
    /// 332.24`, `第三产业 87.34`, `城乡居民生活用电 36.27`: 1.87 + 332.24 + 87.34 = 421.45, then 421.45 + 36.27 =
    /// 457.73). Arithmetic is the only evidence, so these hold by construction: they link, they find nothing.
    /// A total of fewer than three significant digits is no evidence (`3 = 1 + 2`).
    private func sums(_ table: Table, groups: [RowGroup], column: Int, claim: (Int, Int) -> Int?) -> [RowGroup] {
        guard table.rows.count <= Self.sumRows, let indent = table.rows.first?.indent, table.rows.allSatisfy({ $0.indent == indent }),
              !groups.contains(where: { $0.marker == nil }) else { return [] }
        let nested = Set(groups.flatMap(\.members))
        var rows = table.rows.indices.filter { !nested.contains($0) && claim($0, column) != nil }
        var found: [RowGroup] = []
        var changed = true
        while changed {
            changed = false
            for (position, row) in rows.enumerated() {
                let total = claims[claim(row, column)!]
                guard total.value > 0, total.value >= 100 * (total.resolution ?? 1) else { continue }
                var parts: [Int] = []
                for next in rows[(position + 1)...].prefix(Self.sumParts) {
                    let part = claim(next, column)!
                    guard claims[part].unit == total.unit, claims[part].value >= 0 else { break }
                    parts.append(part)
                    let sum = PrintedSum(parts, of: claims)
                    if sum.exceeds(total) { break }
                    guard parts.count >= 2, sum.meets(total) else { continue }
                    let members = Array(rows[(position + 1)...(position + parts.count)])
                    found.append(RowGroup(parent: row, members: members, marker: nil))
                    rows.removeSubrange((position + 1)...(position + parts.count))
                    changed = true
                    break
                }
                if changed { break }
            }
        }
        return found
    }

    /// The shares of a `比重` column over the level of the row whose share is 100 (the whole of the table).
    private func shares(_ table: Table, column: Int, levelColumn: Int, claim: (Int, Int) -> Int?) -> [Rate] {
        guard let whole = table.rows.indices.first(where: { row in claim(row, column).map { claims[$0].value == 100 } ?? false }),
              let wholeLevel = claim(whole, levelColumn) else { return [] }
        return table.rows.indices.compactMap { row in
            guard row != whole, let share = claim(row, column), let part = claim(row, levelColumn),
                  claims[part].unit == claims[wholeLevel].unit else { return nil }
            var rate = Rate(kind: .share, rate: share, numerator: part, denominator: wholeLevel,
                            span: Span(start: claims[part].start, end: claims[share].end))
            rate.inferredWhole = true
            return rate
        }
    }

    /// Names the table claims after their row (`春收`) and says what the column tells of them (`比上年增长`):
    /// static, so that no linker holds `claims` while they change (the array is not copied).
    static func name(_ claims: inout [Claim], cells: TableCells, claimAt: [Int: Int]) {
        for cell in cells.cells {
            guard let id = claimAt[cell.span.start] else { continue }
            let table = cells.tables[cell.table]
            let row = table.rows[cell.row]
            let column = table.columns[cell.column]
            claims[id].name = row.label
            claims[id].subject = row.label
            claims[id].predicate = column.role == .level || column.name.isEmpty ? nil : column.name
        }
    }

    /// The links of the other linkers with those that touch a table claim replaced by the tables' own.
    func merge(_ prose: (changes: [Change], breakdowns: [Breakdown], rates: [Rate], structures: [Structure], splits: [GrowthSplit]))
        -> (changes: [Change], breakdowns: [Breakdown], rates: [Rate], structures: [Structure], splits: [GrowthSplit]) {
        let table = tableClaims
        guard !table.isEmpty else { return prose }
        let own = links()
        let outside = { (ids: [Int?]) in ids.allSatisfy { $0.map { !table.contains($0) } ?? true } }
        func sorted<T>(_ items: [T], _ span: (T) -> Span) -> [T] { items.sorted { (span($0).start, span($0).end) < (span($1).start, span($1).end) } }
        let changes = prose.changes.filter { outside([$0.from, $0.to, $0.delta, $0.rate]) } + own.changes
        let breakdowns = prose.breakdowns.filter { outside([$0.total] + $0.parts) } + own.breakdowns
        let rates = prose.rates.filter { outside([$0.rate, $0.numerator, $0.denominator] + ($0.denominatorParts ?? [])) } + own.rates
        let structures = prose.structures.filter { outside([$0.ratio] + $0.values) }
        let splits = prose.splits.filter { outside([$0.total] + $0.parts) } + own.splits
        return (sorted(changes, \.span), sorted(breakdowns, \.span), sorted(rates, \.span), structures, sorted(splits, \.span))
    }
}
