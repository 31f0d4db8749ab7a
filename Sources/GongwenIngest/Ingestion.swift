import Foundation
import Gongwen
import GongwenModel
import GongwenStore
import GongwenText

/// Where an ingest or a load reports how far it got: `start(total: 1000)`, `update(done: 120)` …,
/// `finish()`; a load, reading a stream, starts with `total` `nil`.
///
/// The CLI's implementation redraws `ingest 120/1000 files · 35.2 docs/s · ETA 0:25` on standard error.
public protocol IngestProgressReporting: AnyObject {
    func start(total: Int?)
    func update(done: Int)
    func finish()
}

/// The counts an ingest or a load reports at the end.
///
/// After `gongwen ingest corpus/` on an empty database: 5 files, 5 ingested, 0 duplicates.
public struct IngestSummary: Sendable {
    /// The files found by an ingest; the lines read by a load.
    public var files = 0
    public var ingested = 0
    public var duplicates = 0
    /// The paths passed over (not a document, unreadable folder, broken link), with the reason; the
    /// blank lines of a load.
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
    public var store: any DocumentStore
    public var options: PipelineOptions
    public var workers: Int
    /// Documents per commit; 1 commits each document on its own.
    public var batchSize: Int
    /// The longest a parsed document waits for its commit when documents come slowly.
    public var commitInterval: Duration
    public var progress: (any IngestProgressReporting)?

    public init(
        store: any DocumentStore, options: PipelineOptions, workers: Int, batchSize: Int = 128, commitInterval: Duration = .seconds(2),
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
        var writer = try await RunWriter(
            store: store, arguments: arguments, batchSize: batchSize, commitInterval: commitInterval,
            summary: IngestSummary(files: files.paths.count, skipped: files.skipped))
        for path in files.missing {
            let error = DecodeError.notFound(source: path)
            try await writer.take(.failed(path: path, code: error.code, reason: error.reason))
        }
        progress?.start(total: files.paths.count)
        try await inParallel(
            files.paths, width: workers,
            work: { [store, options] path in try await Self.process(path, store: store, options: options) },
            consume: { outcome in
                try await writer.take(outcome)
                progress?.update(done: writer.taken)
            })
        let summary = try await writer.finish()
        progress?.update(done: summary.done)
        progress?.finish()
        return summary
    }

    /// Reads one file and, unless its bytes are stored already, parses it into rows.
    private static func process(_ path: String, store: any DocumentStore, options: PipelineOptions) async throws -> Outcome {
        let bytes: [UInt8]
        do throws(DecodeError) {
            bytes = try SourceDecoder.read(path: path, maxBytes: options.maxBytes)
        } catch {
            return .failed(path: path, code: error.code, reason: error.reason)
        }
        if try await store.contains(sha256: Analysis.sha256(bytes)) { return .duplicate }
        let isHTML = HTMLText.isHTMLPath(path)
        return await onWorkerThread {
            do throws(DecodeError) {
                return .parsed(Parsed(try Analysis.run(bytes: bytes, source: path, isHTML: isHTML, options: options).document))
            } catch {
                return .failed(path: path, code: error.code, reason: error.reason)
            }
        }
    }
}

/// Runs `work` on every item with at most `width` items in flight, and hands each result to
/// `consume` one at a time, on the calling task: parallel workers, a single consumer. By default
/// results are consumed as they come, and a new item starts as soon as a result is taken, before it
/// is consumed. With `inOrder`, results are consumed in the order of `items`: a result that comes
/// early waits for those before it, and no item starts more than `2 × width` items after the
/// oldest not yet consumed (the window that bounds memory when one item is slow). `items` is
/// iterated once, as items are needed, on a thread of its own (`Prefetch`): a sequence that blocks
/// reading a stream (standard input from a driver that waits for each answer) never holds up the
/// results of the items before.
///
/// `inParallel(paths, width: 2, work: parse, consume: write)` keeps both cores parsing while the
/// writer stores the document of 巴中市民政局 that came first; the stream mode of `parse` passes
/// `inOrder: true` so that its output lines pair with its input lines.
public func inParallel<Items: Sequence, Result: Sendable>(
    _ items: Items, width: Int, inOrder: Bool = false, work: @escaping @Sendable (Items.Element) async throws -> Result,
    consume: (Result) async throws -> Void
) async throws where Items.Element: Sendable {
    let width = max(1, width)
    let window = inOrder ? 2 * width : width
    let prefetch = Prefetch(items)
    typealias Event = ParallelEvent<Items.Element, Result>
    try await withThrowingTaskGroup(of: Event.self) { group in
        var started = 0
        var running = 0
        var consumed = 0
        var reading = false
        var exhausted = false
        var early: [Int: Result] = [:]
        // One task at a time waits for the next item, and only when there is room for it.
        func read(_ group: inout ThrowingTaskGroup<Event, any Error>) {
            guard !reading, !exhausted, running < width, started - consumed < window else { return }
            reading = true
            group.addTask { .item(await prefetch.next()) }
        }
        read(&group)
        do {
            while let event = try await group.next() {
                switch event {
                case .item(nil):
                    reading = false
                    exhausted = true
                case .item(let item?):
                    reading = false
                    let index = started
                    group.addTask { .done(index, try await work(item)) }
                    started += 1
                    running += 1
                case .done(let index, let result):
                    running -= 1
                    if inOrder {
                        early[index] = result
                        while let next = early.removeValue(forKey: consumed) {
                            consumed += 1
                            read(&group)
                            try await consume(next)
                        }
                    } else {
                        consumed += 1
                        read(&group)
                        try await consume(result)
                    }
                }
                read(&group)
            }
        } catch {
            // Stop the thread, and so the task waiting for an item, before the group waits for its tasks.
            prefetch.stop()
            throw error
        }
    }
    prefetch.stop()
}

/// What a task of `inParallel` brings back: the next item (nil after the last) or a result.
enum ParallelEvent<Item: Sendable, Result: Sendable>: Sendable {
    case item(Item?)
    case done(Int, Result)
}

/// A sequence iterated on a thread of its own, one item ahead of its reader: `next()` waits for the
/// item without holding a thread of Swift's cooperative pool, so a sequence that blocks (a pipe, a
/// slow disk) keeps the tasks that consume results running.
///
/// `Prefetch(LineReader lines of standard input)`: the thread waits for the driver's next line while
/// the parse of the line before is written.
final class Prefetch<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var item: Element?
    private var finished = false
    private var stopped = false

    init<Items: Sequence>(_ items: Items) where Items.Element == Element {
        // The sequence is used by this thread alone from here on.
        nonisolated(unsafe) var iterator = items.makeIterator()
        let thread = Thread { [self] in
            while true {
                let next = iterator.next()
                condition.lock()
                while item != nil && !stopped { condition.wait() }
                if stopped || next == nil {
                    finished = true
                    condition.broadcast()
                    condition.unlock()
                    return
                }
                item = next
                condition.broadcast()
                condition.unlock()
            }
        }
        thread.start()
    }

    /// The next item, nil after the last.
    func next() async -> Element? {
        await onWorkerThread { [self] in
            condition.lock()
            defer { condition.unlock() }
            while item == nil && !finished && !stopped { condition.wait() }
            let next = item
            item = nil
            condition.broadcast()
            return next
        }
    }

    /// Lets the thread end once it has its next item (the consumer stopped early, or took the last).
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
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
