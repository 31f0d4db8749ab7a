import Foundation
import GRDB
@testable import GongwenStore
import Testing
import TestSupport

/// The bigram index in its own file beside the rows (`FullTextIndex`): where it lies, what readers
/// see of it, and what a writer does when the two files disagree.
@Suite("full-text index file")
struct FullTextIndexTests {
    func temporaryPath(_ name: String) throws -> String { try AccessTests().temporaryPath(name) }

    /// The report of 江苏省民政厅 under `source`, with bytes of its own.
    func document(_ source: String) throws -> DocumentRows {
        var rows = DocumentRows(try Fixture.analysis(source: source).document)
        rows.document.sha256 = String(repeating: String(source.prefix(1)), count: 64)
        return rows
    }

    func sources(_ path: String, _ term: String) throws -> [String] {
        try Store(path: path, access: .read).search(TextSearch(term: SearchTerm(term))).map(\.source)
    }

    /// Whether the file at `path` holds the table `name`.
    func holds(_ path: String, _ name: String) throws -> Bool {
        try DatabaseQueue(path: path).read { db in try db.tableExists(name) }
    }

    /// The greatest paragraph id the index file of `path` holds.
    func paragraphsIndexed(_ path: String) throws -> Int64 {
        try DatabaseQueue(path: FullTextIndex.path(of: path)).read { db in try FullTextIndex.progress("paragraphs", db) }
    }

    /// Every row the index file holds once, its FTS5 structure sound.
    func expectSound(_ path: String) throws {
        try DatabaseQueue(path: FullTextIndex.path(of: path)).write { db in
            for table in FullTextIndex.tables {
                try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('integrity-check')")
            }
        }
    }

    @Test func theIndexLiesInAFileOfItsOwn() async throws {
        let path = try temporaryPath("two.sqlite")
        let store = try Store(path: path)
        #expect(try await store.write(document("a.txt")) == .inserted(1))
        try await store.indexed()
        #expect(FullTextIndex.path(of: path) == path + "-fts")
        #expect(try !holds(path, "paragraphs_grams"))
        for table in FullTextIndex.tables { #expect(try holds(path + "-fts", table), "\(table)") }
        #expect(try paragraphsIndexed(path) == Int64(try store.rowCounts()["paragraphs"]!))
        #expect(try sources(path, "网格化治理") == ["a.txt"])
        #expect(try sources(path, "教育") == ["a.txt"])
        try expectSound(path)
    }

    @Test func aReaderWithoutTheIndexFileIsRefused() async throws {
        let path = try temporaryPath("alone.sqlite")
        _ = try await Store(path: path).write(document("a.txt"))
        try FileManager.default.removeItem(atPath: path + "-fts")
        #expect(throws: Schema.Problem.fullTextMissing(path + "-fts")) { try Store(path: path, access: .read) }
        // A writer builds the index again from the rows.
        _ = try Store(path: path)
        #expect(try sources(path, "网格化治理") == ["a.txt"])
        try expectSound(path)
    }

    /// A writer killed after the rows' commit and before the index's: the rows of `b.txt` are
    /// stored, the index does not hold them. The next writer indexes them on opening.
    @Test func aWriterKilledBetweenTheTwoCommitsLosesNothing() async throws {
        let path = try temporaryPath("killed.sqlite")
        let saved = path + "-fts.saved"
        do {
            let store = try Store(path: path)
            _ = try await store.write(document("a.txt"))
            try await store.analyze()  // the index's WAL checkpointed into its file
            try FileManager.default.copyItem(atPath: path + "-fts", toPath: saved)
            _ = try await store.write(document("b.txt"))
            try await store.analyze()
        }
        for suffix in ["-fts", "-fts-wal", "-fts-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try FileManager.default.moveItem(atPath: saved, toPath: path + "-fts")
        #expect(try sources(path, "网格化治理") == ["a.txt"])

        _ = try Store(path: path)
        #expect(try sources(path, "网格化治理") == ["a.txt", "b.txt"])
        #expect(try sources(path, "教育") == ["a.txt", "b.txt"])
        try expectSound(path)
    }

    /// The pair text is fed as the bytes of its UTF-8 (`BoundStatement.execute(rowid:blobOf:)`),
    /// into an index file whose encoding is UTF-16 as the rows': the index holds what the same text
    /// bound as text makes in a UTF-8 database, the same terms in the same rows and the same
    /// number of tokens in each row (`_docsize`, which ranking reads).
    @Test func thePairTextFedAsBytesMakesTheIndexOfTheText() async throws {
        let path = try temporaryPath("utf16.sqlite")
        let store = try Store(path: path)
        let rows = try document("a.txt")
        _ = try await store.write(rows)
        try await store.indexed()
        let reference = try DatabaseQueue()
        try await reference.write { db in
            try FullTextIndex.create(db)
            for (id, text) in rows.paragraphGrams.enumerated() {
                try db.execute(sql: "INSERT INTO paragraphs_grams(rowid, grams) VALUES (?, ?)", arguments: [id + 1, text])
            }
        }
        let indexed = try await DatabaseQueue(path: FullTextIndex.path(of: path)).write { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA encoding") == "UTF-16be")
            return try Self.contents(db)
        }
        let expected = try await reference.write { db in try Self.contents(db) }
        #expect(indexed == expected)
        #expect(indexed.contains("教育 1"))
    }

    /// The terms of `paragraphs_grams` in `db` with the number of rows holding each, then each row's
    /// number of tokens (`_docsize`).
    static func contents(_ db: Database) throws -> [String] {
        try db.execute(sql: "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, paragraphs_grams, row)")
        return try String.fetchAll(db, sql: "SELECT term || ' ' || doc FROM temp.vocabulary ORDER BY term")
            + String.fetchAll(db, sql: "SELECT id || ' ' || hex(sz) FROM paragraphs_grams_docsize ORDER BY id")
    }

    /// A database deleted without its index file, and a new one made under its name: the index
    /// left behind holds row ids the new rows do not reach yet, and is made again from them.
    @Test func anIndexLeftBehindIsMadeAgain() async throws {
        let path = try temporaryPath("again.sqlite")
        do {
            let store = try Store(path: path)
            for source in ["a.txt", "b.txt"] { _ = try await store.write(document(source)) }
            try await store.analyze()
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let store = try Store(path: path)
        _ = try await store.write(document("c.txt"))
        try await store.analyze()
        #expect(try sources(path, "网格化治理") == ["c.txt"])
        #expect(try paragraphsIndexed(path) == Int64(try store.rowCounts()["paragraphs"]!))
        try expectSound(path)
    }

    /// Two writers on one file: a batch whose rows lie past another's not yet indexed takes those
    /// too, and the other's then adds nothing twice.
    @Test func twoWritersIndexEachRowOnce() async throws {
        let path = try temporaryPath("two-writers.sqlite")
        let first = try Store(path: path)
        let second = try Store(path: path)
        for (index, source) in ["a.txt", "b.txt", "c.txt", "d.txt"].enumerated() {
            _ = try await (index.isMultiple(of: 2) ? first : second).write(document(source))
        }
        try await first.indexed()
        try await second.indexed()
        #expect(try sources(path, "网格化治理") == ["a.txt", "b.txt", "c.txt", "d.txt"])
        try expectSound(path)
    }

    /// A file of `v10-coded-columns-without-unused-keys`, its index inside it: the writer that
    /// upgrades it drops those tables and indexes its rows into the index file.
    @Test func anOlderSingleFileMovesItsIndexOut() throws {
        let path = try temporaryPath("older.sqlite")
        try olderFile(path)
        _ = try Store(path: path)
        #expect(try !holds(path, "paragraphs_grams"))
        #expect(try sources(path, "教育") == ["a.txt"])
        #expect(try sources(path, "教育资源") == ["a.txt"])
        try expectSound(path)
    }

    func olderFile(_ path: String) throws {
        try Schema.migrator.migrate(DatabaseQueue(path: path), upTo: "v10-coded-columns-without-unused-keys")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: OlderDatabase.document)
            try db.execute(sql: """
                INSERT INTO paragraphs (document_id, position, role_code, line, start, "end", text) VALUES (1, 0, 0, 1, 0, 6, '推动教育资源')
                """)
        }
    }
}
