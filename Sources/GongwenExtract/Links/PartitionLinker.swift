import Foundation
import GongwenModel
import GongwenText

/// A total and the parts a cue says make it up: `其中` after the total (in the same statement or
/// opening the next), and `按…分` / `分…看` before the parts.
///
/// `139(其中:6个乡、116个镇、17个街道)` → 139 = 6 + 116 + 17; `地区生产总值2648.87亿元…分三次产业看，
/// 第一产业增加值244.45亿元…第二产业增加值1093.17亿元…第三产业增加值1311.25亿元` → the three industries.
/// Parts are levels of the total's unit, not changes (`增长3.1%`) or comparison bases; they end at a
/// clause that opens a statement of its own (`共`, `达`, a verb) or a nested `其中`.
struct PartitionLinker {
    let readings: Readings

    private static let among: [Unicode.Scalar] = Array("其中".unicodeScalars)
    /// Verbs that open a statement of their own inside a list of parts.
    static let openingVerbs = [
        "培育", "孵化", "建成", "打造", "开展", "组建", "成立", "配备", "新增", "争取到", "投入", "选择", "形成", "保留", "组织",
        "服务", "清理", "发布", "划分", "建立", "设立", "实施", "走访", "排查", "化解", "导入", "开通", "评选", "举办", "出台",
        "制定", "印发", "召开", "培训", "招聘", "发放", "创建", "命名", "认定", "确定", "新建", "改造", "引进", "帮助", "解决",
    ]

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
        var splitTotal: Int?
        for statement in statements {
            defer { previous = statement }
            guard let first = statement.first else { continue }
            let span = statementSpan(around: readings.claims[first].start, text: text)
            var cues: [(position: Int, end: Int)] = []
            var position = span.start
            while position + 1 < span.end {
                // `其中` and `包括` (`221000万元(包括一般债券106000万元和专项债券115000万元)`) name parts of the total before.
                if text[position] == "其" && text[position + 1] == "中" || text[position] == "包" && text[position + 1] == "括" {
                    cues.append((position, position + 2))
                }
                if let cue = groupingCue(at: position, in: span, text: text) { cues.append(cue) }
                position += 1
            }
            // Cues and claims are both in order: one pointer walks the statement's claims.
            var next = 0
            for (number, cue) in cues.enumerated() {
                while next < statement.count, readings.claims[statement[next]].start < cue.end { next += 1 }
                let regionEnd = number + 1 < cues.count ? cues[number + 1].position : span.end
                // A grouping cue after another splits the same total again (`按经营地统计,城镇…乡村…。按消费类型统计,
                // 商品零售…餐饮收入…`): the parts of the first are no total of the second.
                let grouping = !Self.isAmong(text[cue.position])
                let before = statement[max(0, next - Self.window)..<next].filter {
                    readings.claims[$0].end <= cue.position && !(grouping && parts[$0] != nil)
                }
                let after = statement[next..<min(statement.count, next + Self.window)]
                var earlier = previous.suffix(Self.window).filter { !(grouping && parts[$0] != nil) }
                // A grouping cue after a statement of parts splits their total again.
                if grouping, before.isEmpty, !earlier.contains(where: { readings.claims[$0].kind == .quantity }),
                   let total = previous.last(where: { parts[$0] != nil }).flatMap({ parts[$0] }) ?? groupedTotal {
                    earlier = [total]
                }
                if let breakdown = breakdown(cue: cue, regionEnd: regionEnd, after: after, before: before, previous: earlier, text: text) {
                    var breakdown = breakdown
                    breakdown.cue = grouping ? .grouping : .among
                    results.append(breakdown)
                    for part in breakdown.parts { parts[part] = breakdown.total }
                    if grouping { groupedTotal = breakdown.total }
                } else if grouping {
                    // Rates only: the total's rate is the last named rate before the cue that is no part of
                    // an earlier split (`按控股类型分` after `按门类分` splits the same total again).
                    let rates = (before.isEmpty ? previous.suffix(Self.window) : before[...]).filter { !splitParts.contains($0) }
                    if let split = growthSplit(after: after, regionEnd: regionEnd, candidates: rates, fallback: splitTotal) {
                        splits.append(split)
                        splitParts.formUnion(split.parts)
                        splitTotal = split.total
                    }
                }
            }
        }
        return (results, splits)
    }

    /// `按经营地统计,` `按三次产业分,` `分三次产业看,` `从提案落实情况看,` `在立案提案中,`: a cue of at most 12
    /// characters, from 按 to 分/统计/看, from 分 or 从 to 看 (`来看`), or from 在 to 中, followed by a comma or colon.
    private func groupingCue(at position: Int, in span: Span, text: [Unicode.Scalar]) -> (position: Int, end: Int)? {
        let first = text[position]
        guard first == "按" || first == "分" || first == "从" || first == "在" else { return nil }
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

    /// `按门类分，采矿业增加值增长14.8%，制造业增长10.6%，…下降2.7%` after `规模以上工业增加值增长10.0%`: rates
    /// of named parts after a grouping, and the named rate before it.
    private func growthSplit(after: ArraySlice<Int>, regionEnd: Int, candidates: [Int], fallback: Int?) -> GrowthSplit? {
        let claims = readings.claims
        let isRate = { (index: Int) -> Bool in
            let reading = self.readings.readings[index]
            return claims[index].kind == .percent && (reading.verb != nil || reading.rateOfChange) && reading.name.count >= 2
        }
        let parts = after.filter { claims[$0].end <= regionEnd && isRate($0) }
        guard parts.count >= 2, let total = candidates.last(where: isRate) ?? fallback else { return nil }
        let direction = { (index: Int) in self.readings.readings[index].verb?.direction }
        return GrowthSplit(total: total, parts: parts, directions: ([total] + parts).map(direction),
                           span: Span(start: claims[total].start, end: claims[parts.last!].end))
    }

    private func statementSpan(around offset: Int, text: [Unicode.Scalar]) -> Span {
        var start = offset
        while start > 0, !Readings.endsStatement(text[start - 1]) { start -= 1 }
        var end = offset
        while end < text.count, !Readings.endsStatement(text[end]) { end += 1 }
        return Span(start: start, end: end)
    }

    /// How many claims before and after a cue are considered: a total and its parts sit close.
    static let window = 24

    private func breakdown(cue: (position: Int, end: Int), regionEnd: Int, after: ArraySlice<Int>, before: [Int], previous: [Int],
                           text: [Unicode.Scalar]) -> Breakdown? {
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
        var parts: [Int] = []
        for index in after where claims[index].end <= limit {
            let claim = claims[index]
            let reading = readings.readings[index]
            guard claim.kind == .quantity, reading.isLevel else { continue }
            if let first = parts.first {
                guard claim.unit == claims[first].unit, claim.upper == nil, !opensStatement(index), claim.section == claims[first].section else { break }
            } else if claim.upper != nil {
                return nil
            }
            parts.append(index)
        }
        // `其中` may name a single part (`其中地方财政收入112.07亿元`): it cannot exceed its total.
        let among = Self.isAmong(text[cue.position])
        guard parts.count >= (among ? 1 : 2), let unit = claims[parts[0]].unit else { return nil }
        let candidates = before.isEmpty ? previous : before
        // A figure per head or on average (`每千人6.5批次`) is no total of counts.
        let isTotal = { (index: Int) in
            claims[index].kind == .quantity && claims[index].upper == nil && self.readings.readings[index].isLevel
                && !IndicatorName.isAverage(self.readings.readings[index].name)
        }
        let unsaid = before.last.flatMap { claims[$0].unit == nil && isTotal($0) ? $0 : nil }
        let totals = candidates.filter { claims[$0].unit == unit && isTotal($0) }
        guard let total = unsaid ?? confirmedTotal(of: parts, among: totals) ?? totals.last, !restates(parts, candidates) else { return nil }
        // A total that is one item of a `;`-list (`年末固定电话用户186.2万户；移动电话用户2081.8万户，其中5G在网用户
        // 1482.0万户；固定互联网宽带接入用户869.5万户`) keeps its `其中` inside its own item.
        if among, let end = itemEnd(after: cue.end, ifListItem: claims[total].start, text: text) {
            parts = parts.filter { claims[$0].end <= end }
            guard !parts.isEmpty else { return nil }
        }
        return Breakdown(total: total, parts: parts, span: Span(start: claims[total].start, end: claims[parts.last!].end))
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

    /// Whether the cue starting with `first` names parts that may be some of the total (`其中`, `包括`).
    static func isAmong(_ first: Unicode.Scalar) -> Bool { first == "其" || first == "包" }

    /// Arithmetic confirms a reading: when the parts add up to an earlier candidate within the printed
    /// precision and exceed the nearest one, the earlier is their total (`限额221000万元(包括…106000万元
    /// 和…115000万元)…其中市本级40000万元，…181000万元` → 221000, not 115000).
    private func confirmedTotal(of parts: [Int], among totals: [Int]) -> Int? {
        let claims = readings.claims
        guard let nearest = totals.last else { return nil }
        let half = { (index: Int) -> Decimal in (claims[index].resolution ?? 0) / 2 }
        var sum = Decimal(0)
        var slack = Decimal(0)
        for part in parts {
            sum += claims[part].value
            slack += half(part)
        }
        guard sum > claims[nearest].value + slack + half(nearest) else { return nil }
        return totals.dropLast().last { (claims[$0].value - sum).magnitude <= slack + half($0) }
    }

    /// Whether a part opens a statement of its own: a new total (`共`, `达`, `合计`) or a verb (`培育…2家`).
    private func opensStatement(_ index: Int) -> Bool {
        let claim = readings.claims[index]
        if let predicate = claim.predicate, ["达", "达到", "共", "共计", "合计", "总计", "累计"].contains(predicate) { return true }
        let name = readings.readings[index].name
        // `加上转移性收入471.83亿元`, `加上级补助收入136.43亿元`, `扣除…`: a term of another sum.
        if Self.otherSums.contains(where: name.hasPrefix) { return true }
        guard let subject = claim.subject else { return false }
        return Self.openingVerbs.contains { subject.hasPrefix($0) } || subject.contains("各项") || subject.hasPrefix("全")
    }

    /// Parts that restate, for a subset, the measures stated before the cue (`其中规模以上工业企业完成
    /// 工业总产值…完成工业增加值…`) are no breakdown: their names end like those before.
    private func restates(_ parts: [Int], _ before: [Int]) -> Bool {
        parts.contains { part in
            before.contains { other in
                guard let x = readings.claims[other].subject, let y = readings.claims[part].subject,
                      x.unicodeScalars.count >= 3, y.unicodeScalars.count >= 3 else { return false }
                return x.unicodeScalars.suffix(3).elementsEqual(y.unicodeScalars.suffix(3))
            }
        }
    }
}
