import ArgumentParser
import Foundation
import GRDB
import Gongwen
import GongwenIngest
import GongwenServe
import GongwenStore

struct BenchStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store",
        abstract: "Benchmark ingest throughput and query latency on a replicated corpus.",
        discussion: """
            Examples:
              gongwen bench-store corpus --documents 10000
              gongwen bench-store corpus --documents 200 --runs 5
              gongwen bench-store corpus --documents 10000 --db postgres://gongwen@127.0.0.1/bench

            Copies the documents under the given paths into a temporary folder until there are \
            --documents of them (each copy ends in a different number of newlines, so every copy \
            has its own SHA-256), times parsing alone on a sample, then `ingest` of the whole \
            folder into a new database on all cores (documents/s, MB/s, and how long the writer of \
            the rows and the writer of the full-text index each spent, beside SQLite's own build of \
            the same index by the sqlite3 shell), or with --db into an empty PostgreSQL database, then each \
            filter of `query` and the \
            other readers, then the pages of `gongwen serve` rendered in process, without HTTP \
            (median of --runs).
            """)

    @Argument(help: "Files or folders to replicate.")
    var paths: [String]

    @Option(help: "How many documents to ingest.")
    var documents: Int = 10_000

    @Option(help: "How many times to run each query; the median is reported.")
    var runs: Int = 20

    @Option(help: "How many documents to parse at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: ArgumentHelp("Work in this folder and keep it (default: a temporary folder, removed after).", valueName: "folder"))
    var folder: String?

    @Option(help: ArgumentHelp(
        "Ingest into this PostgreSQL database, which must hold no documents (default: a new SQLite file in the work folder).",
        valueName: "url"))
    var db: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to replicate.") }
        if documents < 1 || runs < 1 || jobs < 1 { throw ValidationError("--documents, --runs and --jobs must be 1 or more.") }
        if let db, !PostgresStore.isURL(db) { throw ValidationError("--db must be a PostgreSQL URL (postgres://…); without it the bench makes its own SQLite file.") }
    }

    func run() async throws {
        let work = URL(fileURLWithPath: folder ?? NSTemporaryDirectory() + "gongwen-bench-\(UUID().uuidString)")
        defer { if folder == nil { try? FileManager.default.removeItem(at: work) } }
        let input = work.appendingPathComponent("documents")
        let sources = DocumentFiles(paths).paths
        guard !sources.isEmpty else { throw ValidationError("No .txt, .html or .htm files under \(paths.joined(separator: " ")).") }
        let copies = try replicate(sources, into: input)
        Output.line("bench-store: \(copies.count) documents replicated from \(sources.count) files of \(paths.joined(separator: " ")), \(jobs) workers")

        let sample = Array(copies.prefix(2_000))
        let parseRate = Double(sample.count) / (try await parse(sample)).seconds
        Output.line(String(format: "parse only (Analysis.run, %d documents):  %.1f docs/s", sample.count, parseRate))

        let databasePath = work.appendingPathComponent("bench.sqlite").path
        for file in Store.files(of: databasePath) { try? FileManager.default.removeItem(atPath: file) }
        let store: any DocumentStore = try await openStore(db ?? databasePath)
        if db != nil, try await store.rowCounts()["documents", default: 0] > 0 {
            throw ValidationError("--db: the database holds documents already; give an empty one.")
        }
        let summary = try await Ingestion(store: store, options: PipelineOptions(), workers: jobs, progress: nil).run([input.path])
        let megabytes = Double(summary.bytes) / 1_048_576
        Output.line(String(
            format: "ingest: %d documents, %.1f MB in %.1f s:  %.1f docs/s, %.2f MB/s (%.2f of parse only), %d failed",
            summary.ingested, megabytes, summary.seconds, Double(summary.ingested) / summary.seconds,
            megabytes / summary.seconds, Double(summary.ingested) / summary.seconds / parseRate, summary.failures.count))
        if let sqlite = store as? Store {
            let writer = sqlite.writerTime
            Output.line(String(
                format: "writer of the rows: busy %.1f s of the %.1f s (%.1f s of CPU): rows %.1f s, commits %.1f s (pages written to the WAL)",
                writer.writing.seconds, summary.seconds, writer.cpuSeconds, writer.rows.seconds, writer.committing.seconds))
            Output.line(String(
                format: "writer of the full-text index (its own file, beside the rows' writer): busy %.1f s (%.1f s of CPU), commits included; at the end, the index merged into one segment %.1f s, beside it the claims' value, unit and kind indexes created %.1f s",
                writer.fullText.seconds, writer.fullTextCPUSeconds, writer.merging.seconds, writer.creatingIndexes.seconds))
            if let reference = try FullTextReference.measure(database: databasePath, folder: work) {
                Output.line(String(
                    format: "full-text reference, the sqlite3 shell on the same %.0f MB of text: bigram index %.1f s (ingest's writer: %.1f s), trigram index %.1f s",
                    reference.megabytes, reference.bigramSeconds, writer.fullText.seconds, reference.trigramSeconds))
            } else {
                Output.line("full-text reference: no sqlite3 on the PATH (make deps installs it)")
            }
        }

        let counts = try await store.rowCounts()
        let size = try await databaseSize(store, path: databasePath)
        let indexSize = db == nil ? ((try? FileManager.default.attributesOfItem(atPath: databasePath + "-fts")[.size] as? Int) ?? 0) : 0
        let files = db == nil ? " (the rows \((size - indexSize) / 1_048_576) MB, the full-text index file \(indexSize / 1_048_576) MB)" : ""
        Output.line("database: \(db == nil ? "SQLite" : "PostgreSQL") \(size / 1_048_576) MB\(files); " + Schema.tables.filter { counts[$0, default: 0] > 0 }.map { "\($0) \(counts[$0]!)" }.joined(separator: ", "))
        var latencies: [[String]] = []
        for (name, body) in latencyCases(store) {
            var times: [Duration] = []
            var rows = 0
            for _ in 0..<runs {
                let clock = ContinuousClock.now
                rows = try await body()
                times.append(ContinuousClock.now - clock)
            }
            let median = times.sorted()[times.count / 2].seconds * 1000
            latencies.append([name, String(format: "%.2f", median), String(rows)])
        }
        Output.line("\nlatency, median of \(runs) runs, --limit 200:")
        Output.line(Report.table(header: ["reader", "ms", "rows"], rows: latencies))
        Output.line("\npages of gongwen serve, server time in process (no HTTP), median of \(runs) runs:")
        Output.line(Report.table(header: ["page", "ms", "status", "bytes"], rows: try await pageTimes(Site(store: store), documents: counts["documents", default: 1])))
        if folder != nil { Output.line("kept: \(work.path)") }
    }

    /// The size of the database in bytes: the SQLite file, or what PostgreSQL reports.
    private func databaseSize(_ store: any DocumentStore, path: String) async throws -> Int {
        guard store is PostgresStore else {
            return [path, path + "-fts"].reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
        }
        return try await store.read(["SELECT pg_database_size(current_database()) AS size"])[0].first?["size"] ?? 0
    }

    /// Copies `sources` round after round into `folder` until there are `documents` files; copy
    /// `k` of a file is its bytes followed by `k` newlines.
    private func replicate(_ sources: [String], into folder: URL) throws -> [String] {
        var copies: [String] = []
        var round = 0
        while copies.count < documents {
            let target = folder.appendingPathComponent(String(format: "copy-%04d", round))
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for (index, source) in sources.enumerated() where copies.count < documents {
                let name = String(format: "%04d-", index) + URL(fileURLWithPath: source).lastPathComponent
                let path = target.appendingPathComponent(name).path
                var bytes = try Data(contentsOf: URL(fileURLWithPath: source))
                bytes.append(contentsOf: Array(repeating: UInt8(ascii: "\n"), count: round))
                try bytes.write(to: URL(fileURLWithPath: path))
                copies.append(path)
            }
            round += 1
        }
        return copies
    }

    /// How long `jobs` tasks take to run the pipeline on `files`, writing nothing.
    private func parse(_ files: [String]) async throws -> Duration {
        let clock = ContinuousClock.now
        try await inParallel(files, width: jobs, work: { path in await onWorkerThread { _ = try? Analysis.run(path: path) } }, consume: { _ in })
        return ContinuousClock.now - clock
    }

    /// The median time to render each kind of page of `gongwen serve`.
    private func pageTimes(_ site: Site, documents: Int) async throws -> [[String]] {
        let pages = [
            "/", "/documents", "/documents?q=网格化治理", "/documents?year=2020&errors=true", "/documents/1",
            "/documents/\(max(1, documents / 2))", "/findings", "/findings?rule=change.rate&page=10", "/claims",
            "/claims?unit=人&min=1000", "/claims?page=100", "/measures?match=网格", "/search?q=教育",
        ]
        var table: [[String]] = []
        for page in pages {
            var times: [Duration] = []
            var result = (status: 0, bytes: 0)
            for _ in 0..<runs {
                let clock = ContinuousClock.now
                result = try await site.render(page)
                times.append(ContinuousClock.now - clock)
            }
            let median = times.sorted()[times.count / 2].seconds * 1000
            table.append([page, String(format: "%.2f", median), String(result.status), String(result.bytes)])
        }
        return table
    }

    /// Each reader with the filters of `gongwen query`, one at a time and combined.
    private func latencyCases(_ store: any DocumentStore) -> [(String, () async throws -> Int)] {
        func claims(_ query: ClaimQuery) -> () async throws -> Int {
            var query = query
            query.limit = 200
            return { try await store.claims(query).count }
        }
        return [
            ("query --subject 社区", claims(ClaimQuery(subject: "社区"))),
            ("query --unit 人", claims(ClaimQuery(unit: "人"))),
            ("query --kind percent", claims(ClaimQuery(kind: "percent"))),
            ("query --min 10000 --max 20000", claims(ClaimQuery(minimum: 10_000, maximum: 20_000))),
            ("query --doc govcn_23", claims(ClaimQuery(documents: DocumentFilter(document: "govcn_23")))),
            ("query --issuer 民政", claims(ClaimQuery(documents: DocumentFilter(issuer: "民政")))),
            ("query --year 2020", claims(ClaimQuery(documents: DocumentFilter(year: 2020)))),
            ("query --section 网格", claims(ClaimQuery(section: "网格"))),
            ("query --with-findings", claims(ClaimQuery(withFindings: true))),
            ("query --rule change.rate", claims(ClaimQuery(rule: "change.rate"))),
            ("query --unit 个 --min 100 --issuer 国务院 --year 2018",
             claims(ClaimQuery(unit: "个", minimum: 100, documents: DocumentFilter(issuer: "国务院", year: 2018)))),
            ("measures --match 网格", { try await store.measures(MeasureQuery(match: SearchTerm("网格"), limit: 200)).count }),
            ("measures --match 五社联动", { try await store.measures(MeasureQuery(match: SearchTerm("五社联动"), limit: 200)).count }),
            ("search 网格化治理 (bigrams, text checked)", { try await store.search(TextSearch(term: SearchTerm("网格化治理"), limit: 200)).count }),
            ("search 教育 (bigram index)", { try await store.search(TextSearch(term: SearchTerm("教育"), limit: 200)).count }),
            ("stats", { try await store.statistics().documents }),
        ]
    }
}
