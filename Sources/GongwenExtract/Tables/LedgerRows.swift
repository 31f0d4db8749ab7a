import Foundation
import GongwenModel
import GongwenText

/// How a budget's 收支 table totals its rows without setting them in: numbered heads (`一、利润收入`) over
/// the unnumbered rows after them, subtotals (`…小计`) under the rows since the last one, and a grand
/// total (`收入合计`, `支出总计`) under what is left: the subtotals and the rows after them.
///
/// ```
/// 一、税收收入	93.00
/// 二、非税收入	99.68
/// 地方一般公共预算收入小计	192.68
/// 转移性收入小计	561.86
///   返还性收入	15.52
///   …
/// 收入合计	754.54
/// ```
/// gives 192.68 = 93.00 + 99.68 and 754.54 = 192.68 + 561.86 (转移性收入小计 totals the rows set in under it).
enum LedgerRow: Equatable {
    /// `…小计`: the rows since the table's start or the last subtotal.
    case subtotal
    /// `…合计`, `…总计`: every row left at its depth.
    case total

    /// The kind of total a row label names at its end (spaces taken out: `收  入  合  计`).
    init?(label: String) {
        if label.hasSuffix("小计") {
            self = .subtotal
        } else if label.hasSuffix("合计") || label.hasSuffix("总计") {
            self = .total
        } else {
            return nil
        }
    }

    /// `一、`, `十九、`: a label numbered with Chinese numerals, as budgets number their heads.
    static func isNumberedHead(_ label: String) -> Bool {
        let scalars = Array(label.unicodeScalars.prefix(4))
        guard let mark = scalars.firstIndex(of: "、"), mark > 0 else { return false }
        return scalars[..<mark].allSatisfy { ChineseNumerals.digit($0) != nil || ChineseNumerals.smallUnit($0) != nil }
    }

    /// `1.保险费收入`, `2、利息收入`, `(3)转移收入`: a label numbered with digits, as items under a head are.
    static func isNumberedItem(_ label: String) -> Bool {
        var scalars = Substring(label).unicodeScalars.prefix(6)
        let bracketed = scalars.first == "("
        if bracketed { scalars = scalars.dropFirst() }
        let digits = scalars.prefix(while: isASCIIDigit)
        guard !digits.isEmpty, let mark = scalars.dropFirst(digits.count).first else { return false }
        return bracketed ? mark == ")" : mark == "." || mark == "、"
    }
}

extension TableLinker {
    /// Numbered heads over the rows after them at their depth that bear no number of theirs (`一、利润收入`,
    /// `金融企业利润收入`, `其他…利润收入`; `一、本年收入`, `1.保险费收入`…), up to the next head, a total or a
    /// row set out further; heads already over rows set in are left as they are. Unnumbered rows link only
    /// where they fit in the head.
    func headGroups(of table: Table, nested: Set<Int>, parents: Set<Int>) -> [RowGroup] {
        let rows = table.rows
        var groups: [RowGroup] = []
        for (index, row) in rows.enumerated() where LedgerRow.isNumberedHead(row.label) && !nested.contains(index) && !parents.contains(index) {
            var members: [Int] = []
            for next in rows.indices.dropFirst(index + 1) {
                let candidate = rows[next]
                if nested.contains(next) { continue }
                guard candidate.indent == row.indent, candidate.marker == nil, !LedgerRow.isNumberedHead(candidate.label),
                      LedgerRow(label: candidate.label) == nil else { break }
                members.append(next)
            }
            // Rows with no number of their own may list some of the head's parts with theirs (`税收收入`,
            // `增值税`): only a reading no arithmetic contradicts.
            let plain = members.contains { !LedgerRow.isNumberedItem(rows[$0].label) }
            if !members.isEmpty { groups.append(RowGroup(parent: index, members: members, marker: nil, fitsOnly: plain)) }
        }
        return groups
    }

    /// In one column of levels, the groups of a table's subtotal and total rows (rows that no rows set in
    /// under them total). A group of rows set in under a row whose parts fall short of it takes the rows
    /// after it at its depth while with them it adds up (`转移性支出小计` over its rows set in and the
    /// `年终结余` after them). Where that arithmetic settles nothing, the total below says: if it adds up
    /// without those rows they are the group's, else it links only where its parts do not exceed it.
    func ledgerGroups(of table: Table, groups: inout [RowGroup], column: Int, claim: (Int, Int) -> Int?) -> [RowGroup] {
        let rows = table.rows
        guard rows.contains(where: { LedgerRow(label: $0.label) != nil }) else { return [] }
        let original = groups
        var nested = Set(groups.flatMap(\.members))
        let setIn = Dictionary(groups.enumerated().filter { $0.element.marker == nil }.map { ($0.element.parent, $0.offset) }, uniquingKeysWith: { a, _ in a })
        var found: [RowGroup] = []
        // The rows left at the top, since the last total, and where the rows since the last subtotal begin.
        var units: [Int] = []
        var sinceSubtotal = 0
        // Rows after a group set in that may complete it, by the group, where the arithmetic did not settle it.
        var unsure: [Int: [Int]] = [:]
        var index = 0
        while index < rows.count {
            defer { index += 1 }
            guard !nested.contains(index) else { continue }
            let row = rows[index]
            if let kind = LedgerRow(label: row.label), setIn[index] == nil {
                let since = kind == .subtotal ? Array(units[sinceSubtotal...]) : units
                // A total with no rows above it heads the rows after it (`合计` first, `城镇小计` over its towns):
                // another layout, read by the rows set in or the sums.
                if since.isEmpty {
                    groups = original
                    return []
                }
                var parts = since.filter { rows[$0].indent == row.indent }
                let doubtful = unsure.filter { !Set($0.value).isDisjoint(with: parts) }
                if !doubtful.isEmpty, let total = claim(index, column) {
                    // The total without those rows: where it adds up so, they are the group's.
                    let rest = parts.filter { part in !doubtful.values.contains { $0.contains(part) } }
                    if PrintedSum(rest.compactMap { claim($0, column) }, of: claims).meets(claims[total]) {
                        for (group, after) in doubtful { groups[group].members += after.filter(parts.contains) }
                        parts = rest
                    }
                }
                if !parts.isEmpty {
                    // Parts that are heads, totals or rows with rows set in under them are the ledger's; a plain row
                    // with a figure may be some of the row before it (a flat table that sets nothing in).
                    let plain = parts.contains { part in
                        claim(part, column) != nil && !LedgerRow.isNumberedHead(rows[part].label) && LedgerRow(label: rows[part].label) == nil
                            && setIn[part] == nil
                    }
                    let fitsOnly = plain || parts.contains { part in unsure.values.contains { $0.contains(part) } }
                    found.append(RowGroup(parent: index, members: parts, marker: nil, fitsOnly: fitsOnly, ledger: true))
                }
                if kind == .subtotal {
                    units = Array(units[..<sinceSubtotal]) + [index]
                    sinceSubtotal = units.count
                } else {
                    units = []
                    sinceSubtotal = 0
                }
                continue
            }
            units.append(index)
            guard let group = setIn[index] else { continue }
            // The rows after the group at its parent's depth, before a total, while the parts fall short.
            let after = rows.indices.dropFirst(groups[group].members.max()! + 1).prefix(Self.sumParts).prefix { next in
                rows[next].indent == row.indent && rows[next].marker == nil && LedgerRow(label: rows[next].label) == nil && setIn[next] == nil
            }
            guard !after.isEmpty, let total = claim(index, column) else { continue }
            let partsSoFar = groups[group].members.compactMap { claim($0, column) }
            var taken: [Int] = []
            var parts = partsSoFar
            for next in after {
                taken.append(next)
                if let own = claim(next, column) { parts.append(own) }
                let sum = PrintedSum(parts, of: claims)
                if sum.meets(claims[total]) {
                    break
                }
                if sum.exceeds(claims[total]) {
                    taken = []
                    break
                }
            }
            if !taken.isEmpty, PrintedSum(parts, of: claims).meets(claims[total]), !PrintedSum(partsSoFar, of: claims).meets(claims[total]) {
                groups[group].members += taken
                nested.formUnion(taken)
                index = taken.last!
            } else {
                unsure[group] = Array(after)
            }
        }
        return found
    }

    /// A table whose first column of levels is `合计` over the columns of levels after it, in one unit
    /// (`合计`, `机关事业单位基本养老保险基金`, `职工基本医疗保险基金`…): each row's total and its parts.
    func columnTotals(of table: Table, claim: (Int, Int) -> Int?) -> [Breakdown] {
        let columns = table.columns
        guard let first = columns.firstIndex(where: { $0.role == .level }), ["合计", "小计", "总计"].contains(columns[first].name) else { return [] }
        let others = columns.indices.dropFirst(first + 1)
        guard others.count >= 2, others.allSatisfy({ columns[$0].role == .level && columns[$0].unit == columns[first].unit }) else { return [] }
        return table.rows.indices.compactMap { row in
            guard let total = claim(row, first) else { return nil }
            let parts = others.compactMap { claim(row, $0) }
            guard !parts.isEmpty, parts.count == others.filter({ table.rows[row].cells[$0 - 1].end > table.rows[row].cells[$0 - 1].start }).count,
                  parts.allSatisfy({ claims[$0].unit == claims[total].unit }) else { return nil }
            var breakdown = Breakdown(total: total, parts: parts, span: Span(start: claims[total].start, end: claims[parts.last!].end))
            breakdown.cue = .ledger
            return breakdown
        }
    }

    /// A budget's two halves balance: `收入合计` and `支出合计` (or `…总计`) on one line, in each column the
    /// halves both name, are equal. Each is linked as all of the other, so that either one larger is found.
    func balances() -> [Breakdown] {
        let income: Set = ["收入合计", "收入总计"]
        let spending: Set = ["支出合计", "支出总计"]
        var incomeRows: [Int: (table: Int, row: Int)] = [:]
        for (t, table) in cells.tables.enumerated() {
            for (r, row) in table.rows.enumerated() where income.contains(row.label) { incomeRows[row.line] = (t, r) }
        }
        var found: [Breakdown] = []
        for (t, table) in cells.tables.enumerated() {
            for row in table.rows where spending.contains(row.label) {
                guard let other = incomeRows[row.line], other.table != t else { continue }
                let left = cells.tables[other.table]
                // Columns the arithmetic named (`TextLayerTables`) have no header to pair them by.
                for column in table.columns.indices where table.columns[column].role == .level && !table.columns[column].name.isEmpty {
                    guard let match = left.columns.firstIndex(where: { $0.role == .level && $0.name == table.columns[column].name }),
                          let spent = claimAt[row.cells[column - 1].start], let received = claimAt[left.rows[other.row].cells[match - 1].start],
                          claims[spent].unit == claims[received].unit else { continue }
                    for (total, part) in [(spent, received), (received, spent)] {
                        found.append(Breakdown(total: total, parts: [part], span: Span(start: claims[total].start, end: claims[total].end)))
                    }
                }
            }
        }
        return found
    }

    /// A fund's table closes its accounts (`一、本年收入`, `二、本年支出`, `三、本年收支结余`, `四、上年结余`,
    /// `五、年末滚存结余`): in each column of levels income is spending and the year's surplus, and the year-end balance
    /// is the surplus and the balance brought forward, by the law of accounts (cue `balance`, as `BalanceLinker` reads
    /// them in a sentence). A table without a row of the year's surplus is no fund's accounts.
    func fundBalances() -> [Breakdown] {
        var found: [Breakdown] = []
        for table in cells.tables {
            var rows: [FundRow: Int] = [:]
            for (index, row) in table.rows.enumerated() {
                if let kind = FundRow(label: row.label), rows[kind] == nil { rows[kind] = index }
            }
            guard rows[.surplus] != nil else { continue }
            // Another head between the rows of an identity (`五、调出资金` before `六、年末滚存结余`) takes a part of its own: the
            // rows between are the identity's, set in, or items numbered under a head (`1.保险费收入`).
            let closed = { (kinds: [FundRow]) -> Bool in
                let members = kinds.compactMap { rows[$0] }
                guard members.count == kinds.count else { return false }
                let depth = members.map { table.rows[$0].indent }.min()!
                return (members.min()!...members.max()!).allSatisfy { index in
                    let row = table.rows[index]
                    return members.contains(index) || row.indent > depth || row.marker != nil || LedgerRow.isNumberedItem(row.label)
                }
            }
            let identities = [(FundRow.income, [FundRow.spending, .surplus]), (.closing, [.surplus, .broughtForward])].filter { closed([$0.0] + $0.1) }
            for column in table.columns.indices where table.columns[column].role == .level {
                func claim(_ kind: FundRow) -> Int? { rows[kind].flatMap { claimAt[table.rows[$0].cells[column - 1].start] } }
                for (result, kinds) in identities {
                    let total = claim(result)
                    let terms = kinds.compactMap(claim)
                    guard let total, terms.count == 2, terms.allSatisfy({ claims[$0].unit == claims[total].unit }) else { continue }
                    var breakdown = Breakdown(total: total, parts: terms, span: Span(start: claims[total].start, end: claims[terms.last!].end))
                    breakdown.cue = .balance
                    found.append(breakdown)
                }
            }
        }
        return found
    }
}

/// The rows of a fund's accounts, by their label with its number (`三、`) taken off: `本年收入`, `本年支出`,
/// `本年收支结余`, `上年结余`, `年末滚存结余`.
enum FundRow: Hashable {
    case income, spending, surplus, broughtForward, closing

    init?(label: String) {
        var words = Substring(label)
        if LedgerRow.isNumberedHead(label), let mark = words.firstIndex(of: "、") { words = words[words.index(after: mark)...] }
        switch words {
        case "收入", "本年收入", "当年收入": self = .income
        case "支出", "本年支出", "当年支出": self = .spending
        case "本年收支结余", "当年收支结余", "收支结余": self = .surplus
        case "上年结余", "上年滚存结余", "年初滚存结余": self = .broughtForward
        case "年末滚存结余", "年末结余": self = .closing
        default: return nil
        }
    }
}
