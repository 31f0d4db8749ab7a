import Foundation
@testable import GongwenIngest
import Testing
import TestSupport

/// The lines `gongwen load` reads: numbered from 1, a line longer than the chunk read at a time
/// kept whole, the last line without its `\n` kept, a missing file or a folder refused.
@Suite("line reader")
struct LineReaderTests {
    @Test func linesAcrossChunksAreWhole() throws {
        let long = String(repeating: "公文", count: LineReader.chunkSize / 3)
        let file = try Repository.temporaryFolder().appendingPathComponent("lines.jsonl")
        try Data(("{\"a\":1}\n\n" + long + "\r\n" + "末行").utf8).write(to: file)
        let reader = try LineReader.open(file.path).get()
        let lines = Array(reader)
        #expect(lines.map(\.number) == [1, 2, 3, 4])
        #expect(lines.map(\.bytes) == [Array("{\"a\":1}".utf8), [], Array((long + "\r").utf8), Array("末行".utf8)])
        #expect(reader.error == nil)
    }

    @Test func aMissingFileAndAFolderAreRefused() throws {
        func refusal(_ path: String) -> String? {
            guard case .failure(let error) = LineReader.open(path) else { return nil }
            return error.code
        }
        let folder = try Repository.temporaryFolder()
        #expect(refusal(folder.appendingPathComponent("none.jsonl").path) == "not_found")
        #expect(refusal(folder.path) == "is_directory")
    }
}
