import Foundation
import GRDB
import Synchronization

/// Column names in the database are snake_case (`doc_type`, `sentence_start`); Swift names stay
/// camelCase. Every record of the store adopts this.
public protocol StoreRecord: Codable, Sendable, FetchableRecord, MutablePersistableRecord {}

extension StoreRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy {
        .custom { key in ColumnNames.snakeCase(key.stringValue) }
    }
}

/// Property names to column names (`sentenceStart` → `sentence_start`), converted once per name:
/// converting on every row cost the ingest writer a seventh of its time.
enum ColumnNames {
    private static let cache = Mutex<[String: String]>([:])

    static func snakeCase(_ name: String) -> String {
        if let known = cache.withLock({ $0[name] }) { return known }
        var column = ""
        for character in name {
            if character.isUppercase {
                column.append("_")
                column.append(contentsOf: character.lowercased())
            } else {
                column.append(character)
            }
        }
        cache.withLock { $0[name] = column }
        return column
    }
}

/// A record with an auto-incremented `id`, set when the row is inserted (`documents.id` 1, 2 …).
public protocol IdentifiedRecord: StoreRecord {
    var id: Int64? { get set }
}

extension IdentifiedRecord {
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One row of `documents`: a document's identity (the SHA-256 of its bytes) and metadata.
///
/// `巴中市民政局` `对市政协第四届四次会议第110号提案答复的函`, `doc_type` `提案答复函`, date `2020-09-14`,
/// year 2020, `doc_numbers` `["第110号提案"]` (JSON).
public struct DocumentRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "documents"
    public var id: Int64?
    public var sha256: String
    public var source: String
    public var encoding: String
    public var format: String
    public var bytes: Int
    public var characters: Int
    public var title: String?
    public var docType: String?
    public var issuer: String?
    public var recipient: String?
    public var date: String?
    /// The year of `date`, for `--year` and the statistics.
    public var year: Int?
    /// JSON array of strings: `["国办函〔2004〕80号"]`.
    public var docNumbers: String
    /// JSON array of strings: the decoder's warnings (`3 malformed byte sequences …`).
    public var warnings: String
    /// JSON array of the `fields` (`{"name":"issuer","value":"江苏省民政厅","start":…,"end":…}`).
    public var fields: String
    /// JSON array of the boilerplate spans (`{"kind":"navigation","start":0,"end":6}`).
    public var boilerplate: String
    /// ISO 8601 time the row was written.
    public var ingestedAt: String
    public var runId: Int64?

    public static let insertColumns = [
        "sha256", "source", "encoding", "format", "bytes", "characters", "title", "doc_type", "issuer", "recipient",
        "date", "year", "doc_numbers", "warnings", "fields", "boilerplate", "ingested_at", "run_id",
    ]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            sha256, source, encoding, format, bytes, characters, title, docType, issuer, recipient, date, year,
            docNumbers, warnings, fields, boilerplate, ingestedAt, runId,
        ]
    }
}

/// One row of `sections`: a heading of the section tree, `parent_id` pointing at the enclosing one.
///
/// `一是` (kind `inline`, level 2, title `建立“五社联动”机制`, path `四、/一是`) under `四、`.
public struct SectionRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "sections"
    public var id: Int64?
    public var documentId: Int64
    public var parentId: Int64?
    /// Position in document order (depth first), from 0.
    public var position: Int
    public var marker: String?
    public var kind: String
    public var number: Int?
    public var level: Int
    public var title: String
    public var start: Int
    public var end: Int
    public var titleStart: Int
    public var titleEnd: Int
    public var line: Int
    /// The markers from the top: `四、/一是`.
    public var path: String

    public static let insertColumns = [
        "document_id", "parent_id", "position", "marker", "kind", "number", "level", "title", "start", "end",
        "title_start", "title_end", "line", "path",
    ]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            documentId, parentId, position, marker, kind, number, level, title, start, end, titleStart, titleEnd,
            line, path,
        ]
    }
}

/// One row of `paragraphs`: a line of the document with its role and text, the content of the
/// full-text index `paragraphs_fts`.
///
/// Role `body`, section `二、`, text `深化社区网格化治理。全省…`.
public struct ParagraphRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "paragraphs"
    public var id: Int64?
    public var documentId: Int64
    public var position: Int
    /// `title`, `heading`, `body`, `recipient`, `signature`, `date`, `attachment` … (boilerplate is
    /// left out).
    public var role: String
    public var section: String?
    public var line: Int
    public var start: Int
    public var end: Int
    public var text: String

    public static let insertColumns = ["document_id", "position", "role", "section", "line", "start", "end", "text"]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            documentId, position, role, section, line, start, end, text,
        ]
    }
}

/// One row of `claims`: a numeric statement with the sentence it was read from.
///
/// `1.84万人`: value `18400` (TEXT, exact) and 18400.0 (REAL, for `--min`/`--max`), unit `人`,
/// kind `quantity`, subject `乡镇平均人口`, claim index 3 within its document.
public struct ClaimRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "claims"
    public var id: Int64?
    public var documentId: Int64
    /// `Claim.id`: the index of the claim in its document, which changes and breakdowns use.
    public var claimIndex: Int
    public var text: String
    /// The exact decimal as text: `39.54`, `18400`.
    public var value: String
    /// The same value as a floating-point number, for range filters and sorting only.
    public var valueReal: Double
    public var upper: String?
    public var unit: String?
    public var unitCategory: String?
    public var kind: String
    public var subject: String?
    public var predicate: String?
    public var qualifier: String?
    public var qualifierText: String?
    public var resolution: String?
    /// JSON array of decimal strings: the parts of a ratio or formula.
    public var parts: String?
    public var section: String?
    public var start: Int
    public var end: Int
    public var sentenceStart: Int
    public var sentenceEnd: Int
    public var sentence: String

    public static let insertColumns = [
        "document_id", "claim_index", "text", "value", "value_real", "upper", "unit", "unit_category", "kind",
        "subject", "predicate", "qualifier", "qualifier_text", "resolution", "parts", "section",
        "start", "end", "sentence_start", "sentence_end", "sentence",
    ]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            documentId, claimIndex, text, value, valueReal, upper, unit, unitCategory, kind, subject, predicate,
            qualifier, qualifierText, resolution, parts, section, start, end, sentenceStart,
            sentenceEnd, sentence,
        ]
    }
}

/// One row of `changes`: `由2177优化1316个,减少861个,减幅达39.54%` links the claims of 2177 (from),
/// 1316 (to), 861 (delta) and 39.54% (rate).
public struct ChangeRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "changes"
    public var id: Int64?
    public var documentId: Int64
    public var fromClaimId: Int64?
    public var toClaimId: Int64?
    public var deltaClaimId: Int64?
    public var rateClaimId: Int64?
    public var direction: String?
    public var start: Int
    public var end: Int

    public static let insertColumns = [
        "document_id", "from_claim_id", "to_claim_id", "delta_claim_id", "rate_claim_id", "direction", "start",
        "end",
    ]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            documentId, fromClaimId, toClaimId, deltaClaimId, rateClaimId, direction, start, end,
        ]
    }
}

/// One row of `breakdowns`: the total of `139(其中:6个乡、116个镇、17个街道)`; its parts are rows of
/// `breakdown_parts`.
public struct BreakdownRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "breakdowns"
    public var id: Int64?
    public var documentId: Int64
    public var totalClaimId: Int64
    public var start: Int
    public var end: Int

    public static let insertColumns = ["document_id", "total_claim_id", "start", "end"]
    public var insertValues: [(any DatabaseValueConvertible)?] { [documentId, totalClaimId, start, end] }
}

/// One row of `breakdown_parts`: part 2 of `139(其中:6个乡、116个镇、17个街道)` is the claim `116个`.
public struct BreakdownPartRecord: StoreRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "breakdown_parts"
    public var breakdownId: Int64
    public var position: Int
    public var claimId: Int64

    public static let insertColumns = ["breakdown_id", "position", "claim_id"]
    public var insertValues: [(any DatabaseValueConvertible)?] { [breakdownId, position, claimId] }
}

/// One row of `rates`: `化解率97.8%` (kind `rate`) with numerator `52.04万件` and denominator
/// `53.21万件`; or `城市社区占比(29.8%)` (kind `share`) with numerator `150个` and its whole in
/// `rate_parts`.
public struct RateRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "rates"
    public var id: Int64?
    public var documentId: Int64
    public var kind: String
    public var rateClaimId: Int64
    public var numeratorClaimId: Int64
    public var denominatorClaimId: Int64?
    public var start: Int
    public var end: Int

    public static let insertColumns = [
        "document_id", "kind", "rate_claim_id", "numerator_claim_id", "denominator_claim_id", "start", "end",
    ]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            documentId, kind, rateClaimId, numeratorClaimId, denominatorClaimId, start, end,
        ]
    }
}

/// One row of `rate_parts`: `353个` is part 2 of the whole of `城市社区占比(29.8%)` (150 + 353).
public struct RatePartRecord: StoreRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "rate_parts"
    public var rateId: Int64
    public var position: Int
    public var claimId: Int64

    public static let insertColumns = ["rate_id", "position", "claim_id"]
    public var insertValues: [(any DatabaseValueConvertible)?] { [rateId, position, claimId] }
}

/// One row of `lists`: `三个强化`, stated count 3, style `inline`, in section `一、/(一)`.
public struct ListRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "lists"
    public var id: Int64?
    public var documentId: Int64
    public var position: Int
    public var statedCount: Int?
    public var label: String?
    public var style: String
    public var section: String?
    public var start: Int
    public var end: Int

    public static let insertColumns = [
        "document_id", "position", "stated_count", "label", "style", "section", "start", "end",
    ]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            documentId, position, statedCount, label, style, section, start, end,
        ]
    }
}

/// One row of `list_items`, the content of `list_items_fts`: `一是` `强化组织领导,高位统筹推动`.
public struct ListItemRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "list_items"
    public var id: Int64?
    public var listId: Int64
    public var documentId: Int64
    public var position: Int
    public var marker: String?
    public var text: String
    public var section: String?
    public var start: Int
    public var end: Int

    public static let insertColumns = [
        "list_id", "document_id", "position", "marker", "text", "section", "start", "end",
    ]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            listId, documentId, position, marker, text, section, start, end,
        ]
    }
}

/// One row of `findings`: `change.rate` info (truncated), stated `39.54`, expected `39.5498`, with the
/// evidence spans as JSON.
public struct FindingRecord: IdentifiedRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "findings"
    public var id: Int64?
    public var documentId: Int64
    public var rule: String
    public var severity: String
    public var message: String
    public var messageEn: String
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int
    public var stated: String?
    public var expected: String?
    /// JSON array of `{"start":…,"end":…}`.
    public var evidence: String

    public static let insertColumns = [
        "document_id", "rule", "severity", "message", "message_en", "start", "end", "line", "column", "stated",
        "expected", "evidence",
    ]
    public var insertValues: [(any DatabaseValueConvertible)?] {
        [
            documentId, rule, severity, message, messageEn, start, end, line, column, stated, expected, evidence,
        ]
    }
}

/// One row of `finding_claims`: the finding concerns the claim (its span or one of its evidence
/// spans overlaps the claim's). What `query --with-findings` and `--rule` use.
public struct FindingClaimRecord: StoreRecord, InsertableRecord, Equatable {
    public static let databaseTableName = "finding_claims"
    public var findingId: Int64
    public var claimId: Int64

    public static let insertColumns = ["finding_id", "claim_id"]
    public var insertValues: [(any DatabaseValueConvertible)?] { [findingId, claimId] }
}

/// One row of `ingest_errors`: a file that could not be read, the latest attempt only.
///
/// `bad/empty.txt`, code `empty`, reason `empty file`.
public struct IngestErrorRecord: IdentifiedRecord, Equatable {
    public static let databaseTableName = "ingest_errors"
    public var id: Int64?
    public var path: String
    /// `DecodeError.code`: `not_found`, `empty`, `not_text`, `encoding`, `too_large` …
    public var code: String
    public var reason: String
    public var runId: Int64?
    public var recordedAt: String
}

/// One row of `ingest_runs`: one `gongwen ingest` invocation and its counts; `finished_at` stays
/// empty when the run was killed.
public struct IngestRunRecord: IdentifiedRecord, Equatable {
    public static let databaseTableName = "ingest_runs"
    public var id: Int64?
    public var startedAt: String
    public var finishedAt: String?
    /// JSON array of the paths given on the command line.
    public var paths: String
    public var files: Int
    public var ingested: Int
    public var duplicates: Int
    public var skipped: Int
    public var failed: Int
}
