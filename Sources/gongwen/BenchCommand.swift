import ArgumentParser
import Foundation
import Gongwen
import GongwenIngest
import GongwenText

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure throughput per stage on one core (MB/s of input bytes) and peak memory.",
        discussion: """
            Reads every .txt/.html/.htm file under the given folders into memory, replicates the set
            until it reaches --megabytes, then analyses the documents one after another on one core,
            three times: through segment, through extract, and through check (the whole of parse).
            Each line gives wall-clock time and this thread's CPU time (what one core spent, which
            stays meaningful when other work shares the machine).
            Example: gongwen bench corpus --megabytes 20
            Build in release mode first (make bench does).
            """)

    @Argument(help: "Folders (or files) whose documents make up the benchmark set.")
    var paths: [String]

    @Option(help: "Replicate the documents until the set holds at least this many megabytes.")
    var megabytes: Int = 20

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
        print("documents: \(documents.count) distinct × \(rounds) = \(documents.count * rounds), \(String(format: "%.1f", mb)) MB of input, one core")
        for stage in PipelineOptions.Stage.allCases {
            let options = PipelineOptions(through: stage)
            let clock = ContinuousClock()
            var claims = 0
            var failures = 0
            let cpuStart = threadCPUSeconds()
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
            let cpu = threadCPUSeconds() - cpuStart
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            let name = ["segment": "decode+segment", "extract": "+extract", "check": "+check"]["\(stage)"] ?? "\(stage)"
            let figures = String(format: "%6.2f s wall %6.1f MB/s  |  %6.2f s CPU %6.1f MB/s %6.0f documents/s  |  claims %d  failures %d",
                                 seconds, mb / seconds, cpu, mb / cpu, Double(documents.count * rounds) / cpu, claims, failures)
            print(name.padding(toLength: 16, withPad: " ", startingAt: 0) + figures)
        }
        print("peak memory (VmHWM): \(peakMemory())")
    }

    /// CPU time of this thread: what one core spent, whatever else the machine was doing.
    private func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func peakMemory() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}
