import GRDB
import GongwenStore
import Testing
import TestSupport

/// The migrator on an empty database: every migration applied, in order, with the tables, the
/// foreign keys, the indexes and the trigram full-text tables the commands rely on.
@Suite("schema")
struct SchemaTests {
    @Test func migratesAnEmptyDatabase() throws {
        let database = try DatabaseQueue()
        try Schema.migrator.migrate(database)
        try database.read { db in
            #expect(try Schema.migrator.appliedMigrations(db) == Schema.migrationNames)
            #expect(try Schema.migrator.hasCompletedMigrations(db))
            for table in Schema.tables { #expect(try db.tableExists(table), "\(table)") }
            // The bigram index lives in a file of its own (`FullTextIndex`), not in the migrated one.
            for table in ["paragraphs_grams", "list_items_grams", "paragraphs_repeats", "paragraphs_fts"] {
                let held = try db.tableExists(table)
                #expect(!held, "\(table)")
            }
        }
        // A store given one connection makes the index's tables in it.
        _ = try Store(database: database)
        try database.read { db in
            for table in ["paragraphs_grams", "list_items_grams"] {
                let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table])
                #expect(sql?.contains("tokenize='ascii'") == true, "\(table): \(sql ?? "missing")")
                #expect(sql?.contains("content=''") == true)
            }
        }
    }

    /// A database migrated up to `migration` holding `OlderDatabase.document` and the rows of
    /// `statements`: one made by an older gongwen.
    func olderDatabase(upTo migration: String, holding statements: [String]) throws -> DatabaseQueue {
        let database = try DatabaseQueue()
        try Schema.migrator.migrate(database, upTo: migration)
        try database.write { db in
            for statement in [OlderDatabase.document] + statements { try db.execute(sql: statement) }
        }
        return database
    }

    /// `v6-bigram-index` indexes the paragraphs a database made before it already holds.
    @Test func theBigramIndexTakesTheRowsAlreadyStored() throws {
        let database = try olderDatabase(upTo: "v5-ingest-in-batches", holding: ["""
            INSERT INTO paragraphs (document_id, position, role, line, start, "end", text) VALUES (1, 0, 'body', 1, 0, 6, '推动教育资源')
            """])
        let store = try Store(database: database)
        #expect(try store.search(TextSearch(term: SearchTerm("教育"))).map(\.source) == ["a.txt"])
        #expect(try store.search(TextSearch(term: SearchTerm("教育资源"))).map(\.source) == ["a.txt"])
    }

    /// `v9-bigram-index-without-positions` indexes the stored paragraphs again; a short term with
    /// letters matches in its case, a longer one in any case, as before.
    @Test func theIndexWithoutPositionsTakesTheRowsAlreadyStored() throws {
        let database = try olderDatabase(upTo: "v8-claim-section-titles-by-span", holding: [
            #"INSERT INTO paragraphs (document_id, position, role, line, start, "end", text) VALUES (1, 0, 'body', 1, 0, 9, 'GDP增长,GDP总量')"#,
            #"INSERT INTO paragraphs (document_id, position, role, line, start, "end", text) VALUES (1, 1, 'body', 2, 9, 14, '国内gdp')"#,
        ])
        let store = try Store(database: database)
        func starts(_ term: String) throws -> [Int] { try store.search(TextSearch(term: SearchTerm(term))).map(\.start) }
        #expect(try starts("GD") == [0])
        #expect(try starts("d") == [9])
        #expect(try starts("GDP") == [0, 9])
        #expect(try starts("p增长") == [0])
        #expect(try starts("增长") == [0])
    }

    /// `v8-claim-section-titles-by-span` drops the claims' copy of their section titles from a
    /// database made before it; `query` then reads the same titles from the sections.
    @Test func upgradedClaimsReadTheirSectionTitlesFromTheSections() throws {
        let database = try olderDatabase(upTo: "v7-claim-sentence-spans", holding: OlderDatabase.claimWithSectionTitles)
        let store = try Store(database: database)
        let columns = try database.read { db in try db.columns(in: "claims").map(\.name) }
        #expect(!columns.contains("section_titles"))
        #expect(try store.claims(ClaimQuery()).map(\.sectionTitles) == [OlderDatabase.sectionTitles])
    }

    /// `v10-coded-columns-without-unused-keys` stores the kind, unit category and qualifier of the
    /// claims already stored, and the role of the paragraphs, as codes, a value without a code as
    /// its text; they read back as they were, the rows with their ids (the bigram index holds them).
    @Test func codedClaimsReadBackTheirText() throws {
        let database = try olderDatabase(upTo: "v9-bigram-index-without-positions", holding: [
            """
            INSERT INTO claims (document_id, claim_index, text, value, value_real, unit, unit_category, kind, qualifier,
              start, "end", sentence_start, sentence_end, sentence) VALUES
              (1, 0, '约39.5%', '39.5', 39.5, '%', NULL, 'percent', 'about', 1, 6, 0, 9, ''),
              (1, 1, '3/4', '0.75', 0.75, NULL, 'share', 'fraction', NULL, 7, 10, 0, 9, '')
            """,
            #"INSERT INTO paragraphs (document_id, position, role, line, start, "end", text) VALUES (1, 0, 'heading', 1, 0, 9, '约39.5%,3/4')"#,
            #"INSERT INTO paragraphs (document_id, position, role, line, start, "end", text) VALUES (1, 1, 'footer', 2, 10, 12, '附注')"#,
        ])
        let store = try Store(database: database)
        let rows = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, unit_category, qualifier, typeof(kind_code) AS stored FROM claims ORDER BY id")
        }
        #expect(rows.map { $0["kind"] as String } == ["percent", "fraction"])
        #expect(rows.map { $0["stored"] as String } == ["integer", "text"])
        #expect(rows.map { $0["unit_category"] as String? } == [nil, "share"])
        #expect(rows.map { $0["qualifier"] as String? } == ["about", nil])
        #expect(try store.claims(ClaimQuery(kind: "percent")).map(\.text) == ["约39.5%"])
        #expect(try store.claims(ClaimQuery(kind: "fraction")).map(\.qualifier) == [nil])
        #expect(try store.claims(ClaimQuery(kind: "ratio")).isEmpty)
        let roles = try database.read { db in
            try String.fetchAll(db, sql: "SELECT id || ' ' || role || ' ' || typeof(role_code) FROM paragraphs ORDER BY id")
        }
        #expect(roles == ["1 heading integer", "2 footer text"])
    }

    @Test func migratingTwiceChangesNothing() throws {
        let database = try DatabaseQueue()
        try Schema.migrator.migrate(database)
        let before = try database.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name") }
        try Schema.migrator.migrate(database)
        let after = try database.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name") }
        #expect(before == after)
    }

    @Test func everyChildTableCascadesFromItsParent() throws {
        let database = try DatabaseQueue()
        try Schema.migrator.migrate(database)
        try database.read { db in
            let cascades: [String: [String]] = [
                "sections": ["documents", "sections"], "paragraphs": ["documents"], "claims": ["documents"],
                "changes": ["documents", "claims"], "breakdowns": ["documents", "claims"],
                "breakdown_parts": ["breakdowns", "claims"], "rates": ["documents", "claims"], "rate_parts": ["rates", "claims"], "lists": ["documents"],
                "list_items": ["lists", "documents"], "findings": ["documents"], "finding_claims": ["findings", "claims"],
            ]
            for (table, parents) in cascades {
                let keys = try Row.fetchAll(db, sql: "SELECT \"table\", on_delete FROM pragma_foreign_key_list(?)", arguments: [table])
                for parent in parents {
                    #expect(keys.contains { $0["table"] == parent && $0["on_delete"] == "CASCADE" }, "\(table) → \(parent)")
                }
            }
        }
    }

    @Test func theQueriedColumnsAreIndexed() throws {
        let database = try DatabaseQueue()
        try Schema.migrator.migrate(database)
        let leading = try database.read { db in
            try Schema.tables.flatMap { table in try db.indexes(on: table).compactMap { $0.columns.first.map { "\(table).\($0)" } } }
        }
        for column in [
            "documents.sha256", "documents.issuer", "documents.year", "claims.document_id", "claims.unit", "claims.kind_code",
            "claims.value_real", "sections.kind", "finding_claims.claim_id", "findings.rule",
        ] {
            #expect(leading.contains(column), "\(column)")
        }
    }
}
