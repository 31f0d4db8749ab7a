import Foundation
import GRDB
import Testing
import TestSupport

/// The store commands through the built executable: ingest (twice, killed with SIGKILL and
/// resumed, on bad input), then query, measures, search and stats on what it stored.
@Suite("gongwen ingest, query, measures, search, stats")
struct StoreCommandTests {
    let gongwen = Repository.executable
    /// The seeds and, below them, the public corpus.
    static let corpora = ["corpus"]
    /// The five seeds at the top of `corpus/`, as paths relative to the repository root.
    static let seeds: [String] = ((try? Repository.corpusFiles()) ?? []).map(Repository.relative)

    /// A database of the seeds alone, ingested once for the readers' tests.
    static let seedDatabase: Result<String, any Error> = Result {
        let path = try Repository.temporaryFolder().appendingPathComponent("seed.sqlite").path
        let result = try run(Repository.executable, ["ingest"] + seeds + ["--db", path, "--quiet"])
        guard result.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSDebugDescriptionErrorKey: result.stderr]) }
        return path
    }

    /// The documents in a database another process may be writing; fails while it has no schema.
    static func documentCount(_ path: String) throws -> Int {
        guard FileManager.default.fileExists(atPath: path) else { return 0 }
        // A read-write connection that waits for the writer: a read-only one cannot open a WAL database
        // whose shared-memory file the writer is still creating, and then the count reads as 0.
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0
        }
    }

    @Test func ingestingTwiceGivesTheSameRows() throws {
        let db = try Repository.temporaryFolder().appendingPathComponent("twice.sqlite").path
        let first = try run(gongwen, ["ingest"] + Self.corpora + ["--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        let files = try Repository.corpusFiles().count + Repository.files(in: Repository.publicCorpus).count
        #expect(first.stdout.contains("ingested    \(files)  ("))
        #expect(first.stdout.contains("skipped     2  (not .txt, .html, .htm, .pdf or .docx)"), "corpus/public/MANIFEST.tsv and README.md")
        #expect(first.stdout.contains("findings    error "))
        #expect(first.stderr.contains("ingest \(files)/\(files) files"))
        let counts = try StoreContents.rowCounts(db)
        #expect(counts["documents"] == files)
        #expect(counts["paragraphs"]! > counts["sections"]!)
        let second = try run(gongwen, ["ingest"] + Self.corpora + ["--db", db, "--quiet"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("ingested    0  ("))
        #expect(second.stdout.contains("duplicates  \(files)  ("))
        #expect(second.stderr.isEmpty)
        #expect(try StoreContents.rowCounts(db) == counts)
    }

    @Test func killedWithSIGKILLAndRerunGivesTheSameDatabase() async throws {
        let folder = try Repository.temporaryFolder()
        let reference = folder.appendingPathComponent("reference.sqlite").path
        let killed = folder.appendingPathComponent("killed.sqlite").path
        #expect(try run(gongwen, ["ingest"] + Self.corpora + ["--db", reference, "--quiet"]).status == 0)
        let total = try StoreContents.fingerprint(reference).count

        let child = Process()
        child.executableURL = gongwen
        child.arguments = ["ingest"] + Self.corpora + ["--db", killed, "--quiet", "--jobs", "1", "--batch", "1"]
        child.currentDirectoryURL = Repository.root
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        try child.run()
        // The child runs in steps of 10 ms and is stopped while its documents are counted, so that it
        // cannot finish the batch between the count and the kill. The loop does not await: on a loaded
        // machine an awaiting task may wait long for a thread while the child runs on.
        let deadline = ContinuousClock.now + .seconds(120)
        kill(child.processIdentifier, SIGSTOP)
        while child.isRunning && ContinuousClock.now < deadline {
            if ((try? Self.documentCount(killed)) ?? 0) >= 15 { break }
            kill(child.processIdentifier, SIGCONT)
            usleep(10_000)
            kill(child.processIdentifier, SIGSTOP)
        }
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)

        let interrupted = try StoreContents.fingerprint(killed)
        #expect(interrupted.count >= 15 && interrupted.count < total, "killed after \(interrupted.count) of \(total) documents")
        #expect(Set(interrupted).isSubset(of: try StoreContents.fingerprint(reference)), "a document was stored in part")

        let resumed = try run(gongwen, ["ingest"] + Self.corpora + ["--db", killed, "--quiet"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("ingested    \(total - interrupted.count)  ("))
        #expect(resumed.stdout.contains("duplicates  \(interrupted.count)  ("))
        #expect(try StoreContents.fingerprint(killed) == StoreContents.fingerprint(reference))
        #expect(try StoreContents.rowCounts(killed) == StoreContents.rowCounts(reference))
        let unfinished = try await DatabaseQueue(path: killed).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL")
        }
        #expect(unfinished == 1)
    }

    @Test func badFilesAreRecordedAndTheGoodOnesIngested() throws {
        let folder = try Repository.temporaryFolder()
        let input = folder.appendingPathComponent("input")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try Data().write(to: input.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]).write(to: input.appendingPathComponent("image.txt"))
        try Data("%PDF-1.4".utf8).write(to: input.appendingPathComponent("notes.pdf"))
        try Data("notes".utf8).write(to: input.appendingPathComponent("notes.xlsx"))
        let gb18030 = input.appendingPathComponent("nested/reply-gb18030.txt")
        let iconv = try run(URL(fileURLWithPath: "/usr/bin/iconv"), ["-f", "UTF-8", "-t", "GB18030", "-o", gb18030.path, "corpus/000_842ce01806219f2e.txt"])
        #expect(iconv.status == 0)
        let broken = """
            <html><head><title>国务院办公厅关于印发社区治理工作方案的通知</title><body><div class="content">
            <p>各省、自治区、直辖市人民政府:<p>一、总体要求<div><p>一是健全网格治理体系,二是推进数字化建设。
            <table><tr><td>国务院办公厅<td>2021年3月4日
            """
        try Data(broken.utf8).write(to: input.appendingPathComponent("nested/broken.html"))
        let db = folder.appendingPathComponent("bad.sqlite").path

        for attempt in 1...2 {
            let result = try run(gongwen, ["ingest", input.path, "--db", db, "--quiet"])
            #expect(result.status == 1)
            #expect(result.stdout.contains("ingested    \(attempt == 1 ? 2 : 0)  ("))
            #expect(result.stdout.contains("skipped     1  ("))
            #expect(result.stdout.contains("failed      3"))
            #expect(result.stdout.contains("\(input.path)/empty.txt: empty file [empty]"))
            #expect(result.stdout.contains("\(input.path)/notes.pdf: not a readable PDF file (PDF document is damaged) [malformed]"))
            #expect(result.stdout.contains("\(input.path)/image.txt: not a text file (NUL byte at byte 4) [not_text]"))
        }
        let (documents, errors) = try DatabaseQueue(path: db).read { db in
            (try String.fetchAll(db, sql: "SELECT encoding || ' ' || format || ' ' || ifnull(recipient, '-') FROM documents ORDER BY source"),
             try String.fetchAll(db, sql: "SELECT code FROM ingest_errors ORDER BY path"))
        }
        #expect(documents == ["UTF-8 html 各省、自治区、直辖市人民政府", "GB18030 text 民盟四川省委直属巴中总支部委员会"])
        #expect(errors == ["empty", "not_text", "malformed"])
    }

    @Test func aMissingPathIsAFailureTheBatchSurvives() throws {
        let db = try Repository.temporaryFolder().appendingPathComponent("missing.sqlite").path
        let result = try run(gongwen, ["ingest", "corpus/004_8b0ea43be8e85885.txt", "corpus/none.txt", "--db", db, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("ingested    1  ("))
        #expect(result.stdout.contains("corpus/none.txt: no such file [not_found]"))
    }

    @Test func queryPrintsEveryFormat() throws {
        let db = try Self.seedDatabase.get()
        let table = try run(gongwen, ["query", "--db", db, "--unit", "人", "--min", "100"])
        #expect(table.status == 0)
        let header = table.stdout.split(separator: "\n").first?.split(separator: " ").joined(separator: " ")
        #expect(header == "source section claim value unit kind subject start end findings sentence")
        #expect(table.stdout.split(separator: "\n").count == 16, "a header, a rule and 14 claims")
        let csv = try run(gongwen, ["query", "--db", db, "--format", "csv", "--with-findings", "--rule", "change.rate", "--year", "2020"])
        let rows = csv.stdout.split(separator: "\n")
        #expect(rows.first == "source,section,claim,value,unit,kind,subject,start,end,findings,sentence")
        #expect(rows.dropFirst().contains { $0.hasPrefix("corpus/000_842ce01806219f2e.txt,一、,39.54%,39.54,%,percent,建制村,619,625,change.rate:info,") })
        #expect(rows.dropFirst().allSatisfy { $0.contains("change.rate") })
        let json = try run(gongwen, ["query", "--db", db, "--format", "json", "--subject", "社区", "--issuer", "民政", "--doc", "corpus/"])
        #expect(json.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [Any])
        let missing = try run(gongwen, ["query", "--db", db + ".absent"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such database"))
    }

    @Test func measuresTableIsAlignedForChineseText() throws {
        let db = try Self.seedDatabase.get()
        let result = try run(gongwen, ["measures", "--db", db, "--doc", "004_", "--limit", "4"])
        #expect(result.status == 0)
        try Snapshot.assertMatches(result.stdout, named: "measures-004.table")
        let jsonl = try run(gongwen, ["measures", "--db", db, "--match", "网格", "--format", "jsonl"])
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.allSatisfy { $0.contains("网格") && ($0.contains(#""origin":"list""#) || $0.contains(#""origin":"section""#)) })
        let long = try run(gongwen, ["measures", "--db", db, "--match", "五社联动", "--format", "csv"])
        #expect(long.stdout == "source,issuer,date,section,start,end,measure\ncorpus/004_8b0ea43be8e85885.txt,江苏省民政厅,2022-06-24,四、/一是,1231,1320,一是建立“五社联动”机制\n")
    }

    @Test(arguments: [("网格", "«网格»", 13), ("教育", "«教育»", 8), ("网格化治理", "«网格化治理»", 1)])
    func searchFindsShortAndLongTerms(_ term: String, _ marked: String, _ count: Int) throws {
        let db = try Self.seedDatabase.get()
        let result = try run(gongwen, ["search", "--db", db, term, "--format", "jsonl"])
        #expect(result.status == 0)
        let hits = result.stdout.split(separator: "\n")
        #expect(hits.count == count, "\(term)")
        #expect(hits.allSatisfy { $0.contains(marked) })
    }

    @Test func statsCountsTheSeedCorpus() throws {
        let db = try Self.seedDatabase.get()
        let result = try run(gongwen, ["stats", "--db", db])
        #expect(result.status == 0)
        try Snapshot.assertMatches(result.stdout, named: "stats-corpus.table")
        let json = try run(gongwen, ["stats", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["documents"] as? Int == 5)
    }

    @Test(arguments: ["ingest", "load", "query", "measures", "search", "stats", "serve", "bench-store"])
    func everyCommandHasHelpWithAnExample(_ command: String) throws {
        let result = try run(gongwen, [command, "--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:\n  gongwen \(command) "))
        #expect(result.stdout.contains("--db <file|url>") || command == "bench-store")
    }

    @Test func serveRefusesAMissingDatabaseAndABadPort() throws {
        let missing = try run(gongwen, ["serve", "--db", "/nonexistent/gongwen.sqlite", "--port", "0"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such database"))
        let port = try run(gongwen, ["serve", "--port", "70000"])
        #expect(port.status == 2)
        #expect(port.stderr.contains("--port must be from 0 to 65535"))
    }

    @Test func benchStoreReportsThroughputAndLatency() throws {
        let result = try run(gongwen, ["bench-store"] + Self.seeds + ["--documents", "12", "--runs", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("bench-store: 12 documents replicated from 5 files of \(Self.seeds.joined(separator: " "))"))
        #expect(result.stdout.contains("ingest: 12 documents"))
        #expect(result.stdout.contains("query --rule change.rate"))
        #expect(result.stdout.contains("query --unit 人"))
        #expect(result.stdout.contains("pages of gongwen serve"))
        #expect(result.stdout.contains("/documents?q=网格化治理"))
        #expect(result.stdout.contains("search 教育 (bigram index)"))
        #expect(result.stdout.contains("full-text reference, the sqlite3 shell"))
    }

    @Test(arguments: [["ingest"], ["query", "--min", "many"], ["search"], ["ingest", "corpus", "--jobs", "0"], ["load"], ["load", "-", "-"]])
    func wrongArgumentsExitWith2(_ arguments: [String]) throws {
        let result = try run(gongwen, arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Usage: gongwen"))
    }
}
