import Foundation
import Gongwen
import GongwenIngest
import Testing
import TestSupport

/// Every stage costs time linear in the document's length, whatever its shape: a long line of
/// numbers (which was quadratic: 50 KB took 7.7 s, 200 KB over 100 s) and a long ordinary
/// document, timed against one a fifth or a twentieth their size. The bound is a ratio, not
/// seconds: twice what linear time gives, far below what quadratic time gives (25 and 400).
///
/// The base is `GONGWEN_LINEAR_BASE_KB` kilobytes (100 by default, for the debug build of
/// `make test`); `GONGWEN_LINEAR_BASE_KB=1024` on a release build times the 1 MB, 5 MB and 20 MB
/// documents of issue 10.
@Suite("linear time", .serialized)
struct LinearTimeTests {
    static let base = (ProcessInfo.processInfo.environment["GONGWEN_LINEAR_BASE_KB"].flatMap(Int.init) ?? 100) * 1024

    /// A line of space-separated numbers of about `bytes` bytes, the same numbers at every size.
    static func numberLine(_ bytes: Int) -> [UInt8] {
        var state: UInt64 = 12_345
        var line = "报告\n"
        line.reserveCapacity(bytes + 16)
        while line.utf8.count < bytes {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            line += String(state >> 47 % 99_999 + 1) + " "
        }
        return Array((line + "\n").utf8)
    }

    /// The seed corpus written one document after another until about `bytes` bytes.
    static func ordinary(_ bytes: Int) throws -> [UInt8] {
        let documents = try Repository.corpusFiles().map { try [UInt8](Data(contentsOf: $0)) + Array("\n\n".utf8) }
        var text: [UInt8] = []
        while text.count < bytes {
            for document in documents where text.count < bytes { text += document }
        }
        return text
    }

    /// The fastest of `runs` runs of the whole pipeline, in seconds of the CPU time of a thread of its
    /// own: a minute of work on Swift's cooperative pool would starve the tests that poll a child
    /// process, and CPU time does not count the time other processes (parallel tests, builds) take.
    static func seconds(_ bytes: [UInt8], runs: Int = 1) async throws -> Double {
        try await onWorkerThread {
            Result { () throws -> Double in
                var best = Double.infinity
                for _ in 0..<runs {
                    let start = threadCPUSeconds()
                    _ = try Analysis.run(bytes: bytes, source: "timed.txt", options: PipelineOptions(maxBytes: .max, budget: nil))
                    best = min(best, threadCPUSeconds() - start)
                }
                return best
            }
        }.get()
    }

    /// The CPU time the calling thread has used.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    @Test func aLineOfNumbersFiveTimesLongerTakesAtMostTenTimesLonger() async throws {
        let small = try await Self.seconds(Self.numberLine(Self.base), runs: 2)
        let large = try await Self.seconds(Self.numberLine(5 * Self.base))
        #expect(large / small <= 10, "\(large) s against \(small) s")
    }

    @Test func anOrdinaryDocumentTwentyTimesLongerTakesAtMostFortyTimesLonger() async throws {
        let small = try await Self.seconds(Self.ordinary(Self.base), runs: 2)
        let large = try await Self.seconds(Self.ordinary(20 * Self.base))
        #expect(large / small <= 40, "\(large) s against \(small) s")
    }
}
