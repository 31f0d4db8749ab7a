import Foundation
import GRDB
import Gongwen
@testable import GongwenIngest
import GongwenStore
import Testing
import TestSupport

/// Counts the commits that added documents, and how many each added.
final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private let lock = NSLock()
    private var pending = 0
    private var batches: [Int] = []

    var committed: [Int] { lock.withLock { batches } }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "documents" }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) { lock.withLock { pending += 1 } }

    func databaseDidCommit(_ db: Database) {
        lock.withLock {
            if pending > 0 { batches.append(pending) }
            pending = 0
        }
    }

    func databaseDidRollback(_ db: Database) { lock.withLock { pending = 0 } }
}

/// The ingest loop without the CLI: documents committed `batchSize` at a time or after
/// `commitInterval`, a rerun skipping what is stored, failures booked and the batch going on.
@Suite("ingestion")
struct IngestionTests {
    let corpus = (try? Repository.seedFolder().path) ?? Repository.corpus.path

    func store() throws -> (Store, CommitCounter) {
        let store = try Store(database: DatabaseQueue())
        let counter = CommitCounter()
        store.database.add(transactionObserver: counter, extent: .databaseLifetime)
        return (store, counter)
    }

    @Test func documentsAreCommittedInBatchesOfTheGivenSize() async throws {
        let (store, counter) = try store()
        let summary = try await Ingestion(store: store, options: PipelineOptions(), workers: 2, batchSize: 2, commitInterval: .seconds(3600))
            .run([corpus])
        #expect(summary.ingested == 5)
        #expect(counter.committed == [2, 2, 1])
    }

    @Test func aZeroIntervalCommitsEachDocumentAsItComes() async throws {
        let (store, counter) = try store()
        let summary = try await Ingestion(store: store, options: PipelineOptions(), workers: 1, batchSize: 128, commitInterval: .zero)
            .run([corpus])
        #expect(summary.ingested == 5)
        #expect(counter.committed == [1, 1, 1, 1, 1])
    }

    @Test func aRerunSkipsWhatIsStoredAndIngestsTheRest() async throws {
        let (store, _) = try store()
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus).sorted().map { corpus + "/" + $0 }
        let first = try await Ingestion(store: store, options: PipelineOptions(), workers: 2).run(Array(files.prefix(2)))
        #expect((first.ingested, first.duplicates) == (2, 0))
        let resumed = try await Ingestion(store: store, options: PipelineOptions(), workers: 2).run([corpus])
        #expect((resumed.files, resumed.ingested, resumed.duplicates, resumed.failures.count) == (5, 3, 2, 0))
    }

    @Test func aDocumentPastItsBudgetIsAnErrorAndTheBatchGoesOn() async throws {
        let (store, _) = try store()
        var options = PipelineOptions()
        options.budget = DocumentBudget(time: .zero)
        let summary = try await Ingestion(store: store, options: options, workers: 2).run([corpus + "/000_842ce01806219f2e.txt"])
        #expect(summary.ingested == 0)
        #expect(summary.failures.map(\.code) == ["budget"])
        #expect(summary.failures.map(\.reason) == ["budget exceeded in decode (over 0 ms per document)"])
        let errors = try await store.database.read { db in try String.fetchAll(db, sql: "SELECT code FROM ingest_errors") }
        #expect(errors == ["budget"])
    }
}

/// The files an ingest finds: documents below folders, links followed once, everything else
/// skipped with its reason.
@Suite("document files")
struct DocumentFilesTests {
    @Test func skippedPathsAreListedWithTheirReason() throws {
        let folder = try Repository.temporaryFolder().path
        let manager = FileManager.default
        try manager.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        for name in ["a.txt", "b.HTML", "notes.xlsx", "sub/c.htm"] { manager.createFile(atPath: folder + "/" + name, contents: Data("报告".utf8)) }
        try manager.createSymbolicLink(atPath: folder + "/sub/loop", withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: folder + "/broken.txt", withDestinationPath: "nowhere")
        try manager.createSymbolicLink(atPath: folder + "/zero.txt", withDestinationPath: "/dev/zero")
        let files = DocumentFiles([folder, folder + "/missing"])
        #expect(files.paths == [folder + "/a.txt", folder + "/b.HTML", folder + "/sub/c.htm", folder + "/zero.txt"])
        #expect(files.missing == [folder + "/missing"])
        #expect(files.skipped == [
            DocumentFiles.Skipped(path: folder + "/broken.txt", reason: "broken link"),
            DocumentFiles.Skipped(path: folder + "/notes.xlsx", reason: "not .txt, .html, .htm, .pdf or .docx"),
            DocumentFiles.Skipped(path: folder + "/sub/loop", reason: "folder already read (a link cycle)"),
        ])
    }

    @Test func aLinkedFolderIsFollowed() throws {
        let folder = try Repository.temporaryFolder().path
        try FileManager.default.createSymbolicLink(atPath: folder + "/linked", withDestinationPath: try Repository.seedFolder().path)
        #expect(DocumentFiles([folder]).paths.count == 5)
    }
}
