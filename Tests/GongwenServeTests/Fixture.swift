import Foundation
import Gongwen
import GongwenStore
import TestSupport

/// A store with the five seeds of `corpus/` and the hostile document `testdata/serve/hostile.txt`,
/// written once per test process and backend, opened read-only as `gongwen serve` opens it: a
/// SQLite file, and a database on the test PostgreSQL server when there is one.
enum ServeFixture {
    static let hostile = Repository.root.appendingPathComponent("testdata/serve/hostile.txt")

    static let path: String = {
        let path = NSTemporaryDirectory() + "gongwen-serve-tests-\(getpid()).sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        return path
    }()

    /// Both stores written with one ingest time: the pages of either are the same bytes.
    private static func fill(_ writer: any DocumentStore) async throws {
        let ingestedAt = Date(timeIntervalSince1970: 1_700_000_000)
        for file in try Repository.corpusFiles() + [hostile] {
            let bytes = [UInt8](try Data(contentsOf: file))
            _ = try await writer.write([DocumentRows(try Analysis.run(bytes: bytes, source: Repository.relative(file)).document, ingestedAt: ingestedAt)], run: nil)
        }
    }

    private static let sqlite = Task<any DocumentStore, any Error> {
        let writer = try Store(path: path)
        try await fill(writer)
        try await writer.indexed()
        return try Store(path: path, access: .read)
    }

    private static let postgres = Task<any DocumentStore, any Error> {
        let url = try await PostgresServer.freshDatabase()
        try await fill(try await PostgresStore(url: url))
        return try await PostgresStore(url: url, access: .read)
    }

    static func store(_ backend: Backend) async throws -> any DocumentStore {
        switch backend {
        case .sqlite: return try await sqlite.value
        case .postgres: return try await postgres.value
        }
    }
}
