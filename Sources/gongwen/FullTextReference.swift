import Foundation
import GRDB
import GongwenStore

/// SQLite's own FTS5 bulk build, by the `sqlite3` shell, of the text an ingest indexed: the floor
/// `bench-store` prints beside the time ingest's writer spent feeding its bigram index. Two builds
/// from the rows of the bench database: the bigram index (`Bigrams.indexed` of every paragraph and
/// list item, the same text and table options ingest uses, loaded first and not timed) and the
/// `trigram` index over the same rows' text (what gongwen indexed before `v6-bigram-index`).
///
/// On 10,000 documents: bigram 38.0 s, trigram 69.5 s, for 304 MB of text.
struct FullTextReference {
    var bigramSeconds: Double
    var trigramSeconds: Double
    var megabytes: Double

    /// `nil` when no `sqlite3` is on the PATH (`make deps` installs it).
    static func measure(database: String, folder: URL) throws -> FullTextReference? {
        guard let shell = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .map({ "\($0)/sqlite3" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let grams = folder.appendingPathComponent("grams.txt")
        let reference = folder.appendingPathComponent("reference.sqlite").path
        try? FileManager.default.removeItem(atPath: reference)
        var bytes = 0
        guard FileManager.default.createFile(atPath: grams.path, contents: nil) else { return nil }
        let output = try FileHandle(forWritingTo: grams)
        var configuration = Configuration()
        configuration.readonly = true
        var encoding = "UTF-8"
        try DatabaseQueue(path: database, configuration: configuration).read { db in
            encoding = try String.fetchOne(db, sql: "PRAGMA encoding") ?? encoding
            let rows = try String.fetchCursor(db, sql: "SELECT text FROM paragraphs UNION ALL SELECT text FROM list_items")
            var buffer = Data()
            while let text = try rows.next() {
                bytes += text.utf8.count
                buffer.append(contentsOf: Bigrams.indexed(text).utf8)
                buffer.append(0x1E)  // the row separator of the shell's `.mode ascii`
                if buffer.count > 1 << 22 { output.write(buffer); buffer.removeAll(keepingCapacity: true) }
            }
            output.write(buffer)
        }
        try output.close()
        func options(_ table: String) -> String {
            "INSERT INTO \(table)(\(table), rank) VALUES ('automerge', 16); INSERT INTO \(table)(\(table), rank) VALUES ('hashsize', 67108864);"
        }
        // The text encoding of the bench database: SQLite attaches only a file of the same one.
        try run(shell, reference, "PRAGMA encoding = '\(encoding)'; CREATE TABLE t(grams TEXT);\n.mode ascii\n.import '\(grams.path)' t\n")
        let bigram = try run(shell, reference, """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072;
            CREATE VIRTUAL TABLE g USING fts5(grams, content='', tokenize='ascii', detail=none, columnsize=0); \(options("g"))
            INSERT INTO g(rowid, grams) SELECT rowid, grams FROM t;
            """)
        let trigram = try run(shell, reference, """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -131072;
            ATTACH '\(database)' AS b;
            CREATE VIRTUAL TABLE tri USING fts5(text, content='', tokenize='trigram'); \(options("tri"))
            INSERT INTO tri(text) SELECT text FROM b.paragraphs UNION ALL SELECT text FROM b.list_items;
            """)
        try? FileManager.default.removeItem(at: grams)
        return FullTextReference(bigramSeconds: bigram, trigramSeconds: trigram, megabytes: Double(bytes) / 1_048_576)
    }

    /// Runs the shell on `database` with `script` (written to a file it reads); the seconds it took.
    @discardableResult
    private static func run(_ shell: String, _ database: String, _ script: String) throws -> Double {
        let file = URL(fileURLWithPath: database + ".sql")
        try script.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = [database, ".read '\(file.path)'"]
        process.standardOutput = FileHandle.nullDevice
        let started = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "sqlite3 exited with \(process.terminationStatus)"]) }
        return (ContinuousClock.now - started).seconds
    }
}
