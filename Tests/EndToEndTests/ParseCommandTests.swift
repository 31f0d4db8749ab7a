import Foundation
import Testing
import TestSupport

/// The built `gongwen` executable on `corpus/` and on bad input: stdout, stderr and exit status.
@Suite("gongwen parse", .serialized)
struct ParseCommandTests {
    let gongwen = Repository.executable

    static let corpusNames: [String] = ((try? Repository.corpusFiles()) ?? []).map(\.lastPathComponent)

    @Test(arguments: corpusNames)
    func outlineSnapshot(_ name: String) throws {
        let result = try run(gongwen, ["parse", "corpus/\(name)", "--format", "outline"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        try Snapshot.assertMatches(result.stdout, named: name + ".outline")
    }

    @Test func corpusHoldsTheFiveSeeds() {
        #expect(Self.corpusNames == [
            "000_842ce01806219f2e.txt", "001_80517c5d3fdae330.txt", "002_f7baab1df13353fe.txt",
            "003_bae5fa7c6a583b1e.txt", "004_8b0ea43be8e85885.txt",
        ])
    }

    @Test func everyOutputValidatesAgainstTheSchema() throws {
        let folder = try Repository.temporaryFolder()
        var files = try Repository.corpusFiles().map(\.path)
        files += try Repository.files(in: Repository.publicCorpus).map(\.path)
        #expect(files.count == 5 + 92)
        let result = try run(gongwen, ["parse", "--format", "jsonl"] + files)
        #expect(result.status == 0, "\(result.stderr)")
        let out = folder.appendingPathComponent("all.jsonl")
        try result.stdout.write(to: out, atomically: true, encoding: .utf8)
        let check = try run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "scripts/validate-json.py", "schemas", "document.schema.json", out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("validated \(files.count) documents"))
    }

    @Test func publicCorpusParsesWithoutErrors() throws {
        let files = try Repository.files(in: Repository.publicCorpus).map(\.path)
        #expect(files.count == 92)
        let result = try run(gongwen, ["parse", "--format", "summary"] + files)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == files.count)
    }

    @Test func gb18030CopyGivesTheSameDocument() throws {
        let folder = try Repository.temporaryFolder()
        let seed = Repository.corpus.appendingPathComponent("000_842ce01806219f2e.txt")
        let copy = folder.appendingPathComponent("000-gb18030.txt")
        let iconv = try run(URL(fileURLWithPath: "/usr/bin/iconv"), ["-f", "UTF-8", "-t", "GB18030", "-o", copy.path, seed.path])
        #expect(iconv.status == 0)
        let original = try run(gongwen, ["parse", seed.path])
        let converted = try run(gongwen, ["parse", copy.path])
        func comparable(_ json: String) throws -> NSDictionary {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
            return object.filter { !["source", "sha256", "encoding", "bytes"].contains($0.key) } as NSDictionary
        }
        #expect(try comparable(original.stdout) == comparable(converted.stdout))
        #expect(converted.stdout.contains(#""encoding" : "GB18030""#))
    }

    @Test func badInputGivesOneLineErrorsAndStatus2() throws {
        let folder = try Repository.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.txt")
        let binary = folder.appendingPathComponent("image.txt")
        try Data().write(to: empty)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48]).write(to: binary)
        let missing = folder.appendingPathComponent("missing.txt").path
        let result = try run(gongwen, ["parse", "--format", "summary", empty.path, binary.path, missing, folder.path, "corpus/004_8b0ea43be8e85885.txt"])
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors == [
            "gongwen: \(empty.path): empty file",
            "gongwen: \(binary.path): not a text file (NUL byte at byte 4)",
            "gongwen: \(missing): no such file",
            "gongwen: \(folder.path): is a directory",
        ])
        #expect(result.stdout.hasPrefix("corpus/004_8b0ea43be8e85885.txt\tUTF-8"))
    }

    @Test func maxSizeRefusesLargeFiles() throws {
        let result = try run(gongwen, ["parse", "--max-size", "0", "corpus/004_8b0ea43be8e85885.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("over the 0.0 MB limit (--max-size)"))
    }

    @Test func streamModeWritesOneLinePerInputAndExitsZero() throws {
        let input = """
            corpus/004_8b0ea43be8e85885.txt
            {"id": "record-7", "text": "江苏省民政厅\\n关于做好工作的通知\\n各市民政局:\\n一、总体要求\\n做好工作。\\n江苏省民政厅\\n2022年6月24日"}
            corpus/missing.txt
            {"id": 8, "text": ""}
            not json {
            """
        let result = try run(gongwen, ["parse", "--format", "jsonl", "-"], input: input)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0].contains(#""source":"corpus/004_8b0ea43be8e85885.txt""#))
        #expect(lines[1].contains(#""source":"record-7""#) && lines[1].contains(#""date":"2022-06-24""#) && lines[1].contains(#""doc_type":"通知""#))
        #expect(lines[2] == #"{"code":"not_found","line":3,"message":"no such file","source":"corpus/missing.txt","type":"error"}"#)
        #expect(lines[3] == #"{"code":"empty","line":4,"message":"empty file","source":"8","type":"error"}"#)
        #expect(lines[4].contains(#""source":"not json {""#) && lines[4].contains(#""type":"error""#))
    }

    /// `--jobs 3` parses three documents at once and still writes one line per input line in input
    /// order, error lines included: the same bytes as `--jobs 1`, and each document the same as
    /// `parse --format jsonl FILE` writes it.
    @Test func streamModeInParallelKeepsInputOrder() throws {
        var files = try Repository.corpusFiles().map(\.path)
        files += try Repository.files(in: Repository.publicCorpus).map(\.path).prefix(20)
        var input = files
        input.insert("", at: 3)
        input.insert("corpus/missing.txt", at: 9)
        input.insert(#"{"id": 8, "text": "共有139个"}"#, at: 14)
        let sequential = try run(gongwen, ["parse", "--format", "jsonl", "-", "--jobs", "1"], input: input.joined(separator: "\n") + "\n")
        let parallel = try run(gongwen, ["parse", "--format", "jsonl", "-", "--jobs", "3"], input: input.joined(separator: "\n") + "\n")
        #expect(sequential.status == 0 && parallel.status == 0)
        #expect(parallel.stdout == sequential.stdout)
        let lines = parallel.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == input.count)
        #expect(lines[3] == #"{"code":"blank_line","line":4,"message":"blank input line","source":"","type":"error"}"#)
        #expect(lines[9] == #"{"code":"not_found","line":10,"message":"no such file","source":"corpus/missing.txt","type":"error"}"#)
        #expect(lines[14].hasPrefix(#"{"boilerplate":"#) && lines[14].contains(#""source":"8""#))
        let direct = try run(gongwen, ["parse", "--format", "jsonl", files[5]])
        #expect(lines[6] + "\n" == direct.stdout)
    }

    /// A driver that writes one line and waits for its answer before the next gets each answer: the
    /// stream mode reads ahead only what has come, and writes what is parsed while it waits for more.
    @Test func streamModeAnswersEachLineBeforeTheNextComes() throws {
        let child = Process()
        child.executableURL = gongwen
        child.arguments = ["parse", "--format", "jsonl", "-", "--jobs", "2"]
        child.currentDirectoryURL = Repository.root
        let input = Pipe()
        let output = Pipe()
        child.standardInput = input
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()
        defer { if child.isRunning { child.terminate() } }
        let reader = output.fileHandleForReading
        for (number, path) in (try Repository.corpusFiles().map(\.path).prefix(2) + ["corpus/missing.txt"]).enumerated() {
            input.fileHandleForWriting.write(Data((path + "\n").utf8))
            // The answer is read on another thread: a stream mode that waits for the next line never answers.
            let answered = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var line = Data()
            Thread {
                while line.last != UInt8(ascii: "\n") {
                    let byte = reader.readData(ofLength: 1)
                    if byte.isEmpty { break }
                    line.append(byte)
                }
                answered.signal()
            }.start()
            #expect(answered.wait(timeout: .now() + 60) == .success, "no answer to line \(number + 1) while the driver waits")
            #expect(String(decoding: line, as: UTF8.self).hasPrefix(#"{"code":"not_found","line":3,"#) == (number == 2))
        }
        try input.fileHandleForWriting.close()
        child.waitUntilExit()
        #expect(child.terminationStatus == 0)
    }

    @Test func htmlOutputCarriesTheText() throws {
        let result = try run(gongwen, ["parse", Repository.publicCorpus.appendingPathComponent("html/govcn_23_fuhan_reply_letter_fragment.html").path])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let text = try #require(object["text"] as? String)
        let fields = try #require(object["fields"] as? [[String: Any]])
        let title = try #require(fields.first { $0["name"] as? String == "title" })
        let scalars = Array(text.unicodeScalars)
        let span = String(String.UnicodeScalarView(scalars[(title["start"] as! Int)..<(title["end"] as! Int)]))
        #expect(span.replacingOccurrences(of: "\n", with: "") == "国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函")
        #expect(object["issuer"] as? String == "国务院办公厅")
        #expect(object["date"] as? String == "2004-11-04")
        #expect(object["doc_numbers"] as? [String] == ["国办函〔2004〕80号"])
    }

    @Test func helpIsSnapshotted() throws {
        let result = try run(gongwen, ["parse", "--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        try Snapshot.assertMatches(result.stdout, named: "parse-help.txt")
    }
}
