import Foundation
import GongwenCheck
import GongwenModel
import GongwenText

/// One row of a relation key (`Tests/Keys/relations/*.tsv`, one file per document, format in `Tests/Keys/README.md`): a
/// relation a person read in a document, with its operands as printed.
///
/// `corpus-dev/statcomm/statcomm_baoji_city_2025.txt	65	change	level=46553元; delta=2033元; rate=4.6%	y	…`
public struct KeyRow: Sendable, Equatable {
    public struct Operand: Sendable, Equatable {
        public var role: String
        public var text: String
        public var line: Int
        /// The k-th occurrence of `text` on its line, counting every substring occurrence (1-based).
        public var occurrence: Int
    }

    public var file: String
    public var line: Int
    public var type: String
    public var operands: [Operand]
    /// `y`, `n`, `-`, `?` or `≤`.
    public var holds: String

    /// Reads the rows of a key file; lines that are blank, comments or the header are skipped.
    public static func parse(_ text: String) -> [KeyRow] {
        text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 5, fields[0] != "file", !fields[0].hasPrefix("#"), let number = Int(fields[1]) else { return nil }
            let operands = fields[3].components(separatedBy: "; ").compactMap { item -> Operand? in
                guard let equals = item.firstIndex(of: "=") else { return nil }
                var text = String(item[item.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
                var line = number
                var occurrence = 1
                if let at = text.range(of: "@L", options: .backwards), let value = Int(text[at.upperBound...]) {
                    line = value
                    text = String(text[..<at.lowerBound])
                }
                if let hash = text.range(of: "#", options: .backwards), let value = Int(text[hash.upperBound...]) {
                    occurrence = value
                    text = String(text[..<hash.lowerBound])
                }
                return Operand(role: String(item[..<equals]), text: text, line: line, occurrence: occurrence)
            }
            return KeyRow(file: fields[0], line: number, type: fields[2], operands: operands, holds: fields[4])
        }
    }

    /// Whether the relation has something to recompute: it holds, fails or is unsure, as opposed to
    /// `-` (too few numbers, `22258元，增长9.3%`).
    public var isCheckable: Bool { holds != "-" && type != "defect" }
}

/// Figures of the checker against relation keys: how many stated relations are linked, how many
/// links are right, how many error/warning findings are real, how many real inconsistencies and
/// seeded errors are found. `gongwen evaluate Tests/Keys/relations/*.tsv --split heldout` prints them.
public struct Evaluation: Sendable {
    public struct Counts: Sendable, Equatable {
        public var keyed = 0
        public var linked = 0
        public var links = 0
        public var rightLinks = 0
        public var alarms = 0
        public var realAlarms = 0
        public var inconsistencies = 0
        public var inconsistenciesFound = 0
        public var seeded = 0
        public var seededFound = 0
    }

    /// What went wrong per document, for a person to look at (`--verbose`).
    public var notes: [String] = []
    public var counts = Counts()
    public var documents = 0

    /// Evaluates `files` (the keyed documents, also those that state no relation: their findings
    /// count too) against the key rows, reading each through `resolve`.
    public static func run(files: [String], rows: [KeyRow], resolve: (String) -> String?, seeded: Bool) -> Evaluation {
        var evaluation = Evaluation()
        let byFile = Dictionary(grouping: rows, by: \.file)
        for file in Set(files).union(byFile.keys).sorted() {
            guard let path = resolve(file), let analysis = try? Analysis.run(path: path) else {
                evaluation.notes.append("\(file): not found")
                continue
            }
            evaluation.documents += 1
            evaluation.add(file: file, rows: byFile[file] ?? [], analysis: analysis, path: path, seeded: seeded)
        }
        return evaluation
    }

    /// A relation the tool states: its type (in the keys' vocabulary) and the spans of its claims.
    struct Relation {
        var type: String
        var spans: [Span]
        var checkable: Bool
    }

    static func relations(of analysis: Analysis) -> [Relation] {
        let document = analysis.document
        let claims = document.claims
        func spans(_ ids: [Int?]) -> [Span] { ids.compactMap { $0 }.map { claims[$0].span } }
        var relations: [Relation] = []
        for change in document.changes {
            let ids = [change.from, change.to, change.delta, change.rate]
            // A rate's change in points (`城镇化率55.0%，比上年提高1.3个百分点`) is what the keys call a `pp_diff`.
            let points = change.delta.map { claims[$0].pointsOf != nil } ?? false
            relations.append(Relation(type: points ? "pp_diff" : "change", spans: spans(ids), checkable: change.from != nil || change.delta != nil))
        }
        for breakdown in document.breakdowns {
            relations.append(Relation(type: "partition", spans: spans([breakdown.total] + breakdown.parts), checkable: true))
        }
        for rate in document.rates {
            let ids = [rate.rate, rate.numerator, rate.denominator] + (rate.denominatorParts ?? [])
            relations.append(Relation(type: "share", spans: spans(ids), checkable: true))
        }
        for structure in document.structures {
            relations.append(Relation(type: "ratio", spans: spans([structure.ratio] + structure.values), checkable: true))
        }
        let context = CheckContext(source: analysis.source, segmentation: analysis.segmentation, document: document)
        for case let rule as any RelationRule in RuleRegistry.all {
            for relation in rule.relations(context) {
                relations.append(Relation(type: relation.kind.rawValue, spans: spans(relation.claims), checkable: true))
            }
        }
        return relations
    }

    /// `rate`, `share`, `per_capita` and `ratio` are one family for matching (one figure over another: keys name
    /// `出生率6.94‰` over births and population a rate in one document and a figure per head in another, `城乡居民
    /// 人均可支配收入比值为2.19` a ratio), and so are `identity` and `partition` (an additive identity of named
    /// indicators is a partition: GDP = the three industries), and `pp_diff` and `change` (a rate and its change in
    /// points is a level and its change: `比重为39.4%，较上年提高4.8个百分点`, which keys call either). The operands
    /// must still be the same numbers.
    static func family(_ type: String) -> String {
        switch type {
        case "rate", "per_capita", "ratio": return "share"
        case "identity": return "partition"
        case "pp_diff": return "change"
        default: return type
        }
    }

    /// The spans of a row's operands in `source`, or nil when one cannot be found.
    static func locate(_ row: KeyRow, in source: SourceText) -> [Span]? {
        var spans: [Span] = []
        for operand in row.operands {
            guard operand.line >= 1, operand.line <= source.lineCount else { return nil }
            let line = source.lineSpan(operand.line)
            let text = Array(source.text(line).unicodeScalars)
            let needle = Array(operand.text.unicodeScalars)
            guard !needle.isEmpty, needle.count <= text.count else { return nil }
            var seen = 0
            var found: Int?
            for start in 0...(text.count - needle.count) where text[start..<(start + needle.count)].elementsEqual(needle) {
                seen += 1
                if seen == operand.occurrence { found = start; break }
            }
            guard let found else { return nil }
            spans.append(Span(start: line.start + found, end: line.start + found + needle.count))
        }
        return spans
    }

    static func overlaps(_ a: Span, _ b: Span) -> Bool { a.start < b.end && b.start < a.end }

    /// The row and the tool's relation name the same numbers: each operand overlaps one of the
    /// relation's claims and each claim one of the operands.
    static func matches(_ operands: [Span], _ relation: Relation) -> Bool {
        operands.allSatisfy { o in relation.spans.contains { overlaps($0, o) } }
            && relation.spans.allSatisfy { s in operands.contains { overlaps($0, s) } }
    }

    mutating func add(file: String, rows: [KeyRow], analysis: Analysis, path: String, seeded: Bool) {
        let source = analysis.source
        let relations = Self.relations(of: analysis)
        let alarms = analysis.document.findings.filter { $0.severity >= .warning }
        var located: [(row: KeyRow, spans: [Span])] = []
        for row in rows {
            guard let spans = Self.locate(row, in: source) else {
                notes.append("\(file):\(row.line): operands not found")
                continue
            }
            located.append((row, spans))
        }
        // Recall of checkable relations.
        for (row, spans) in located where row.isCheckable {
            counts.keyed += 1
            if relations.contains(where: { Self.family($0.type) == Self.family(row.type) && Self.matches(spans, $0) }) {
                counts.linked += 1
            } else {
                notes.append("\(file):\(row.line): missed \(row.type) \(row.operands.map(\.text).joined(separator: ", "))")
            }
        }
        // Precision of checkable links of the keyed types.
        let keyedTypes = Set(located.map { Self.family($0.row.type) })
        for relation in relations where relation.checkable && keyedTypes.contains(Self.family(relation.type)) {
            counts.links += 1
            if located.contains(where: { Self.family($0.row.type) == Self.family(relation.type) && Self.matches($0.spans, relation) }) {
                counts.rightLinks += 1
            } else {
                let text = relation.spans.map { source.text($0) }.joined(separator: ", ")
                notes.append("\(file):\(source.line(at: relation.spans.first?.start ?? 0)): unkeyed \(relation.type) \(text)")
            }
        }
        // Findings: an error or warning is real when it lands on a relation that fails or a defect.
        let failing = located.filter { $0.row.holds == "n" || $0.row.type == "defect" }
        for alarm in alarms {
            counts.alarms += 1
            let spans = [alarm.span] + alarm.evidence
            if failing.contains(where: { row in row.spans.contains { o in spans.contains { Self.overlaps($0, o) } } }) {
                counts.realAlarms += 1
            } else {
                notes.append("\(file):\(alarm.line): false \(alarm.rule) \(alarm.message)")
            }
        }
        for row in failing {
            counts.inconsistencies += 1
            if alarms.contains(where: { alarm in row.spans.contains { o in ([alarm.span] + alarm.evidence).contains { Self.overlaps($0, o) } } }) {
                counts.inconsistenciesFound += 1
            } else {
                notes.append("\(file):\(row.row.line): inconsistency not found: \(row.row.type) \(row.row.operands.map(\.text).joined(separator: ", "))")
            }
        }
        guard seeded, let bytes = try? SourceDecoder.read(path: path, maxBytes: SourceDecoder.defaultMaxBytes),
              analysis.document.format == .text, let original = String(bytes: bytes, encoding: .utf8) else { return }
        let scalars = Array(original.unicodeScalars)
        guard scalars.count == source.count else { return }
        for (row, spans) in located where row.holds == "y" && row.type != "defect" {
            for span in spans {
                guard let digit = (span.start..<span.end).first(where: { isASCIIDigit(scalars[$0]) }) else { continue }
                var mutated = scalars
                let value = scalars[digit].value - 48
                mutated[digit] = Unicode.Scalar(48 + (value == 9 ? 8 : value + 1))!
                var text = String.UnicodeScalarView()
                text.append(contentsOf: mutated)
                guard let result = try? Analysis.run(text: String(text), source: file) else { continue }
                counts.seeded += 1
                let found = result.document.findings.contains { finding in
                    finding.severity >= .warning && ([finding.span] + finding.evidence).contains { s in spans.contains { Self.overlaps($0, s) } }
                }
                if found { counts.seededFound += 1 } else {
                    notes.append("\(file):\(row.line): seeded error not found: \(row.type) \(source.text(span)) → digit \(digit - span.start + 1) changed")
                }
            }
        }
    }
}
