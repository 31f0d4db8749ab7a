import Foundation
import GRDB

/// What a database written by `ingest` or `load` holds, read in ways that ignore row ids and
/// times: two databases of the same documents compare equal however and whenever they were written.
enum StoreContents {
    /// Rows per table, the bookkeeping of runs left out.
    static func rowCounts(_ path: String) throws -> [String: Int] {
        try DatabaseQueue(path: path).read { db in
            var counts: [String: Int] = [:]
            for table in try tables(db) {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)")
            }
            return counts
        }
    }

    /// One line per document: its identity, metadata and how many rows of each kind it owns.
    static func fingerprint(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: """
                SELECT d.sha256 || ' ' || d.source || ' ' || ifnull(d.title, '') || ' ' || ifnull(d.issuer, '') || ' ' || ifnull(d.date, '')
                    || ' sections=' || (SELECT count(*) FROM sections s WHERE s.document_id = d.id)
                    || ' paragraphs=' || (SELECT count(*) FROM paragraphs p WHERE p.document_id = d.id)
                    || ' text=' || (SELECT sum(length(p.text)) FROM paragraphs p WHERE p.document_id = d.id)
                    || ' claims=' || (SELECT count(*) FROM claims c WHERE c.document_id = d.id)
                    || ' lists=' || (SELECT count(*) FROM lists l WHERE l.document_id = d.id)
                    || ' findings=' || (SELECT count(*) FROM findings f WHERE f.document_id = d.id)
                FROM documents d ORDER BY d.sha256
                """)
        }
    }

    /// Every row of every table as one line of its column values, sorted: the row ids and the
    /// times left out, a document named by its SHA-256 and a claim by its document and index,
    /// other references left out. The claim `39.54%` of 巴中市民政局's reply is a row of `claims`
    /// beginning `'0e61f206…'|…|'39.54%'`, and the changes that use it name it `'0e61f206…#…'`.
    static func rows(_ path: String) throws -> [String: [String]] {
        func value(_ column: String) -> String? {
            if column == "document_id" { return "quote((SELECT sha256 FROM documents WHERE id = t.document_id))" }
            if column.hasSuffix("claim_id") {
                return "quote((SELECT d.sha256 || '#' || c.claim_index FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = t.\"\(column)\"))"
            }
            if column == "id" || column.hasSuffix("_id") || column.hasSuffix("_at") { return nil }
            return "quote(t.\"\(column)\")"
        }
        return try DatabaseQueue(path: path).read { db in
            var rows: [String: [String]] = [:]
            for table in try tables(db) {
                let values = try db.columns(in: table).map(\.name).compactMap(value)
                let line = values.isEmpty ? "'row'" : values.joined(separator: " || '|' || ")
                rows[table] = try String.fetchAll(db, sql: "SELECT \(line) FROM \(table) t").sorted()
            }
            return rows
        }
    }

    /// The tables of the store but the full-text indexes, GRDB's bookkeeping and `ingest_runs`.
    private static func tables(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: """
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%_grams%' AND name NOT LIKE '%_repeats%' AND name NOT LIKE 'grdb_%'
                AND name != 'ingest_runs' AND name NOT LIKE 'sqlite_%'
            """)
    }
}
