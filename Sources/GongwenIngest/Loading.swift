import Foundation
import GongwenModel
import GongwenStore
import GongwenText

/// Stores the JSON lines of `gongwen parse --format jsonl -` as `ingest` stores files: each
/// document line through the same `DocumentRows` and `Store.write`, so the database is the one
/// `ingest` makes of the same files (SHA-256 dedupe included: a rerun counts duplicates). An error
/// line of the stream mode is a failure of its source, as ingest records an unreadable file; a line
/// that is neither is a failure named `FILE:LINE`; the run goes on. Files are read a megabyte at a
/// time and decoded by `workers` tasks: memory holds two batches and `workers` lines, whatever the
/// size of the input.
///
/// `Loading(store: store, workers: 2).run(["seeds.jsonl"])` on the five lines that
/// `ls corpus/*.txt | gongwen parse --format jsonl -` wrote stores 巴中市民政局 … 江苏省民政厅.
public struct Loading {
    public var store: any DocumentStore
    public var workers: Int
    /// Documents per commit; 1 commits each document on its own.
    public var batchSize: Int
    /// The longest a read document waits for its commit when documents come slowly.
    public var commitInterval: Duration
    public var progress: (any IngestProgressReporting)?

    public init(
        store: any DocumentStore, workers: Int, batchSize: Int = 128, commitInterval: Duration = .seconds(2),
        progress: (any IngestProgressReporting)? = nil
    ) {
        self.store = store
        self.workers = workers
        self.batchSize = batchSize
        self.commitInterval = commitInterval
        self.progress = progress
    }

    /// Loads the JSON Lines files at `paths`, `-` for standard input.
    public func run(_ paths: [String]) async throws -> IngestSummary {
        var writer = try await RunWriter(store: store, arguments: paths, batchSize: batchSize, commitInterval: commitInterval)
        progress?.start(total: nil)
        for path in paths {
            let lines: LineReader
            switch LineReader.open(path) {
            case .success(let reader): lines = reader
            case .failure(let error):
                try await writer.take(.failed(path: path, code: error.code, reason: error.reason))
                continue
            }
            try await inParallel(
                lines, width: workers,
                work: { line in await onWorkerThread { Self.read(line.bytes, at: "\(path):\(line.number)") } },
                consume: { outcome in
                    writer.summary.files += 1
                    try await writer.take(outcome)
                    progress?.update(done: writer.summary.files)
                })
            if let error = lines.error {
                try await writer.take(.failed(path: path, code: error.code, reason: error.reason))
            }
        }
        let summary = try await writer.finish()
        progress?.update(done: summary.files)
        progress?.finish()
        return summary
    }

    /// What one line holds: a document, an error line of the stream mode (a failure of its source,
    /// or of `place` when it names none), a blank line, or something else (a failure of `place`).
    static func read(_ line: [UInt8], at place: String) -> Outcome {
        if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }) {
            return .skipped(DocumentFiles.Skipped(path: place, reason: "blank line"))
        }
        let decoded: StreamLine
        do {
            decoded = try GongwenJSON.decoder().decode(StreamLine.self, from: Data(line))
        } catch {
            return .failed(path: place, code: "bad_line", reason: "not a line of gongwen parse --format jsonl (\(Self.describe(error)))")
        }
        switch decoded {
        case .document(let document):
            return .parsed(Parsed(document))
        case .error(let error):
            return .failed(path: error.source.isEmpty ? place : error.source, code: error.code, reason: error.message)
        }
    }

    /// A decoding error in a few words: `no value for "text"`, `not JSON`.
    static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _):
            return "no value for \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let context) where !context.codingPath.isEmpty:
            return "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            return "not JSON"
        }
    }
}
