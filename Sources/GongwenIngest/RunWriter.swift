import Foundation
import GongwenModel
import GongwenStore

/// A document ready for its commit, with the severities of its findings for the summary.
struct Parsed: Sendable {
    var rows: DocumentRows
    var findings: [Severity]

    init(_ document: Document) {
        rows = DocumentRows(document)
        findings = document.findings.map(\.severity)
    }
}

/// What happened to one file of an ingest, or one line of a load.
enum Outcome: Sendable {
    /// Parsed or read, not yet written.
    case parsed(Parsed)
    /// Its bytes are already stored.
    case duplicate
    /// Not a document: `code` and `reason` go to `ingest_errors`.
    case failed(path: String, code: String, reason: String)
    case skipped(DocumentFiles.Skipped)
}

/// The writing side of one `ingest` or `load` run: books the run, commits the documents handed to
/// it `batchSize` at a time (or whatever came in `commitInterval`), each in its own savepoint,
/// while the next batch is being parsed; records failures in `ingest_errors`; counts everything in
/// the summary. At most two batches are in memory.
///
/// `var writer = try await RunWriter(store: store, arguments: ["corpus"], …)`, then
/// `try await writer.take(.parsed(…))` per document of 巴中市民政局 … 江苏省民政厅, then
/// `try await writer.finish()` returns `ingested 5`.
struct RunWriter {
    let store: any DocumentStore
    let batchSize: Int
    let commitInterval: Duration
    var summary: IngestSummary
    private let run: Int64
    private let started = ContinuousClock.now
    private var pending: [Parsed] = []
    private var writing: (batch: [Parsed], task: Task<[Store.WriteOutcome], any Error>)?
    private var lastCommit = ContinuousClock.now

    init(store: any DocumentStore, arguments: [String], batchSize: Int, commitInterval: Duration, summary: IngestSummary = IngestSummary()) async throws {
        self.store = store
        self.batchSize = batchSize
        self.commitInterval = commitInterval
        self.summary = summary
        run = try await store.beginRun(paths: arguments)
    }

    /// Everything taken so far, counted or still on its way to the database.
    var taken: Int { summary.done + pending.count + (writing?.batch.count ?? 0) }

    /// Counts `outcome`, and commits the pending documents when the batch is full or has waited long enough.
    mutating func take(_ outcome: Outcome) async throws {
        switch outcome {
        case .parsed(let parsed):
            pending.append(parsed)
        case .duplicate:
            summary.duplicates += 1
        case .failed(let path, let code, let reason):
            try await recordFailure(path: path, code: code, reason: reason)
        case .skipped(let skipped):
            summary.skipped.append(skipped)
        }
        if pending.count >= batchSize || ContinuousClock.now - lastCommit >= commitInterval {
            try await commit()
        }
    }

    /// Commits what is pending, refreshes the planner's statistics if documents went in, and
    /// closes the run's bookkeeping.
    mutating func finish() async throws -> IngestSummary {
        try await commit()
        try await settle()
        if summary.ingested > 0 { try await store.analyze() }
        summary.seconds = (ContinuousClock.now - started).seconds
        try await store.finishRun(
            run, files: summary.files, ingested: summary.ingested, duplicates: summary.duplicates, skipped: summary.skipped.count,
            failed: summary.failures.count)
        return summary
    }

    /// Waits for the batch being written and counts what it did.
    private mutating func settle() async throws {
        guard let (batch, task) = writing else { return }
        writing = nil
        for (parsed, outcome) in zip(batch, try await task.value) {
            switch outcome {
            case .inserted:
                summary.ingested += 1
                summary.bytes += parsed.rows.document.bytes
                for severity in parsed.findings { summary.findings[severity, default: 0] += 1 }
            case .duplicate:
                summary.duplicates += 1
            case .failed(let reason):
                try await recordFailure(path: parsed.rows.document.source, code: "database", reason: reason)
            }
        }
    }

    /// Starts writing the pending documents once the batch before is written.
    private mutating func commit() async throws {
        try await settle()
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        lastCommit = .now
        writing = (batch, Task { [store, run] in try await store.write(batch.map(\.rows), run: run) })
    }

    /// Books what did not go in: a row of `ingest_errors` and a line of the summary.
    private mutating func recordFailure(path: String, code: String, reason: String) async throws {
        try await store.recordError(path: path, code: code, reason: reason, run: run)
        summary.failures.append((path, code, reason))
    }
}

extension Duration {
    /// The duration in seconds as a floating-point number.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
