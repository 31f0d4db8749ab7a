import Foundation
import Gongwen
import GongwenStore
import TestSupport

/// A database file with the five seeds of `corpus/` and the hostile document
/// `testdata/serve/hostile.txt`, written once per test process, opened read-only as `gongwen
/// serve` opens it.
enum ServeFixture {
    static let hostile = Repository.root.appendingPathComponent("testdata/serve/hostile.txt")

    static let path: String = {
        let path = NSTemporaryDirectory() + "gongwen-serve-tests-\(getpid()).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }()

    private static let ready = Task<Store, any Error> {
        let writer = try Store(path: path)
        for file in try Repository.corpusFiles() + [hostile] {
            let bytes = [UInt8](try Data(contentsOf: file))
            _ = try await writer.write(DocumentRows(try Analysis.run(bytes: bytes, source: Repository.relative(file)).document))
        }
        return try Store(path: path, access: .read)
    }

    static func store() async throws -> Store { try await ready.value }
}
