import GRDB

/// The database schema as one list of named migrations. Migrations are append-only: a released
/// one is never edited, a change is a new migration at the end.
///
/// `Schema.migrate(pool)` on an empty file creates every table of `v1-documents` through
/// `v11-full-text-index-in-its-own-file`; on a database made by an older gongwen it runs only the new ones.
public enum Schema {
    /// The migrations in order, by name.
    static let migrations: [(name: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1-documents", createDocuments), ("v2-claims-lists-findings", createClaimsListsFindings),
        ("v3-full-text", createFullText), ("v4-rate-shares", addRateShares), ("v5-ingest-in-batches", ingestInBatches),
        ("v6-bigram-index", bigramIndex), ("v7-claim-sentence-spans", claimSentenceSpans),
        ("v8-claim-section-titles-by-span", claimSectionTitlesBySpan),
        ("v9-bigram-index-without-positions", bigramIndexWithoutPositions), ("v10-coded-columns-without-unused-keys", codedColumnsWithoutUnusedKeys),
        ("v11-full-text-index-in-its-own-file", fullTextIndexInItsOwnFile),
    ]

    /// The migration names in order; `Schema.migrator` registers exactly these.
    public static let migrationNames = migrations.map(\.name)

    /// The tables a migrated database holds (ordinary tables, not the FTS shadow tables).
    public static let tables = [
        "documents", "sections", "paragraphs", "claims", "changes", "breakdowns", "breakdown_parts",
        "rates", "rate_parts", "lists", "list_items", "findings", "finding_claims", "ingest_errors", "ingest_runs",
    ]

    /// The migrations as GRDB's migrator, which keeps the same bookkeeping table
    /// (`grdb_migrations`) as `migrate(_:)`: what tests and tools that know GRDB read.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations { migrator.registerMigration(migration.name, migrate: migration.migrate) }
        return migrator
    }

    /// Runs the migrations a database lacks, all in one exclusive transaction that first reads
    /// which ones are applied: two ingests creating one database at once cannot both run
    /// `v1-documents` (GRDB's migrator reads the applied ones before it locks), and a reader sees
    /// either no schema or all of it. A database that is not gongwen's, or was made by a newer
    /// gongwen, is refused before anything is written.
    public static func migrate(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction(.exclusive) {
                let applied = try check(db, writing: true)
                guard applied.count < migrations.count else { return .commit }
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                for migration in migrations.dropFirst(applied.count) {
                    try migration.migrate(db)
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.name])
                }
                try db.checkForeignKeys()
                return .commit
            }
        }
    }

    /// Why a database file cannot be used as it is.
    ///
    /// `notGongwen`: `notes.sqlite` holds tables of another program and no `grdb_migrations`.
    public enum Problem: Error, Equatable, CustomStringConvertible {
        /// The file holds tables but none of gongwen's bookkeeping: another program's database.
        case notGongwen
        /// The file holds no tables at all (a new or empty file).
        case empty
        /// Made by a newer gongwen: migrations this one does not know.
        case newer(unknown: [String])
        /// Made by an older gongwen; a reader cannot upgrade it (only `ingest` writes).
        case older(missing: [String])
        /// `PRAGMA quick_check` found damage.
        case damaged(String)
        /// The full-text index file beside the database (`FullTextIndex.path(of:)`) is missing.
        case fullTextMissing(String)

        public var description: String {
            switch self {
            case .notGongwen: return "not a gongwen database (it holds other tables); give another --db"
            case .empty: return "holds no gongwen data (run gongwen ingest first)"
            case .newer(let unknown):
                return "made by a newer gongwen (schema \(unknown.joined(separator: ", "))); use that version"
            case .older(let missing):
                return "made by an older gongwen (lacks \(missing.joined(separator: ", "))); run gongwen ingest into it to upgrade"
            case .damaged(let report): return "the database is damaged (\(report))"
            case .fullTextMissing(let path):
                return "its full-text index \(path) is missing (copy it with the database); gongwen ingest into the database builds it again"
            }
        }
    }

    /// The migrations applied to `db`, after checking that they are a prefix of this gongwen's.
    /// A writer may go on with an empty file or an older schema; a reader may not.
    @discardableResult
    static func check(_ db: Database, writing: Bool) throws -> [String] {
        guard try db.tableExists("grdb_migrations") else {
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            if tables > 0 { throw Problem.notGongwen }
            if writing { return [] }
            throw Problem.empty
        }
        let applied = Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
        let unknown = applied.subtracting(migrationNames).sorted()
        if !unknown.isEmpty { throw Problem.newer(unknown: unknown) }
        let prefix = Array(migrationNames.prefix { applied.contains($0) })
        if prefix.count != applied.count { throw Problem.notGongwen }
        if !writing, prefix.count < migrationNames.count {
            throw Problem.older(missing: Array(migrationNames.dropFirst(prefix.count)))
        }
        return prefix
    }

    /// `PRAGMA quick_check` on an existing database: `nil` when it is sound, else the first
    /// problems SQLite reports. Damage in pages no query reads is still found.
    static func damage(_ db: Database) throws -> String? {
        let report: [String]
        do {
            report = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT {
            return error.message ?? error.description  // damage where the check itself reads
        }
        return report == ["ok"] ? nil : report.joined(separator: "\n").split(separator: "\n").joined(separator: "; ")
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

    /// The bigram index (`Bigrams`) in place of the trigram index, which could not answer one- or
    /// two-character terms (`教育` scanned 660,000 paragraphs, 934 ms at 10,000 documents) and cost
    /// more to build: per table a *contentless* FTS5 table `<table>_grams` with the `ascii`
    /// tokenizer over the text `Bigrams.indexed` makes of each row (`教育 育部 部。 。`), rowid the
    /// row's id. Contentless: the gram text is not stored, only the index. Rows are never deleted by
    /// gongwen; a row deleted by hand leaves its terms behind, which no query returns, since every
    /// query joins the content table. The rows already stored are indexed here.
    private static func bigramIndex(_ db: Database) throws {
        for table in fullTextTables {
            for trigger in ["ai", "ad", "au"] { try db.execute(sql: "DROP TRIGGER IF EXISTS \"__\(table)_fts_\(trigger)\"") }
            try db.execute(sql: "DROP TABLE \(table)_fts")
            try db.execute(sql: "CREATE VIRTUAL TABLE \(table)_grams USING fts5(grams, content='', tokenize='ascii')")
            try db.execute(sql: "INSERT INTO \(table)_grams(\(table)_grams, rank) VALUES ('automerge', 16)")
            try db.execute(sql: "INSERT INTO \(table)_grams(\(table)_grams, rank) VALUES ('hashsize', 67108864)")
            try indexStoredRows(of: table, db)
        }
    }

    /// Fills `<table>_grams` with `Bigrams.indexed` of every stored row of `table`.
    private static func indexStoredRows(of table: String, _ db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO \(table)_grams(rowid, grams) VALUES (?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM \(table)")
        while let row = try rows.next() {
            try insert.execute(arguments: [row["id"] as Int64, Bigrams.indexed(row["text"])])
        }
    }

    /// Claims keep the span of their sentence and no copy of it when a paragraph holds it (98% of
    /// them; `DocumentRows` leaves `sentence` empty then): readers take it from that paragraph's
    /// text (`ClaimQuery.sentence`), the paragraph with the greatest start at or before the
    /// sentence's, found through this index. Claims stored before keep their copy and read it.
    private static func claimSentenceSpans(_ db: Database) throws {
        try db.create(index: "paragraphs_on_document_id_start", on: "paragraphs", columns: ["document_id", "start"])
    }

    /// Claims no longer copy the titles of the sections holding them (the largest column of the
    /// claims, 15 of their 44 MB at 2,000 documents): readers join them from `sections` by span
    /// (`ClaimQuery.sectionTitles`), the same text. SQLite rewrites the table to drop the column.
    private static func claimSectionTitlesBySpan(_ db: Database) throws {
        try db.alter(table: "claims") { t in t.drop(column: "section_titles") }
    }

    /// The bigram index without positions (`detail=none`): a third of its former size (375 of
    /// the 1134 MB at 10,000 documents). It finds the rows that hold every pair of a term; a term
    /// of three characters or more is then checked against the row's text. Search computes bm25
    /// itself as FTS5 computed it from the positions (`TextSearch`): each row's length from the
    /// index's own count of its tokens (`_docsize`, kept), how often a two-character term stands
    /// in a row from `paragraphs_repeats` (`Bigrams.repeats`: a pair at its second, third …
    /// occurrence, also without positions), for other terms from the text. The rows already
    /// stored are indexed again here.
    private static func bigramIndexWithoutPositions(_ db: Database) throws {
        func create(_ name: String, columnsize: Bool) throws {
            try db.execute(sql: """
                CREATE VIRTUAL TABLE \(name) USING fts5(grams, content='', tokenize='ascii', detail=none\(columnsize ? "" : ", columnsize=0"))
                """)
            try db.execute(sql: "INSERT INTO \(name)(\(name), rank) VALUES ('automerge', 16)")
            try db.execute(sql: "INSERT INTO \(name)(\(name), rank) VALUES ('hashsize', 67108864)")
        }
        for table in fullTextTables {
            try db.execute(sql: "DROP TABLE \(table)_grams")
            try create("\(table)_grams", columnsize: true)
            try indexStoredRows(of: table, db)
        }
        try create("paragraphs_repeats", columnsize: false)
        let insert = try db.makeStatement(sql: "INSERT INTO paragraphs_repeats(rowid, grams) VALUES (?, ?)")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, text FROM paragraphs")
        while let row = try rows.next() {
            let repeats = Bigrams.repeats(row["text"])
            if !repeats.isEmpty { try insert.execute(arguments: [row["id"] as Int64, repeats]) }
        }
    }

    /// Claims and paragraphs without what no query reads (at 10,000 documents the claims and
    /// their indexes took 246 MB, the paragraphs and theirs 342 MB): the claim kind, the unit's
    /// category, the qualifier and the paragraph role stored as small integers (`CodedColumn`; the
    /// columns `kind`, `unit_category`, `qualifier` and `role` are generated from them, so every
    /// query reads the same text), the kind's index on the codes (`ClaimQuery` compares
    /// `kind_code`), and neither the unique (document, claim index) key of the claims nor the
    /// unique (document, position) key of the paragraphs, which no query read: the writer numbers a
    /// document's rows itself. SQLite cannot change a column's definition or drop a key in place,
    /// so both tables are rebuilt, their rows copied with the same ids (the bigram index holds the
    /// paragraphs' ids), their codes computed.
    private static func codedColumnsWithoutUnusedKeys(_ db: Database) throws {
        let document = "INTEGER NOT NULL REFERENCES \"documents\"(\"id\") ON DELETE CASCADE"
        try rebuild("claims", [
            ("document_id", document), ("claim_index", "INTEGER NOT NULL"),
            ("text", "TEXT NOT NULL"), ("value", "TEXT NOT NULL"), ("value_real", "DOUBLE NOT NULL"), ("upper", "TEXT"),
            ("unit", "TEXT"), ("unit_category", ""), ("kind", "NOT NULL"), ("subject", "TEXT"), ("predicate", "TEXT"),
            ("qualifier", ""), ("qualifier_text", "TEXT"), ("resolution", "TEXT"), ("parts", "TEXT"), ("section", "TEXT"),
            ("start", "INTEGER NOT NULL"), ("end", "INTEGER NOT NULL"), ("sentence_start", "INTEGER NOT NULL"),
            ("sentence_end", "INTEGER NOT NULL"), ("sentence", "TEXT NOT NULL"),
        ], coded: CodedColumn.claimColumns, db)
        try db.create(index: "claims_on_value_real", on: "claims", columns: ["value_real"])
        try db.create(index: "claims_on_unit_document_id", on: "claims", columns: ["unit", "document_id"])
        try db.create(index: "claims_on_kind_code_document_id", on: "claims", columns: ["kind_code", "document_id"])
        try db.create(index: "claims_on_document_id_start", on: "claims", columns: ["document_id", "start"])
        try rebuild("paragraphs", [
            ("document_id", document), ("position", "INTEGER NOT NULL"), ("role", "NOT NULL"), ("section", "TEXT"),
            ("line", "INTEGER NOT NULL"), ("start", "INTEGER NOT NULL"), ("end", "INTEGER NOT NULL"), ("text", "TEXT NOT NULL"),
        ], coded: CodedColumn.paragraphColumns, db)
        try db.create(index: "paragraphs_on_document_id_start", on: "paragraphs", columns: ["document_id", "start"])
    }

    /// Rebuilds `table` (an auto-incremented `id`, then `columns`, each with its type and
    /// constraints) with the columns of `coded` stored as codes under their stored names and
    /// generated under their own, and copies its rows with their ids. Its indexes are dropped with
    /// it; the caller creates those it keeps.
    private static func rebuild(_ table: String, _ columns: [(name: String, type: String)], coded: [CodedColumn], _ db: Database) throws {
        var definitions: [String] = []
        var stored: [String] = []
        var copied: [String] = []
        for (name, type) in columns {
            if let column = coded.first(where: { $0.name == name }) {
                definitions += ["\"\(column.storedName)\" \(type)", column.generatedDefinition]
                stored.append("\"\(column.storedName)\"")
                copied.append(column.storedExpression(of: "\"\(name)\""))
            } else {
                definitions.append("\"\(name)\" \(type)")
                stored.append("\"\(name)\"")
                copied.append("\"\(name)\"")
            }
        }
        try db.execute(sql: "CREATE TABLE \(table)_rebuilt (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT, \(definitions.joined(separator: ", ")))")
        try db.execute(sql: """
            INSERT INTO \(table)_rebuilt (id, \(stored.joined(separator: ", "))) SELECT id, \(copied.joined(separator: ", ")) FROM \(table) ORDER BY id
            """)
        try db.drop(table: table)
        try db.rename(table: "\(table)_rebuilt", to: table)
    }

    /// The bigram index leaves the rows' file for a file of its own (`FullTextIndex`), written by
    /// its own connection beside the rows' writer: its tables are dropped here, and the writer that
    /// migrates the file indexes every stored row again into the index file on opening (the index's
    /// progress starts at 0), about the time ingest spends feeding the index. A store given one
    /// connection creates the same tables again in it (`Store.init(database:)`).
    private static func fullTextIndexInItsOwnFile(_ db: Database) throws {
        for table in FullTextIndex.tables { try db.execute(sql: "DROP TABLE IF EXISTS \(table)") }
    }

    /// The claims' indexes whose new rows land all over them (by value, by unit, by kind: each batch
    /// of an ingest rewrote pages throughout each of them), which an ingest into a database file
    /// holding no claims yet creates once from all its rows at its end, instead of row by row
    /// (`Store.write`, `Store.analyze()`): at 10,000 documents they cost the rows' writer about 8 s
    /// of CPU row by row, and 3 s created at the end. The definitions of
    /// `v10-coded-columns-without-unused-keys`, which creates them.
    static let deferredIndexes: [(name: String, columns: [String])] = [
        ("claims_on_value_real", ["value_real"]),
        ("claims_on_unit_document_id", ["unit", "document_id"]),
        ("claims_on_kind_code_document_id", ["kind_code", "document_id"]),
    ]

    /// Creates those of `deferredIndexes` that `db` lacks: at the end of an ingest that dropped them,
    /// and when a writer opens a file whose ingest was killed before its end.
    static func createDeferredIndexes(_ db: Database) throws {
        for (name, columns) in deferredIndexes {
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS \"\(name)\" ON \"claims\"(\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))")
        }
    }

    /// Drops `deferredIndexes` from `db` when it holds no claims, and tells whether it did.
    static func dropDeferredIndexesIfEmpty(_ db: Database) throws -> Bool {
        guard try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM claims)") == true else { return false }
        for (name, _) in deferredIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \"\(name)\"") }
        return true
    }

    /// The tables with a bigram index named `<table>_grams`, kept by `Store.write`.
    static let fullTextTables = ["paragraphs", "list_items"]
}
