import GongwenModel
import GongwenText

/// Levels listed first and their changes listed after `分别`, paired in order.
///
/// `全年接待游客2.0亿人次，实现旅游总收入2227.4亿元，比上年分别增长10.4%和9.1%` → changes {to 2.0亿人次, rate 10.4%}
/// and {to 2227.4亿元, rate 9.1%}; `营业收入和利润总额分别完成4672.8亿元和512.4亿元，分别增长9.6%和29.1%` alike. The
/// changes after `分别` are joined by `、`, `和`, `及`, `与` or a comma, each may say its own direction (`分别增长2.1%和下降
/// 3.5%`), and as many levels must stand right before them in the statement; otherwise nothing is paired, and
/// the changes are no change of the nearest level either (`城镇和农村居民人均可支配收入分别达35512元、25689元，
/// 分别增长7.8%` names one rate for two levels).
struct RespectivelyLinker {
    /// An item of a `分别` list named by the words before `分别`, a change that no level pairs or a level:
    /// `衣着类、居住类…和其他用品及服务类价格分别上涨4.5%、1.6%…` names 1.6% `居住类`, rising; `粮食、油料、蔬菜产量分别达
    /// 118.3万吨、33万吨、165万吨` names 33万吨 `油料`.
    struct Listed: Equatable {
        var name: String
        var direction: ChangeDirection?
    }

    let readings: Readings

    static let respectively = Array("分别".unicodeScalars)
    /// What joins two changes of the list: `、`, `和`, `及`, `与`, a comma, a space.
    static let joiners: Set<Unicode.Scalar> = ["、", "和", "及", "与", ",", " "]

    /// The changes paired with their levels, every claim of a `分别` list of changes (paired or not), and the
    /// items of the unpaired lists of changes and of lists of levels that the words before `分别` name.
    func changes() -> (changes: [Change], listed: Set<Int>, named: [Int: Listed]) {
        let claims = readings.claims
        let text = readings.source.folded
        var changes: [Change] = []
        var listed = Set<Int>()
        var named: [Int: Listed] = [:]
        // Names the items of a list by the words before `分别`, when they give as many names as items; changes take
        // the list's direction.
        func name(_ run: [Int], changes: Bool) -> Bool {
            guard run.count >= 2, let names = enumeration(before: run[0], count: run.count, text: text) else { return false }
            for (name, item) in zip(names, run) {
                named[item] = Listed(name: name, direction: changes ? direction(of: item, after: run[0]) : nil)
            }
            return true
        }
        for statement in readings.byStatement() {
            var position = 0
            while position < statement.count {
                let first = statement[position]
                let previousEnd = position > 0 ? claims[statement[position - 1]].end : readings.readings[first].clauseStart
                // A first change or level named before `分别` (`衣着类、居住类…价格分别上涨4.5%、1.6%…`, `粮食、油料、蔬菜产量分别达
                // 118.3万吨、33万吨、165万吨`): a list that its names pair.
                let reading = readings.readings[first]
                let namedFirst = !reading.namesNothing && (reading.verb != nil || reading.rateOfChange)
                let namedLevel = !reading.namesNothing && reading.isLevel && claims[first].kind == .quantity
                guard reading.isChange || namedFirst || namedLevel, previousEnd <= claims[first].start,
                      WordSearch.holds(text[previousEnd..<claims[first].start], Self.respectively) else {
                    position += 1
                    continue
                }
                // The changes of the list: claims of the first one's kind, each joined to the one before.
                var run = [first]
                var next = position + 1
                while next < statement.count, readings.readings[statement[next]].namesNothing,
                      claims[statement[next]].kind == claims[first].kind, joined(claims[run.last!].end, claims[statement[next]].start, text) {
                    run.append(statement[next])
                    next += 1
                }
                if namedFirst || namedLevel {
                    // Listed changes are no level's (the levels keep theirs).
                    if name(run, changes: namedFirst), namedFirst { listed.formUnion(run) }
                    position = next
                    continue
                }
                listed.formUnion(run)
                let levels = statement[max(0, position - run.count)..<position]
                if run.count >= 2, levels.count == run.count, zip(levels, run).allSatisfy({ level, change in
                    readings.readings[level].isLevel && claims[level].kind == .quantity && (claims[change].kind == .percent || claims[change].unit == claims[level].unit)
                }) {
                    // A level with no name of its own (`863.48亿元、351.27亿元和188.49亿元`) measures what the first one names.
                    let name = readings.readings[levels.first!].name
                    for (level, change) in zip(levels, run) {
                        let real = readings.isReal(level, name: readings.readings[level].namesNothing ? name : nil)
                        changes.append(pair(level, change, direction: direction(of: change, after: run[0]), real: real))
                    }
                } else {
                    _ = name(run, changes: true)
                }
                position = next
            }
        }
        return (changes, listed, named)
    }

    /// Words that open a list of names without being a name: a preposition (`把小学、初中…分别提高到`, `对东盟、欧盟…
    /// 进出口分别增长`), the `的` of a modifier cut off by a number.
    static let prepositions: [[Unicode.Scalar]] = ["对于", "把", "将", "对", "的"].map { Array($0.unicodeScalars) }

    /// How far before `分别` the names of its items are read.
    static let enumerationReach = 80

    /// The names that the words before `分别` give a list of `count` changes (`农业、林业、畜牧业、渔业和农林牧渔业专业及
    /// 辅助性活动产值同比分别增长2.1%、21.9%、8.4%、9.4%和9.4%`): the words from the clause's start to `分别`, less a
    /// comparison or basis at their end and scope words or a preposition at their start, cut at `、`, and the last piece once more at
    /// its first `和`, `及` or `与` when it holds two items. Nil unless the pieces are as many as the items, each of two
    /// characters or more and nothing but Chinese words.
    private func enumeration(before first: Int, count: Int, text: [Unicode.Scalar]) -> [String]? {
        let claims = readings.claims
        let floor = first > 0 ? claims[first - 1].end : 0
        var at = claims[first].start - Self.respectively.count
        while at >= floor, !text[at..<(at + Self.respectively.count)].elementsEqual(Self.respectively) { at -= 1 }
        guard at >= floor else { return nil }
        var start = at
        while start > floor, at - start < Self.enumerationReach, isCJK(text[start - 1]) || text[start - 1] == "、" { start -= 1 }
        let words = Readings.dropping(prefixes: Readings.scopeWordScalars + Self.prepositions,
                                      of: Readings.dropping(suffixes: Readings.comparisonScalars + Readings.basisScalars + Readings.fillerScalars,
                                                            of: text[start..<at]))
        var pieces = words.split(separator: "、", omittingEmptySubsequences: false)
        if pieces.count == count - 1, let last = pieces.last,
           let cut = last.firstIndex(where: { $0 == "和" || $0 == "及" || $0 == "与" }), cut - last.startIndex >= 2, last.endIndex - cut > 2 {
            pieces[pieces.count - 1] = last[..<cut]
            pieces.append(last[(cut + 1)...])
        }
        guard pieces.count == count else { return nil }
        let names = Self.sharingHead(pieces.map(Array.init))
        guard names.allSatisfy({ $0.count >= 2 && $0.allSatisfy(isCJK) }) else { return nil }
        return names.map { SourceText.string($0[...]) }
    }

    /// Ordinals that share the head the last of them names (`第二、三产业` is 第二产业 and 第三产业, `一、二、三产投资` is 一产投资,
    /// 二产投资 and 三产投资): each but the last an ordinal alone, with or without `第`, and the last an ordinal and its head.
    static func sharingHead(_ pieces: [[Unicode.Scalar]]) -> [[Unicode.Scalar]] {
        guard pieces.count >= 2, let last = pieces.last, last.count >= 2, ChineseNumerals.digit(last[0]) != nil else { return pieces }
        let ordinal = { (piece: [Unicode.Scalar]) -> Bool in
            piece.count == 1 && ChineseNumerals.digit(piece[0]) != nil || piece.count == 2 && piece[0] == "第" && ChineseNumerals.digit(piece[1]) != nil
        }
        guard pieces.dropLast().allSatisfy(ordinal) else { return pieces }
        let head = last.dropFirst()
        let prefix: [Unicode.Scalar] = pieces[0].first == "第" ? ["第"] : []
        return pieces.dropLast().map { $0 + head } + [prefix + last]
    }

    /// Whether two changes are items of one list: a joiner right after the first, and a few characters at most
    /// before the second (`和下降3.5%`: its own verb).
    private func joined(_ end: Int, _ start: Int, _ text: [Unicode.Scalar]) -> Bool {
        guard end <= start, start - end <= 8 else { return false }
        let between = text[end..<start]
        return between.first.map(Self.joiners.contains) ?? false
    }

    /// An item's own verb (`和下降3.5%`), else the list's.
    private func direction(of change: Int, after first: Int) -> ChangeDirection? {
        readings.readings[change].verb?.direction ?? readings.readings[first].verb?.direction
    }

    private func pair(_ level: Int, _ change: Int, direction: ChangeDirection?, real: Bool) -> Change {
        let claims = readings.claims
        let isRate = claims[change].kind == .percent
        var item = Change(from: nil, to: level, delta: isRate ? nil : change, rate: isRate ? change : nil, direction: direction,
                          span: Span(start: claims[level].start, end: claims[change].end))
        item.realRate = real
        return item
    }
}
