import ArgumentParser
import Foundation
import Gongwen
import GongwenCheck
import GongwenIngest
import GongwenModel
import GongwenStore
import GongwenText

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput beside its references: the stream mode, JSON, and each stage on one core.",
        discussion: """
            Reads every .txt/.html/.htm file under the given folders into memory, replicates the set
            until it reaches --megabytes, then, on that same set:
            - the floor: a plain Python digit regex (re.findall(r'\\d+')) reading the files, in
              characters per second on one core (python3 must be on the PATH);
            - the stream mode end to end: the paths piped into `gongwen parse --format jsonl -
              --jobs N` (this executable, N = --jobs, one per core by default), JSON Lines out, in
              characters per second and as a ratio of the floor;
            - JSON: the parsed documents encoded by Foundation's JSONEncoder (GongwenJSON) and by
              JSONWriter, in MB of JSON per second on one core, and the ratio;
            - the stages, one after another on one core, three times: through segment, through
              extract, and through check (the whole of parse). Each line gives wall-clock time and
              this thread's CPU time (what one core spent, which stays meaningful when other work
              shares the machine).
            - with --rules, each check rule run alone on the same set (the documents read through
              extract once), most expensive first: CPU seconds and share of all the rules' time.
            Example: gongwen bench corpus --megabytes 20 --rules
            Build in release mode first (make bench does).
            """)

    /// Issue 13's targets: the stream mode against the regex floor, the whole pipeline on one core.
    static let streamTarget = 0.20
    static let pipelineTarget = 25.0

    @Argument(help: "Folders (or files) whose documents make up the benchmark set.")
    var paths: [String]

    @Option(help: "Replicate the documents until the set holds at least this many megabytes.")
    var megabytes: Int = 20

    @Option(help: "Documents the stream mode parses at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: "Also time each check rule alone on the set, most expensive first.")
    var rules = false

    func run() throws {
        var documents: [(name: String, bytes: [UInt8])] = []
        for file in DocumentFiles(paths).paths {
            if let bytes = try? SourceDecoder.read(path: file) { documents.append((file, bytes)) }
        }
        guard !documents.isEmpty else { throw ValidationError("no documents under \(paths.joined(separator: " "))") }
        let target = megabytes * 1_048_576
        let oneSet = documents.reduce(0) { $0 + $1.bytes.count }
        let rounds = max(1, (target + oneSet - 1) / oneSet)
        let mb = Double(oneSet * rounds) / 1_048_576
        print("documents: \(documents.count) distinct × \(rounds) = \(documents.count * rounds), \(String(format: "%.1f", mb)) MB of input")
        let paths = Array(repeating: documents.map(\.name), count: rounds).flatMap { $0 }
        let floor = try regexFloor(paths)
        print(String(format: "floor   python3 digit regex, one core          %6.2f s  %6.1f M chars/s  (%.1f M characters, %d digit runs)",
                     floor.seconds, floor.characters / floor.seconds / 1e6, floor.characters / 1e6, floor.matches))
        let stream = try streamMode(paths)
        let streamRate = floor.characters / stream.seconds
        print(String(format: "stream  parse --format jsonl - --jobs %-2d       %6.2f s  %6.1f M chars/s  = %.3f× the floor (target ≥ %.2f×)  (%.1f MB of JSON, %d lines)",
                     jobs, stream.seconds, streamRate / 1e6, streamRate / (floor.characters / floor.seconds), Self.streamTarget, stream.megabytes, stream.lines))
        try compareJSON(documents, rounds: rounds)
        print("stages, one after another on one core:")
        for stage in PipelineOptions.Stage.allCases {
            let options = PipelineOptions(through: stage, budget: nil)  // on this thread, so that its CPU time is this thread's
            let clock = ContinuousClock()
            var claims = 0
            var failures = 0
            let cpuStart = ThreadCPUClock.seconds()
            let elapsed = clock.measure {
                for _ in 0..<rounds {
                    for document in documents {
                        do throws(DecodeError) {
                            let analysis = try Analysis.run(bytes: document.bytes, source: document.name, isHTML: HTMLText.isHTMLPath(document.name), options: options)
                            claims += analysis.document.claims.count
                        } catch {
                            failures += 1
                        }
                    }
                }
            }
            let cpu = ThreadCPUClock.seconds() - cpuStart
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let name = ["segment": "decode+segment", "extract": "+extract", "check": "+check"]["\(stage)"] ?? "\(stage)"
            let figures = String(format: "%6.2f s wall %6.1f MB/s  |  %6.2f s CPU %6.1f MB/s %6.0f documents/s  |  claims %d  failures %d",
                                 seconds, mb / seconds, cpu, mb / cpu, Double(documents.count * rounds) / cpu, claims, failures)
            let target = stage == .check ? String(format: "  (target ≥ %.0f MB/s CPU)", Self.pipelineTarget) : ""
            print(name.padding(toLength: 16, withPad: " ", startingAt: 0) + figures + target)
        }
        if rules { timeRules(documents, rounds: rounds) }
        print("peak memory (VmHWM): \(peakMemory())")
    }

    /// Each rule of the registry alone (`CheckOptions(only:)`) over the documents read through
    /// extract once, `rounds` times, on this thread: CPU seconds, most expensive first. A text
    /// rule alone pays the text walk that the rules share in `parse`, so the shares add up to more
    /// than the check stage.
    private func timeRules(_ documents: [(name: String, bytes: [UInt8])], rounds: Int) {
        let contexts: [CheckContext] = documents.compactMap { document in
            let options = PipelineOptions(through: .extract, budget: nil)
            guard let analysis = try? Analysis.run(bytes: document.bytes, source: document.name, isHTML: HTMLText.isHTMLPath(document.name), options: options)
            else { return nil }
            return CheckContext(source: analysis.source, segmentation: analysis.segmentation, document: analysis.document)
        }
        var times: [(id: String, seconds: Double, findings: Int)] = []
        for rule in RuleRegistry.all {
            let options = CheckOptions(only: [rule.id])
            var findings = 0
            let start = ThreadCPUClock.seconds()
            for _ in 0..<rounds {
                for context in contexts { findings += Checker.check(context, options: options).count }
            }
            times.append((rule.id, ThreadCPUClock.seconds() - start, findings))
        }
        let total = times.reduce(0) { $0 + $1.seconds }
        print(String(format: "rules, each alone on one core (%d documents, %.2f s CPU in all):", contexts.count * rounds, total))
        for time in times.sorted(by: { $0.seconds > $1.seconds }) {
            print(String(format: "  %@ %6.3f s  %5.1f%%  findings %d", time.id.padding(toLength: 24, withPad: " ", startingAt: 0),
                         time.seconds, 100 * time.seconds / total, time.findings))
        }
    }

    /// The Python digit regex over `paths`, timed inside Python (file reads included, interpreter
    /// start-up not): characters read, digit runs found, seconds.
    private func regexFloor(_ paths: [String]) throws -> (characters: Double, matches: Int, seconds: Double) {
        let script = """
            import re, sys, time
            paths = sys.stdin.read().split("\\n")
            digits = re.compile(r"\\d+")
            start = time.perf_counter()
            characters = matches = 0
            for path in paths:
                if path:
                    with open(path, encoding="utf-8", errors="replace") as f:
                        text = f.read()
                    characters += len(text)
                    matches += len(digits.findall(text))
            print(characters, matches, time.perf_counter() - start)
            """
        let output = try runProcess("/usr/bin/env", ["python3", "-c", script], input: Data(paths.joined(separator: "\n").utf8))
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard fields.count == 3, let characters = Double(fields[0]), let matches = Int(fields[1]), let seconds = Double(fields[2]) else {
            throw ValidationError("python3 digit regex: unexpected output \(String(decoding: output, as: UTF8.self))")
        }
        return (characters, matches, seconds)
    }

    /// This executable's stream mode on `paths`, timed from launch to its last line.
    private func streamMode(_ paths: [String]) throws -> (seconds: Double, megabytes: Double, lines: Int) {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let clock = ContinuousClock()
        var output = Data()
        let elapsed = try clock.measure {
            output = try runProcess(executable, ["parse", "--format", "jsonl", "-", "--jobs", "\(jobs)"], input: Data((paths.joined(separator: "\n") + "\n").utf8))
        }
        let lines = output.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard lines == paths.count else { throw ValidationError("the stream mode wrote \(lines) lines for \(paths.count) paths") }
        return (elapsed.seconds, Double(output.count) / 1_048_576, lines)
    }

    /// Foundation's JSONEncoder (through GongwenJSON, as `parse` used it) against JSONWriter on the
    /// parsed documents, `rounds` times each, on this thread; the two must agree byte for byte.
    private func compareJSON(_ documents: [(name: String, bytes: [UInt8])], rounds: Int) throws {
        var parsed: [Document] = []
        for document in documents {
            if let analysis = try? Analysis.run(bytes: document.bytes, source: document.name, isHTML: HTMLText.isHTMLPath(document.name)) {
                parsed.append(analysis.document)
            }
        }
        for document in parsed where try JSONWriter.encode(document) != [UInt8](try GongwenJSON.encode(document)) {
            throw ValidationError("JSONWriter and JSONEncoder disagree on \(document.source)")
        }
        func time(_ encode: (Document) throws -> Int) rethrows -> (seconds: Double, megabytes: Double) {
            var total = 0
            let start = ThreadCPUClock.seconds()
            for _ in 0..<rounds {
                for document in parsed { total += try encode(document) }
            }
            return (ThreadCPUClock.seconds() - start, Double(total) / 1_048_576)
        }
        let foundation = try time { try GongwenJSON.encode($0).count }
        let writer = try time { try JSONWriter.encode($0, capacity: 4 * $0.text.utf8.count + 4096).count }
        print(String(format: "json    Foundation JSONEncoder, one core        %6.2f s  %6.1f MB/s of JSON  |  JSONWriter %6.2f s  %6.1f MB/s  = %.1f×  (%.1f MB)",
                     foundation.seconds, foundation.megabytes / foundation.seconds, writer.seconds, writer.megabytes / writer.seconds,
                     (writer.megabytes / writer.seconds) / (foundation.megabytes / foundation.seconds), writer.megabytes))
    }

    /// Runs `path` with `arguments`, `input` on its standard input; its standard output, read to
    /// the end while it runs.
    private func runProcess(_ path: String, _ arguments: [String], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let feeder = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        feeder.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("\(path) \(arguments.first ?? "") exited with \(process.terminationStatus)") }
        return output
    }

    private func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}
