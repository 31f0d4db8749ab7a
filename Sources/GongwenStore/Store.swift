import Foundation
import GRDB
import Synchronization

/// The SQLite database of ingested documents: one file, migrated to the current schema when
/// opened for writing, written by one writer, read concurrently (WAL) by readers that never write.
///
/// `try Store(path: "gongwen.sqlite")` opens or creates the file; `try await store.write(rows)`
/// adds `corpus/000_842ce01806219f2e.txt` (巴中市民政局) in one transaction, or reports it a
/// duplicate when its SHA-256 is already there.
public final class Store: Sendable {
    public let database: any DatabaseWriter
    private let spent = Mutex(WriterTime())

    /// How long this store has spent writing documents, and of that feeding the full-text index:
    /// what `bench-store` reports to show where ingest time goes.
    ///
    /// After ingesting 1,000 documents: writing 10.1 s, full text 5.0 s, committing 3.2 s.
    public struct WriterTime: Sendable, Equatable {
        /// Inside `write`, commits included.
        public var writing = Duration.zero
        /// The part of `writing` spent adding the new rows to the FTS5 indexes.
        public var fullText = Duration.zero
        /// The part of `writing` spent committing: FTS5 flushes the batch's pending terms as a
        /// segment and merges segments then, and SQLite writes the changed pages to the WAL.
        public var committing = Duration.zero
        /// The CPU time of the writer's thread inside `write`, in seconds: `writing` less the
        /// time the thread waited for a core or the disk.
        public var cpuSeconds = 0.0
        /// Documents written (not duplicates, not refused).
        public var documents = 0
        /// Inside `analyze()`, merging the bigram indexes' segments into one (not part of `writing`).
        public var merging = Duration.zero
    }

    public var writerTime: WriterTime { spent.withLock { $0 } }

    /// What a command does with the database: `ingest` writes, the readers only read.
    public enum Access: Sendable {
        /// Creates the file if needed, refuses a damaged or foreign one, migrates it.
        case write
        /// Opens with `SQLITE_OPEN_READONLY`; never creates, migrates or changes the file.
        case read
    }

    /// Opens the database file at `path`: for writing in WAL mode (creating and migrating it), or
    /// read-only. Throws `Schema.Problem` for a file that is not a gongwen database, one made by
    /// another version, or (before writing) one that `PRAGMA quick_check` finds damaged.
    public convenience init(path: String, access: Access = .write) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.readonly = access == .read
        // WAL with synchronous=NORMAL: a commit survives the process being killed (the resumable
        // ingest relies on that); only an OS crash can lose the last commits, never consistency,
        // and a re-run ingests them again. FULL would fsync every document's transaction.
        // The writer keeps up to 128 MB of pages: past a few thousand documents the claims' value
        // and unit indexes no longer fit SQLite's default 2 MB, and every batch read and rewrote
        // the same pages. A new file keeps the free pages at its end (auto_vacuum, which can only be
        // chosen before the first table): merging the full-text index's segments frees as many
        // pages as the merged segments held, a quarter of the file after 2,000 documents, and
        // `analyze()` gives them back at the end of an ingest. An older file keeps its free pages
        // for the next ingest to reuse. A new file has pages of 16 KB: with 4 KB a paragraph of
        // 3 KB and one of 2 KB could not share a page, and 13% of the paragraphs' pages were empty
        // space (49 of 380 MB at 10,000 documents; 11 of 341 MB with 16 KB). A new file stores its
        // text as UTF-16: nearly all of it is Chinese, three bytes a character in UTF-8 and two in
        // UTF-16 (the paragraphs 225 MB where they were 323 MB at 10,000 documents). Big-endian, so
        // that SQLite's byte-wise comparison of text keeps the order of the characters (little-
        // endian would put `教` before `a`); it differs from the order of code points only for
        // characters beyond U+FFFF, which sort before U+E000…U+FFFF. SQLite converts to and from
        // the UTF-8 gongwen binds and reads; an older file keeps UTF-8 (the pragma only applies to
        // a file that holds nothing yet).
        configuration.prepareDatabase { db in
            Occurrences.register(db)
            // Readers map the file instead of copying each page they read: search reads the text of
            // every paragraph holding a term (50,000 for `教育` at 10,000 documents), and the copies
            // cost as much as the reading. SQLite caps the mapping at 2 GB; the pages are the OS's
            // file cache, shared and given back under memory pressure.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA mmap_size = 2147483648") }
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA encoding = 'UTF-16be'")
                try db.execute(sql: "PRAGMA page_size = 16384")
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA cache_size = -131072")
            }
        }
        switch access {
        case .read:
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.read { db in _ = try Schema.check(db, writing: false) }
            self.init(checked: queue)
        case .write:
            // Checked read-only first: opening the pool would switch a foreign file to WAL.
            let existing = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if existing > 0 {
                var reading = configuration
                reading.readonly = true
                try DatabaseQueue(path: path, configuration: reading).read { db in
                    try Schema.check(db, writing: true)
                    if let damage = try Schema.damage(db) { throw Schema.Problem.damaged(damage) }
                }
            }
            try self.init(database: DatabasePool(path: path, configuration: configuration))
        }
    }

    /// Uses `database` (a `DatabaseQueue()` in memory for tests) and migrates it. The SQL
    /// functions gongwen's queries use are added to its writer connection, which is every
    /// connection of a `DatabaseQueue`.
    public init(database: any DatabaseWriter) throws {
        self.database = database
        database.writeWithoutTransaction { db in Occurrences.register(db) }
        try Schema.migrate(database)
    }

    private init(checked database: any DatabaseWriter) {
        self.database = database
    }

    /// What writing a document did.
    public enum WriteOutcome: Sendable, Equatable {
        /// Written, with the row id of the document.
        case inserted(Int64)
        /// The same bytes are already stored, under this source.
        case duplicate(of: String)
        /// SQLite refused a row of it (a constraint, a value too big); nothing of it was written.
        case failed(reason: String)
    }

    /// Whether a document with these bytes is stored: lets a resumed ingest skip parsing.
    public func contains(sha256: String) async throws -> Bool {
        try await database.read { db in
            try DocumentRecord.filter(Column("sha256") == sha256).fetchCount(db) > 0
        }
    }

    /// Writes one document and everything in it: either all of it is in the database or none of
    /// it. A stored SHA-256 makes it a no-op. A success clears an earlier ingest error of the same
    /// path.
    public func write(_ rows: DocumentRows, run: Int64? = nil) async throws -> WriteOutcome {
        try await write([rows], run: run)[0]
    }

    /// Writes documents in one transaction, each inside its own savepoint (a nested transaction):
    /// a document is all in the database or not at all, and one that SQLite refuses is rolled back
    /// alone while the others stay. One commit for many documents is what makes ingest fast: each
    /// commit rewrites the index pages it touched and flushes the full-text index's pending terms
    /// as a new segment. An ingest killed before the commit loses the whole batch, which its next
    /// run parses again. The new paragraphs and list items enter the bigram index together at the
    /// end of the transaction.
    public func write(_ batch: [DocumentRows], run: Int64? = nil) async throws -> [WriteOutcome] {
        let started = ContinuousClock.now
        defer { spent.withLock { $0.writing += ContinuousClock.now - started } }
        return try await database.writeWithoutTransaction { db in
            let cpu = ThreadCPUClock.seconds()
            defer { self.spent.withLock { $0.cpuSeconds += ThreadCPUClock.seconds() - cpu } }
            var outcomes: [WriteOutcome] = []
            var committing = ContinuousClock.now
            try db.inTransaction(.immediate) {
                outcomes = try self.insert(batch, run: run, db)
                committing = ContinuousClock.now
                return .commit
            }
            let written = outcomes.filter { if case .inserted = $0 { true } else { false } }.count
            self.spent.withLock {
                $0.committing += ContinuousClock.now - committing
                $0.documents += written
            }
            return outcomes
        }
    }

    /// The rows of `batch` inside the transaction of `write(_:run:)`, the bigram index fed last.
    private func insert(_ batch: [DocumentRows], run: Int64?, _ db: Database) throws -> [WriteOutcome] {
        var grams = FullTextRows()
        let outcomes = try batch.map { rows in
            var outcome = WriteOutcome.failed(reason: "not written")
            do {
                var written = FullTextRows()
                try db.inSavepoint {
                    outcome = try Self.insert(rows, run: run, into: &written, db)
                    return .commit
                }
                grams.append(written)
            } catch let error as DatabaseError where Self.refusesOneDocument(error) {
                outcome = .failed(reason: error.message ?? error.description)
            }
            return outcome
        }
        let indexing = ContinuousClock.now
        try grams.insert(db)
        self.spent.withLock { $0.fullText += ContinuousClock.now - indexing }
        return outcomes
    }

    /// The rows of a batch for the bigram indexes: row id and `Bigrams.indexed` text.
    private struct FullTextRows {
        var paragraphs: [(Int64, String)] = []
        /// Only the paragraphs with a pair standing twice or more (`Bigrams.repeats`).
        var paragraphRepeats: [(Int64, String)] = []
        var listItems: [(Int64, String)] = []

        mutating func append(_ other: FullTextRows) {
            paragraphs += other.paragraphs
            paragraphRepeats += other.paragraphRepeats
            listItems += other.listItems
        }

        func insert(_ db: Database) throws {
            for (table, rows) in [("paragraphs_grams", paragraphs), ("paragraphs_repeats", paragraphRepeats), ("list_items_grams", listItems)] {
                let statement = try BoundStatement(db, sql: "INSERT INTO \(table)(rowid, grams) VALUES (?, ?)")
                for (id, text) in rows { try statement.execute([id, text]) }
            }
        }
    }

    /// Errors that concern the rows of one document, after which the transaction can go on; any
    /// other (disk full, I/O) ends the ingest.
    private static func refusesOneDocument(_ error: DatabaseError) -> Bool {
        [.SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH, .SQLITE_RANGE].contains(error.resultCode)
    }

    private static func insert(_ rows: DocumentRows, run: Int64?, into grams: inout FullTextRows, _ db: Database) throws -> WriteOutcome {
        if let existing = try String.fetchOne(db, sql: "SELECT source FROM documents WHERE sha256 = ?", arguments: [rows.document.sha256]) {
            return .duplicate(of: existing)
        }
        var document = rows.document
        document.runId = run
        // The document row through GRDB's execution, which reports it to transaction observers
        // (a watcher of new documents); its child rows, nearly all rows, bypass it (`RowInserter`).
        try db.cachedStatement(sql: DocumentRecord.insertSQL).execute(arguments: StatementArguments(document.insertValues))
        let documentId = db.lastInsertedRowID
        try db.execute(sql: "DELETE FROM ingest_errors WHERE path = ?", arguments: [document.source])

        let sections = try RowInserter<SectionRecord>(db)
        var sectionIds: [Int64] = []
        for row in rows.sections {
            var section = row.record
            section.documentId = documentId
            section.parentId = row.parent.map { sectionIds[$0] }
            sectionIds.append(try sections.insert(section))
        }
        let paragraphs = try RowInserter<ParagraphRecord>(db)
        for (index, var paragraph) in rows.paragraphs.enumerated() {
            paragraph.documentId = documentId
            let id = try paragraphs.insert(paragraph)
            grams.paragraphs.append((id, rows.paragraphGrams[index]))
            if !rows.paragraphRepeats[index].isEmpty { grams.paragraphRepeats.append((id, rows.paragraphRepeats[index])) }
        }
        let claims = try RowInserter<ClaimRecord>(db)
        var claimIds: [Int: Int64] = [:]
        for var claim in rows.claims {
            claim.documentId = documentId
            claimIds[claim.claimIndex] = try claims.insert(claim)
        }
        try insertLinks(rows, documentId: documentId, claimIds: claimIds, db)
        let lists = try RowInserter<ListRecord>(db)
        let items = try RowInserter<ListItemRecord>(db)
        for list in rows.lists {
            var record = list.record
            record.documentId = documentId
            let listId = try lists.insert(record)
            for (var item, text) in zip(list.items, list.itemGrams) {
                item.listId = listId
                item.documentId = documentId
                grams.listItems.append((try items.insert(item), text))
            }
        }
        let findings = try RowInserter<FindingRecord>(db)
        let findingClaims = try RowInserter<FindingClaimRecord>(db)
        for finding in rows.findings {
            var record = finding.record
            record.documentId = documentId
            let findingId = try findings.insert(record)
            for claimId in finding.claimIndexes.compactMap({ claimIds[$0] }) {
                try findingClaims.insert(FindingClaimRecord(findingId: findingId, claimId: claimId))
            }
        }
        return .inserted(documentId)
    }

    /// Changes, breakdowns and rates, their claim indexes turned into claim row ids. A link to a
    /// claim index the document does not have is left out (a change keeps its other ends).
    private static func insertLinks(_ rows: DocumentRows, documentId: Int64, claimIds: [Int: Int64], _ db: Database) throws {
        func claim(_ index: Int?) -> Int64? { index.flatMap { claimIds[$0] } }
        let changes = try RowInserter<ChangeRecord>(db)
        for change in rows.changes {
            try changes.insert(ChangeRecord(
                id: nil, documentId: documentId, fromClaimId: claim(change.from), toClaimId: claim(change.to),
                deltaClaimId: claim(change.delta), rateClaimId: claim(change.rate), direction: change.direction?.rawValue,
                start: change.start, end: change.end))
        }
        let breakdowns = try RowInserter<BreakdownRecord>(db)
        let breakdownParts = try RowInserter<BreakdownPartRecord>(db)
        for breakdown in rows.breakdowns {
            guard let total = claim(breakdown.total) else { continue }
            let breakdownId = try breakdowns.insert(
                BreakdownRecord(id: nil, documentId: documentId, totalClaimId: total, start: breakdown.start, end: breakdown.end))
            for (position, part) in breakdown.parts.enumerated() {
                guard let claimId = claim(part) else { continue }
                try breakdownParts.insert(BreakdownPartRecord(breakdownId: breakdownId, position: position, claimId: claimId))
            }
        }
        let rates = try RowInserter<RateRecord>(db)
        let rateParts = try RowInserter<RatePartRecord>(db)
        for rate in rows.rates {
            guard let rateId = claim(rate.rate), let numerator = claim(rate.numerator) else { continue }
            let recordId = try rates.insert(RateRecord(
                id: nil, documentId: documentId, kind: rate.kind.rawValue, rateClaimId: rateId, numeratorClaimId: numerator,
                denominatorClaimId: rate.denominator.flatMap(claim), start: rate.start, end: rate.end))
            for (position, part) in (rate.denominatorParts ?? []).enumerated() {
                guard let claimId = claim(part) else { continue }
                try rateParts.insert(RatePartRecord(rateId: recordId, position: position, claimId: claimId))
            }
        }
    }

    /// Records that `path` could not be read; replaces an earlier error of the same path.
    public func recordError(path: String, code: String, reason: String, run: Int64? = nil) async throws {
        try await database.write { db in
            var record = IngestErrorRecord(
                id: nil, path: path, code: code, reason: reason, runId: run, recordedAt: Date().formatted(.iso8601))
            try record.insert(db)
        }
    }

    /// Starts the bookkeeping of an ingest run over `paths`.
    public func beginRun(paths: [String]) async throws -> Int64 {
        try await database.write { db in
            var run = IngestRunRecord(
                id: nil, startedAt: Date().formatted(.iso8601), finishedAt: nil,
                paths: String(decoding: try JSONEncoder().encode(paths), as: UTF8.self),
                files: 0, ingested: 0, duplicates: 0, skipped: 0, failed: 0)
            try run.insert(db)
            return run.id!
        }
    }

    /// Closes the bookkeeping of run `id` with its counts.
    public func finishRun(_ id: Int64, files: Int, ingested: Int, duplicates: Int, skipped: Int, failed: Int) async throws {
        try await database.write { db in
            guard var run = try IngestRunRecord.fetchOne(db, key: id) else { return }
            run.finishedAt = Date().formatted(.iso8601)
            run.files = files
            run.ingested = ingested
            run.duplicates = duplicates
            run.skipped = skipped
            run.failed = failed
            try run.update(db)
        }
    }

    /// Refreshes the statistics SQLite's planner uses to pick indexes (sampling each index, so it
    /// takes about a second on 10,000 documents); `ingest` calls it after adding documents. When
    /// this store wrote at least an eighth of the documents the file holds, first merges each
    /// bigram index into one segment (FTS5's `optimize`: each term then stands once in the index,
    /// 118 of 129 MB at 10,000 documents, 2.5 s of CPU); so a series of small ingests merges the
    /// whole index only each time the file has grown by an eighth, which keeps the merging linear
    /// in what is ingested. Then gives the free pages back (a file made with `auto_vacuum`, see
    /// `init(path:access:)`) and checkpoints the WAL into the file, so that the file is as large
    /// as what it holds.
    public func analyze() async throws {
        let written = writerTime.documents
        try await database.writeWithoutTransaction { db in
            let stored = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
            if written > 0, written * 8 >= stored {
                let merging = ContinuousClock.now
                for table in Schema.fullTextTables.map({ "\($0)_grams" }) + ["paragraphs_repeats"] {
                    try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('optimize')")
                }
                self.spent.withLock { $0.merging += ContinuousClock.now - merging }
            }
            try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
            if try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2 {
                try db.execute(sql: "PRAGMA incremental_vacuum")
            }
        }
        if let pool = database as? DatabasePool {
            _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
    }

    /// The number of rows in each table of `Schema.tables`.
    public func rowCounts() throws -> [String: Int] {
        try database.read { db in
            var counts: [String: Int] = [:]
            for table in Schema.tables {
                counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            }
            return counts
        }
    }
}
