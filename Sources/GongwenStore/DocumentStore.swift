import GRDB

/// What `ingest`, `load`, the readers (`query`, `measures`, `search`, `stats`) and the pages of
/// `serve` need of a store, on either database: `Store` (SQLite, one file) or `PostgresStore` (a server an office
/// shares). Both build their rows from the same `DocumentRows` and answer the same queries
/// (`ClaimQuery.request`, `MeasureQuery.request` … written once, see `SQLQuery`).
///
/// `let store = try await openStore("postgres://gongwen@127.0.0.1:5432/office")`, then
/// `try await store.claims(ClaimQuery(unit: "人", minimum: 1000))`.
public protocol DocumentStore: Sendable {
    var dialect: SQLDialect { get }
    /// Whether a document with these bytes is stored: lets a resumed ingest skip parsing.
    func contains(sha256: String) async throws -> Bool
    /// Writes documents in one transaction, each all or nothing; a stored SHA-256 is a duplicate.
    func write(_ batch: [DocumentRows], run: Int64?) async throws -> [Store.WriteOutcome]
    /// Records that `path` could not be read; replaces an earlier error of the same path.
    func recordError(path: String, code: String, reason: String, run: Int64?) async throws
    func beginRun(paths: [String]) async throws -> Int64
    func finishRun(_ id: Int64, files: Int, ingested: Int, duplicates: Int, skipped: Int, failed: Int) async throws
    /// Refreshes the planner's statistics after documents went in.
    func analyze() async throws
    func claims(_ query: ClaimQuery) async throws -> [ClaimRow]
    func measures(_ query: MeasureQuery) async throws -> [MeasureRow]
    func search(_ search: TextSearch) async throws -> [SearchHit]
    func statistics() async throws -> Statistics
    /// The number of rows in each table of `Schema.tables`.
    func rowCounts() async throws -> [String: Int]
    /// The rows of each request, all read in one snapshot (the answers agree with each other while
    /// another process writes): what the pages of `serve` are made of (`documents(_:)`,
    /// `findings(_:)`, `document(id:)`, written once over this).
    func read(_ requests: [SQLQuery]) async throws -> [[Row]]
}

extension Store: DocumentStore {
    public var dialect: SQLDialect { .sqlite }

    public func read(_ requests: [SQLQuery]) throws -> [[Row]] {
        try database.read { db in
            try requests.map { request in
                let (text, values) = request.rendered(.sqlite)
                return try Row.fetchAll(db, sql: text, arguments: StatementArguments(values.map(\.databaseValue)))
            }
        }
    }
}

/// Opens the store `location` names: a `postgres://` or `postgresql://` URL is a PostgreSQL
/// database, anything else a SQLite file.
public func openStore(_ location: String, access: Store.Access = .write) async throws -> any DocumentStore {
    if PostgresStore.isURL(location) { return try await PostgresStore(url: location, access: access == .write ? .write : .read) }
    return try Store(path: location, access: access)
}
