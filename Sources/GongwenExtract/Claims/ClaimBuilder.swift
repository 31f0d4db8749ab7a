import GongwenModel
import GongwenSegment
import GongwenText

/// Turns the quantities, percents, permilles and ratios among the number mentions into claims
/// with subject, predicate, section and sentence, and links them into changes, breakdowns and
/// rates for the checker.
///
/// In `全市乡镇(街道)从200个优化到139(其中:6个乡、116个镇、17个街道)共减少乡级行政区61个,减幅达30.5%`
/// the claims 200, 139, 61 and 30.5% form one change; 139 with 6, 116 and 17 a breakdown.
struct ClaimBuilder {
    let source: SourceText
    let segmentation: Segmentation
    let clauses: Clauses

    /// Verbs that come before the counted noun: `孵化培育社区社会组织168家` counts 社区社会组织.
    static let leadingVerbs = [
        "培育", "孵化", "建成", "打造", "开展", "组建", "成立", "配备", "完成", "新增", "争取到", "投入", "选择", "形成", "保留",
        "组织", "服务", "清理", "发布", "划分", "建立", "设立", "实施", "走访", "排查", "化解", "导入", "开通", "评选", "举办",
        "出台", "制定", "印发", "召开", "培训", "招聘", "发放", "创建", "命名", "认定", "确定", "新建", "改造", "引进", "帮助",
        "解决", "受理", "办理", "办结", "接待", "吸纳", "带动", "覆盖", "惠及", "救助", "资助",
    ]

    /// How far before a number its predicate and subject are looked for.
    static let longestPrefix = 40

    init(source: SourceText, segmentation: Segmentation) {
        self.source = source
        self.segmentation = segmentation
        self.clauses = Clauses(source)
    }

    /// Claims for the mentions that are statistics and lie outside page chrome.
    func claims(from mentions: [NumberMention]) -> [Claim] {
        var claims: [Claim] = []
        var previousEnd = 0
        var previousMention: NumberMention?
        for mention in mentions where !segmentation.isBoilerplate(mention.start) {
            defer {
                previousEnd = max(previousEnd, mention.end)
                previousMention = mention
            }
            guard mention.kind.isClaim, mention.value != nil || mention.parts != nil else { continue }
            var claim = Claim(id: claims.count, mention: mention, sentence: clauses.sentence(at: mention.start))
            // The clause before the number, but not past an earlier number: `30.5%建制村由2177` reads
            // `建制村由` for 2177.
            var clauseStart = max(clauses.clauseStart(before: mention.start), min(previousEnd, mention.start), mention.start - Self.longestPrefix)
            // A number that modifies the noun keeps it: `1500人以下的村由1556个` counts 1500人以下的村.
            if clauseStart == previousEnd, clauseStart < mention.start, source.folded[clauseStart] == "的", let modifier = previousMention {
                clauseStart = modifier.start
            }
            let prefix = Array(source.folded[clauseStart..<mention.start])
            let predicate = Predicate.find(in: prefix) ?? Predicate.findBeforeNoun(in: prefix)
            claim.predicate = predicate?.word
            claim.subject = subject(prefix: prefix, predicate: predicate?.word, mention: mention)
            // `年末全省常住人口4527.98万人，比上年末增加10.58万人`: a comparison (`比…`) states the
            // change of the figure before it, and counts the same thing.
            if let own = claim.subject, own.hasPrefix("比") || own.hasPrefix("同比"),
               let previous = claims.last, previous.sentence == claim.sentence {
                claim.subject = previous.subject
            }
            claim.section = segmentation.sectionPath(at: mention.start)
            claims.append(claim)
        }
        return claims
    }

    /// The noun phrase before the number (without its predicate and a leading `由`/`从`), or after
    /// the unit when the text before is only a verb.
    private func subject(prefix: [Unicode.Scalar], predicate: String?, mention: NumberMention) -> String? {
        var text = prefix[...]
        if let predicate, let range = Self.lastRange(of: Array(predicate.unicodeScalars), in: text) {
            // `减少干部职数1162人`: the noun between the verb and the number is the subject.
            let between = text[range.upperBound...]
            let isFiller = Predicate.fillers.contains(SourceText.string(between))
            text = between.count >= 2 && !isFiller ? between : text[..<range.lowerBound]
        }
        if let close = text.lastIndex(of: ")"), !text[..<close].contains("(") {
            text = text[(close + 1)...]
        }
        if let last = text.last, last == "由" || last == "从" { text = text.dropLast() }
        while let word = Self.leadingFillers.first(where: { text.starts(with: $0) }) {
            text = text.dropFirst(word.count)
        }
        while let last = text.last, last == "的" || last == " " || last == "(" { text = text.dropLast() }
        while let last = text.last, isASCIIDigit(last) || last == "." || last == "%" || last == "," { text = text.dropLast() }
        // A count whose clause opens with a verb names its noun after the unit:
        // `培育150余名专业社会工作者`, `服务城乡社区82个` keeps `服务城乡社区`.
        let verbOnly = text.count <= 1 || Self.leadingVerbScalars.contains { text.count <= $0.count + 1 && text.suffix($0.count).elementsEqual($0) }
        if verbOnly, mention.kind == .quantity, let noun = nounAfter(mention) { return noun }
        if text.isEmpty { return nil }
        return SourceText.string(text.suffix(24))
    }

    /// `其中`: what opens the parts of a total.
    private static let among: [Unicode.Scalar] = Array("其中".unicodeScalars)
    private static let leadingFillers: [[Unicode.Scalar]] = ["其中", "共", "全年", "累计", " "].map { Array($0.unicodeScalars) }
    private static let leadingVerbScalars: [[Unicode.Scalar]] = leadingVerbs.map { Array($0.unicodeScalars) }

    /// The last occurrence of `word` in `text`.
    static func lastRange(of word: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>) -> Range<Int>? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        var start = text.endIndex - word.count
        while start >= text.startIndex {
            if text[start..<(start + word.count)].elementsEqual(word) { return start..<(start + word.count) }
            start -= 1
        }
        return nil
    }

    /// The words after a count's unit up to the clause end or the next digit: `专业社会工作者`.
    private func nounAfter(_ mention: NumberMention) -> String? {
        let s = source.folded
        let limit = min(clauses.clauseEnd(after: mention.end), mention.end + 12)
        var start = mention.end
        while start < limit, s[start] == "的" || s[start] == " " { start += 1 }
        var end = start
        var depth = 0
        while end < limit, isCJK(s[end]) || s[end] == "(" || s[end] == ")" && depth > 0 {
            if s[end] == "(" { depth += 1 } else if s[end] == ")" { depth -= 1 }
            end += 1
        }
        guard end - start >= 2 else { return nil }
        return source.text(Span(start: start, end: end))
    }

    /// The subject of a change's later values is the subject of its first: in
    /// `乡镇平均面积由61.37平方千米增加到84.75平方千米` both values measure 乡镇平均面积.
    func inheritSubjects(_ claims: inout [Claim], changes: [Change]) {
        for change in changes {
            guard let from = change.from, let subject = claims[from].subject else { continue }
            for id in [change.to, change.delta, change.rate].compactMap({ $0 }) {
                claims[id].subject = subject
            }
        }
    }

    /// Changes, breakdowns and rates among `claims`.
    func links(_ claims: [Claim]) -> (changes: [Change], breakdowns: [Breakdown], rates: [Rate]) {
        var bySentence: [Int: [Claim]] = [:]
        var order: [Int] = []
        for claim in claims {
            guard let index = clauses.sentenceIndex(at: claim.start) else { continue }
            if bySentence[index] == nil { order.append(index) }
            bySentence[index, default: []].append(claim)
        }
        var changes: [Change] = []
        var breakdowns: [Breakdown] = []
        var rates: [Rate] = []
        var previous: [Claim] = []
        for index in order {
            let sentence = bySentence[index] ?? []
            changes += changeLinks(sentence)
            breakdowns += breakdownLinks(sentence, previous: previous)
            rates += rateLinks(sentence)
            previous = sentence
        }
        return (changes, breakdowns, rates)
    }

    /// `由A…到B`, then `减少C` and `减幅r%` in the same sentence; a new `由`/`从` starts a new change.
    private func changeLinks(_ sentence: [Claim]) -> [Change] {
        var changes: [Change] = []
        var current: Change?
        func close() {
            if let change = current, change.to != nil, [change.from, change.delta, change.rate].contains(where: { $0 != nil }) {
                changes.append(change)
            }
            current = nil
        }
        for claim in sentence {
            if isChangeStart(claim) {
                close()
                current = Change(from: claim.id, to: nil, delta: nil, rate: nil, direction: nil, span: claim.span)
                continue
            }
            guard var change = current else { continue }
            let role = claim.predicate.flatMap { word in Predicate.find(in: Array(word.unicodeScalars))?.role }
            if change.to == nil, role == .changeTarget, claim.kind != .percent {
                change.to = claim.id
                change.direction = claim.predicate.flatMap(Predicate.direction(of:))
            } else if change.to != nil, change.delta == nil, role == .change, claim.kind == .quantity {
                change.delta = claim.id
                if change.direction == nil { change.direction = claim.predicate.flatMap(Predicate.direction(of:)) }
            } else if change.to != nil, change.rate == nil, claim.kind == .percent, role == .rate || role == .change,
                      !Predicate.shares.contains(claim.predicate ?? ""), isRate(claim, of: change, sentence) {
                change.rate = claim.id
            } else {
                continue
            }
            change.end = claim.end
            current = change
        }
        close()
        return changes
    }

    /// Whether a percent is the rate of `change`: the change starts from a non-zero value, and the
    /// percent names no subject of its own (`减幅达39.54%`) or the change's subject, and is not an
    /// average over years (`年均增长20.26%`). `村平均人口增幅达65.85%` after `5000人以上的村从0个增加到5个`
    /// is a rate of something else.
    private func isRate(_ claim: Claim, of change: Change, _ sentence: [Claim]) -> Bool {
        let prefix = source.foldedText(Span(start: clauses.clauseStart(before: claim.start), end: claim.start))
        guard !["年均", "平均", "每年"].contains(where: prefix.contains) else { return false }
        let from = change.from.flatMap { id in sentence.first { $0.id == id } }
        if let from, from.value == 0 { return false }
        guard let own = claim.subject, let subject = from?.subject else { return true }
        return own == subject || own.contains(subject) || subject.contains(own)
    }

    private func isChangeStart(_ claim: Claim) -> Bool {
        let start = claim.start
        guard start > 0 else { return false }
        let before = source.folded[start - 1]
        return (before == "由" || before == "从") && claim.kind == .quantity
    }

    /// A total followed by `其中` and two or more parts of the same unit; or `其中` opening a sentence
    /// whose parts add up a total of the previous sentence. Amounts of a change (`比上年增加102个`) and
    /// comparison bases (`比一九五二年的二百七十亿元`) are neither totals nor parts; the parts end where a
    /// clause opens a statement of its own (`培育江西省绿色技术创新企业2家`, `各项贷款余额达678599万元`); and
    /// parts that restate the measures of the claims before `其中` for a subset (`其中规模以上工业企业完成工业
    /// 总产值…完成工业增加值…`) are no breakdown.
    /// How many claims on each side of a `其中` a breakdown considers.
    static let linkWindow = 64
    /// How far after `其中` the `)` that closes its parts is looked for.
    static let partsReach = 2_000
    /// How far before a number its clause is searched for a comparison word (`比上年`).
    static let comparisonReach = 100

    private func breakdownLinks(_ sentence: [Claim], previous: [Claim]) -> [Breakdown] {
        guard let first = sentence.first else { return [] }
        let sentenceSpan = first.sentence
        let text = source.folded
        var results: [Breakdown] = []
        var searchFrom = sentenceSpan.start
        while searchFrom < sentenceSpan.end, let range = Self.firstRange(of: Self.among, in: text[searchFrom..<sentenceSpan.end]) {
            let marker = range.lowerBound
            searchFrom = range.upperBound
            // Bounded work: the parts are among the `linkWindow` claims after the marker, the total
            // among those before it, and `)` is looked for in the next `partsReach` characters.
            let closing = (marker..<min(sentenceSpan.end, marker + Self.partsReach)).first { text[$0] == ")" } ?? sentenceSpan.end
            let firstAfter = sentence.partitioningIndex { $0.start > marker }
            let parts = sentence[firstAfter..<min(sentence.count, firstAfter + Self.linkWindow)]
                .filter { $0.end <= closing && $0.kind == .quantity && !isComparison($0) }
            guard parts.count >= 2, let unit = parts[0].unit else { continue }
            var sameUnit = [parts[0]]
            for part in parts.dropFirst() {
                guard part.unit == unit, part.upper == nil, !opensStatement(part) else { break }
                sameUnit.append(part)
            }
            guard sameUnit.count >= 2, parts[0].upper == nil else { continue }
            let before = sentence[max(0, firstAfter - Self.linkWindow)..<firstAfter].filter { $0.end <= marker }
            let candidates = before + (before.isEmpty ? previous : [])
            // The total counts in the parts' unit, or leaves it unsaid right before `其中`: `优化到13.9(其中:6个乡…)`.
            let isTotal = { (claim: Claim) in claim.kind == .quantity && claim.upper == nil && !self.isComparison(claim, asTotal: true) }
            let unsaid = before.last.flatMap { $0.unit == nil && isTotal($0) ? $0 : nil }
            guard let total = unsaid ?? candidates.last(where: { $0.unit == unit && isTotal($0) }),
                  !sameUnit.contains(where: { part in candidates.contains { sameMeasure($0, part) } }) else { continue }
            results.append(Breakdown(total: total.id, parts: sameUnit.map(\.id), span: Span(start: total.start, end: sameUnit.last!.end)))
        }
        return results
    }

    /// Words of a clause that make its number a comparison: the amount of a change over a base, or the base.
    static let comparisons = ["比上年", "比年初", "比去年", "较上年", "较年初", "同比", "环比"]

    /// Whether `claim` is a value of a change (`比上年增加102个`, `由上年的46亿元增加到92亿元`) or a
    /// comparison base (`比一九五二年的二百七十亿一千万元`) rather than a count of its own. The value a
    /// change arrives at (`优化到139`) is a count of its own when `asTotal`: `139(其中:6个乡…)`.
    private func isComparison(_ claim: Claim, asTotal: Bool = false) -> Bool {
        if let predicate = claim.predicate, let role = Predicate.find(in: Array(predicate.unicodeScalars))?.role,
           role == .change || role == .changeTarget && !asTotal { return true }
        // Bounded work: at most `comparisonReach` characters of the clause before the number are read.
        let clauseStart = max(clauses.clauseStart(before: claim.start), claim.start - Self.comparisonReach)
        let prefix = source.foldedText(Span(start: clauseStart, end: claim.start))
        return Self.comparisons.contains(where: prefix.contains) || prefix.contains("比") && prefix.hasSuffix("的")
            || isChangeStart(claim)
    }

    /// Whether a claim after `其中` opens a statement of its own instead of continuing the parts: its
    /// clause starts with a verb (`培育…2家`) or states a new total (`各项贷款余额达…`, `共…`).
    private func opensStatement(_ claim: Claim) -> Bool {
        if let predicate = claim.predicate, ["达", "达到", "共", "共计", "合计", "总计", "累计"].contains(predicate) { return true }
        guard let subject = claim.subject else { return false }
        return Self.leadingVerbs.contains { subject.hasPrefix($0) } || subject.contains("各项") || subject.hasPrefix("全")
    }

    /// Whether two claims measure the same thing (for different populations): their subjects end in the
    /// same three characters, `全县完成工业增加值` and `规模以上工业企业完成工业增加值`.
    private func sameMeasure(_ a: Claim, _ b: Claim) -> Bool {
        guard a.id != b.id, let x = a.subject, let y = b.subject, x.unicodeScalars.count >= 3, y.unicodeScalars.count >= 3 else { return false }
        return x.unicodeScalars.suffix(3).elementsEqual(y.unicodeScalars.suffix(3))
    }

    /// `化解率97.8%` with the count it names (`化解52.04万件`) over the first other count of the
    /// same unit (`排查53.21万件`); `A占比r%` with the count of A over the sum of the parallel counts.
    private func rateLinks(_ sentence: [Claim]) -> [Rate] {
        var rates: [Rate] = []
        for (position, claim) in sentence.enumerated() where claim.kind == .percent {
            guard let predicate = claim.predicate else { continue }
            let earlier = sentence[..<position].filter { $0.kind == .quantity && $0.upper == nil }
            if predicate.hasSuffix("率"), predicate.count >= 2 {
                let verb = String(predicate.dropLast())
                guard let numerator = earlier.last(where: { precedingText(of: $0, length: verb.count + 2).contains(verb) }),
                      let denominator = earlier.first(where: { $0.id != numerator.id && $0.unit == numerator.unit && !precedingText(of: $0, length: verb.count + 2).contains(verb) })
                else { continue }
                rates.append(Rate(kind: "rate", rate: claim.id, numerator: numerator.id, denominator: denominator.id, span: Span(start: denominator.start, end: claim.end)))
            } else if ["占比", "比重", "占"].contains(predicate), let subject = claim.subject, subject.count >= 2 {
                guard let part = earlier.last(where: { $0.subject.map { $0.hasSuffix(subject) || $0 == subject } ?? false }),
                      let unit = part.unit else { continue }
                let siblings = earlier.filter { $0.unit == unit && $0.sentence == part.sentence }
                guard siblings.count >= 2 else { continue }
                rates.append(Rate(kind: "share", rate: claim.id, numerator: part.id, denominator: nil, denominatorParts: siblings.map(\.id), span: Span(start: siblings[0].start, end: claim.end)))
            }
        }
        return rates
    }

    private func precedingText(of claim: Claim, length: Int) -> String {
        let start = max(clauses.clauseStart(before: claim.start), claim.start - length)
        return source.foldedText(Span(start: start, end: claim.start))
    }

    /// The first occurrence of `word` in `text[from..<to]`.
    static func firstRange(of word: [Unicode.Scalar], in text: ArraySlice<Unicode.Scalar>) -> Range<Int>? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        for start in text.startIndex...(text.endIndex - word.count) where text[start..<(start + word.count)].elementsEqual(word) {
            return start..<(start + word.count)
        }
        return nil
    }
}
