import Foundation
import Gongwen
import GongwenModel
import GongwenStore
import GongwenText

/// A parsed document waiting for its commit, with the severities of its findings for the summary.
struct Parsed: Sendable {
    var rows: DocumentRows
    var findings: [Severity]
}

/// Where an ingest reports how far it got: `start(total: 1000)`, `update(done: 120)` …, `finish()`.
///
/// The CLI's implementation redraws `ingest 120/1000 files · 35.2 docs/s · ETA 0:25` on standard error.
public protocol IngestProgressReporting: AnyObject {
    func start(total: Int)
    func update(done: Int)
    func finish()
}

/// What happened to one file of an ingest.
enum FileOutcome: Sendable {
    /// Parsed, not yet written.
    case parsed(Parsed)
    /// Its bytes are already stored.
    case duplicate(path: String)
    case failed(path: String, error: DecodeError)
}

/// The counts an ingest reports at the end.
///
/// After `gongwen ingest corpus/` on an empty database: 5 files, 5 ingested, 0 duplicates.
public struct IngestSummary: Sendable {
    public var files = 0
    public var ingested = 0
    public var duplicates = 0
    /// The paths passed over (not a document, unreadable folder, broken link), with the reason.
    public var skipped: [DocumentFiles.Skipped] = []
    public var failures: [(path: String, code: String, reason: String)] = []
    public var findings: [Severity: Int] = [:]
    public var bytes = 0
    public var seconds = 0.0

    public var done: Int { ingested + duplicates + failures.count }
}

/// Reads, parses and stores documents: `workers` parsing tasks pull paths in order; the parsed
/// documents are committed `batchSize` at a time (or whatever is parsed after two seconds), each in
/// its own savepoint, while the next batch is being parsed. At most two batches plus `workers`
/// documents are in memory. A file whose SHA-256 is stored already is not parsed again, which is
/// what makes a killed ingest resume where it stopped.
///
/// `Ingestion(store: store, options: PipelineOptions(), workers: 2).run(["corpus"])` ingests the
/// five seed documents (巴中市民政局 … 江苏省民政厅).
public struct Ingestion {
    public var store: Store
    public var options: PipelineOptions
    public var workers: Int
    /// Documents per commit; 1 commits each document on its own.
    public var batchSize: Int
    /// The longest a parsed document waits for its commit when documents come slowly.
    public var commitInterval: Duration
    public var progress: (any IngestProgressReporting)?

    public init(
        store: Store, options: PipelineOptions, workers: Int, batchSize: Int = 128, commitInterval: Duration = .seconds(2),
        progress: (any IngestProgressReporting)? = nil
    ) {
        self.store = store
        self.options = options
        self.workers = workers
        self.batchSize = batchSize
        self.commitInterval = commitInterval
        self.progress = progress
    }

    /// Finds the documents below `arguments` and ingests them.
    public func run(_ arguments: [String]) async throws -> IngestSummary {
        try await run(DocumentFiles(arguments), arguments: arguments)
    }

    /// Ingests `files`, found from `arguments` (which the run's bookkeeping keeps).
    public func run(_ files: DocumentFiles, arguments: [String]) async throws -> IngestSummary {
        let clock = ContinuousClock.now
        var summary = IngestSummary(files: files.paths.count, skipped: files.skipped)
        let run = try await store.beginRun(paths: arguments)
        for path in files.missing {
            let error = DecodeError.notFound(source: path)
            try await recordFailure(path: path, code: error.code, reason: error.reason, run: run, into: &summary)
        }
        progress?.start(total: files.paths.count)
        var pending: [Parsed] = []
        var writing: (batch: [Parsed], task: Task<[Store.WriteOutcome], any Error>)?
        var lastCommit = ContinuousClock.now
        /// Waits for the batch being written and counts what it did.
        func settle() async throws {
            guard let (batch, task) = writing else { return }
            writing = nil
            for (parsed, outcome) in zip(batch, try await task.value) {
                try await count(parsed, outcome, run: run, into: &summary)
            }
            progress?.update(done: summary.done)
        }
        /// Starts writing the pending documents once the one before is written.
        func commit() async throws {
            try await settle()
            guard !pending.isEmpty else { return }
            let batch = pending
            pending = []
            lastCommit = .now
            writing = (batch, Task { [store] in try await store.write(batch.map(\.rows), run: run) })
        }
        try await inParallel(
            files.paths, width: workers,
            work: { [store, options] path in try await Self.process(path, store: store, options: options) },
            consume: { outcome in
                switch outcome {
                case .parsed(let parsed):
                    pending.append(parsed)
                case .duplicate:
                    summary.duplicates += 1
                case .failed(let path, let error):
                    try await recordFailure(path: path, code: error.code, reason: error.reason, run: run, into: &summary)
                }
                if pending.count >= batchSize || ContinuousClock.now - lastCommit >= commitInterval {
                    try await commit()
                }
                progress?.update(done: summary.done + pending.count + (writing?.batch.count ?? 0))
            })
        try await commit()
        try await settle()
        progress?.finish()
        if summary.ingested > 0 { try await store.analyze() }
        let elapsed = (ContinuousClock.now - clock).components
        summary.seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        try await store.finishRun(
            run, files: summary.files, ingested: summary.ingested, duplicates: summary.duplicates, skipped: summary.skipped.count,
            failed: summary.failures.count)
        return summary
    }

    /// Reads one file and, unless its bytes are stored already, parses it into rows.
    private static func process(_ path: String, store: Store, options: PipelineOptions) async throws -> FileOutcome {
        let bytes: [UInt8]
        do throws(DecodeError) {
            bytes = try SourceDecoder.read(path: path, maxBytes: options.maxBytes)
        } catch {
            return .failed(path: path, error: error)
        }
        if try await store.contains(sha256: Analysis.sha256(bytes)) { return .duplicate(path: path) }
        let isHTML = HTMLText.isHTMLPath(path)
        return await onWorkerThread {
            let analysis: Analysis
            do throws(DecodeError) {
                analysis = try Analysis.run(bytes: bytes, source: path, isHTML: isHTML, options: options)
            } catch {
                return .failed(path: path, error: error)
            }
            return .parsed(Parsed(rows: DocumentRows(analysis.document), findings: analysis.document.findings.map(\.severity)))
        }
    }

    private func count(_ parsed: Parsed, _ outcome: Store.WriteOutcome, run: Int64, into summary: inout IngestSummary) async throws {
        switch outcome {
        case .inserted:
            summary.ingested += 1
            summary.bytes += parsed.rows.document.bytes
            for severity in parsed.findings { summary.findings[severity, default: 0] += 1 }
        case .duplicate:
            summary.duplicates += 1
        case .failed(let reason):
            try await recordFailure(path: parsed.rows.document.source, code: "database", reason: reason, run: run, into: &summary)
        }
    }

    /// Books a file that did not go in: a row of `ingest_errors` and a line of the summary.
    private func recordFailure(path: String, code: String, reason: String, run: Int64, into summary: inout IngestSummary) async throws {
        try await store.recordError(path: path, code: code, reason: reason, run: run)
        summary.failures.append((path, code, reason))
    }
}

/// Runs `work` on every item with at most `width` items in flight, and hands each result to
/// `consume` as it comes, one at a time, on the calling task: parallel workers, a single consumer.
/// A new item starts as soon as a result is taken, before it is consumed.
///
/// `inParallel(paths, width: 2, work: parse, consume: write)` keeps both cores parsing while the
/// writer stores the document of 巴中市民政局 that came first.
public func inParallel<Item: Sendable, Result: Sendable>(
    _ items: [Item], width: Int, work: @escaping @Sendable (Item) async throws -> Result,
    consume: (Result) async throws -> Void
) async throws {
    try await withThrowingTaskGroup(of: Result.self) { group in
        var pending = items.makeIterator()
        func enqueue(_ group: inout ThrowingTaskGroup<Result, any Error>) {
            guard let item = pending.next() else { return }
            group.addTask { try await work(item) }
        }
        for _ in 0..<max(1, width) { enqueue(&group) }
        while let result = try await group.next() {
            enqueue(&group)
            try await consume(result)
        }
    }
}

/// Runs CPU-bound `body` on a Dispatch worker thread instead of Swift's cooperative pool, which
/// has one thread per core: a parse there would hold up the task that hands documents to the
/// writer, and the writer would wait idle.
public func onWorkerThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(returning: body()) }
    }
}
