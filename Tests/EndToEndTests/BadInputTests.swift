import Foundation
import GRDB
import Testing
import TestSupport

/// The bad-input matrix of issue 10 (README, "Input and failure"), one row per bad input: what the
/// built `gongwen` answers — exit status, and the exact lines on standard output or error that
/// say what happened.
@Suite("bad input")
struct BadInputTests {
    /// One bad input: the command (paths relative to the fixture folder), what it reads on standard
    /// input, and what it must answer. `stdout` and `stderr`, when given, are compared line for line
    /// after each `{dir}` is replaced by the fixture folder; `json` checks the standard output as JSON.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var input: String? = nil
        var status: Int32
        var stdout: [String]? = nil
        var stderr: [String]? = nil
        var json: (@Sendable (Any) -> Bool)? = nil
        /// Lines that must be among the lines of standard output (the rest carries timings).
        var someLines: [String] = []

        var testDescription: String { name }
    }

    /// The fixture folder, made once: the bad files and databases every row reads.
    static let folder: String = {
        let folder = try! Repository.temporaryFolder().path
        let manager = FileManager.default
        func write(_ name: String, _ text: String) { manager.createFile(atPath: folder + "/" + name, contents: Data(text.utf8)) }
        write("numbers.txt", "报告\n" + (1...4_000).map { String($0 * 37 % 99_991) }.joined(separator: " ") + "\n")
        write("deep.html", "<html><body>" + String(repeating: "<font>", count: 300) + "<p>开头</p><p>结尾的文字</p></body></html>")
        write("digits.txt", "报告\n共有" + String(repeating: "一", count: 200) + "人。\n")
        write("ones.txt", "报告\n共有" + String(repeating: "1", count: 1_000) + "人。\n")
        write("reply.txt", "报告\n全市共有社区139个。\n")
        mkfifo(folder + "/fifo.txt", 0o644)
        try! manager.createSymbolicLink(atPath: folder + "/zero.txt", withDestinationPath: "/dev/zero")
        try! manager.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
        try! manager.createDirectory(atPath: folder + "/looped", withIntermediateDirectories: true)
        write("looped/a.txt", "报告\n全市共有社区139个。\n")
        try! manager.createSymbolicLink(atPath: folder + "/looped/again", withDestinationPath: folder + "/looped")
        write("empty.sqlite", "")
        try! DatabaseQueue(path: folder + "/foreign.sqlite").write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        let ingest = try! run(Repository.executable, ["ingest", folder + "/reply.txt", "--db", folder + "/good.sqlite", "--quiet"])
        precondition(ingest.status == 0, ingest.stderr)
        return folder
    }()

    static let cases: [Case] = [
        // 1. Quadratic hang: a long line of numbers parses; a document past its budget is an error.
        Case(name: "line of numbers", arguments: ["parse", "{dir}/numbers.txt", "--format", "summary"], status: 0,
             stdout: ["{dir}/numbers.txt\tUTF-8\tsections=0\tclaims=4000\tfindings=0\t报告\t-\t-\t报告"]),
        Case(name: "time budget", arguments: ["parse", "{dir}/numbers.txt", "--time-budget", "0"], status: 2,
             stderr: ["gongwen: {dir}/numbers.txt: budget exceeded in decode (over 0 ms per document)"]),
        // 2. Silent text loss: 300 unclosed <font> keep the whole page.
        Case(name: "HTML 300 levels deep", arguments: ["parse", "{dir}/deep.html"], status: 0,
             json: { ($0 as? [String: Any])?["text"] as? String == "开头\n结尾的文字" && ($0 as? [String: Any])?["warnings"] as? [String] == [] }),
        // 3. Invalid output: numbers beyond Decimal are identifiers, never NaN, never cut.
        Case(name: "200 Chinese digits", arguments: ["parse", "{dir}/digits.txt"], status: 0,
             json: { kinds($0) == ["identifier"] && values($0) == [nil] }),
        Case(name: "1,000 ones", arguments: ["parse", "{dir}/ones.txt"], status: 0,
             json: { kinds($0) == ["identifier"] && values($0) == [nil] }),
        // 4. Stream mode: one line out per line in, blank and broken lines too, with the id or path.
        Case(name: "stream blank and broken lines", arguments: ["parse", "--format", "jsonl", "-"],
             input: "\n{\"id\": \"r1\"}\n{broken\n{\"id\": 7, \"text\": \"\"}\n{dir}/missing.txt\n", status: 0,
             stdout: [
                #"{"code":"blank_line","line":1,"message":"blank input line","source":"","type":"error"}"#,
                #"{"code":"bad_record","line":2,"message":"not a JSON record with \"text\"","source":"r1","type":"error"}"#,
                #"{"code":"bad_record","line":3,"message":"not a JSON record with \"text\"","source":"","type":"error"}"#,
                #"{"code":"empty","line":4,"message":"empty file","source":"7","type":"error"}"#,
                #"{"code":"not_found","line":5,"message":"no such file","source":"{dir}/missing.txt","type":"error"}"#,
             ]),
        Case(name: "load: a line that is not a document", arguments: ["load", "-", "--db", "{dir}/loaded.sqlite", "--quiet"],
             input: "{\"id\": 1, \"text\": \"报告\"}\n", status: 1,
             someLines: ["lines       1", "ingested    0", "failed      1",
                         "  -:1: not a line of gongwen parse --format jsonl (no value for \"source\") [bad_line]"]),
        // 5. Readers read: an empty or foreign file is refused and left as it was.
        Case(name: "stats on a 0-byte file", arguments: ["stats", "--db", "{dir}/empty.sqlite"], status: 2,
             stderr: ["gongwen: {dir}/empty.sqlite: holds no gongwen data (run gongwen ingest first)"]),
        Case(name: "query on another program's database", arguments: ["query", "--db", "{dir}/foreign.sqlite"], status: 2,
             stderr: ["gongwen: {dir}/foreign.sqlite: not a gongwen database (it holds other tables); give another --db"]),
        Case(name: "load into another program's database", arguments: ["load", "-", "--db", "{dir}/foreign.sqlite"], input: "", status: 2,
             stderr: ["gongwen: {dir}/foreign.sqlite: not a gongwen database (it holds other tables); give another --db"]),
        Case(name: "ingest into another program's database", arguments: ["ingest", "{dir}/reply.txt", "--db", "{dir}/foreign.sqlite"], status: 2,
             stderr: ["gongwen: {dir}/foreign.sqlite: not a gongwen database (it holds other tables); give another --db"]),
        // 6. Inputs are files: FIFOs and devices are errors, empty folders exit 2, link cycles end.
        Case(name: "FIFO named .txt", arguments: ["parse", "{dir}/fifo.txt"], status: 2,
             stderr: ["gongwen: {dir}/fifo.txt: not a regular file (FIFO)"]),
        Case(name: "link to /dev/zero named .txt", arguments: ["parse", "{dir}/zero.txt"], status: 2,
             stderr: ["gongwen: {dir}/zero.txt: not a regular file (character device)"]),
        Case(name: "empty folder", arguments: ["ingest", "{dir}/empty", "--db", "{dir}/unused.sqlite"], status: 2,
             stderr: ["gongwen: no .txt, .html or .htm file found in {dir}/empty (0 paths skipped; --verbose lists them)"]),
        Case(name: "folder linked into itself", arguments: ["ingest", "{dir}/looped", "--db", "{dir}/looped.sqlite", "--quiet", "--verbose"],
             status: 0, someLines: [
                "files       1", "ingested    1", "skipped     1  (folder already read (a link cycle))",
                "  {dir}/looped/again: folder already read (a link cycle)", "failed      0",
             ]),
        Case(name: "--doc % is literal", arguments: ["query", "--db", "{dir}/good.sqlite", "--doc", "%", "--format", "csv"], status: 0,
             stdout: ["source,section,claim,value,unit,kind,subject,start,end,findings,sentence"]),
        // 7. Arguments validated.
        Case(name: "--kind nonsense", arguments: ["query", "--db", "{dir}/good.sqlite", "--kind", "nonsense"], status: 2),
        Case(name: "--rule no.such.rule", arguments: ["query", "--db", "{dir}/good.sqlite", "--rule", "no.such.rule"], status: 2),
        Case(name: "--min above --max", arguments: ["query", "--db", "{dir}/good.sqlite", "--min", "10", "--max", "1"], status: 2),
        Case(name: "--limit -1", arguments: ["query", "--db", "{dir}/good.sqlite", "--limit", "-1"], status: 2),
    ]

    static func numbers(_ json: Any) -> [[String: Any]] { ((json as? [String: Any])?["numbers"] as? [[String: Any]]) ?? [] }
    static func kinds(_ json: Any) -> [String] { numbers(json).map { $0["kind"] as? String ?? "?" } }
    static func values(_ json: Any) -> [String?] { numbers(json).map { $0["value"].map { "\($0)" } } }

    @Test(arguments: cases)
    func badInputGetsItsAnswer(_ row: Case) throws {
        let folder = Self.folder
        let result = try run(
            Repository.executable, row.arguments.map { $0.replacingOccurrences(of: "{dir}", with: folder) },
            input: row.input?.replacingOccurrences(of: "{dir}", with: folder))
        func lines(_ text: String) -> [String] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
        #expect(result.status == row.status, "\(result.stderr)")
        if let stdout = row.stdout {
            #expect(lines(result.stdout) == stdout.map { $0.replacingOccurrences(of: "{dir}", with: folder) })
        }
        if let stderr = row.stderr {
            #expect(lines(result.stderr) == stderr.map { $0.replacingOccurrences(of: "{dir}", with: folder) })
        }
        if row.status == 2, row.stderr == nil {
            #expect(result.stderr.hasPrefix("Error: "), "a usage error: \(result.stderr)")
        }
        let printed = lines(result.stdout).map { $0.hasPrefix("ingested ") ? String($0.prefix(13)) : $0 }
        for line in row.someLines {
            let expected = line.replacingOccurrences(of: "{dir}", with: folder)
            #expect(printed.contains(expected), "\(expected) in \(result.stdout)")
        }
        if let json = row.json {
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            #expect(json(object), "\(result.stdout.prefix(500))")
        }
    }
}
