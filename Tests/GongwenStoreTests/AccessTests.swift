import Foundation
import GRDB
@testable import GongwenStore
import Testing

/// Readers read and writers check: a reader opens read-only and never migrates; a database that
/// is not gongwen's, of a newer schema, or damaged is refused before anything is written; first
/// ingests that race on one new file migrate it once.
@Suite("store access")
struct AccessTests {
    func temporaryPath(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name).path
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aReaderLeavesAnEmptyFileEmpty() throws {
        let path = try temporaryPath("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(throws: Schema.Problem.empty) { try Store(path: path, access: .read) }
        #expect(try bytes(path).isEmpty)
    }

    @Test func aForeignDatabaseIsRefusedByReadersAndWritersUnchanged() throws {
        let path = try temporaryPath("foreign.sqlite")
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x')") }
        let before = try bytes(path)
        #expect(throws: Schema.Problem.notGongwen) { try Store(path: path, access: .read) }
        #expect(throws: Schema.Problem.notGongwen) { try Store(path: path, access: .write) }
        #expect(try bytes(path) == before)
    }

    @Test func aNewerSchemaIsRefused() throws {
        let path = try temporaryPath("newer.sqlite")
        _ = try Store(path: path)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-future')") }
        #expect(throws: Schema.Problem.newer(unknown: ["v99-future"])) { try Store(path: path, access: .read) }
        #expect(throws: Schema.Problem.newer(unknown: ["v99-future"])) { try Store(path: path, access: .write) }
    }

    @Test func anOlderSchemaIsUpgradedByAWriterOnly() throws {
        let path = try temporaryPath("older.sqlite")
        try Schema.migrator.migrate(DatabaseQueue(path: path), upTo: "v3-full-text")
        #expect(throws: Schema.Problem.older(missing: ["v4-rate-shares", "v5-ingest-in-batches", "v6-bigram-index", "v7-claim-sentence-spans", "v8-claim-section-titles-by-span", "v9-bigram-index-without-positions", "v10-coded-columns-without-unused-keys", "v11-full-text-index-in-its-own-file"])) { try Store(path: path, access: .read) }
        _ = try Store(path: path, access: .write)
        let store = try Store(path: path, access: .read)
        #expect(try store.database.read { db in try Schema.migrator.appliedMigrations(db) } == Schema.migrationNames)
    }

    /// A new file is made with `auto_vacuum`: the pages freed in it (by the full-text index's
    /// merges; here by deleted rows) go back at the end of an ingest (`analyze`).
    @Test func aNewFileGivesBackItsFreePagesAfterAnIngest() async throws {
        let path = try temporaryPath("vacuum.sqlite")
        let store = try Store(path: path)
        try await store.database.write { db in
            for index in 0..<2_000 {
                try db.execute(
                    sql: "INSERT INTO ingest_errors (path, code, reason, recorded_at) VALUES (?, 'x', ?, 'now')",
                    arguments: ["file\(index).txt", String(repeating: "空页", count: 50)])
            }
        }
        try await store.database.write { db in try db.execute(sql: "DELETE FROM ingest_errors") }
        let free = try await store.database.read { db in try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0 }
        #expect(free > 20)
        try await store.analyze()
        let after = try await store.database.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA auto_vacuum"), try Int.fetchOne(db, sql: "PRAGMA freelist_count"))
        }
        #expect(after.0 == 2 && after.1 == 0)
    }

    /// A new file holds its text as UTF-16, big-endian (two bytes for a Chinese character, three
    /// in UTF-8), which SQLite compares as the characters' order; claims are written with codes;
    /// the end of the ingest merges the bigram index into one segment.
    @Test func aNewFileStoresItsTextAsUTF16() async throws {
        let path = try temporaryPath("utf16.sqlite")
        let store = try Store(path: path)
        _ = try await store.write(DocumentRows(try Fixture.analysis(source: "a.txt").document))
        try await store.indexed()
        let (encoding, order) = try await store.database.read { db in
            (try String.fetchOne(db, sql: "PRAGMA encoding"),
             try String.fetchAll(db, sql: "SELECT column1 FROM (VALUES ('教'), ('a'), ('Z')) ORDER BY 1"))
        }
        #expect(encoding == "UTF-16be")
        #expect(order == ["Z", "a", "教"])
        #expect(try store.claims(ClaimQuery(kind: "percent")).map(\.text) == ["39.54%"])
        #expect(try store.search(TextSearch(term: SearchTerm("网格化治理"))).map(\.source) == ["a.txt"])
        // The store wrote all the documents the file holds: its end merges the bigram indexes.
        try await store.analyze()
        #expect(store.writerTime.documents == 1 && store.writerTime.merging > .zero)
        #expect(try store.search(TextSearch(term: SearchTerm("网格化治理"))).map(\.source) == ["a.txt"])
    }

    /// The claims' indexes of `Schema.deferredIndexes` a write into a file holding no claims drops,
    /// and FTS5's merging it defers (`FullTextIndex.setMerging`), and who sets them again: the end
    /// of the ingest, or the next writer after an ingest killed before its end. A file that holds
    /// claims keeps them while it is written.
    @Test func anIngestIntoAFileWithoutClaimsCreatesTheirIndexesAtItsEnd() async throws {
        let path = try temporaryPath("deferred.sqlite")
        func indexes() throws -> Set<String> {
            let names = try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims'")
            }
            return Set(names).intersection(Schema.deferredIndexes.map(\.name))
        }
        let all = Set(Schema.deferredIndexes.map(\.name))
        /// FTS5's `automerge` of the index's paragraphs (`FullTextIndex.setMerging`).
        func automerge() throws -> String? {
            try DatabaseQueue(path: FullTextIndex.path(of: path)).read { db in
                try String.fetchOne(db, sql: "SELECT v FROM paragraphs_grams_config WHERE k = 'automerge'")
            }
        }
        func document(_ source: String) throws -> DocumentRows {
            var rows = DocumentRows(try Fixture.analysis(source: "a.txt").document)
            rows.document.source = source
            rows.document.sha256 = String(repeating: String(source.prefix(1)), count: 64)
            return rows
        }
        do {
            let store = try Store(path: path)
            #expect(try indexes() == all)
            _ = try await store.write(document("a.txt"))
            try await store.indexed()
            #expect(try indexes().isEmpty)
            #expect(try automerge() == "0")
            #expect(try store.claims(ClaimQuery(kind: "percent")).map(\.text) == ["39.54%"])
            // Killed here: the next writer creates them.
        }
        let store = try Store(path: path)
        #expect(try indexes() == all)
        #expect(try automerge() == "16")
        _ = try await store.write(document("b.txt"))
        #expect(try indexes() == all)
        try await store.analyze()
        #expect(try indexes() == all)

        let other = try temporaryPath("ended.sqlite")
        let ended = try Store(path: other)
        _ = try await ended.write(document("a.txt"))
        try await ended.analyze()
        let merging = try await DatabaseQueue(path: FullTextIndex.path(of: other)).read { db in
            try String.fetchAll(db, sql: "SELECT v FROM paragraphs_grams_config WHERE k IN ('automerge', 'crisismerge') ORDER BY k")
        }
        #expect(merging == ["16", "16"])
        let created = try await DatabaseQueue(path: other).read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE name IN ('claims_on_value_real', 'claims_on_unit_document_id') ORDER BY name")
        }
        #expect(created == [
            #"CREATE INDEX "claims_on_unit_document_id" ON "claims"("unit", "document_id")"#,
            #"CREATE INDEX "claims_on_value_real" ON "claims"("value_real")"#,
        ])
    }

    @Test func aReaderCannotWrite() throws {
        let path = try temporaryPath("read.sqlite")
        _ = try Store(path: path)
        let store = try Store(path: path, access: .read)
        #expect(throws: DatabaseError.self) {
            try store.database.writeWithoutTransaction { db in try db.execute(sql: "DELETE FROM documents") }
        }
    }

    @Test func aDamagedDatabaseIsRefusedBeforeWriting() throws {
        let path = try temporaryPath("damaged.sqlite")
        let store = try Store(path: path)
        try store.database.write { db in
            for index in 0..<2_000 {
                try db.execute(
                    sql: "INSERT INTO ingest_errors (path, code, reason, recorded_at) VALUES (?, 'x', ?, 'now')",
                    arguments: ["file\(index).txt", String(repeating: "损坏", count: 50)])
            }
        }
        _ = try (store.database as? DatabasePool)?.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        var data = try bytes(path)
        // A whole page in the middle overwritten, its header with it (the page size is at byte 16).
        let pageSize = Int(data[16]) << 8 | Int(data[17])
        let middle = data.count / 2 / pageSize * pageSize
        data.replaceSubrange(middle..<(middle + pageSize), with: Data(repeating: 0x5A, count: pageSize))
        try data.write(to: URL(fileURLWithPath: path))
        #expect {
            try Store(path: path, access: .write)
        } throws: { error in
            guard case Schema.Problem.damaged = error else { return false }
            return true
        }
        #expect(try bytes(path) == data)
    }

    @Test func firstWritersRacingOnANewFileMigrateItOnce() async throws {
        let path = try temporaryPath("race.sqlite")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<6 {
                group.addTask { _ = try Store(path: path) }
            }
            try await group.waitForAll()
        }
        let store = try Store(path: path, access: .read)
        let applied = try await store.database.read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == Schema.migrationNames)
    }
}
