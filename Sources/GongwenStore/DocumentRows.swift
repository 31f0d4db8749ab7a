import Foundation
import GongwenModel
import GongwenSegment
import GongwenText

/// Everything one document puts in the database, as records without row ids yet. Built from a
/// `Document` alone — parsed just now by `ingest`, or read back from its JSON line by `load` — by
/// the workers (the text slicing happens there), written by `Store.write` in one transaction,
/// which assigns the ids and turns claim indexes into claim row ids.
///
/// For `corpus/004_8b0ea43be8e85885.txt` (江苏省民政厅, 2022-06-24): one document row, its section
/// tree in document order (`一、` … `四、/一是` …), one paragraph row per non-chrome line.
public struct DocumentRows: Sendable, Equatable {
    public var document: DocumentRecord
    public var sections: [SectionRow]
    public var paragraphs: [ParagraphRecord]
    /// What the bigram index holds for each paragraph (`Bigrams.indexed` of its text), made here by
    /// the workers so that the writer only hands it to SQLite.
    public var paragraphGrams: [String]
    /// `Bigrams.repeats` of each paragraph's text (mostly empty), for `paragraphs_repeats`.
    public var paragraphRepeats: [String]
    /// Each claim with an empty `sentence` when a paragraph holds its sentence (read back from
    /// that paragraph's text by span), with a copy otherwise.
    public var claims: [ClaimRecord]
    /// Links by claim index (`Claim.id`), resolved to claim row ids when written.
    public var changes: [Change]
    public var breakdowns: [Breakdown]
    public var rates: [Rate]
    public var lists: [ListRows]
    public var findings: [FindingRows]

    /// A section with the position of its parent in `sections` (`nil` at the top level).
    public struct SectionRow: Sendable, Equatable {
        public var record: SectionRecord
        public var parent: Int?
    }

    /// A list with its items.
    public struct ListRows: Sendable, Equatable {
        public var record: ListRecord
        public var items: [ListItemRecord]
        /// `Bigrams.indexed` of each item's text.
        public var itemGrams: [String]
    }

    /// A finding with the indexes of the claims it concerns (overlapping its span or evidence).
    public struct FindingRows: Sendable, Equatable {
        public var record: FindingRecord
        public var claimIndexes: [Int]
    }

    public init(_ doc: Document, ingestedAt: Date = Date()) {
        let scalars = Array(doc.text.unicodeScalars)
        func text(_ span: Span) -> String { SourceText.text(span, in: scalars) }
        document = DocumentRecord(
            id: nil, sha256: doc.sha256, source: doc.source, encoding: doc.encoding, format: doc.format.rawValue,
            bytes: doc.bytes, characters: doc.characters, title: doc.title, docType: doc.docType, issuer: doc.issuer,
            recipient: doc.recipient, date: doc.date, year: doc.date.flatMap { Int($0.prefix(4)) },
            docNumbers: Self.json(doc.docNumbers), warnings: Self.json(doc.warnings), fields: Self.json(doc.fields),
            boilerplate: Self.json(doc.boilerplate), ingestedAt: ingestedAt.formatted(.iso8601), runId: nil)
        sections = Self.flatten(doc.sections)
        paragraphs = doc.paragraphs.filter { $0.role != .boilerplate }.enumerated().map { position, paragraph in
            ParagraphRecord(
                id: nil, documentId: 0, position: position, role: paragraph.role.rawValue, section: paragraph.section,
                line: paragraph.line, start: paragraph.start, end: paragraph.end, text: text(paragraph.span))
        }
        let texts = paragraphs.map { Bigrams.indexedAndRepeats($0.text) }
        paragraphGrams = texts.map(\.indexed)
        paragraphRepeats = texts.map(\.repeats)
        let holders = SentenceHolders(paragraphs)
        claims = doc.claims.map { claim in
            ClaimRecord(
                id: nil, documentId: 0, claimIndex: claim.id, text: claim.text, value: claim.value.description,
                valueReal: NSDecimalNumber(decimal: claim.value).doubleValue, upper: claim.upper?.description,
                unit: claim.unit, unitCategory: claim.unitCategory, kind: claim.kind.rawValue, subject: claim.subject,
                predicate: claim.predicate, qualifier: claim.qualifier?.rawValue, qualifierText: claim.qualifierText,
                resolution: claim.resolution?.description, parts: claim.parts.map { Self.json($0.map(\.description)) },
                section: claim.section,
                start: claim.start, end: claim.end, sentenceStart: claim.sentenceStart,
                sentenceEnd: claim.sentenceEnd, sentence: holders.holds(claim.sentence) ? "" : text(claim.sentence))
        }
        changes = doc.changes
        breakdowns = doc.breakdowns
        rates = doc.rates
        lists = doc.lists.enumerated().map { position, list in
            let items = list.items.enumerated().map { index, item in
                ListItemRecord(
                    id: nil, listId: 0, documentId: 0, position: index, marker: item.marker, text: item.text,
                    section: Self.path(of: item, in: list), start: item.start, end: item.end)
            }
            return ListRows(
                record: ListRecord(
                    id: nil, documentId: 0, position: position, statedCount: list.statedCount, label: list.label,
                    style: list.style.rawValue, section: list.section, start: list.start, end: list.end),
                items: items, itemGrams: items.map { Bigrams.indexed($0.text) })
        }
        findings = doc.findings.map { finding in
            let spans = [finding.span] + finding.evidence
            let concerned = doc.claims.filter { claim in spans.contains { $0.overlaps(claim.span) } }
            return FindingRows(
                record: FindingRecord(
                    id: nil, documentId: 0, rule: finding.rule, severity: finding.severity.rawValue,
                    message: finding.message, messageEn: finding.messageEn, start: finding.start, end: finding.end,
                    line: finding.line, column: finding.column, stated: finding.stated?.description,
                    expected: finding.expected?.description, evidence: Self.json(finding.evidence)),
                claimIndexes: concerned.map(\.id))
        }
    }

    /// The section tree depth first, each section with its path of markers and its parent's position.
    private static func flatten(_ tree: [Section]) -> [SectionRow] {
        var rows: [SectionRow] = []
        func visit(_ section: Section, parent: Int?, path: String?) {
            let here = path.map { $0 + "/" + section.pathComponent } ?? section.pathComponent
            let position = rows.count
            rows.append(SectionRow(
                record: SectionRecord(
                    id: nil, documentId: 0, parentId: nil, position: position, marker: section.marker,
                    kind: section.kind.rawValue, number: section.number, level: section.level, title: section.title,
                    start: section.start, end: section.end, titleStart: section.titleStart, titleEnd: section.titleEnd,
                    line: section.line, path: here),
                parent: parent))
            for child in section.children { visit(child, parent: position, path: here) }
        }
        for section in tree { visit(section, parent: nil, path: nil) }
        return rows
    }

    private static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: (try? GongwenJSON.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}

extension Span {
    /// Whether the two spans share a code point; an empty span overlaps a span that holds its start.
    func overlaps(_ other: Span) -> Bool {
        if isEmpty { return other.contains(start) }
        if other.isEmpty { return contains(other.start) }
        return start < other.end && other.start < end
    }
}

extension DocumentRows {
    /// The section path of a list item: an item with its own marker (`一是`, `1、`) is a section of
    /// its own below the list's (`四、/一是`); an item of a 、-list sits in the list's section.
    static func path(of item: ListItem, in list: EnumeratedList) -> String? {
        guard let marker = item.marker else { return list.section }
        return list.section.map { $0 + "/" + marker } ?? marker
    }
}

/// Whether a paragraph holds a sentence, found as readers find it (`ClaimQuery.sentence`): the
/// paragraph with the greatest start at or before the sentence's start, the only one with that
/// start, ending at or after the sentence's end.
///
/// Paragraphs `[0, 40)` and `[41, 90)` hold the sentence `[45, 60)`, not `[30, 50)`.
struct SentenceHolders {
    private let starts: [Int]
    private let ends: [Int]

    init(_ paragraphs: [ParagraphRecord]) {
        let sorted = paragraphs.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        starts = sorted.map(\.start)
        ends = sorted.map(\.end)
    }

    func holds(_ sentence: Span) -> Bool {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= sentence.start { low = middle + 1 } else { high = middle }
        }
        let index = low - 1
        guard index >= 0, ends[index] >= sentence.end else { return false }
        return index == 0 || starts[index - 1] != starts[index]
    }
}
