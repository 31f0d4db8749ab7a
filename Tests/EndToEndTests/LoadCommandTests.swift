import Foundation
import GRDB
import Testing
import TestSupport

/// `gongwen load` through the built executable: the JSON lines of the stream mode give the
/// database that `ingest` makes of the same files; bad lines are failures naming FILE:LINE.
@Suite("gongwen load")
struct LoadCommandTests {
    let gongwen = Repository.executable

    /// The seeds and the public corpus, relative to the repository root, and a path that is missing.
    static func inputs() throws -> [String] {
        (try Repository.corpusFiles() + Repository.files(in: Repository.publicCorpus)).map(Repository.relative) + ["corpus/none.txt"]
    }

    /// What the stream mode writes for `paths`, in a file of its own.
    func streamed(_ paths: [String], into folder: URL) throws -> String {
        let parsed = try run(gongwen, ["parse", "--format", "jsonl", "-"], input: paths.joined(separator: "\n") + "\n")
        #expect(parsed.status == 0, "\(parsed.stderr)")
        let file = folder.appendingPathComponent("parsed.jsonl")
        try parsed.stdout.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    /// The summary without its timings: `ingested    97` for `ingested    97  (3.3 MB in 1.5 s, …)`.
    func summary(_ stdout: String) -> [String] {
        stdout.split(separator: "\n").map { $0.hasPrefix("ingested ") ? String($0.prefix { $0 != "(" }) : String($0) }
    }

    @Test func loadingTheStreamGivesTheDatabaseIngestGives() throws {
        let folder = try Repository.temporaryFolder()
        let paths = try Self.inputs()
        #expect(paths.count == 5 + 92 + 1)
        let jsonl = try streamed(paths, into: folder)
        let loaded = folder.appendingPathComponent("loaded.sqlite").path
        let ingested = folder.appendingPathComponent("ingested.sqlite").path

        let load = try run(gongwen, ["load", jsonl, "--db", loaded, "--quiet"])
        #expect(load.status == 1, "corpus/none.txt failed: \(load.stderr)")
        #expect(load.stderr.isEmpty)
        #expect(summary(load.stdout).dropLast() == [
            "database    \(loaded)", "lines       98", "ingested    97  ", "duplicates  0  (same SHA-256 already stored)",
            "skipped     0  (blank line)", "failed      1", "  corpus/none.txt: no such file [not_found]",
        ])
        let ingest = try run(gongwen, ["ingest"] + paths + ["--db", ingested, "--quiet"])
        #expect(ingest.status == 1)
        #expect(summary(ingest.stdout).last == summary(load.stdout).last, "the same findings")

        #expect(try StoreContents.rowCounts(loaded) == StoreContents.rowCounts(ingested))
        #expect(try StoreContents.fingerprint(loaded) == StoreContents.fingerprint(ingested))
        let (rows, expected) = (try StoreContents.rows(loaded), try StoreContents.rows(ingested))
        #expect(rows.keys.sorted() == expected.keys.sorted())
        for table in expected.keys.sorted() {
            #expect(rows[table] == expected[table], "\(table)")
        }
        #expect(rows["documents"]?.count == 97)
        #expect(rows["ingest_errors"] == ["'corpus/none.txt'|'not_found'|'no such file'"])
        #expect(rows["changes"]?.allSatisfy { $0.contains("#") } == true, "changes name their claims")

        let again = try run(gongwen, ["load", jsonl, "--db", loaded, "--quiet"])
        #expect(summary(again.stdout).dropFirst(2).prefix(2) == ["ingested    0  ", "duplicates  97  (same SHA-256 already stored)"])
        #expect(try StoreContents.rowCounts(loaded) == StoreContents.rowCounts(ingested))
    }

    @Test func aBadLineIsAFailureNamingFileAndLineAndTheOthersGoIn() throws {
        let folder = try Repository.temporaryFolder()
        let seeds = try Repository.corpusFiles().map(Repository.relative)
        let documents = try String(contentsOfFile: try streamed([seeds[0], seeds[4]], into: folder), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let lines = [
            documents[0],
            #"{"source": "x.txt", "sha256": "#,
            "",
            #"{"source": "x.txt"}"#,
            #"{"code":"empty","line":5,"message":"empty file","source":"scraped/empty.txt","type":"error"}"#,
            #"{"code":"blank_line","line":6,"message":"blank input line","source":"","type":"error"}"#,
            documents[1],
        ]
        let jsonl = folder.appendingPathComponent("mixed.jsonl").path
        try lines.joined(separator: "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
        let db = folder.appendingPathComponent("mixed.sqlite").path

        let result = try run(gongwen, ["load", jsonl, "--db", db, "--jobs", "1", "--batch", "1", "--quiet"])
        #expect(result.status == 1)
        #expect(summary(result.stdout) == [
            "database    \(db)", "lines       7", "ingested    2  ", "duplicates  0  (same SHA-256 already stored)",
            "skipped     1  (blank line)", "failed      4",
            "  \(jsonl):2: not a line of gongwen parse --format jsonl (not JSON) [bad_line]",
            "  \(jsonl):4: not a line of gongwen parse --format jsonl (no value for \"sha256\") [bad_line]",
            "  scraped/empty.txt: empty file [empty]",
            "  \(jsonl):6: blank input line [blank_line]",
            "findings    error 7, warning 0, info 4",
        ])
        let (sources, errors) = try DatabaseQueue(path: db).read { db in
            (try String.fetchAll(db, sql: "SELECT source FROM documents ORDER BY source"),
             try String.fetchAll(db, sql: "SELECT path || ' ' || code FROM ingest_errors ORDER BY id"))
        }
        #expect(sources == [seeds[0], seeds[4]])
        #expect(errors == ["\(jsonl):2 bad_line", "\(jsonl):4 bad_line", "scraped/empty.txt empty", "\(jsonl):6 blank_line"])
    }

    @Test func standardInputAndAMissingFile() throws {
        let folder = try Repository.temporaryFolder()
        let seed = try Repository.corpusFiles().map(Repository.relative)[2]
        let jsonl = try String(contentsOfFile: try streamed([seed], into: folder), encoding: .utf8)
        let db = folder.appendingPathComponent("stdin.sqlite").path
        let result = try run(gongwen, ["load", "-", "absent.jsonl", "--db", db], input: jsonl)
        #expect(result.status == 1)
        #expect(summary(result.stdout).dropFirst().prefix(2) == ["lines       1", "ingested    1  "])
        #expect(result.stdout.contains("\n  absent.jsonl: no such file [not_found]\n"))
        #expect(result.stderr.split(separator: "\n").last?.hasPrefix("load 1 lines · ") == true, "\(result.stderr)")
    }
}
