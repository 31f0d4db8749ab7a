import Foundation
import GRDB
import Gongwen
@testable import GongwenIngest
@testable import GongwenStore
import Testing
import TestSupport

/// Documents parsed once for all the tests here: the seeds and the public corpus below `corpus/`.
enum ParsedCorpus {
    static let files: [String] = (try? Repository.files(in: Repository.corpus).map(\.path)) ?? []

    static let rows: [DocumentRows] = parse(files)
    /// The five seeds alone (they sort first), for the tests that also run without a server.
    static let seeds: [DocumentRows] = parse(Array(files.prefix(5)))

    private static func parse(_ paths: [String]) -> [DocumentRows] {
        let fixed = Date(timeIntervalSince1970: 1_700_000_000)
        return paths.compactMap { path in
            (try? Analysis.run(path: path)).map { DocumentRows($0.document, ingestedAt: fixed) }
        }
    }
}

@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test func theServerIsThereWhenRequired() {
        if PostgresServer.isRequired {
            #expect(PostgresServer.isRunning, "GONGWEN_REQUIRE_POSTGRES is set but GONGWEN_TEST_POSTGRES is not: run under scripts/pg-test-server.sh")
        }
    }

    @Test(.enabled(if: PostgresServer.isRunning)) func anEmptyDatabaseIsMigratedByName() async throws {
        let url = try await PostgresServer.freshDatabase()
        await #expect(throws: Schema.Problem.empty) { try await PostgresStore(url: url, access: .read) }
        let store = try await PostgresStore(url: url)
        #expect(try await store.appliedMigrations() == Schema.migrationNames)
        #expect(try await store.rowCounts() == Dictionary(uniqueKeysWithValues: Schema.tables.map { ($0, 0) }))
        // A second writer finds it migrated; a reader accepts it.
        _ = try await PostgresStore(url: url)
        _ = try await PostgresStore(url: url, access: .read)
    }

    /// A database made before `v8-claim-section-titles-by-span` (the migrations before it run by
    /// hand) is upgraded by the next writer: the claims' copy of their section titles is dropped,
    /// and `query` reads the same titles from the sections.
    @Test(.enabled(if: PostgresServer.isRunning)) func anOlderDatabaseIsUpgraded() async throws {
        let url = try await PostgresServer.freshDatabase()
        let older = try await PostgresStore(url: url, access: .connect)
        try await older.execute("CREATE TABLE grdb_migrations (identifier text NOT NULL PRIMARY KEY)")
        for migration in PostgresSchema.migrations.prefix(while: { $0.name != "v8-claim-section-titles-by-span" }) {
            for statement in migration.statements { try await older.execute("\(sql: statement)") }
            try await older.execute("INSERT INTO grdb_migrations (identifier) VALUES (\(migration.name))")
        }
        for statement in [OlderDatabase.document] + OlderDatabase.claimWithSectionTitles { try await older.execute("\(sql: statement)") }
        await #expect(throws: Schema.Problem.older(missing: ["v8-claim-section-titles-by-span", "v9-bigram-index-without-positions", "v10-coded-columns-without-unused-keys",
                                                     "v11-full-text-index-in-its-own-file"])) {
            try await PostgresStore(url: url, access: .read)
        }
        let store = try await PostgresStore(url: url)
        #expect(try await store.appliedMigrations() == Schema.migrationNames)
        #expect(try await store.claims(ClaimQuery()).map(\.sectionTitles) == [OlderDatabase.sectionTitles])
    }

    /// The seeds written, then written again: the second time every one is a duplicate.
    @Test(arguments: Backend.available) func writingTheSameBytesTwiceIsADuplicate(_ backend: Backend) async throws {
        let store = try await backend.emptyStore()
        let seeds = ParsedCorpus.seeds
        #expect(seeds.map { URL(fileURLWithPath: $0.document.source).lastPathComponent.prefix(4) } == ["000_", "001_", "002_", "003_", "004_"])
        let first = try await store.write(seeds, run: nil)
        #expect(first.allSatisfy { if case .inserted = $0 { true } else { false } })
        let again = try await store.write(seeds, run: nil)
        #expect(again == seeds.map { .duplicate(of: $0.document.source) })
        #expect(try await store.rowCounts()["documents"] == 5)
        #expect(try await store.contains(sha256: seeds[0].document.sha256))
    }

    /// `corpus/` written into SQLite and PostgreSQL: the same rows in every table, the same
    /// statistics, the same answer to every filter of `query` and `measures`, the same
    /// paragraphs found by `search` (one-, two- and three-character terms).
    @Test(.enabled(if: PostgresServer.isRunning)) func bothDatabasesGiveTheSameAnswers() async throws {
        let sqlite = try Store(database: DatabaseQueue())
        let postgres = try await PostgresStore(url: try await PostgresServer.freshDatabase())
        let rows = ParsedCorpus.rows
        #expect(rows.count > 90)
        for start in stride(from: 0, to: rows.count, by: 32) {
            let batch = Array(rows[start..<min(rows.count, start + 32)])
            let run = try await sqlite.beginRun(paths: ["corpus"])
            _ = try await sqlite.write(batch, run: run)
            _ = try await postgres.write(batch, run: try await postgres.beginRun(paths: ["corpus"]))
        }
        try await postgres.analyze()
        #expect(try await postgres.rowCounts() == (try sqlite.rowCounts()))
        #expect(try await postgres.statistics() == (try sqlite.statistics()))

        let corpus = DocumentFilter(document: "corpus/0")
        let claimQueries = [
            ClaimQuery(), ClaimQuery(subject: "社区"), ClaimQuery(unit: "人", minimum: 1000), ClaimQuery(unit: "个"),
            ClaimQuery(kind: "percent", maximum: 10), ClaimQuery(documents: DocumentFilter(issuer: "民政")),
            ClaimQuery(documents: DocumentFilter(year: 2024)), ClaimQuery(documents: corpus),
            ClaimQuery(documents: DocumentFilter(document: "842ce0")), ClaimQuery(section: "一、"), ClaimQuery(section: "网格", limit: 5),
            ClaimQuery(withFindings: true), ClaimQuery(rule: "change.rate"), ClaimQuery(unit: "人", limit: 7),
            { var query = ClaimQuery(limit: 10); query.offset = 20; return query }(),
            { var query = ClaimQuery(); query.offset = 100; return query }(),
        ]
        for query in claimQueries {
            let expected = try sqlite.claims(query)
            #expect(!expected.isEmpty, "\(query)")
            #expect(try await postgres.claims(query) == expected, "\(query)")
        }
        for query in [
            MeasureQuery(), MeasureQuery(match: SearchTerm("网格")), MeasureQuery(match: SearchTerm("网格治理")),
            MeasureQuery(match: SearchTerm("教育"), limit: 3), MeasureQuery(documents: DocumentFilter(issuer: "国务院")),
        ] {
            let expected = try sqlite.measures(query)
            #expect(!expected.isEmpty, "\(query)")
            #expect(try await postgres.measures(query) == expected, "\(query)")
        }
        // Ranked differently (bm25 for long terms on SQLite), the same paragraphs found.
        for term in ["教", "教育", "网格化", "社区治理", "%", "不存在的词语"] {
            func found(_ hits: [SearchHit]) -> [String] { hits.map { "\($0.source)@\($0.start)" }.sorted() }
            let search = TextSearch(term: SearchTerm(term))
            #expect(found(try await postgres.search(search)) == found(try sqlite.search(search)), "\(term)")
        }
        let short = try await postgres.search(TextSearch(term: SearchTerm("教育"), limit: 3))
        #expect(short.map(\.snippet).allSatisfy { $0.contains("«教育»") })
    }

    /// Two-character terms are answered through the GIN index over character bigrams.
    @Test(.enabled(if: PostgresServer.isRunning)) func twoCharacterTermsUseTheIndex() async throws {
        let url = try await PostgresServer.freshDatabase()
        let postgres = try await PostgresStore(url: url)
        _ = try await postgres.write(ParsedCorpus.rows, run: nil)
        try await postgres.analyze()
        let plan = try await postgres.explain(TextSearch(term: SearchTerm("教育")).countingRequest)
        #expect(plan.contains("paragraphs_grams"), "\(plan)")
        // The 936 list items of corpus/ are cheaper to read than to look up: the index answers when asked to.
        let measures = try await postgres.explain(
            "SELECT li.id FROM list_items li WHERE " + SearchTerm("网格").condition(table: "list_items", alias: "li"),
            withoutSequentialScans: true)
        #expect(measures.contains("list_items_grams"), "\(measures)")
    }

    /// Writers in three tasks with their own connections, two in one order and one in the reverse
    /// (which deadlocks against them and retries): every document is stored once, each writer
    /// saw each document as inserted by itself or as a duplicate, none failed.
    @Test(.enabled(if: PostgresServer.isRunning)) func concurrentWritersStoreEachDocumentOnce() async throws {
        let url = try await PostgresServer.freshDatabase()
        _ = try await PostgresStore(url: url)
        let rows = ParsedCorpus.rows
        let orders = [rows, rows, rows.reversed()]
        let outcomes = try await withThrowingTaskGroup(of: [Store.WriteOutcome].self) { group in
            for order in orders {
                group.addTask {
                    let store = try await PostgresStore(url: url)
                    var outcomes: [Store.WriteOutcome] = []
                    for start in stride(from: 0, to: order.count, by: 8) {
                        outcomes += try await store.write(Array(order[start..<min(order.count, start + 8)]), run: nil)
                    }
                    return outcomes
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let inserted = outcomes.joined().filter { if case .inserted = $0 { true } else { false } }.count
        let duplicates = outcomes.joined().filter { if case .duplicate = $0 { true } else { false } }.count
        #expect(inserted == rows.count)
        #expect(duplicates == 2 * rows.count)
        let store = try await PostgresStore(url: url, access: .read)
        #expect(try await store.rowCounts()["documents"] == rows.count)
    }

    /// The CLI: two `gongwen ingest` processes into one database at once store every document
    /// once; an ingest killed with SIGKILL and run again gives the same database as they did.
    @Test(.enabled(if: PostgresServer.isRunning)) func concurrentAndKilledIngestsEndWithTheSameDatabase() async throws {
        let folder = try Repository.seedFolder()
        for file in ParsedCorpus.files.filter({ $0.contains("/public/") }).prefix(15) {
            let target = folder.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent)
            if !FileManager.default.fileExists(atPath: target.path) {
                try FileManager.default.copyItem(atPath: file, toPath: target.path)
            }
        }
        let documents = try Repository.files(in: folder).count
        func ingest(_ url: String, batch: Int = 4) throws -> Process {
            let process = Process()
            process.executableURL = Repository.executable
            process.arguments = ["ingest", folder.path, "--db", url, "--jobs", "1", "--batch", String(batch), "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }

        let together = try await PostgresServer.freshDatabase()
        _ = try await PostgresStore(url: together)
        let writers = try [ingest(together), ingest(together)]
        for writer in writers { writer.waitUntilExit() }
        #expect(writers.map(\.terminationStatus) == [0, 0])

        let killed = try await PostgresServer.freshDatabase()
        let watcher = try await PostgresStore(url: killed)
        let victim = try ingest(killed, batch: 1)
        var stored = 0
        while victim.isRunning, stored < 3 {
            try await Task.sleep(for: .milliseconds(20))
            stored = try await watcher.rowCounts()["documents"] ?? 0
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(victim.terminationReason == .uncaughtSignal)
        let partial = try await watcher.rowCounts()["documents"] ?? 0
        #expect(partial < documents)
        let rerun = try ingest(killed)
        rerun.waitUntilExit()
        #expect(rerun.terminationStatus == 0)

        let a = try await PostgresStore(url: together, access: .read)
        let b = try await PostgresStore(url: killed, access: .read)
        var countsA = try await a.rowCounts()
        var countsB = try await b.rowCounts()
        #expect(countsA["documents"] == documents)
        countsA["ingest_runs"] = nil
        countsB["ingest_runs"] = nil
        #expect(countsA == countsB)
        #expect(try await a.statistics() == (try await b.statistics()))
        func sorted(_ rows: [ClaimRow]) -> [String] { rows.map { "\($0.source) \($0.start) \($0.text) \($0.findings ?? "")" }.sorted() }
        #expect(sorted(try await a.claims(ClaimQuery())) == sorted(try await b.claims(ClaimQuery())))
    }
}
