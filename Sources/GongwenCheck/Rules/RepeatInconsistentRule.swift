import Foundation
import GongwenModel
import GongwenSegment
import GongwenText

/// `repeat.inconsistent`: the same quantity stated twice in one document with values that cannot both be true.
///
/// Two claims state the same thing when they read the same but for the number: the same words from
/// the start of the sentence to the number (the subject and predicate, at least three characters of
/// subject: a clause alone is not enough, `在校学生5.19万人` follows a different school type in each
/// clause of a bulletin) and after it to the end of the clause (`市级财政投入450万元实施“头雁”工程` and
/// `市级财政投入715万元,引导支持…` fund different things), the same unit and kind; they must also sit in
/// the same top-level section (a work report's review and its plan for next year restate subjects
/// with new numbers) and in sections one within the other (sibling sections speak of different scopes:
/// 全市 and 市级), in different sentences (one sentence lists parallel categories), never in a table
/// row (a row label repeats under every table; `BrokenLines.isTableRow`). Their
/// values differ when their intervals do not meet (`1.84万人` and `1.8万人` agree). Conservative by
/// design: approximate values, ranges, values of a change (whose from and to share a subject), and
/// sentences that name a year, a date, a plan (`计划`, `力争`, `将`) or a relative frame (`比上年`,
/// `同比`, `年末`) are left out.
///
/// Real example that holds (巴中市民政局, 2020): `高中及以上文化程度的干部占到了65.1%` appears twice with the
/// same value and raises nothing; had the second said `占到了56.1%` it would report
/// `“高中及以上文化程度的干部”在第23行为65.1%,此处为56.1%,前后不一致`.
public struct RepeatInconsistentRule: Rule {
    public let id = "repeat.inconsistent"
    public let severity = Severity.info
    public let title = "The same quantity stated twice with different values"
    public let rationale = """
        Reports and replies often restate a figure (in a summary and again in a section). When the two \
        statements of the same subject, predicate and unit disagree beyond their printed precision, one of \
        them is wrong, or they speak of different things in the same words, which misleads as much. The rule \
        is conservative: the two sentences must read the same up to the number and sit in the same top-level \
        section; values of a change, approximate values, and sentences that name a year, a date, a plan or a \
        relative frame (`比上年`, `同比`, `年末`) are left out. The finding is `info`: measured on documents \
        the rule was not written on, two statements that read alike were most often different scopes (the \
        same row label under two tables, 工资性收入 of urban and of rural residents), which no reading of the \
        words alone tells apart.
        """
    public let example = "`高中及以上文化程度的干部占到了65.1%` … `高中及以上文化程度的干部占到了56.1%` → “高中及以上文化程度的干部”在第23行为65.1%,此处为56.1%,前后不一致"

    public init() {}

    /// Words of a subject or sentence that tie a value to a time or a comparison.
    static let frames = ["比上年", "同比", "环比", "比年初", "年末", "年初", "上年", "去年", "今年", "当年", "明年", "月末", "期末",
                         "计划", "力争", "预计", "目标", "争取", "确保", "将", "拟", "要"]

    private static let frameWords = WordList(frames)

    /// Whether one of the sorted offsets lies in `span`.
    private static func holdsOne(of offsets: [Int], _ span: Span) -> Bool {
        var low = 0
        var high = offsets.count
        while low < high {
            let mid = (low + high) / 2
            if offsets[mid] < span.start { low = mid + 1 } else { high = mid }
        }
        return low < offsets.count && offsets[low] < span.end
    }

    struct Key: Hashable {
        /// The words from the start of the sentence to the number, white space aside: subject and
        /// predicate.
        var before: ScalarKey
        /// The words after the number up to the end of its clause: what the number is for.
        var after: ScalarKey
        /// The top-level section: `一、`.
        var part: String?
        var unit: String?
        var kind: NumberKind
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let document = context.document
        var inChange = Set<Int>()
        for change in document.changes {
            inChange.formUnion([change.from, change.to, change.delta, change.rate].compactMap { $0 })
        }
        // By index, fields read in place: `filter` copied every number (its strings retained and released).
        let numbers = document.numbers
        let timed = numbers.indices.filter { numbers[$0].kind == .year || numbers[$0].kind == .date }.map { numbers[$0].start }.sorted()
        let folded = context.source.folded
        // The end of the last sentence looked up, and where that search began: the claims of one sentence share it.
        var lastEnd = (from: 0, end: -1)
        var skipped: [Int: Bool] = [:]
        var tableRows: [Int: Bool] = [:]
        // The first claim of each key, by its index in the document's claims.
        var first: [Key: Int] = [:]
        first.reserveCapacity(document.claims.count)
        var findings: [Finding] = []
        // By index, fields read in place: a claim is copied only when an earlier one has its key.
        let claims = document.claims
        for index in claims.indices
        where claims[index].kind.isClaim && !inChange.contains(claims[index].id) && !claims[index].isApproximate && claims[index].upper == nil {
            guard let subject = claims[index].subject, subject.scalarCount >= 3,
                  !subject.unicodeScalars.contains(where: isASCIIDigit) else { continue }
            // Bounded work: words before the number longer than this are no subject that repeats.
            let start = context.source.runStart(before: claims[index].start, limit: Self.longestLead + 1, stop: Self.endsSentence)
            guard claims[index].start - start <= Self.longestLead else { continue }
            if !(lastEnd.from <= claims[index].end && claims[index].end <= lastEnd.end) {
                var end = claims[index].end
                while end < folded.count, !Self.endsSentence(folded[end]) { end += 1 }
                lastEnd = (claims[index].end, end)
            }
            let span = Span(start: start, end: lastEnd.end)
            let skip = skipped[span.start] ?? {
                let skip = WordSearch.holdsAny(folded[span.start..<span.end], Self.frameWords) || Self.holdsOne(of: timed, span)
                skipped[span.start] = skip
                return skip
            }()
            guard !skip else { continue }
            // A table's cell names a row of that table (`市本级   4,379,297` under each city's table), and a number
            // with no words before it in its sentence (a row's code, `2010150   事业运行`) states nothing that repeats.
            let line = context.source.line(at: claims[index].start)
            let tabled = tableRows[line] ?? BrokenLines.isTableRow(context.source.lineSpan(line), context.source)
            tableRows[line] = tabled
            guard !tabled, folded[span.start..<claims[index].start].lazy.filter({ !ScalarClass.isWhitespace($0) }).count >= 3 else { continue }
            // The path's first marker, up to its first `/` found among its bytes (read as characters, the path's
            // grapheme clusters were walked and compared one by one).
            let part = claims[index].section.map { path in path.utf8.firstIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? path }
            let before = ScalarKey(folded[span.start..<claims[index].start], ignoring: .whitespace)
            let key = Key(before: before, after: words(after: claims[index].end, context), part: part, unit: claims[index].unit, kind: claims[index].kind)
            guard let earlierIndex = first[key] else {
                first[key] = index
                continue
            }
            let claim = claims[index]
            let earlier = claims[earlierIndex]
            if !span.contains(earlier.start), !Interval(claim: earlier).meets(Interval(claim: claim)),
               Self.nested(context.segmentation.sectionChain(at: earlier.start).last, context.segmentation.sectionChain(at: claim.start).last) {
                let message = Message.repeatedDiffers(subject: subject, first: earlier.text, firstLine: context.source.line(at: earlier.start), second: claim.text)
                findings.append(finding(message, at: claim.span, evidence: [earlier.span], stated: claim.value, expected: earlier.value))
            }
        }
        return findings
    }

    /// Whether one section holds the other (a summary and its detail) or they are one: two sibling sections
    /// (`关于2019年全市一般公共预算收入…的说明`, `关于2019年市级一般公共预算收入…的说明`) speak of different scopes.
    static func nested(_ a: Section?, _ b: Section?) -> Bool {
        guard let a, let b else { return true }
        return a.start <= b.start && b.end <= a.end || b.start <= a.start && a.end <= b.end
    }

    /// The characters that end a sentence here, looked for from a claim (back at most `longestLead`,
    /// forward once per sentence): a `;` separates parallel statements of one subject
    /// (`实现营业收入…;实现利润总额…`), so it does not end the sentence here.
    @inline(__always)
    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "。" || scalar == "!" || scalar == "?" || scalar == "\n"
    }
    /// The longest text from the start of a sentence to its number that is compared.
    static let longestLead = 200

    /// The text after a claim (from its end, `claimEnd`) up to the end of its clause, a number or 12 characters.
    private func words(after claimEnd: Int, _ context: CheckContext) -> ScalarKey {
        let s = context.source.folded
        var end = claimEnd
        while end < min(s.count, claimEnd + 12), !Scan.isBoundary(s[end]), !isASCIIDigit(s[end]), s[end] != "\n" { end += 1 }
        return ScalarKey(s[min(claimEnd, s.count)..<min(end, s.count)])
    }
}
