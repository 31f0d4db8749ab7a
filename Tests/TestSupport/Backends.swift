import Foundation
import GRDB
import GongwenStore

/// The PostgreSQL server of the tests: `GONGWEN_TEST_POSTGRES` (set by `scripts/pg-test-server.sh`,
/// which `make test` runs the suite under). Without it the PostgreSQL side of the tests is off
/// (`make test-fast`); with `GONGWEN_REQUIRE_POSTGRES` set and no server, a test fails instead of
/// the suite passing without them.
public enum PostgresServer {
    public static let url = ProcessInfo.processInfo.environment["GONGWEN_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    public static var isRunning: Bool { url != nil }
    /// The self-signed certificate the test server speaks TLS with (`GONGWEN_TEST_POSTGRES_CA`),
    /// when it does.
    public static let certificate = ProcessInfo.processInfo.environment["GONGWEN_TEST_POSTGRES_CA"].flatMap { $0.isEmpty ? nil : $0 }
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["GONGWEN_REQUIRE_POSTGRES"] != nil }

    /// A new empty database on the test server, its URL.
    public static func freshDatabase() async throws -> String {
        guard let url else { throw CocoaError(.featureUnsupported) }
        let name = "gw_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        return try await PostgresStore.createDatabase(String(name), server: url)
    }
}

/// Which database a store test runs on: SQLite always, PostgreSQL when the test server is there.
public enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    public static var available: [Backend] { PostgresServer.isRunning ? [.sqlite, .postgres] : [.sqlite] }
    public var description: String { rawValue }

    /// A new empty store, migrated: SQLite in memory, or a new database on the test server.
    public func emptyStore() async throws -> any DocumentStore {
        switch self {
        case .sqlite: return try Store(database: DatabaseQueue())
        case .postgres: return try await PostgresStore(url: try await PostgresServer.freshDatabase())
        }
    }
}
