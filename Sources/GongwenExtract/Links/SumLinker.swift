import GongwenModel
import GongwenText

/// A total said after its terms: a level named as a sum (`总收入`, `总支出`, or `合计`/`总计` right before it) after
/// two levels or more of its unit in its statement, since the statement's start or the sum before it; a statement
/// that opens with `加`/`加上` adds to the levels of the statement before. A budget's balance states it so:
/// `一般公共预算收入53.68亿元，上级补助收入128亿元，…，总收入308.98亿元；一般公共预算支出174.24亿元，…，总支出308.98亿元`,
/// `全市地方一般公共预算收入116.4亿元，增长2.5%。加返还性收入8.5亿元，…，收入总计418.7亿元`. The terms are all of the sum
/// (cue `sum`). A paragraph's total income and total spending so stated balance: each is linked as all of the other,
/// as `LedgerRows.balances()` links a table's.
///
/// Terms are levels outside brackets (`74.77亿元(其中:上解56.53亿元…)` details a term) and outside `其中` or `包括` (up to
/// the next term added with `加`: `支出预算安排8.1亿元，主要包括:…2亿元，…2.3亿元等，加上…15.8亿元，支出总计23.9亿元`), not changes, rates or figures compared with; a level that names nothing after a named one restates it
/// (`支出预算为155.32亿元，实际完成174.24亿元`: the outturn, not a second term). A statement that does not open afresh
/// (after `;` or `,` on the line before, or a number cut from its unit by a page break) may have terms before it: it
/// links nothing, and neither does a cumulative sum (`累计…合计`: it adds up periods).
struct SumLinker {
    let readings: Readings

    /// Names of a level that say it is a sum, besides `合计`/`总计` right before the number. Compared byte for byte
    /// (`sameUTF8`): a `Set` hashed every level's name with its Unicode normalisation.
    static let sumNames = ["总收入", "总支出", "收入总量", "支出总量"]

    func breakdowns() -> [Breakdown] {
        let claims = readings.claims
        let text = readings.source.folded
        var found: [Breakdown] = []
        // The terms of the statement before, while they may go on in the next (`…收入116.4亿元，增长2.5%。加返还性收入…`).
        var carried: [Int] = []
        // The sums of the paragraph that had terms: a total income and a total spending balance.
        var sums: [Int] = []
        var paragraphEnd = -1
        for statement in readings.byStatement() {
            let start = readings.source.runStart(before: claims[statement[0]].start, stop: Readings.endsStatement)
            if start > paragraphEnd {
                found += balances(sums)
                sums = []
                paragraphEnd = start
                while paragraphEnd < text.count, text[paragraphEnd] != "\n" { paragraphEnd += 1 }
            }
            // A statement that goes on a list (after `;` or `,`, or a number broken from its unit) may have terms before it:
            // its first sum is not linked; a sum after that one has its terms after it (`…收入总计286.81亿元；…支出完成170.02亿元，
            // 加…，支出总计286.81亿元`).
            let opening = Self.opening(before: start, text: text)
            var cut = opening == nil
            var terms = opening == .adding ? carried : []
            var depth = 0
            var among = false
            var position = start
            for index in statement {
                // The claim's fields read in place: binding `claims[index]` copied every claim (its strings retained and released).
                let (claimStart, claimEnd) = (claims[index].start, claims[index].end)
                while position < claimStart {
                    switch text[position] {
                    case "(": depth += 1
                    case ")": depth = max(0, depth - 1)
                    case "其" where position + 1 < text.count && text[position + 1] == "中": among = true
                    case "包" where position + 1 < text.count && text[position + 1] == "括": among = true
                    // `其中` parts run on past `;` up to the next term added (`…；加上上级补助…`).
                    case "加" where position == 0 || [",", ";", " "].contains(text[position - 1]): among = false
                    default: break
                    }
                    position += 1
                }
                guard depth == 0, !among, claims[index].kind == .quantity, claims[index].upper == nil, readings.readings[index].isLevel,
                      let unit = claims[index].unit else { continue }
                if isSum(index), cut {
                    cut = false
                    terms = []
                } else if isSum(index) {
                    let own = terms.filter { claims[$0].unit == unit }
                    // `五年累计完成投资合计500亿元` adds up years, not the levels before it.
                    let cumulative = WordSearch.holds(text[readings.readings[index].clauseStart..<claimStart], "累计")
                    if own.count >= 2, !cumulative {
                        var breakdown = Breakdown(total: index, parts: own, span: Span(start: claims[own[0]].start, end: claimEnd))
                        breakdown.cue = .sum
                        found.append(breakdown)
                        sums.append(index)
                    }
                    terms = []
                } else if readings.readings[index].namesNothing, let last = terms.last, claims[last].unit == unit {
                    terms[terms.count - 1] = index
                } else {
                    terms.append(index)
                }
            }
            carried = cut ? [] : terms
        }
        return found + balances(sums)
    }

    /// How a statement opens with respect to the terms before it.
    enum Opening {
        /// After `。`, a heading's line, or the document's start.
        case afresh
        /// Adding to the statement before: `加`, `加上`.
        case adding
    }

    /// How the statement at `start` opens, or nil when it goes on a line cut off before it (at `;`, `,`, `、`, or in
    /// a number broken from its unit: `…收入完成 101.12⏎⏎亿元，加上级补助收入…`).
    static func opening(before start: Int, text: [Unicode.Scalar]) -> Opening? {
        var back = start
        // Page breaks between (a form feed, a page number's control codes) are no text.
        while back > 0, text[back - 1].properties.isWhitespace || text[back - 1].properties.generalCategory == .control { back -= 1 }
        if back > 0, [";", ",", "、"].contains(text[back - 1]) || isASCIIDigit(text[back - 1]) { return nil }
        var first = start
        while first < text.count, text[first] == " " { first += 1 }
        return first < text.count && text[first] == "加" ? .adding : .afresh
    }

    /// Whether the words before a level say it is a sum.
    private func isSum(_ index: Int) -> Bool {
        let reading = readings.readings[index]
        return Self.sumNames.contains(where: reading.name.sameUTF8)
            || PartitionLinker.saysSum(before: readings.claims[index].start, from: reading.clauseStart, text: readings.source.folded)
    }

    /// Total income then total spending of one unit, each linked as all of the other.
    private func balances(_ sums: [Int]) -> [Breakdown] {
        let claims = readings.claims
        var found: [Breakdown] = []
        for (income, spending) in zip(sums, sums.dropFirst())
        where side(income) == .income && side(spending) == .spending && claims[income].unit == claims[spending].unit {
            for (total, part) in [(spending, income), (income, spending)] {
                found.append(Breakdown(total: total, parts: [part], span: Span(start: claims[income].start, end: claims[spending].end)))
            }
        }
        return found
    }

    /// Whether a sum is of income (`总收入`, `收入合计`) or of spending, by the words before it.
    private func side(_ index: Int) -> BudgetSide? {
        IndicatorName.side(of: readings.source.foldedText(Span(start: readings.readings[index].clauseStart, end: readings.claims[index].start)))
    }
}
