import GRDB

/// The database schema as one list of named migrations. Migrations are append-only: a released
/// one is never edited, a change is a new migration at the end.
///
/// `Schema.migrator.migrate(dbQueue)` on an empty file creates every table of `v1-documents`
/// through `v4-rate-shares`; on a database made by an older gongwen it runs only the new ones.
public enum Schema {
    /// The migration names in order; `Schema.migrator` registers exactly these.
    public static let migrationNames = [
        "v1-documents", "v2-claims-lists-findings", "v3-full-text", "v4-rate-shares", "v5-ingest-in-batches",
    ]

    /// The tables a migrated database holds (ordinary tables, not the FTS shadow tables).
    public static let tables = [
        "documents", "sections", "paragraphs", "claims", "changes", "breakdowns", "breakdown_parts",
        "rates", "rate_parts", "lists", "list_items", "findings", "finding_claims", "ingest_errors", "ingest_runs",
    ]

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(migrationNames[0], migrate: createDocuments)
        migrator.registerMigration(migrationNames[1], migrate: createClaimsListsFindings)
        migrator.registerMigration(migrationNames[2], migrate: createFullText)
        migrator.registerMigration(migrationNames[3], migrate: addRateShares)
        migrator.registerMigration(migrationNames[4], migrate: ingestInBatches)
        return migrator
    }

    /// Documents, their sections and paragraphs, and the bookkeeping of ingest runs.
    private static func createDocuments(_ db: Database) throws {
        try db.create(table: "ingest_runs") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("started_at", .text).notNull()
            t.column("finished_at", .text)
            t.column("paths", .jsonText).notNull()
            t.column("files", .integer).notNull()
            t.column("ingested", .integer).notNull()
            t.column("duplicates", .integer).notNull()
            t.column("skipped", .integer).notNull()
            t.column("failed", .integer).notNull()
        }
        try db.create(table: "documents") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("sha256", .text).notNull().unique()
            t.column("source", .text).notNull().indexed()
            t.column("encoding", .text).notNull()
            t.column("format", .text).notNull()
            t.column("bytes", .integer).notNull()
            t.column("characters", .integer).notNull()
            t.column("title", .text)
            t.column("doc_type", .text).indexed()
            t.column("issuer", .text).indexed()
            t.column("recipient", .text)
            t.column("date", .text)
            t.column("year", .integer).indexed()
            t.column("doc_numbers", .jsonText).notNull()
            t.column("warnings", .jsonText).notNull()
            t.column("fields", .jsonText).notNull()
            t.column("boilerplate", .jsonText).notNull()
            t.column("ingested_at", .text).notNull()
            t.column("run_id", .integer).references("ingest_runs", onDelete: .setNull).indexed()
        }
        try db.create(table: "sections") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade)
            t.column("parent_id", .integer).references("sections", onDelete: .cascade).indexed()
            t.column("position", .integer).notNull()
            t.column("marker", .text)
            t.column("kind", .text).notNull().indexed()
            t.column("number", .integer)
            t.column("level", .integer).notNull()
            t.column("title", .text).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("title_start", .integer).notNull()
            t.column("title_end", .integer).notNull()
            t.column("line", .integer).notNull()
            t.column("path", .text).notNull()
            t.uniqueKey(["document_id", "position"])
        }
        try db.create(table: "paragraphs") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("role", .text).notNull()
            t.column("section", .text)
            t.column("line", .integer).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("text", .text).notNull()
            t.uniqueKey(["document_id", "position"])
        }
        try db.create(table: "ingest_errors") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("path", .text).notNull().unique(onConflict: .replace)
            t.column("code", .text).notNull()
            t.column("reason", .text).notNull()
            t.column("run_id", .integer).references("ingest_runs", onDelete: .setNull).indexed()
            t.column("recorded_at", .text).notNull()
        }
    }

    /// Claims and what links them (changes, breakdowns, rates), lists and their items, findings.
    private static func createClaimsListsFindings(_ db: Database) throws {
        try db.create(table: "claims") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade)
            t.column("claim_index", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("value", .text).notNull()
            t.column("value_real", .double).notNull().indexed()
            t.column("upper", .text)
            t.column("unit", .text)
            t.column("unit_category", .text)
            t.column("kind", .text).notNull()
            t.column("subject", .text)
            t.column("predicate", .text)
            t.column("qualifier", .text)
            t.column("qualifier_text", .text)
            t.column("resolution", .text)
            t.column("parts", .jsonText)
            t.column("section", .text)
            t.column("section_titles", .text)
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("sentence_start", .integer).notNull()
            t.column("sentence_end", .integer).notNull()
            t.column("sentence", .text).notNull()
            t.uniqueKey(["document_id", "claim_index"])
        }
        // With the document id second, `--unit 人 --issuer 民政` seeks (unit, document) pairs.
        try db.create(index: "claims_on_unit_document_id", on: "claims", columns: ["unit", "document_id"])
        try db.create(index: "claims_on_kind_document_id", on: "claims", columns: ["kind", "document_id"])
        try db.create(table: "changes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade).indexed()
            for role in ["from", "to", "delta", "rate"] {
                t.column("\(role)_claim_id", .integer).references("claims", onDelete: .cascade).indexed()
            }
            t.column("direction", .text)
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
        }
        try db.create(table: "breakdowns") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade).indexed()
            t.column("total_claim_id", .integer).notNull().references("claims", onDelete: .cascade).indexed()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
        }
        try db.create(table: "breakdown_parts") { t in
            t.column("breakdown_id", .integer).notNull().references("breakdowns", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("claim_id", .integer).notNull().references("claims", onDelete: .cascade).indexed()
            t.primaryKey(["breakdown_id", "position"])
        }
        try db.create(table: "rates") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade).indexed()
            for role in ["rate", "numerator", "denominator"] {
                t.column("\(role)_claim_id", .integer).notNull().references("claims", onDelete: .cascade).indexed()
            }
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
        }
        try db.create(table: "lists") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("stated_count", .integer)
            t.column("label", .text)
            t.column("style", .text).notNull().indexed()
            t.column("section", .text)
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.uniqueKey(["document_id", "position"])
        }
        try db.create(table: "list_items") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("list_id", .integer).notNull().references("lists", onDelete: .cascade)
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade).indexed()
            t.column("position", .integer).notNull()
            t.column("marker", .text)
            t.column("text", .text).notNull()
            t.column("section", .text)
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.uniqueKey(["list_id", "position"])
        }
        try db.create(table: "findings") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade).indexed()
            t.column("rule", .text).notNull().indexed()
            t.column("severity", .text).notNull()
            t.column("message", .text).notNull()
            t.column("message_en", .text).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("line", .integer).notNull()
            t.column("column", .integer).notNull()
            t.column("stated", .text)
            t.column("expected", .text)
            t.column("evidence", .jsonText).notNull()
        }
        try db.create(table: "finding_claims") { t in
            t.column("finding_id", .integer).notNull().references("findings", onDelete: .cascade)
            t.column("claim_id", .integer).notNull().references("claims", onDelete: .cascade).indexed()
            t.primaryKey(["finding_id", "claim_id"])
        }
    }

    /// FTS5 `trigram` indexes over paragraphs and list items. They are external-content tables
    /// kept in step with their content table by GRDB's triggers (`synchronize(withTable:)`), so
    /// the text is stored once and `snippet()`/`highlight()` read it back from the content table.
    /// Merging 16 segments at a time instead of FTS5's default 4 rewrites them less often. Since
    /// `v5-ingest-in-batches` the insert trigger is gone: `Store.write` feeds each batch itself.
    private static func createFullText(_ db: Database) throws {
        for table in ["paragraphs", "list_items"] {
            try db.create(virtualTable: "\(table)_fts", using: FTS5()) { t in
                t.synchronize(withTable: table)
                t.tokenizer = FTS5TokenizerDescriptor(components: ["trigram"])
                t.column("text")
            }
            try db.execute(sql: "INSERT INTO \(table)_fts(\(table)_fts, rank) VALUES ('automerge', 16)")
        }
    }

    /// Rates of two kinds: `rate` (化解率: numerator over a stated denominator) and `share`
    /// (占比: a part over the sum of parallel counts, whose claims go to `rate_parts`). The
    /// denominator becomes optional, so `rates` is rebuilt (SQLite cannot drop NOT NULL in place).
    private static func addRateShares(_ db: Database) throws {
        try db.create(table: "rates_v4") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("document_id", .integer).notNull().references("documents", onDelete: .cascade).indexed()
            t.column("kind", .text).notNull().defaults(to: "rate")
            t.column("rate_claim_id", .integer).notNull().references("claims", onDelete: .cascade).indexed()
            t.column("numerator_claim_id", .integer).notNull().references("claims", onDelete: .cascade).indexed()
            t.column("denominator_claim_id", .integer).references("claims", onDelete: .cascade).indexed()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
        }
        try db.execute(sql: """
            INSERT INTO rates_v4 (id, document_id, kind, rate_claim_id, numerator_claim_id, denominator_claim_id, start, "end")
            SELECT id, document_id, 'rate', rate_claim_id, numerator_claim_id, denominator_claim_id, start, "end" FROM rates
            """)
        try db.drop(table: "rates")
        try db.rename(table: "rates_v4", to: "rates")
        try db.create(table: "rate_parts") { t in
            t.column("rate_id", .integer).notNull().references("rates", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("claim_id", .integer).notNull().references("claims", onDelete: .cascade).indexed()
            t.primaryKey(["rate_id", "position"])
        }
    }

    /// What batched ingest needs. Claims by (document, start): `query --section` finds the sections
    /// whose title or marker path holds the text (a few hundred thousand short rows) and takes the
    /// claims inside their spans, instead of testing the section titles of every claim. The
    /// full-text index is fed once per committed batch (`Store.write` indexes the new rows with one
    /// `INSERT … SELECT`) instead of by a trigger per row, which cost a fifth more, and its
    /// pending terms may grow to 64 MB before they are flushed, so a batch makes one segment.
    /// The update and delete triggers stay: a deleted document leaves the index.
    private static func ingestInBatches(_ db: Database) throws {
        try db.create(index: "claims_on_document_id_start", on: "claims", columns: ["document_id", "start"])
        for table in fullTextTables {
            try db.execute(sql: "DROP TRIGGER \"__\(table)_fts_ai\"")
            try db.execute(sql: "INSERT INTO \(table)_fts(\(table)_fts, rank) VALUES ('hashsize', 67108864)")
        }
    }

    /// The tables with an FTS5 index named `<table>_fts`, kept by `Store.write`.
    static let fullTextTables = ["paragraphs", "list_items"]
}
