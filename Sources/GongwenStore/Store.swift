import Foundation
import GRDB
import Synchronization

/// The SQLite database of ingested documents: the rows in one file, migrated to the current
/// schema when opened for writing, and their bigram index in a second file beside it
/// (`FullTextIndex`: `gongwen.sqlite-fts`), each written by a writer of its own, both read
/// concurrently (WAL) by readers that never write.
///
/// `try Store(path: "gongwen.sqlite")` opens or creates the files; `try await store.write(rows)`
/// adds `corpus/000_842ce01806219f2e.txt` (巴中市民政局) in one transaction, or reports it a
/// duplicate when its SHA-256 is already there.
public final class Store: Sendable {
    /// The rows; on a store given one connection (`init(database:)`), the index too.
    public let database: any DatabaseWriter
    /// The index file's writer, `nil` when `database` holds the index.
    let index: DatabasePool?
    private let spent = Mutex(WriterTime())
    /// The index's feed of the last batch written, which runs while the rows' writer goes on.
    private let indexing = Mutex<Task<Void, any Error>?>(nil)
    /// Whether the first batch this store wrote went into a file holding no claims, which then lost
    /// the claims' indexes of `Schema.deferredIndexes` until `analyze()`; `nil` before that batch.
    private let filling = Mutex<Bool?>(nil)
    /// Whether the index's merging is set for a file being filled (`FullTextIndex.setMerging`).
    private let mergingDeferred = Mutex(false)

    /// How long this store has spent writing documents, and of that feeding the full-text index:
    /// what `bench-store` reports to show where ingest time goes.
    ///
    /// After ingesting 1,000 documents: writing 10.1 s, full text 5.0 s, committing 3.2 s.
    public struct WriterTime: Sendable, Equatable {
        /// The rows' writer inside `write`, commits included.
        public var writing = Duration.zero
        /// Adding the new rows to the FTS5 indexes: with the index in its own file, all the
        /// index's writer did, its commits included (not part of `writing`, it runs beside it);
        /// in one database, the part of `writing` spent feeding the index.
        public var fullText = Duration.zero
        /// The part of `writing` spent committing: SQLite writes the changed pages to the WAL (and
        /// in one database FTS5 flushes the batch's pending terms as a segment and merges segments).
        public var committing = Duration.zero
        /// The CPU time of the writer's thread inside `write`, in seconds: `writing` less the
        /// time the thread waited for a core or the disk.
        public var cpuSeconds = 0.0
        /// The CPU time of the index's writer, in seconds (0 when the index is in `database`).
        public var fullTextCPUSeconds = 0.0
        /// Whether the index has a writer of its own, so that `fullText` is not part of `writing`.
        public var fullTextApart = false
        /// The part of `writing` spent inserting the rows: neither committing nor feeding the index.
        public var rows: Duration { writing - committing - (fullTextApart ? .zero : fullText) }
        /// Documents written (not duplicates, not refused).
        public var documents = 0
        /// Inside `analyze()`, merging the bigram indexes' segments into one (not part of `writing`).
        public var merging = Duration.zero
        /// Inside `analyze()`, creating the claims' indexes an ingest into a file without claims
        /// left out (`Schema.deferredIndexes`), beside the merging (not part of `writing`).
        public var creatingIndexes = Duration.zero
    }

    public var writerTime: WriterTime { spent.withLock { $0 } }

    /// The files of the database at `path`, what copying or deleting it takes: the rows' file and
    /// the index's (`FullTextIndex`), each with its WAL and shared memory; `gongwen.sqlite`,
    /// `gongwen.sqlite-wal`, `gongwen.sqlite-shm`, `gongwen.sqlite-fts`, `gongwen.sqlite-fts-wal`,
    /// `gongwen.sqlite-fts-shm`.
    public static func files(of path: String) -> [String] {
        [path, FullTextIndex.path(of: path)].flatMap { [$0, $0 + "-wal", $0 + "-shm"] }
    }

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
        let indexPath = FullTextIndex.path(of: path)
        configuration.prepareDatabase { db in
            Occurrences.register(db)
            if db.configuration.readonly {
                // Readers map the file instead of copying each page they read: search reads the text
                // of every paragraph holding a term (50,000 for `教育` at 10,000 documents), and the
                // copies cost as much as the reading. SQLite caps the mapping at 2 GB; the pages are
                // the OS's file cache, shared and given back under memory pressure.
                try db.execute(sql: "PRAGMA mmap_size = 2147483648")
                // Readers see the index's tables under their own names. Only readers: a writer's
                // `BEGIN IMMEDIATE` would lock every attached file, and the rows' writer would wait
                // for the index's.
                if FileManager.default.fileExists(atPath: indexPath) {
                    try db.execute(sql: "ATTACH DATABASE ? AS \(FullTextIndex.attachedName)", arguments: [indexPath])
                    try db.execute(sql: "PRAGMA \(FullTextIndex.attachedName).mmap_size = 2147483648")
                }
            } else {
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
            guard FileManager.default.fileExists(atPath: indexPath) else { throw Schema.Problem.fullTextMissing(indexPath) }
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
            try self.init(database: DatabasePool(path: path, configuration: configuration), indexPath: indexPath)
        }
    }

    /// Opens (creating it if needed) the index file at `path` for writing. In the rows' encoding
    /// (SQLite attaches only a file of the main one's; the index stores no text), pages of 16 KB as
    /// the rows' (with 4 KB, search of `教育` took twice as long at 10,000 documents: 48,700 lookups
    /// in the index's `_docsize`), a page cache of 128 MB as the rows' writer (with 64 MB the
    /// index's writer spent a third more CPU: FTS5's merges read the segments written before),
    /// free pages given back after its segments are merged.
    private static func openIndex(_ path: String, encoding: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            if db.configuration.readonly { return }
            try db.execute(sql: "PRAGMA encoding = '\(encoding)'")
            try db.execute(sql: "PRAGMA page_size = 16384")
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -131072")
        }
        let index = try DatabasePool(path: path, configuration: configuration)
        try index.write { db in
            try FullTextIndex.create(db)
            // An ingest killed while it filled the file leaves FTS5's merging as it set it.
            try FullTextIndex.setMerging(filling: false, db)
        }
        return index
    }

    /// Uses `database` (a `DatabaseQueue()` in memory for tests), migrates it, and keeps the
    /// full-text index in it (its tables made by `FullTextIndex.create`, fed inside each batch's
    /// transaction). The SQL functions gongwen's queries use are added to its writer connection,
    /// which is every connection of a `DatabaseQueue`.
    public convenience init(database: any DatabaseWriter) throws {
        try self.init(database: database, indexPath: nil)
    }

    /// Migrates `database`, opens the index file at `indexPath` (in `database` without one), then
    /// indexes the rows the index lacks: those of a database made before the index had its own
    /// file, or committed by a writer killed before its index's commit. The index file is opened
    /// after the migration, in the encoding the rows' file then has for good, and before any reader
    /// of `database` (each attaches the index file when it opens).
    private init(database: any DatabaseWriter, indexPath: String?) throws {
        self.database = database
        database.writeWithoutTransaction { db in Occurrences.register(db) }
        try Schema.migrate(database)
        if !database.configuration.readonly { try database.write(Schema.createDeferredIndexes) }
        if let indexPath {
            let encoding = try database.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA encoding") } ?? "UTF-8"
            index = try Self.openIndex(indexPath, encoding: encoding)
        } else {
            index = nil
        }
        spent.withLock { $0.fullTextApart = self.index != nil }
        if let index {
            try index.write { db in
                try FullTextIndex.catchUp(content: { table, ids, limit in
                    try database.read { try FullTextIndex.content(table, ids, limit: limit, $0) }
                }, lastIds: { try database.read(FullTextIndex.lastIds) }, db)
            }
        } else {
            try database.write { db in
                try FullTextIndex.create(db)
                try FullTextIndex.catchUp(
                    content: { table, ids, limit in try FullTextIndex.content(table, ids, limit: limit, db) }, lastIds: { try FullTextIndex.lastIds(db) }, db)
            }
        }
    }

    private init(checked database: any DatabaseWriter) {
        self.database = database
        self.index = nil
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
    /// commit rewrites the index pages it touched. An ingest killed before the commit loses the
    /// whole batch, which its next run parses again. The new paragraphs and list items enter the
    /// bigram index together after the commit, in the index's own file and transaction while the
    /// next batch's rows are written (`FullTextIndex`); `write` returns once the batch before is
    /// indexed, so one batch at most waits for its index. In one database (`init(database:)`) they
    /// enter it at the end of the batch's own transaction. The first batch a database file holding no
    /// claims gets drops the claims' indexes of `Schema.deferredIndexes`, which `analyze()` creates
    /// again from all the rows at the end of the ingest (the next writer opening the file, if the
    /// ingest was killed before); readers meanwhile find the same claims, more slowly.
    public func write(_ batch: [DocumentRows], run: Int64? = nil) async throws -> [WriteOutcome] {
        let started = ContinuousClock.now
        let (outcomes, grams) = try await database.writeWithoutTransaction { db in
            let cpu = ThreadCPUClock.seconds()
            defer { self.spent.withLock { $0.cpuSeconds += ThreadCPUClock.seconds() - cpu } }
            var outcomes: [WriteOutcome] = []
            var grams = FullTextIndex.Batch()
            var committing = ContinuousClock.now
            try db.inTransaction(.immediate) {
                if self.index != nil, self.filling.withLock({ $0 }) == nil {
                    let empty = try Schema.dropDeferredIndexesIfEmpty(db)
                    self.filling.withLock { $0 = empty }
                }
                (outcomes, grams) = try self.insert(batch, run: run, db)
                if self.index == nil {
                    let indexing = ContinuousClock.now
                    try FullTextIndex.feed(grams, content: { table, ids, limit in try FullTextIndex.content(table, ids, limit: limit, db) }, db)
                    self.spent.withLock { $0.fullText += ContinuousClock.now - indexing }
                }
                committing = ContinuousClock.now
                return .commit
            }
            let written = outcomes.filter { if case .inserted = $0 { true } else { false } }.count
            self.spent.withLock {
                $0.committing += ContinuousClock.now - committing
                $0.documents += written
            }
            return (outcomes, grams)
        }
        spent.withLock { $0.writing += ContinuousClock.now - started }
        if let index, !grams.isEmpty { try await feed(grams, into: index) }
        return outcomes
    }

    /// Starts feeding `grams` to the index file after the batch before, and waits for that one.
    private func feed(_ grams: FullTextIndex.Batch, into index: DatabasePool) async throws {
        let previous = indexing.withLock { last in
            let previous = last
            last = Task {
                // The batch before reports its own error to its writer; this one reads the rows it
                // left out from the content table.
                _ = try? await previous?.value
                try await index.writeWithoutTransaction { db in
                    let started = ContinuousClock.now
                    let cpu = ThreadCPUClock.seconds()
                    defer {
                        self.spent.withLock {
                            $0.fullText += ContinuousClock.now - started
                            $0.fullTextCPUSeconds += ThreadCPUClock.seconds() - cpu
                        }
                    }
                    try db.inTransaction(.immediate) {
                        if self.filling.withLock({ $0 }) == true, !self.mergingDeferred.withLock({ $0 }) {
                            try FullTextIndex.setMerging(filling: true, db)
                            self.mergingDeferred.withLock { $0 = true }
                        }
                        try FullTextIndex.feed(grams, content: { table, ids, limit in
                            try self.database.read { try FullTextIndex.content(table, ids, limit: limit, $0) }
                        }, db)
                        return .commit
                    }
                }
            }
            return previous
        }
        try await previous?.value
    }

    /// Waits until every batch written is in the full-text index (at once when the index is in
    /// the same database): what a reader of the same store that must find the rows just written
    /// awaits; `analyze()` and `finishRun` await it.
    public func indexed() async throws {
        try await indexing.withLock { $0 }?.value
    }

    /// The rows of `batch` inside the transaction of `write(_:run:)`, and their rows for the bigram index.
    private func insert(_ batch: [DocumentRows], run: Int64?, _ db: Database) throws -> ([WriteOutcome], FullTextIndex.Batch) {
        var grams = FullTextIndex.Batch()
        let outcomes = try batch.map { rows in
            var outcome = WriteOutcome.failed(reason: "not written")
            do {
                var written = FullTextIndex.Batch()
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
        return (outcomes, grams)
    }

    /// Errors that concern the rows of one document, after which the transaction can go on; any
    /// other (disk full, I/O) ends the ingest.
    private static func refusesOneDocument(_ error: DatabaseError) -> Bool {
        [.SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH, .SQLITE_RANGE].contains(error.resultCode)
    }

    private static func insert(_ rows: DocumentRows, run: Int64?, into grams: inout FullTextIndex.Batch, _ db: Database) throws -> WriteOutcome {
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
        try await indexed()
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
    /// in what is ingested; with the index in its own file, the merge runs on the index's writer
    /// while the rows' writer creates the claims' indexes a write into a file without claims left
    /// out (`Schema.deferredIndexes`) and analyzes. Then gives the free pages back (a file made with
    /// `auto_vacuum`, see `init(path:access:)`) and checkpoints each WAL into its file, so that each
    /// file is as large as what it holds. Waits first for every batch to be indexed.
    public func analyze() async throws {
        try await indexed()
        let written = writerTime.documents
        let stored = try await database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0 }
        let merge = written > 0 && written * 8 >= stored
        // With the index in its own file, its segments merge while the rows' writer analyzes.
        async let merged: Void = mergeAndVacuum(index ?? database, merge: merge, analyzing: index == nil)
        if index != nil { try await vacuum(database, analyzing: true) }
        try await merged
        for case let pool as DatabasePool in [database, index] as [(any DatabaseWriter)?] {
            _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        }
    }

    /// Merges each bigram index of `writer` into one segment when `merge` says, then `vacuum`.
    private func mergeAndVacuum(_ writer: any DatabaseWriter, merge: Bool, analyzing: Bool) async throws {
        if index != nil { try await writer.write { db in try FullTextIndex.setMerging(filling: false, db) } }
        if merge {
            try await writer.writeWithoutTransaction { db in
                let merging = ContinuousClock.now
                for table in FullTextIndex.tables {
                    try db.execute(sql: "INSERT INTO \(table)(\(table)) VALUES ('optimize')")
                }
                self.spent.withLock { $0.merging += ContinuousClock.now - merging }
            }
        }
        try await vacuum(writer, analyzing: analyzing)
    }

    /// Refreshes the planner's statistics when `analyzing`, after creating the claims' indexes a
    /// write into a file without claims left out, and gives the free pages back.
    private func vacuum(_ writer: any DatabaseWriter, analyzing: Bool) async throws {
        try await writer.writeWithoutTransaction { db in
            if analyzing {
                let creating = ContinuousClock.now
                try Schema.createDeferredIndexes(db)
                self.spent.withLock { $0.creatingIndexes += ContinuousClock.now - creating }
                try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
            }
            if try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") == 2 {
                try db.execute(sql: "PRAGMA incremental_vacuum")
            }
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
