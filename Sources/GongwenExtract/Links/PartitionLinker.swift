import Foundation
import GongwenModel
import GongwenText

/// A total and the parts a cue says make it up: `其中` after the total (in the same statement or
/// opening the next), and `按…分` / `分…看` before the parts.
///
/// `139(其中:6个乡、116个镇、17个街道)` → 139 = 6 + 116 + 17; `地区生产总值2648.87亿元…分三次产业看，
/// 第一产业增加值244.45亿元…第二产业增加值1093.17亿元…第三产业增加值1311.25亿元` → the three industries;
/// `铁路总里程599.29公里(干线533.2公里、支线66.09公里)`: a bracket right after a level, listing levels of its unit.
/// Parts are levels of the total's unit, not changes (`增长3.1%`) or comparison bases; they end at a
/// clause that opens a statement of its own (`共`, `达`, a verb) or a nested `其中`.
struct PartitionLinker {
    let readings: Readings
    /// The rates of change that state no name of their own but a level's (`零售总额844.28亿元，比上年增长0.5%`).
    let ratesOfLevels: Set<Int>
    /// The items of `分别` lists named by the words before `分别` (`衣着类、居住类…价格分别上涨4.5%、1.6%…`).
    let listed: [Int: RespectivelyLinker.Listed]

    init(readings: Readings, changes: [Change] = [], listed: [Int: RespectivelyLinker.Listed] = [:]) {
        self.readings = readings
        self.listed = listed
        ratesOfLevels = Set(changes.compactMap { $0.from == nil && $0.to != nil ? $0.rate : nil })
    }

    private static let among: [Unicode.Scalar] = Array("其中".unicodeScalars)
    /// Verbs that open a statement of their own inside a list of parts.
    static let openingVerbs = [
        "培育", "孵化", "建成", "打造", "开展", "组建", "成立", "配备", "新增", "争取到", "投入", "选择", "形成", "保留", "组织",
        "服务", "清理", "发布", "划分", "建立", "设立", "实施", "走访", "排查", "化解", "导入", "开通", "评选", "举办", "出台",
        "制定", "印发", "召开", "培训", "招聘", "发放", "创建", "命名", "认定", "确定", "新建", "改造", "引进", "帮助", "解决",
    ]

    /// Whether the words right before a number say it is a sum (`总计`, `合计`, spaces aside).
    static func saysSum(before position: Int, from start: Int, text: [Unicode.Scalar]) -> Bool {
        var end = position
        while end > start, text[end - 1] == " " { end -= 1 }
        guard end - start >= 2 else { return false }
        let last = (text[end - 2], text[end - 1])
        return last == ("总", "计") || last == ("合", "计")
    }

    /// Words that add or take away a term of another sum after a list of parts.
    static let otherSums = ["加上", "加", "减去", "扣除", "另有", "另", "此外", "再加"]

    /// The breakdowns, and the growth splits of groupings whose parts are rates only.
    func links() -> (breakdowns: [Breakdown], splits: [GrowthSplit]) {
        let text = readings.source.folded
        var results: [Breakdown] = []
        var splits: [GrowthSplit] = []
        let statements = readings.byStatement()
        var previous: [Int] = []
        // Claims that are parts of a breakdown, and the total the last grouping cue split.
        var parts: [Int: Int] = [:]
        var groupedTotal: Int?
        var splitParts: Set<Int> = []
        // The total of the last growth split, while the statements go on splitting it (`分城乡看,…;分消费类型看,…`).
        var splitTotal: Int?
        var grouped: Set<Int> = []
        // Statements that open with a grouping cue split, one after another, the total stated before the first of them
        // (`货物进出口总额28119.3亿元…。从贸易方式看,一般贸易进出口…。从经济类型看,国有企业进出口…`): the claims of the last
        // statement that opened with none, and whether the statement before opened with one.
        var beforeGroupings: [Int] = []
        var previousOpensGrouping = false
        // The bracket depth of each claim read so far, the previous statement's included: a figure in its brackets
        // (`民用汽车保有量59.4万辆(包含拖拉机2.72万辆)…。其中，汽车40.89万辆…`) is no total of the next `其中`.
        var depths: [Int: Int] = [:]
        for statement in statements {
            var opensGrouping = false
            defer {
                if !opensGrouping { beforeGroupings = statement }
                previousOpensGrouping = opensGrouping
                previous = statement
            }
            guard let first = statement.first else { continue }
            let span = statementSpan(around: readings.claims[first].start, text: text)
            var cues: [Cue] = []
            // The bracket depth of every cue and claim: a figure in brackets details the one before them.
            var depth = 0
            var claim = 0
            var position = span.start
            while position < span.end {
                while claim < statement.count, readings.claims[statement[claim]].start <= position {
                    depths[statement[claim]] = depth
                    claim += 1
                }
                if text[position] == "(" { depth += 1 } else if text[position] == ")" { depth = max(0, depth - 1) }
                // `其中` and `包括` (`221000万元(包括一般债券106000万元和专项债券115000万元)`) name parts of the total before.
                if position + 1 < span.end, text[position] == "其" && text[position + 1] == "中" || text[position] == "包" && text[position + 1] == "括" {
                    cues.append(Cue(position: position, end: position + 2, depth: depth, named: false, among: true))
                }
                if text[position] == "(", claim > 0, readings.claims[statement[claim - 1]].end == position, position + 1 < span.end,
                   text[position + 1] != "其", text[position + 1] != "包" {
                    // `(干线533.2公里、支线66.09公里)`, `(含完全中学26所，…)`: the bracket is the cue and bounds the parts.
                    let includes = text[position + 1] == "含"
                    cues.append(Cue(position: position + 1, end: position + (includes ? 2 : 1), depth: depth, named: false, among: true,
                                    detailed: statement[claim - 1]))
                }
                if let cue = groupingCue(at: position, in: span, text: text) {
                    cues.append(Cue(position: cue.position, end: cue.end, depth: depth, named: text[position] == "在", among: false))
                } else if position == span.start, let end = namingCue(at: position, in: span, text: text) {
                    cues.append(Cue(position: position, end: end, depth: depth, named: true, among: false))
                }
                position += 1
            }
            opensGrouping = cues.first.map { !$0.among && !$0.named && $0.position - span.start <= 2 } ?? false
            // In a run of groupings, what the statement before stated is a grouping's part: the total is before the run.
            let base = opensGrouping && previousOpensGrouping ? beforeGroupings : previous
            if cues.isEmpty {
                groupedTotal = nil
                splitTotal = nil
                if let split = classRates(statement, after: previous) { splits.append(split) }
            }
            let (regionEnds, nested) = regions(of: cues, in: span, text: text)
            // Cues and claims are both in order: one pointer walks the statement's claims.
            var next = 0
            for (number, cue) in cues.enumerated() {
                while next < statement.count, readings.claims[statement[next]].start < cue.end { next += 1 }
                let regionEnd = regionEnds[number]
                // A grouping cue after another splits the same total again (`按经营地统计,城镇…乡村…。按消费类型统计,
                // 商品零售…餐饮收入…`): the parts of the first are no total of the second.
                let grouping = !cue.among
                let preceding = statement[max(0, next - Self.window)..<next].filter { readings.claims[$0].end <= cue.position }
                // Figures after an earlier grouping cue are parts of a grouping, no totals of the next one (`从贸易方式看,
                // 一般贸易进出口11764.5亿元…。从经济类型看,国有企业进出口…`).
                let isTotalOfGrouping = { (index: Int) in !grouping || parts[index] == nil && !grouped.contains(index) }
                var before = preceding.filter(isTotalOfGrouping)
                let window = statement[next..<min(statement.count, next + Self.window)]
                let inner = nested[number] ?? []
                let after = inner.isEmpty ? window : window.filter { index in
                    !inner.contains { $0.start <= readings.claims[index].start && readings.claims[index].end <= $0.end }
                }[...]
                var earlier = (grouping ? base : previous).suffix(Self.window).filter(isTotalOfGrouping)
                if grouping { grouped.formUnion(after.filter { readings.claims[$0].start < regionEnd }) }
                if cue.named {
                    // `在等级公路中,` and `住户存款余额中,` name their total, which may be a part of an earlier grouping.
                    let named = namedTotal(cue: cue, candidates: preceding.isEmpty ? Array(previous.suffix(Self.window)) : preceding, text: text)
                    before = named.map { [$0] } ?? []
                    earlier = before
                } else if grouping, before.isEmpty, !earlier.contains(where: { readings.claims[$0].kind == .quantity }),
                          let total = previous.last(where: { parts[$0] != nil }).flatMap({ parts[$0] }) ?? groupedTotal {
                    // A grouping cue after a statement of parts splits their total again.
                    earlier = [total]
                }
                var found = breakdowns(cue: cue, regionEnd: regionEnd, after: after, before: before, previous: earlier,
                                       taken: { parts[$0] != nil }, depth: { depths[$0] ?? 0 }, text: text)
                // A total read from before a run of groupings is a reading by place: kept where no arithmetic contradicts it
                // (classes of ownership, `国有控股…民营…外商…`, may overlap and add up to more).
                if grouping, before.isEmpty, opensGrouping && previousOpensGrouping {
                    found = found.filter { !PrintedSum($0.parts, of: readings.claims).exceeds(readings.claims[$0.total]) }
                }
                for var breakdown in found {
                    breakdown.cue = grouping ? .grouping : .among
                    results.append(breakdown)
                    for part in breakdown.parts { parts[part] = breakdown.total }
                    if grouping { groupedTotal = breakdown.total }
                }
                if found.isEmpty, !cue.bracket {
                    if grouping { groupedTotal = nil }
                    // Rates only: the total's rate is the last named rate before the cue that is no part of
                    // an earlier split (`按控股类型分` after `按门类分` splits the same total again); after `其中`
                    // (`固定资产投资下降3.3%。其中，第一产业投资下降2.9%，…`) the rate before it.
                    let rates = (before.isEmpty ? (grouping ? base : previous).suffix(Self.window) : before[...]).filter { !splitParts.contains($0) }
                    for split in growthSplits(after: after, regionEnd: regionEnd, candidates: rates, fallback: grouping ? splitTotal : nil,
                                              text: text) {
                        splits.append(split)
                        splitParts.formUnion(split.parts)
                        splitTotal = split.total
                    }
                }
            }
        }
        return (results, splits)
    }

    /// Where each cue's parts end, and the clauses inside a grouping that detail one of its parts.
    ///
    /// A cue's parts end where the next cue begins, except that a `其中` clause ending at a `；` inside a
    /// grouping details the part before it, and the grouping goes on after it (`按产业分，第一产业投资增长18.2%；
    /// 第二产业投资增长23.1%，其中工业投资增长23.2%；第三产业投资增长0.8%`): the clause is the `其中`'s region and no
    /// part of the grouping. A `其中` right after the grouping cue names the grouping's own parts.
    private func regions(of cues: [Cue], in span: Span, text: [Unicode.Scalar]) -> (ends: [Int], nested: [Int: [Span]]) {
        // A bracket's parts end with it (`breakdowns` finds where): it ends no other cue's region.
        let next = { (number: Int) in cues[(number + 1)...].firstIndex { !$0.bracket } ?? cues.count }
        var ends = cues.indices.map { cues[$0].bracket ? span.end : next($0) < cues.count ? cues[next($0)].position : span.end }
        var nested: [Int: [Span]] = [:]
        for number in cues.indices where !cues[number].among {
            var following = next(number)
            // Only after a part of the grouping (`在医院中，其中，公立医院48个` names the grouping's parts itself).
            while following < cues.count, cues[following].among, cues[following].depth == cues[number].depth,
                  // (Cues may overlap: `日其中,` is a `…中,` cue holding a `其中`.)
                  (cues[number].end..<max(cues[number].end, cues[following].position)).contains(where: { text[$0].properties.numericType != nil }) {
                let limit = next(following) < cues.count ? cues[next(following)].position : span.end
                guard let stop = (cues[following].end..<max(cues[following].end, limit)).first(where: { text[$0] == ";" || text[$0] == "；" }) else { break }
                nested[number, default: []].append(Span(start: cues[following].position, end: stop))
                ends[following] = stop
                following = next(following)
            }
            ends[number] = following < cues.count ? cues[following].position : span.end
        }
        return (ends, nested)
    }

    /// `按经营地统计,` `按三次产业分,` `分三次产业看,` `从提案落实情况看,` `在立案提案中,`: a cue of at most 12
    /// characters, from 按 to 分/统计/看, from 分 or 从 to 看 (`来看`), or from 在 to 中, followed by a comma or colon.
    private func groupingCue(at position: Int, in span: Span, text: [Unicode.Scalar]) -> (position: Int, end: Int)? {
        let first = text[position]
        // `從` is `从` in traditional script (`從提案落實情況看,`).
        guard first == "按" || first == "分" || first == "从" || first == "從" || first == "在" else { return nil }
        if position > span.start, isCJK(text[position - 1]) { return nil }
        var end = position + 1
        while end < span.end, end - position <= 12, isCJK(text[end]) { end += 1 }
        guard end < span.end, text[end] == "," || text[end] == ":", end - position >= 3 else { return nil }
        let last = text[end - 1]
        let closes: Bool
        switch first {
        case "按": closes = last == "分" || text[end - 2] == "统" && last == "计" || last == "看"
        case "在": closes = last == "中"
        default: closes = last == "看"
        }
        return closes ? (position, end + 1) : nil
    }

    /// The claim that the noun of `在…中,` names (`等级公路里程2971.12公里…在等级公路中,`), the nearest.
    private func namedTotal(cue: Cue, candidates: [Int], text: [Unicode.Scalar]) -> Int? {
        // The cue ends after `中,`: the noun lies between `在` and `中`.
        let start = text[cue.position] == "在" ? cue.position + 1 : cue.position
        let noun = String(String.UnicodeScalarView(text[start..<(cue.end - 2)]))
        guard noun.unicodeScalars.count >= 2 else { return nil }
        return candidates.last {
            let name = readings.readings[$0].name
            // `在立案提案中` names `立案203件`: the noun may add its head (`提案`) to the name, and the name may start
            // with the noun counted before it (`对283件提案立案203件` reads `提案立案`).
            return readings.claims[$0].kind == .quantity
                && (name.hasPrefix(noun) || name.count >= 2 && (2...name.count).contains { noun.hasPrefix(String(name.suffix($0))) }
                    || IndicatorName.names(noun, name))
        }
    }

    /// `住户存款余额中,` opening a statement: at most 12 characters up to `中` and a comma; where the cue ends.
    private func namingCue(at position: Int, in span: Span, text: [Unicode.Scalar]) -> Int? {
        var end = position
        while end < span.end, end - position <= 12, isCJK(text[end]) { end += 1 }
        guard end < span.end, end - position >= 3, text[end - 1] == "中", text[end] == "," || text[end] == ":" else { return nil }
        return end + 1
    }

    /// A rate of change named by what it is of (`第一产业投资增长20.8%`).
    private func isNamedRate(_ index: Int) -> Bool {
        let reading = readings.readings[index]
        return readings.claims[index].kind == .percent && ((reading.verb != nil || reading.rateOfChange) && !reading.namesNothing || listed[index] != nil)
    }

    /// `按门类分，采矿业增加值增长14.8%，制造业增长10.6%，…下降2.7%` after `规模以上工业增加值增长10.0%`: rates
    /// of named parts after a grouping, and the named rate before it; a split in rates only, one per run of parts
    /// between `;` (`其中，轻工业下降7.5%，重工业增长17.2%；采矿业增长24.9%，制造业增长7.2%，…`: light and heavy
    /// industry, then the sections).
    private func growthSplits(after: ArraySlice<Int>, regionEnd: Int, candidates: [Int], fallback: Int?, text: [Unicode.Scalar]) -> [GrowthSplit] {
        let claims = readings.claims
        // Rates of named levels count too: averages of groups are no parts of a sum, but their growth rates
        // still bound the total's (`按常住地分，农村居民人均可支配收入32327元，增长5.8%；城镇…增长4.4%`).
        let parts = after.filter { claims[$0].end <= regionEnd && (isNamedRate($0) || ratesOfLevels.contains($0)) }
        guard parts.count >= 2, let total = candidates.last(where: { isNamedRate($0) || ratesOfLevels.contains($0) }) ?? fallback else { return [] }
        var runs: [[Int]] = [[parts[0]]]
        for (previous, part) in zip(parts, parts.dropFirst()) {
            // A level's own rate follows a `;` inside its part (`城镇…63435元，增长4.4%`): only named rates open a run.
            if isNamedRate(part), Self.separatorStrength(from: claims[previous].end, to: claims[part].start, text: text) == 2 {
                runs.append([])
            }
            runs[runs.count - 1].append(part)
        }
        if runs.count > 1, runs.contains(where: { $0.count < 2 }) || Self.ordersByDirection(runs.map { $0.map(direction) }) { runs = [parts] }
        return runs.map { split(of: total, into: $0) }
    }

    /// The direction the verb of a claim says (`下降1.0%`), or its list's, if any.
    private func direction(_ index: Int) -> ChangeDirection? { readings.readings[index].verb?.direction ?? listed[index]?.direction }

    /// Runs of rates that a `;` parts by their direction, the falls first and then the rises or the other way
    /// (`其中食品烟酒价格下降1.0%，…教育文化娱乐价格下降0.1%；生活用品及服务价格上涨0.7%，…`): one split ordered by
    /// direction, not two groupings. Every run says one direction, and the next run the other.
    static func ordersByDirection(_ runs: [[ChangeDirection?]]) -> Bool {
        let sides = runs.map { run in run.allSatisfy { $0 != nil && $0 == run.first! } ? run.first! : nil }
        return sides.allSatisfy { $0 != nil } && zip(sides, sides.dropFirst()).allSatisfy { $0 != $1 }
    }

    /// A growth split with the directions its verbs say.
    private func split(of total: Int, into parts: [Int]) -> GrowthSplit {
        GrowthSplit(total: total, parts: parts, directions: ([total] + parts).map(direction),
                           span: Span(start: readings.claims[total].start, end: readings.claims[parts.last!].end))
    }

    /// `全年固定资产投资比上年增长8.6%。第一产业投资增长20.8%，第二产业投资增长6.9%，第三产业投资增长10.1%`: a statement
    /// with no cue that states only rates of one measure (names ending alike), after a statement ending with that
    /// measure's rate. Whether the names cover a classification is the rule's to say.
    private func classRates(_ statement: [Int], after previous: [Int]) -> GrowthSplit? {
        guard statement.count >= 2, statement.allSatisfy(isNamedRate), let total = previous.last, isNamedRate(total) else { return nil }
        let measure = readings.readings[total].name.unicodeScalars.suffix(2)
        guard measure.count == 2, statement.allSatisfy({ readings.readings[$0].name.unicodeScalars.suffix(2).elementsEqual(measure) }) else { return nil }
        return split(of: total, into: statement)
    }

    private func statementSpan(around offset: Int, text: [Unicode.Scalar]) -> Span {
        let start = readings.source.runStart(before: offset, stop: Readings.endsStatement)
        var end = offset
        while end < text.count, !Readings.endsStatement(text[end]) { end += 1 }
        return Span(start: start, end: end)
    }

    /// A cue where it stands in the text, and the depth of the brackets around it.
    struct Cue {
        var position: Int
        var end: Int
        var depth: Int
        /// `在…中,` or `…中,` opening a statement: the cue names its total.
        var named: Bool
        /// `其中`, `包括` or a bracket: the parts may be some of the total; a grouping cue's are all of it.
        var among: Bool
        /// The level a bracket right after it details (`599.29公里(干线533.2公里、支线66.09公里)`, `(含…)`): the
        /// bracket's parts end with it and have no other total; with no word before them it lists two parts or more.
        var detailed: Int?
        var bracket: Bool { detailed != nil }
    }

    /// How many claims before and after a cue are considered: a total and its parts sit close.
    static let window = 48

    private func breakdowns(cue: Cue, regionEnd: Int, after: ArraySlice<Int>, before: [Int], previous: [Int],
                            taken: (Int) -> Bool, depth: (Int) -> Int, text: [Unicode.Scalar]) -> [Breakdown] {
        let claims = readings.claims
        // Parts inside a bracket that opens right before the cue end with it.
        var limit = regionEnd
        if cue.position > 0, text[cue.position - 1] == "(" {
            var depth = 0
            var index = cue.position
            while index < regionEnd {
                if text[index] == "(" { depth += 1 } else if text[index] == ")" { if depth == 0 { break }; depth -= 1 }
                index += 1
            }
            limit = index
        }
        let among = cue.among
        func isLevel(_ index: Int) -> Bool {
            claims[index].kind == .quantity && claims[index].upper == nil && readings.readings[index].isLevel && depth(index) <= cue.depth
        }
        if among, let parallel = parallelBreakdowns(wholes: (before.isEmpty ? previous : before).filter(isLevel),
                                                    subsets: after.filter { claims[$0].end <= limit && isLevel($0) }) {
            return parallel
        }
        var parts: [Int] = []
        // The separator between the first two parts is the list's own (`国家级6个、省级99个、市级143个；艺术表演
        // 场馆15个`): a stronger one after a later part ends the list.
        var separator = 0
        for index in after where claims[index].end <= limit {
            let claim = claims[index]
            let reading = readings.readings[index]
            // A figure in brackets after a part details it (`医院和卫生院120个(医院85个)`).
            guard claim.kind == .quantity, reading.isLevel, depth(index) <= cue.depth else { continue }
            if let first = parts.first {
                guard claim.countsAlike(claims[first]), claim.upper == nil, !opensStatement(index), claim.section == claims[first].section else { break }
                let gap = Self.separatorStrength(from: claims[parts.last!].end, to: claim.start, text: text)
                if parts.count == 1 { separator = gap } else if gap > separator { break }
                // `…，加上上级补助收入、上年结余收入…等92.85亿元`: a term of another sum, whatever the name before it.
                if Self.addsAnotherSum(from: claims[parts.last!].end, to: claim.start, text: text) { break }
                // `其中：政府性基金收入65.01亿元；据此，安排…支出总计137.97亿元`: a level said to be a sum is a total, no part.
                if Self.saysSum(before: claim.start, from: reading.clauseStart, text: text) { break }
            } else if claim.upper != nil {
                return []
            }
            parts.append(index)
        }
        // `其中` may name a single part (`其中地方财政收入112.07亿元`): it cannot exceed its total.
        let fewest = !among || cue.bracket && text[cue.position] != "含" ? 2 : 1
        guard parts.count >= fewest, let unit = claims[parts[0]].unit, !averagesOfGroups(parts) else { return [] }
        let candidates = before.isEmpty ? previous : before
        let unsaid = before.last.flatMap { claims[$0].unit == nil && isTotal($0, of: unit, among: among) ? $0 : nil }
        // A figure in brackets that close before the cue details another (`599.29公里(干线533.2公里、支线66.09公里),
        // 其中…`): no total.
        let totals = candidates.filter { total in
            parts.allSatisfy { claims[$0].counts(in: claims[total]) } && isTotal(total, of: unit, among: among) && depth(total) <= cue.depth
        }
        // Before a grouping cue, two levels of the parts' unit in the same statement are items of a list
        // (`城镇消费品零售额2332.7亿元…；乡村消费品零售额189.5亿元…；按消费形态统计，…`): the nearest is no total.
        let listed = !among && totals.filter(before.contains).count >= 2
        if let detailed = cue.detailed, !totals.contains(detailed) { return [] }
        guard let total = cue.detailed ?? unsaid ?? confirmedTotal(of: parts, among: totals) ?? (listed ? nil : totals.last) else { return [] }
        // Income is no part of spending, nor spending of income (`支出总量为2673.7亿元。其中，市级国有土地使用权出让收入678.5亿元`);
        // a bracket may say what a spending includes in the income that pays for it (`市本级支出161118万元（含上级补助收入4918万元）`).
        if !cue.bracket, let side = IndicatorName.side(of: name(of: total)) {
            parts = parts.filter { part in IndicatorName.side(of: name(of: part)).map { $0 == side } ?? true }
            guard parts.count >= fewest else { return [] }
        }
        // Parts that restate, for a subset, measures stated before the cue other than the total (`工业总产值…
        // 工业增加值…其中规模以上工业企业完成工业总产值…完成工业增加值…`) are each a part of the measure they restate.
        // (A bracket's parts are of the level it details.)
        let counterparts = cue.bracket ? [] : parts.map { counterpart(of: $0, among: candidates.filter { isTotal($0, of: unit, among: among) && !taken($0) }) }
        if among, counterparts.contains(where: { $0 != nil && $0 != total }) {
            return zip(parts, counterparts).compactMap { part, whole in
                whole.map { Breakdown(total: $0, parts: [part], span: Span(start: claims[$0].start, end: claims[part].end)) }
            }
        }
        // When some parts restate the total's measure and another, larger than the total, names no measure
        // before (`工业增加值644350万元…其中规模以上工业企业完成工业总产值2596736万元,完成工业增加值630000万元`),
        // only the first are its parts; categories that happen to end like the total (`县直卫生健康单位6个，
        // 乡镇卫生院17个`) all are.
        if among, counterparts.contains(total),
           zip(parts, counterparts).contains(where: { $0.1 == nil && claims[$0.0].value > claims[total].value }) {
            parts = zip(parts, counterparts).filter { $0.1 == total }.map(\.0)
        }
        // A total that is one item of a `;`-list (`年末固定电话用户186.2万户；移动电话用户2081.8万户，其中5G在网用户
        // 1482.0万户；固定互联网宽带接入用户869.5万户`) keeps its `其中` inside its own item.
        if among, let end = itemEnd(after: cue.end, ifListItem: claims[total].start, text: text) {
            parts = parts.filter { claims[$0].end <= end }
            guard !parts.isEmpty else { return [] }
        }
        return [Breakdown(total: total, parts: parts, span: Span(start: claims[total].start, end: claims[parts.last!].end))]
    }

    /// Measures of several units stated again after `其中` for subsets, in the same order, once or for
    /// each subset in turn (`发生事故209起、死亡113人、受伤142人。其中：工矿商贸事故87起、死亡64人、受伤35人；
    /// 道路交通事故122起、死亡49人、受伤107人`): each measure is the total of its restatements. The order of
    /// the units must match throughout, and each name must be liker its own measure's than any other's
    /// (alike at the start or the end: `新登记企业` and `新登记经营主体`, not `实有经营主体`).
    private func parallelBreakdowns(wholes: [Int], subsets: [Int]) -> [Breakdown]? {
        let claims = readings.claims
        let count = wholes.count
        guard count >= 2, subsets.count >= count, subsets.count % count == 0 else { return nil }
        let names = wholes.map { Array(name(of: $0).unicodeScalars) }
        for (offset, subset) in subsets.enumerated() {
            let own = offset % count
            let subsetName = Array(name(of: subset).unicodeScalars)
            let likeness = names.map { Self.likeness(subsetName, $0) }
            guard claims[subset].unit == claims[wholes[own]].unit, likeness[own] >= 2,
                  likeness.indices.allSatisfy({ $0 == own || likeness[$0] < likeness[own] }) else { return nil }
        }
        return wholes.enumerated().map { offset, whole in
            let parts = stride(from: offset, to: subsets.count, by: count).map { subsets[$0] }
            return Breakdown(total: whole, parts: parts, span: Span(start: claims[whole].start, end: claims[parts.last!].end))
        }
    }

    private func name(of index: Int) -> String {
        let name = readings.readings[index].name
        return name.isEmpty ? readings.claims[index].subject ?? "" : name
    }

    /// How many characters two names share at the start or at the end, the longer (`新登记企业`,
    /// `新登记经营主体`: 3).
    static func likeness(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Int {
        let prefix = zip(x, y).prefix { $0 == $1 }.count
        let suffix = zip(x.reversed(), y.reversed()).prefix { $0 == $1 }.count
        return max(prefix, suffix)
    }

    /// Whether a claim can be the total of parts in `unit`: a level, exact. A figure per head or on average
    /// (`每千人6.5批次`) is no total of counts, nor of the averages of groups (`按常住地分，农村居民人均可支配
    /// 收入…城镇居民…`); a sum of money per head has its components after `其中` (`人均可支配收入46553元…其中
    /// 工资性收入27646元`).
    private func isTotal(_ index: Int, of unit: String, among: Bool) -> Bool {
        let claim = readings.claims[index]
        let reading = readings.readings[index]
        // The whole inside a share phrase (`完成12655万元，占年预算30820万元的41.06%`) is what the level before it is
        // measured against, not what the parts after it split.
        guard claim.kind == .quantity, claim.upper == nil, reading.isLevel, !reading.name.hasPrefix("占") else { return false }
        return !IndicatorName.isAverage(reading.name) || among && unit.hasSuffix("元")
    }

    /// Averages of groups (`其中城镇居民人均可支配收入90125元`) do not add up to the average of all.
    private func averagesOfGroups(_ parts: [Int]) -> Bool {
        parts.contains { IndicatorName.isAverage(readings.readings[$0].name) }
    }

    /// Whether a word of `otherSums` of two characters or more opens a clause (after spaces and a
    /// broken line) between two claims.
    static func addsAnotherSum(from start: Int, to end: Int, text: [Unicode.Scalar]) -> Bool {
        var opening = true
        for position in start..<max(start, end) {
            let scalar = text[position]
            if opening, otherSumWords.contains(where: { position + $0.count <= end && text[position..<(position + $0.count)].elementsEqual($0) }) {
                return true
            }
            if Readings.endsClause(scalar) { opening = true } else if scalar != " " && scalar != "\n" { opening = false }
        }
        return false
    }

    private static let otherSumWords = otherSums.filter { $0.unicodeScalars.count >= 2 }.map { Array($0.unicodeScalars) }

    /// How strongly the text between two claims separates them: `;` 2, `,` 1, else (`、`, nothing) 0.
    static func separatorStrength(from start: Int, to end: Int, text: [Unicode.Scalar]) -> Int {
        var strength = 0
        for position in start..<max(start, end) {
            if text[position] == ";" { return 2 }
            if text[position] == "," { strength = 1 }
        }
        return strength
    }

    /// Where the `;`-item that holds `offset` ends, when a `;` also stands shortly before `start` in the
    /// same statement (the total is an item of a list); nil otherwise.
    private func itemEnd(after offset: Int, ifListItem start: Int, text: [Unicode.Scalar]) -> Int? {
        var back = start
        while back > 0, start - back < 80, !Readings.endsStatement(text[back - 1]), text[back - 1] != ";" { back -= 1 }
        guard back > 0, text[back - 1] == ";" else { return nil }
        var end = offset
        while end < text.count, end - offset < 400, !Readings.endsStatement(text[end]), text[end] != ";" { end += 1 }
        return end
    }

    /// Arithmetic confirms a reading: when the parts add up to an earlier candidate within the printed
    /// precision and exceed the nearest one, the earlier is their total (`限额221000万元(包括…106000万元
    /// 和…115000万元)…其中市本级40000万元，…181000万元` → 221000, not 115000).
    private func confirmedTotal(of parts: [Int], among totals: [Int]) -> Int? {
        let claims = readings.claims
        guard let nearest = totals.last else { return nil }
        let sum = PrintedSum(parts, of: claims)
        guard sum.exceeds(claims[nearest]) else { return nil }
        return totals.dropLast().last { sum.meets(claims[$0]) }
    }

    /// Whether a part opens a statement of its own: a new total (`共`, `达`, `合计`) or a verb (`培育…2家`).
    private func opensStatement(_ index: Int) -> Bool {
        let claim = readings.claims[index]
        if let predicate = claim.predicate, ["达", "达到", "共", "共计", "合计", "总计", "累计"].contains(predicate) { return true }
        let name = readings.readings[index].name
        // A later part dated on its own (`…764公里；年末铁路总里程599.29公里`) is a new statement.
        if let subject = claim.subject, ["全年", "年末", "年初", "截至"].contains(where: subject.startsWith) { return true }
        // `加上转移性收入471.83亿元`, `加上级补助收入136.43亿元`, `扣除…`: a term of another sum.
        if Self.otherSums.contains(where: name.startsWith) { return true }
        guard let subject = claim.subject else { return false }
        return Self.openingVerbs.contains { subject.startsWith($0) } || subject.holds("各项") || subject.startsWith("全")
    }

    /// The claim before the cue whose measure a part restates for a subset: same unit, a name that ends
    /// alike (`规模以上工业企业完成工业增加值` → `工业增加值`), the nearest.
    private func counterpart(of part: Int, among before: [Int]) -> Int? {
        let claims = readings.claims
        let name = self.name(of: part)
        guard name.unicodeScalars.count >= 3 else { return nil }
        return before.last { other in
            let x = self.name(of: other)
            guard claims[other].unit == claims[part].unit, x.unicodeScalars.count >= 3 else { return false }
            return x.unicodeScalars.suffix(3).elementsEqual(name.unicodeScalars.suffix(3))
        }
    }
}
