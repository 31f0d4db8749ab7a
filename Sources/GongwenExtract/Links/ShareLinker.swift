import Foundation
import GongwenModel
import GongwenText

/// Shares and rates with the counts they are computed from.
///
/// - `占…的r%` / `占…的比重为r%`: the part is the level stated before in the same statement; the whole is
///   the count inside the phrase (`占代表建议520件的r%`) or the level the phrase names, found earlier in
///   the document (`占承办总数的r%` → `承办建议和提案520件`; `占全市生产总值的比重55.0%` →
///   `地区生产总值2648.87亿元`).
/// - `A占比r%` after parallel counts (`城市社区150个,集镇社区353个,城市社区占比29.8%`): A over their sum.
/// - `X率r%` (`化解率97.8%`): the count whose clause holds the verb X (`化解52.04万件`) over the other
///   count of its unit (`排查53.21万件`); `增长面r%`: the count said to grow over the count before it
///   (`28种主要工业产品中，16种产品产量呈现增长，增长面57.1%`).
struct ShareLinker {
    let readings: Readings
    /// The partitions already linked: a part's own share (`其中建议258件，占38.8%`) is of their total.
    let breakdowns: [Breakdown]

    /// How many claims back a named whole is looked for.
    static let window = 200

    func rates() -> [Rate] {
        var rates: [Rate] = []
        var totalOf: [Int: Int] = [:]
        for breakdown in breakdowns { for part in breakdown.parts { totalOf[part] = breakdown.total } }
        let text = readings.source.folded
        for statement in readings.byStatement() {
            var lastShare: Rate?
            for (position, index) in statement.enumerated() where readings.claims[index].kind == .percent {
                let claim = readings.claims[index]
                let earlier = statement[max(0, position - 12)..<position]
                if let rate = named(index, earlier: earlier, text: text, totalOf: totalOf) ?? parallel(claim, earlier: earlier)
                    ?? rateWord(claim, earlier: earlier) ?? growthCoverage(index, earlier: earlier) ?? sameWhole(index, as: lastShare)
                    ?? planCompleted(index) {
                    rates.append(rate)
                    if rate.kind == .share, rate.denominator != nil { lastShare = rate }
                }
            }
        }
        return rates
    }

    /// `占…的r%`: the part before `占`, the whole inside the phrase or named by it.
    private func named(_ index: Int, earlier: ArraySlice<Int>, text: [Unicode.Scalar], totalOf: [Int: Int]) -> Rate? {
        let claims = readings.claims
        let claim = claims[index]
        let clause = readings.readings[index].clauseStart
        guard let occupy = (clause..<claim.start).last(where: { text[$0] == "占" }) ?? ownShare(index, text: text)
            ?? completion(index, earlier: earlier, text: text) else { return nil }
        // A gloss in brackets names the share, not the whole (`占总人口的比重（常住人口城镇化率）为62.07%`).
        var noun = Self.withoutBrackets(SourceText.string(readings.source.wordScalars((occupy + 1)..<claim.start)[...]))
        for tail in ["的比重为", "的比重达", "的比重", "的比例为", "的比例", "比重为", "比重", "比例", "的", "达到", "达", "为"] where noun.hasSuffix(tail) {
            noun.removeLast(tail.count)
            break
        }
        let inside = earlier.last { claims[$0].start > occupy && claims[$0].kind == .quantity }
        let isPart = { (i: Int) in claims[i].end <= occupy && claims[i].kind == .quantity && self.readings.readings[i].isLevel && claims[i].upper == nil }
        // (A share in brackets after a comma, `258件,(38.8%)`, stands where `占` would before its own clause.)
        var subject = SourceText.string(readings.source.wordScalars(min(clause, occupy)..<occupy)[...])
        // `5G移动电话用户688.16万户，在移动电话用户中占比65.9%`: `在…中` before `占` names the whole.
        let among = subject.unicodeScalars.count >= 4 && subject.hasPrefix("在") && subject.hasSuffix("中")
        if among, noun.count < 2 {
            noun = String(subject.dropFirst().dropLast())
            subject = ""
        }
        // `等级公路占公路总里程的96.1%`: a name before `占` says which earlier level is the part.
        // (A digit there is a count of its own; `第一产业` is a name: Character.isNumber would take `一` for a digit.)
        let named = subject.count >= 2 && !subject.unicodeScalars.contains { $0.properties.numericType == .decimal }
        // (A part named before `占` is looked for in the share's paragraph: a level of that name in another paragraph
        // is most often another scope's or year's, `税收收入占一般公共预算收入比重为58.6%` after last year's 税收收入.)
        let candidates: [Int]
        if named {
            let paragraphStart = text[..<claim.start].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            candidates = Array((max(0, index - Self.window)..<index).reversed().prefix { claims[$0].start >= paragraphStart })
        } else {
            candidates = Array(earlier.reversed())
        }
        let subjectCore = named ? IndicatorName.core(subject).core : ""
        guard let part = candidates.first(where: { isPart($0) && (!named || IndicatorName.core(readings.readings[$0].name).core.holds(subjectCore)) }) else {
            return nil
        }
        if let inside, claims[inside].unit == claims[part].unit {
            return Rate(kind: .share, rate: index, numerator: part, denominator: inside, span: Span(start: claims[part].start, end: claim.end))
        }
        // `其中建议258件，占38.8%`, `占总数的38.8%`: the share of a part is of its partition's total.
        // (A total with no name of its own, `实际完成53.68亿元`, is what the noun names.)
        if inside == nil, let total = totalOf[part],
           noun.count < 2 || readings.readings[total].namesNothing || IndicatorName.names(noun, readings.readings[total].name) || noun.hasSuffix("总数") {
            var rate = Rate(kind: .share, rate: index, numerator: part, denominator: total, span: Span(start: claims[part].start, end: claim.end))
            rate.inferredWhole = noun.count < 2
            return rate
        }
        // `委员提案158件，占77.83%；联名提案10件，占4.93%`: a share that names no whole, of a part no partition holds.
        if inside == nil, noun.count < 2, hasOwnShare(part, text: text), let whole = unsaidWhole(of: part, text: text, totalOf: totalOf) {
            var rate = Rate(kind: .share, rate: index, numerator: part, denominator: whole, span: Span(start: claims[whole].start, end: claim.end))
            rate.inferredWhole = true
            return rate
        }
        // `一般贸易进出口11764.5亿元，…占进出口总额的比重达41.8%`: the noun names the total of what the part is one kind
        // of; the whole is then a level named as that total (`货物进出口总额`), never another kind (`出口总额` is no
        // kind of 进出口 for this test, `外商投资企业进出口` no total).
        let wanted = IndicatorName.core(noun)
        let partCore = IndicatorName.core(readings.readings[part].name)
        let kindOf = wanted.total && !partCore.total && partCore.core.count > wanted.core.count && partCore.core.endsWith(wanted.core)
        // `乌恰县地区生产总值62.70亿元，…占全州GDP的比重为23.0%`: a noun scoped to the whole region (`全州`) names the
        // region's level, of which the part is one place's; the whole is then a level stated with that scope
        // (`全州实现地区生产总值272.24亿元`) and named by the noun alone, never another place's.
        let region = IndicatorName.scopes.first { $0.hasPrefix("全") && noun.hasPrefix($0) && !readings.readings[part].name.hasPrefix($0) }
        // A noun that names the part itself is no whole, unless the text says it is one (`在…中`, `总…`).
        guard inside == nil, noun.count >= 2,
              among || noun.hasPrefix("总") || kindOf || region != nil || !IndicatorName.names(noun, readings.readings[part].name) else { return nil }
        let namesWhole = { (candidate: Int) -> Bool in
            let name = self.readings.readings[candidate].name
            if let region {
                let clause = SourceText.string(text[self.readings.readings[candidate].clauseStart..<claims[candidate].start])
                return clause.holds(region) && IndicatorName.collapsed(name) == IndicatorName.collapsed(noun)
            }
            guard kindOf else { return IndicatorName.names(noun, name) }
            let found = IndicatorName.core(name)
            return found.total && found.core.endsWith(wanted.core)
        }
        var candidate = part - 1
        while candidate >= 0, part - candidate <= Self.window {
            let whole = claims[candidate]
            if whole.kind == .quantity, whole.unit == claims[part].unit, whole.upper == nil, whole.value >= claims[part].value,
               readings.readings[candidate].isLevel, !IndicatorName.isAverage(readings.readings[candidate].name),
               namesWhole(candidate) {
                return Rate(kind: .share, rate: index, numerator: part, denominator: candidate, span: Span(start: whole.start, end: claim.end))
            }
            candidate -= 1
        }
        return nil
    }

    /// The whole of parts that each state their share and no whole (`在立案提案中，委员提案158件，占77.83%；联名提案10件，
    /// 占4.93%；…`): among the earlier levels of their unit that are no part of a breakdown nor one of them, the
    /// nearest over which one of the shares holds (158 / 203 = 77.83%), else the nearest that is at least their sum
    /// (`立案203件，其中并案28件` → 203, not 28). A share that holds picks the whole even when another part is
    /// misprinted past the sum.
    private func unsaidWhole(of part: Int, text: [Unicode.Scalar], totalOf: [Int: Int]) -> Int? {
        let claims = readings.claims
        var first = part
        var last = part
        // (Within the window a whole is looked for in: a statement of thousands of claims stays linear.)
        while first > 0, part - first < Self.window, readings.statement[first - 1] == readings.statement[part] { first -= 1 }
        while last + 1 < claims.count, last - part < Self.window, readings.statement[last + 1] == readings.statement[part] { last += 1 }
        let series = (first...last).filter {
            claims[$0].kind == .quantity && claims[$0].unit == claims[part].unit && hasOwnShare($0, text: text)
        }
        let sum = series.reduce(Decimal(0)) { $0 + claims[$1].value }
        var candidates: [Int] = []
        var candidate = part - 1
        while candidate >= 0, part - candidate <= Self.window, claims[candidate].section == claims[part].section {
            let whole = claims[candidate]
            if whole.kind == .quantity, whole.unit == claims[part].unit, whole.upper == nil, readings.readings[candidate].isLevel,
               totalOf[candidate] == nil, !hasOwnShare(candidate, text: text), !IndicatorName.isAverage(readings.readings[candidate].name) {
                candidates.append(candidate)
            }
            candidate -= 1
        }
        return candidates.first { whole in series.contains { Self.shareHolds(part: claims[$0], whole: claims[whole], share: claims[$0 + 1]) } }
            ?? candidates.first { claims[$0].value >= sum }
    }

    /// Whether `part` over `whole` is `share` percent, within the printed precision of the three.
    static func shareHolds(part: Claim, whole: Claim, share: Claim) -> Bool {
        let (p, w, s) = (PrintedSum.half(part), PrintedSum.half(whole), PrintedSum.half(share))
        guard whole.value - w > 0 else { return false }
        let low = (part.value - p) / (whole.value + w) * 100
        let high = (part.value + p) / (whole.value - w) * 100
        return low <= share.value + s && share.value - s <= high
    }

    /// Whether a count is followed at once by its own share (`158件，占77.83%`).
    private func hasOwnShare(_ index: Int, text: [Unicode.Scalar]) -> Bool {
        guard index + 1 < readings.claims.count, readings.claims[index + 1].kind == .percent else { return false }
        let end = readings.claims[index].end
        let between = text[end..<max(end, readings.claims[index + 1].start)].filter { $0 != " " && $0 != "," }
        return between.elementsEqual(["占"]) || between.elementsEqual(["占", "比"])
    }

    /// The text without its bracketed notes: `总人口的比重(常住人口城镇化率)为` → `总人口的比重为`.
    static func withoutBrackets(_ text: String) -> String {
        var kept = String.UnicodeScalarView()
        var depth = 0
        for scalar in text.unicodeScalars {
            if scalar == "(" { depth += 1 } else if scalar == ")" { depth = max(0, depth - 1) } else if depth == 0 { kept.append(scalar) }
        }
        return String(kept)
    }

    /// `第一产业增加值占地区生产总值的比重为5.0%，第二产业增加值比重为36.0%`: a share named by its part alone,
    /// after a share in the same statement, is of the same whole; the part is the nearest earlier level of
    /// that name and of the whole's unit.
    private func sameWhole(_ index: Int, as previous: Rate?) -> Rate? {
        let claims = readings.claims
        guard let previous, let whole = previous.denominator, let predicate = claims[index].predicate,
              ["比重", "占比"].contains(predicate) else { return nil }
        var name = readings.readings[index].name
        for tail in ["比重为", "比重", "占比为", "占比"] where name.hasSuffix(tail) {
            name.removeLast(tail.count)
            break
        }
        let isLevel = { (i: Int) in
            claims[i].kind == .quantity && claims[i].unit == claims[whole].unit && claims[i].upper == nil && self.readings.readings[i].isLevel
        }
        let part: Int
        if name.count >= 2 {
            let core = IndicatorName.core(name).core
            guard let named = (max(0, index - Self.window)..<index).reversed().first(where: {
                isLevel($0) && IndicatorName.core(readings.readings[$0].name).core == core
            }) else { return nil }
            part = named
        } else {
            // `乌恰县地区生产总值62.70亿元，…占全州GDP的比重为23.0%；阿图什市地区生产总值108.61亿元，增长5.1%，占比39.9%`: a
            // share naming nothing in a list after one that names its whole is the next item's, of the same whole.
            guard readings.statement[previous.rate] == readings.statement[index],
                  let listed = ((previous.rate + 1)..<index).last(where: isLevel) else { return nil }
            part = listed
        }
        return Rate(kind: .share, rate: index, numerator: part, denominator: whole, span: Span(start: claims[min(part, whole)].start, end: claims[index].end))
    }

    /// `累计完成24627万元，完成年初预算数60999万元的40.4%`: `完成` opening the percent's clause, the whole inside it
    /// and `的` before the percent, where `占` would stand.
    private func completion(_ index: Int, earlier: ArraySlice<Int>, text: [Unicode.Scalar]) -> Int? {
        let claim = readings.claims[index]
        var start = readings.readings[index].clauseStart
        while start < claim.start, text[start] == " " { start += 1 }
        guard start + 2 < claim.start, text[start] == "完", text[start + 1] == "成", text[claim.start - 1] == "的",
              earlier.contains(where: { readings.claims[$0].start > start && readings.claims[$0].kind == .quantity }) else { return nil }
        return start
    }

    /// `批准的…预算收入为53.03亿元，实际完成53.68亿元，为年初预算的101.2%`: the level right before the percent over the
    /// budget or plan it completes, the level of its unit right before it in the statement, or else a budget stated
    /// earlier in the paragraph (`plan(before:completedBy:)`). A level of the same name in another paragraph is not
    /// looked for: it is often another scope's (全市 for 市本级) or last year's.
    private func planCompleted(_ index: Int) -> Rate? {
        let claims = readings.claims
        let done = index - 1
        guard readings.readings[index].namesPlan, done >= 0, isPlainLevel(done) else { return nil }
        let before = index - 2
        let sameStatement = before >= 0 && isPlainLevel(before) && claims[before].unit == claims[done].unit
            && readings.statement[before] == readings.statement[index]
        guard let plan = sameStatement ? before : plan(before: done, completedBy: index) else { return nil }
        return Rate(kind: .rate, rate: index, numerator: done, denominator: plan, span: Span(start: claims[plan].start, end: claims[index].end))
    }

    private func isPlainLevel(_ index: Int) -> Bool {
        readings.claims[index].kind == .quantity && readings.claims[index].upper == nil && readings.readings[index].isLevel
    }

    /// `收入预算为241.1亿元，支出预算为214.8亿元。2019年实际完成收入238.9亿元，为年初预算的99.1%`: the nearest earlier level
    /// of the paragraph (within `window` claims) named a budget (`…收入预算`, `调整后的支出预算`), of the completed level's unit and, when the
    /// completed level names one, of its side (收入 or 支出), with no other level of that side in between (a part's own
    /// completion, `其中：税收收入完成100.2亿元，为预算的100.1%`, is of a budget left unsaid). `为调整预算的r%` takes an
    /// adjusted budget, `为年初预算的r%` one that is not.
    private func plan(before done: Int, completedBy percent: Int) -> Int? {
        let claims = readings.claims
        let source = readings.source
        let line = source.line(at: claims[percent].start)
        let side = IndicatorName.side(of: readings.readings[done].name)
        let percentName = readings.readings[percent].name
        let adjusted: Bool? = percentName.contains("调整") ? true : percentName.contains("年初") ? false : nil
        var candidate = done - 1
        while candidate >= 0, done - candidate <= Self.window, source.line(at: claims[candidate].start) == line {
            defer { candidate -= 1 }
            let name = readings.readings[candidate].name
            guard isPlainLevel(candidate), claims[candidate].unit == claims[done].unit else { continue }
            let own = IndicatorName.side(of: name)
            let sameSide = side == nil || own == nil || own == side
            guard name.hasSuffix("预算") || name.hasSuffix("预算数") else {
                // Another completed level of the side in between (`实际完成收入140.9亿元…其中：税收收入完成100.2亿元`):
                // the budget is the one before it, not this one's.
                if sameSide { return nil }
                continue
            }
            guard sameSide, own != nil || side == nil, adjusted == nil || name.contains("调整") == adjusted else { continue }
            return candidate
        }
        return nil
    }

    /// A percent in brackets right after a count, or `占比`/`比重` with no name of its own
    /// (`二产增加值5453.63亿元，比重36.0%`, `258件(38.8%)`): where `占` would stand.
    private func ownShare(_ index: Int, text: [Unicode.Scalar]) -> Int? {
        let claim = readings.claims[index]
        guard index > 0, readings.claims[index - 1].kind == .quantity else { return nil }
        let gap = readings.claims[index - 1].end..<claim.start
        let between = SourceText.string(ArraySlice(text[gap].filter { $0 != " " }))
        return ["(", ",(", ",占比", "占比", ",比重", ",比重为", ",占比为", "比重为"].contains(between) ? gap.lowerBound : nil
    }

    /// `城市社区占比(29.8%)` after the parallel counts of the statement: A over their sum.
    private func parallel(_ claim: Claim, earlier: ArraySlice<Int>) -> Rate? {
        guard let predicate = claim.predicate, ["占比", "比重"].contains(predicate), let subject = claim.subject, subject.count >= 2 else { return nil }
        let claims = readings.claims
        let counts = earlier.filter(isPlainLevel)
        guard let part = counts.last(where: { claims[$0].subject.map { $0.hasSuffix(subject) || $0 == subject } ?? false }),
              let unit = claims[part].unit else { return nil }
        let siblings = counts.filter { claims[$0].unit == unit }
        guard siblings.count >= 2 else { return nil }
        return Rate(kind: .share, rate: claim.id, numerator: part, denominator: nil, denominatorParts: siblings,
                    span: Span(start: claims[siblings[0]].start, end: claim.end))
    }

    /// `化解率97.8%`: the count whose clause holds `化解` over the first other count of its unit.
    private func rateWord(_ claim: Claim, earlier: ArraySlice<Int>) -> Rate? {
        guard let predicate = claim.predicate, predicate.hasSuffix("率"), predicate.count >= 2 else { return nil }
        let claims = readings.claims
        let verb = String(predicate.dropLast())
        let counts = earlier.filter { claims[$0].kind == .quantity && claims[$0].upper == nil }
        let names = { (index: Int) in self.preceding(claims[index], length: verb.count + 2).holds(verb) }
        guard let numerator = counts.last(where: names),
              // The whole stands in the rate's own `;`-item (`完成基站建设500个…;开通站点1510个，开通率100%`).
              let denominator = counts.first(where: { $0 != numerator && claims[$0].unit == claims[numerator].unit && !names($0)
                  && !readings.source.folded[claims[$0].end..<claim.start].contains(";") }) else { return nil }
        return Rate(kind: .rate, rate: claim.id, numerator: numerator, denominator: denominator,
                    span: Span(start: claims[denominator].start, end: claim.end))
    }

    /// `15个工业行业大类中11个行业增长，增长面73.3%`: the share of the items counted that grew (`增长面`, `下降面` for those
    /// that fell) is the count said to grow (the words after it up to the clause's end hold the verb) over the count of
    /// its unit before it in the statement.
    private func growthCoverage(_ index: Int, earlier: ArraySlice<Int>) -> Rate? {
        let name = readings.readings[index].name
        guard let verb = Self.coverages.first(where: { name.hasSuffix($0.name) })?.verb else { return nil }
        let claims = readings.claims
        let text = readings.source.folded
        let counts = earlier.filter { claims[$0].kind == .quantity && claims[$0].upper == nil && readings.readings[$0].isLevel }
        let says = { (count: Int) -> Bool in
            var end = claims[count].end
            while end < claims[index].start, !Readings.endsClause(text[end]) { end += 1 }
            return WordSearch.holds(text[claims[count].end..<end], verb)
        }
        guard let numerator = counts.last(where: says),
              let denominator = counts.last(where: { $0 < numerator && claims[$0].unit == claims[numerator].unit && !says($0) }) else { return nil }
        return Rate(kind: .rate, rate: index, numerator: numerator, denominator: denominator,
                    span: Span(start: claims[denominator].start, end: claims[index].end))
    }

    /// Names of the share of items that grew or fell, and the verb that says which items.
    static let coverages = [(name: "增长面", verb: "增长"), (name: "下降面", verb: "下降")]

    private func preceding(_ claim: Claim, length: Int) -> String {
        let clause = readings.readings[claim.id].clauseStart
        return readings.source.foldedText(Span(start: max(clause, claim.start - length), end: claim.start))
    }
}
