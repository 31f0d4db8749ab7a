import GongwenModel
import GongwenSegment
import GongwenText

/// Turns the quantities, percents, permilles and ratios among the number mentions into claims
/// with subject, predicate, section and sentence; `Linker` links them.
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
        claims.reserveCapacity(mentions.count)
        var previousEnd = 0
        // Where the previous mention starts (a copy of the mention itself retained its strings, per number).
        var previousStart: Int?
        var sections = SectionPaths(segmentation)
        // By index, the mention's fields read in place: a mention bound by `for mention in mentions` was copied
        // (its strings retained and released) for every number.
        for index in mentions.indices where !segmentation.isBoilerplate(mentions[index].start) {
            let (start, end, kind) = (mentions[index].start, mentions[index].end, mentions[index].kind)
            defer {
                previousEnd = max(previousEnd, end)
                previousStart = start
            }
            guard kind.isClaim, mentions[index].value != nil || mentions[index].parts != nil else { continue }
            // Appended, then filled in in place: a claim built in a variable was copied into the array.
            claims.append(Claim(id: claims.count, mention: mentions[index], sentence: clauses.sentence(at: start)))
            let last = claims.count - 1
            // The clause before the number, but not past an earlier number: `30.5%建制村由2177` reads
            // `建制村由` for 2177.
            var clauseStart = max(clauses.clauseStart(before: start), min(previousEnd, start), start - Self.longestPrefix)
            // A number that modifies the noun keeps it: `1500人以下的村由1556个` counts 1500人以下的村.
            if clauseStart == previousEnd, clauseStart < start, source.folded[clauseStart] == "的", let modifier = previousStart {
                clauseStart = modifier
            }
            let prefix = source.wordScalars(clauseStart..<start)
            let predicate = Predicate.find(in: prefix) ?? Predicate.findBeforeNoun(in: prefix)
            claims[last].predicate = predicate?.word
            claims[last].subject = subject(prefix: prefix, predicate: predicate?.word, kind: kind, end: end)
            // `年末全省常住人口4527.98万人，比上年末增加10.58万人`: a comparison (`比…`) states the
            // change of the figure before it, and counts the same thing.
            if let own = claims[last].subject, own.startsWith("比") || own.startsWith("同比"),
               last > 0, claims[last - 1].sentence == claims[last].sentence {
                claims[last].subject = claims[last - 1].subject
            }
            claims[last].section = sections.path(at: start)
        }
        return claims
    }

    /// The noun phrase before the number (without its predicate and a leading `由`/`从`), or after
    /// the unit when the text before is only a verb.
    private func subject(prefix: [Unicode.Scalar], predicate: String?, kind: NumberKind, end: Int) -> String? {
        var text = prefix[...]
        if let predicate, let range = Self.lastRange(of: Array(predicate.unicodeScalars), in: text) {
            // `减少干部职数1162人`: the noun between the verb and the number is the subject.
            let between = text[range.upperBound...]
            // Compared scalar for scalar: a `Set<String>` would build and hash (normalising) a string.
            let isFiller = Predicate.fillerWords.contains { $0.elementsEqual(between) }
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
        if verbOnly, kind == .quantity, let noun = nounAfter(end) { return noun }
        if text.isEmpty { return nil }
        return SourceText.string(text.suffix(24))
    }

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

    /// The words after a count's unit (which ends at `mentionEnd`) up to the clause end or the next digit: `专业社会工作者`.
    private func nounAfter(_ mentionEnd: Int) -> String? {
        let s = source.folded
        let limit = min(clauses.clauseEnd(after: mentionEnd), mentionEnd + 12)
        var start = mentionEnd
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

    /// The subject of a change's later values is the subject of its first (or of its level): in
    /// `乡镇平均面积由61.37平方千米增加到84.75平方千米` both values measure 乡镇平均面积.
    func inheritSubjects(_ claims: inout [Claim], changes: [Change]) {
        for change in changes {
            guard let head = change.from ?? change.to, let subject = claims[head].subject else { continue }
            for id in [change.to, change.delta, change.rate].compactMap({ $0 }) where id != head {
                claims[id].subject = subject
            }
        }
    }
}

/// `Segmentation.sectionPath(at:)` for offsets read in order: the path is the same between two
/// consecutive section boundaries (a start or an end), so it is built once per stretch, not once
/// per claim.
///
/// Under `一、` with `(一)` at offset 10, the offsets 11, 12 and 40 of `(一)` get `一、/(一)` from one lookup.
struct SectionPaths {
    let segmentation: Segmentation
    /// Every section's start and end, sorted.
    let boundaries: [Int]
    /// The stretch the last path holds for, and that path.
    private var stretch = 0..<0
    private var last: String?

    init(_ segmentation: Segmentation) {
        self.segmentation = segmentation
        var boundaries: [Int] = []
        func add(_ sections: [Section]) {
            for section in sections {
                boundaries.append(section.start)
                boundaries.append(section.end)
                add(section.children)
            }
        }
        add(segmentation.sections)
        boundaries.sort()
        self.boundaries = boundaries
    }

    mutating func path(at offset: Int) -> String? {
        if stretch.contains(offset) { return last }
        let next = boundaries.partitionPoint { $0 > offset }
        let lower = next == 0 ? Int.min : boundaries[next - 1]
        let upper = next == boundaries.count ? Int.max : boundaries[next]
        last = segmentation.sectionPath(at: offset)
        stretch = lower..<upper
        return last
    }
}
