import Foundation
import GRDB
import GongwenModel
import NIOSSL
import PostgresNIO

/// The store on a PostgreSQL server that an office shares: several people read it, several
/// machines ingest into it at once. The same tables and named migrations as `Store`'s SQLite file
/// (`PostgresSchema`), the same rows (`DocumentRows`) and the same query text (`SQLQuery`).
///
/// `try await PostgresStore(url: "postgres://gongwen@127.0.0.1:5432/office")` connects (a pool of
/// connections through PostgresNIO) and migrates; `write` commits a batch in one transaction.
/// `?sslmode=verify-full&sslrootcert=ca.crt` in the URL asks for TLS as `psql` does (`SSLMode`).
///
/// Several writers: a document's row goes in with `ON CONFLICT (sha256) DO NOTHING`, so of two
/// processes writing the same bytes one waits for the other's commit and records a duplicate. A
/// deadlock between two batches (the same documents in another order) rolls one batch back and
/// writes it again. A killed process loses its open transaction only.
public final class PostgresStore: Sendable {
    public let url: String
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private static let quiet: Logger = {
        var logger = Logger(label: "gongwen.postgres")
        logger.logLevel = .critical
        return logger
    }()

    /// What the store does when it connects: `write` migrates, `read` checks the schema,
    /// `connect` neither (for administration: creating a database).
    public enum Access: Sendable {
        case write, read, connect
    }

    /// Why a PostgreSQL URL cannot be used.
    public enum Problem: Error, CustomStringConvertible {
        case badURL(String)
        /// A parameter of the URL that gongwen does not know, or a value it does not take.
        case badParameter(String)
        /// The server cannot be reached or refuses the connection: its message.
        case cannotConnect(String)
        public var description: String {
            switch self {
            case .badParameter(let reason): return reason
            case .cannotConnect(let reason): return "cannot connect (\(reason))"
            case .badURL(let url): return "\(url): not a PostgreSQL URL (postgres://user[:password]@host[:port]/database)"
            }
        }
    }

    /// Whether `location` names a PostgreSQL database rather than a SQLite file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Connects to the database `url` names; for writing, migrates it (creating the tables in an
    /// empty database); for reading, refuses one without gongwen's tables or of another version.
    public init(url: String, access: Access = .write) async throws {
        guard let parts = URLComponents(string: url), let host = parts.host, !host.isEmpty else { throw Problem.badURL(url) }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        let tls = try SSLMode.tls(parameters: parts.queryItems ?? [])
        var configuration = PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: parts.user ?? ProcessInfo.processInfo.environment["USER"] ?? "postgres",
            password: parts.password, database: database.isEmpty ? nil : database, tls: tls.client)
        configuration.options.maximumConnections = 8
        // One connection first, for the server's own words when it cannot be had (the pool would
        // only say that its connections keep failing).
        do {
            let probe = try await PostgresConnection.connect(
                configuration: PostgresConnection.Configuration(
                    host: host, port: parts.port ?? 5432, username: configuration.username, password: configuration.password,
                    database: configuration.database, tls: try tls.connection()),
                id: 0, logger: Self.quiet)
            try await probe.close()
        } catch let error as PSQLError {
            throw Problem.cannotConnect(Self.describe(error))
        }
        self.url = url
        let client = PostgresClient(configuration: configuration)
        self.client = client
        runner = Task { await client.run() }
        do {
            switch access {
            case .write: try await migrate()
            case .read: try await check(writing: false)
            case .connect: break
            }
        } catch {
            runner.cancel()
            throw error
        }
    }

    deinit { runner.cancel() }

    /// The `sslmode` of a PostgreSQL URL, as libpq reads it: `disable` (never TLS), `allow` and
    /// `prefer` (the default: TLS when the server offers it, its certificate not checked),
    /// `require` (TLS or no connection, the certificate not checked), `verify-ca` (the certificate
    /// signed by a trusted authority) and `verify-full` (that, and issued for the host of the URL).
    /// `sslrootcert=FILE` names the authorities to trust (PEM); without it, the system's.
    ///
    /// An office reaching its 政策研究室 server across the building's network:
    /// `postgres://gongwen@db.office/office?sslmode=verify-full&sslrootcert=/etc/gongwen/office-ca.pem`.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"

        /// The TLS settings of the URL's query parameters; any other parameter is refused.
        static func tls(parameters: [URLQueryItem]) throws -> (client: PostgresClient.Configuration.TLS, connection: () throws -> PostgresConnection.Configuration.TLS) {
            var mode = SSLMode.prefer
            var rootCertificate: String?
            for item in parameters {
                switch item.name {
                case "sslmode":
                    guard let value = item.value.flatMap(SSLMode.init(rawValue:)) else {
                        throw Problem.badParameter("sslmode=\(item.value ?? ""): not one of \(allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    mode = value
                case "sslrootcert":
                    guard let value = item.value, !value.isEmpty else { throw Problem.badParameter("sslrootcert: give the file of the certificates to trust") }
                    guard FileManager.default.isReadableFile(atPath: value) else { throw Problem.badParameter("sslrootcert=\(value): no such readable file") }
                    rootCertificate = value
                default:
                    throw Problem.badParameter("\(item.name): not a parameter gongwen reads (sslmode, sslrootcert)")
                }
            }
            var configuration = TLSConfiguration.makeClientConfiguration()
            switch mode {
            case .disable, .allow, .prefer, .require: configuration.certificateVerification = .none
            case .verifyCA: configuration.certificateVerification = .noHostnameVerification
            case .verifyFull: configuration.certificateVerification = .fullVerification
            }
            if let rootCertificate { configuration.trustRoots = .file(rootCertificate) }
            switch mode {
            case .disable: return (.disable, { .disable })
            case .allow, .prefer: return (.prefer(configuration), { .prefer(try NIOSSLContext(configuration: configuration)) })
            case .require, .verifyCA, .verifyFull:
                return (.require(configuration), { .require(try NIOSSLContext(configuration: configuration)) })
            }
        }
    }

    /// What went wrong, in the server's words when it said something (`database "x" does not
    /// exist`), else the connection's (`Connection refused`); a failed TLS handshake by BoringSSL's
    /// reason (`CERTIFICATE_VERIFY_FAILED`).
    static func describe(_ error: PSQLError) -> String {
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying {
            let text = String(describing: underlying)
            guard underlying is NIOSSLError, let reason = text.firstMatch(of: /OPENSSL_internal:([A-Z_]+)/)?.1 else { return text }
            return "TLS handshake failed: \(reason)"
                + (reason == "CERTIFICATE_VERIFY_FAILED" ? " (the server's certificate is not signed by an authority trusted here; name it with sslrootcert=FILE)" : "")
        }
        if error.code == .sslUnsupported { return "the server does not offer TLS (sslmode asks for it)" }
        return String(describing: error.code)
    }

    // MARK: Running SQL

    private static func query(_ query: SQLQuery) -> PostgresQuery {
        let (text, values) = query.rendered(.postgres)
        return PostgresQuery(unsafeSQL: text, binds: bindings(values))
    }

    private static func bindings(_ values: [SQLValue]) -> PostgresBindings {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null: binds.appendNull()
            case .integer(let value): binds.append(value)
            case .real(let value): binds.append(value)
            case .text(let value): binds.append(value)
            }
        }
        return binds
    }

    /// The rows of `query` as GRDB rows (by column name), which the records decode as on SQLite.
    private func rows(_ query: SQLQuery, on connection: PostgresConnection? = nil) async throws -> [Row] {
        let sequence =
            if let connection {
                try await connection.query(Self.query(query), logger: Self.quiet)
            } else {
                try await client.query(Self.query(query), logger: Self.quiet)
            }
        var rows: [Row] = []
        for try await row in sequence {
            var values: [String: (any DatabaseValueConvertible)?] = [:]
            for cell in row { values[cell.columnName] = try Self.value(cell) }
            rows.append(Row(values))
        }
        return rows
    }

    private static func value(_ cell: PostgresCell) throws -> (any DatabaseValueConvertible)? {
        guard cell.bytes != nil else { return nil }
        switch cell.dataType {
        case .int2: return Int64(try cell.decode(Int16.self))
        case .int4: return Int64(try cell.decode(Int32.self))
        case .int8: return try cell.decode(Int64.self)
        case .float4, .float8: return try cell.decode(Double.self)
        case .bool: return try cell.decode(Bool.self)
        default: return try cell.decode(String.self)
        }
    }

    func execute(_ query: SQLQuery, on connection: PostgresConnection? = nil) async throws {
        _ = try await rows(query, on: connection)
    }

    private func fetch<Record: FetchableRecord>(_ query: SQLQuery, as type: Record.Type) async throws -> [Record] {
        try await rows(query).map { try Record(row: $0) }
    }

    // MARK: Schema

    /// The applied migrations, checked as `Schema.check` checks a SQLite file.
    @discardableResult
    private func check(writing: Bool, on connection: PostgresConnection? = nil) async throws -> [String] {
        let bookkeeping = try await rows("SELECT to_regclass('grdb_migrations') IS NOT NULL AS present", on: connection)
        guard (bookkeeping.first?["present"] as Bool?) == true else {
            let tables: Int = try await rows(
                "SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = current_schema()", on: connection
            ).first?["n"] ?? 0
            if tables > 0 { throw Schema.Problem.notGongwen }
            if writing { return [] }
            throw Schema.Problem.empty
        }
        let applied = Set(try await rows("SELECT identifier FROM grdb_migrations", on: connection).map { $0["identifier"] as String })
        let names = PostgresSchema.migrations.map(\.name)
        let unknown = applied.subtracting(names).sorted()
        if !unknown.isEmpty { throw Schema.Problem.newer(unknown: unknown) }
        let prefix = Array(names.prefix { applied.contains($0) })
        if prefix.count != applied.count { throw Schema.Problem.notGongwen }
        if !writing, prefix.count < names.count { throw Schema.Problem.older(missing: Array(names.dropFirst(prefix.count))) }
        return prefix
    }

    /// Runs the migrations the database lacks in one transaction, under an advisory lock: two
    /// ingests creating one database at once run each migration once.
    private func migrate() async throws {
        try await client.withConnection { connection in
            try await execute("BEGIN", on: connection)
            do {
                try await execute("SELECT pg_advisory_xact_lock(4655871)", on: connection)
                let applied = try await check(writing: true, on: connection)
                if applied.count < PostgresSchema.migrations.count {
                    try await execute("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier text NOT NULL PRIMARY KEY)", on: connection)
                    for migration in PostgresSchema.migrations.dropFirst(applied.count) {
                        for statement in migration.statements { try await execute("\(sql: statement)", on: connection) }
                        try await execute("INSERT INTO grdb_migrations (identifier) VALUES (\(migration.name))", on: connection)
                    }
                }
                try await execute("COMMIT", on: connection)
            } catch {
                try? await execute("ROLLBACK", on: connection)
                throw error
            }
        }
    }

    /// The applied migrations, in order.
    public func appliedMigrations() async throws -> [String] {
        try await rows("SELECT identifier FROM grdb_migrations").map { $0["identifier"] as String }
            .sorted { PostgresSchema.migrations.map(\.name).firstIndex(of: $0)! < PostgresSchema.migrations.map(\.name).firstIndex(of: $1)! }
    }

    /// Creates the database `name` on the server of `server` (a URL of any database there, whose
    /// user may create databases), UTF-8 with the `C` collation (so `ORDER BY source` is SQLiteʼs
    /// byte order); returns its URL.
    public static func createDatabase(_ name: String, server: String) async throws -> String {
        guard var parts = URLComponents(string: server), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw Problem.badURL(server)
        }
        let store = try await PostgresStore(url: server, access: .connect)
        try await store.execute("CREATE DATABASE \(sql: name) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
        parts.path = "/" + name
        return parts.string ?? server
    }

    /// PostgreSQL's plan for `query` (`EXPLAIN`), one line per node: what shows that a search uses
    /// the bigram index. With `withoutSequentialScans`, the plan the server makes when reading a
    /// whole table is its last resort: whether an index can answer the query at all, on a table so
    /// small that reading it would be cheaper.
    public func explain(_ query: SQLQuery, withoutSequentialScans: Bool = false) async throws -> String {
        try await client.withConnection { connection in
            try await execute(withoutSequentialScans ? "SET enable_seqscan = off" : "RESET enable_seqscan", on: connection)
            let plan = try await rows("EXPLAIN " + query, on: connection).map { $0["QUERY PLAN"] as String }
            try await execute("RESET enable_seqscan", on: connection)
            return plan.joined(separator: "\n")
        }
    }

    /// Drops every table of gongwen (and its functions): what the tests use to start afresh.
    public func dropEverything() async throws {
        let tables = (Schema.tables + ["grdb_migrations"]).joined(separator: ", ")
        try await execute("DROP TABLE IF EXISTS \(sql: tables) CASCADE")
        try await execute("DROP FUNCTION IF EXISTS gw_grams(text), instr(text, text)")
    }
}

extension PostgresStore: DocumentStore {
    public var dialect: SQLDialect { .postgres }

    public func contains(sha256: String) async throws -> Bool {
        try await !rows("SELECT 1 AS one FROM documents WHERE sha256 = \(sha256)").isEmpty
    }

    /// Writes the batch in one transaction, each document inside its own savepoint. A row the
    /// server refuses (a constraint, a value out of range: SQLSTATE classes 22 and 23) rolls back
    /// that document alone; a deadlock or serialization failure (40P01, 40001) rolls back the
    /// batch, which is written again (up to five times).
    public func write(_ batch: [DocumentRows], run: Int64?) async throws -> [Store.WriteOutcome] {
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await client.withConnection { connection in
                    try await execute("BEGIN", on: connection)
                    do {
                        var outcomes: [Store.WriteOutcome] = []
                        for rows in batch {
                            try await execute("SAVEPOINT document", on: connection)
                            do {
                                outcomes.append(try await insert(rows, run: run, on: connection))
                                try await execute("RELEASE SAVEPOINT document", on: connection)
                            } catch let error as PSQLError where Self.refusesOneDocument(error) {
                                try await execute("ROLLBACK TO SAVEPOINT document", on: connection)
                                outcomes.append(.failed(reason: error.serverInfo?[.message] ?? "\(error)"))
                            }
                        }
                        try await execute("COMMIT", on: connection)
                        return outcomes
                    } catch {
                        try? await execute("ROLLBACK", on: connection)
                        throw error
                    }
                }
            } catch let error as PSQLError where attempt < 5 && Self.retries(error) {
                try await Task.sleep(for: .milliseconds(50 * attempt))
            }
        }
    }

    private static func sqlState(_ error: PSQLError) -> String { error.serverInfo?[.sqlState] ?? "" }
    private static func refusesOneDocument(_ error: PSQLError) -> Bool {
        let state = sqlState(error)
        return state.hasPrefix("22") || state.hasPrefix("23")
    }
    private static func retries(_ error: PSQLError) -> Bool { ["40P01", "40001"].contains(sqlState(error)) }

    /// Inserts one document's rows; its ids come from the tables' sequences, taken up front for each
    /// table, so the rows of a table go in with one statement.
    private func insert(_ rows: DocumentRows, run: Int64?, on connection: PostgresConnection) async throws -> Store.WriteOutcome {
        var document = rows.document
        document.runId = run
        let inserted = try await self.rows(
            Self.insertSQL(DocumentRecord.self, [document.insertValues], ids: nil, suffix: " ON CONFLICT (sha256) DO NOTHING RETURNING id"),
            on: connection)
        guard let documentId: Int64 = inserted.first?["id"] else {
            let source: String? = try await self.rows(
                "SELECT source FROM documents WHERE sha256 = \(document.sha256)", on: connection
            ).first?["source"]
            return .duplicate(of: source ?? document.source)
        }
        try await execute("DELETE FROM ingest_errors WHERE path = \(document.source)", on: connection)

        let sectionIds = try await reserve("sections", rows.sections.count, on: connection)
        try await insertAll(SectionRecord.self, rows.sections.enumerated().map { index, row in
            var section = row.record
            section.documentId = documentId
            section.parentId = row.parent.map { sectionIds[$0] }
            return section.insertValues
        }, ids: sectionIds, on: connection)
        try await insertAll(ParagraphRecord.self, rows.paragraphs.map { paragraph in
            var paragraph = paragraph
            paragraph.documentId = documentId
            return paragraph.insertValues
        }, on: connection)
        let claimRowIds = try await reserve("claims", rows.claims.count, on: connection)
        var claimIds: [Int: Int64] = [:]
        try await insertAll(ClaimRecord.self, rows.claims.enumerated().map { index, claim in
            var claim = claim
            claim.documentId = documentId
            claimIds[claim.claimIndex] = claimRowIds[index]
            return claim.insertValues
        }, ids: claimRowIds, on: connection)
        try await insertLinks(rows, documentId: documentId, claimIds: claimIds, on: connection)

        let listIds = try await reserve("lists", rows.lists.count, on: connection)
        try await insertAll(ListRecord.self, rows.lists.map { list in
            var record = list.record
            record.documentId = documentId
            return record.insertValues
        }, ids: listIds, on: connection)
        try await insertAll(ListItemRecord.self, zip(rows.lists, listIds).flatMap { list, listId in
            list.items.map { item in
                var item = item
                item.listId = listId
                item.documentId = documentId
                return item.insertValues
            }
        }, on: connection)
        let findingIds = try await reserve("findings", rows.findings.count, on: connection)
        try await insertAll(FindingRecord.self, rows.findings.map { finding in
            var record = finding.record
            record.documentId = documentId
            return record.insertValues
        }, ids: findingIds, on: connection)
        try await insertAll(FindingClaimRecord.self, zip(rows.findings, findingIds).flatMap { finding, findingId in
            // A claim overlapping the finding twice is one row (the key is the pair).
            Array(Set(finding.claimIndexes.compactMap { claimIds[$0] })).sorted().map {
                FindingClaimRecord(findingId: findingId, claimId: $0).insertValues
            }
        }, on: connection)
        return .inserted(documentId)
    }

    /// Changes, breakdowns and rates as `Store` writes them: a link to a claim the document does
    /// not have is left out.
    private func insertLinks(_ rows: DocumentRows, documentId: Int64, claimIds: [Int: Int64], on connection: PostgresConnection) async throws {
        func claim(_ index: Int?) -> Int64? { index.flatMap { claimIds[$0] } }
        try await insertAll(ChangeRecord.self, rows.changes.map { change in
            ChangeRecord(
                id: nil, documentId: documentId, fromClaimId: claim(change.from), toClaimId: claim(change.to),
                deltaClaimId: claim(change.delta), rateClaimId: claim(change.rate), direction: change.direction?.rawValue,
                start: change.start, end: change.end
            ).insertValues
        }, on: connection)
        let breakdowns = rows.breakdowns.compactMap { breakdown in claim(breakdown.total).map { (breakdown, $0) } }
        let breakdownIds = try await reserve("breakdowns", breakdowns.count, on: connection)
        try await insertAll(BreakdownRecord.self, breakdowns.map { breakdown, total in
            BreakdownRecord(id: nil, documentId: documentId, totalClaimId: total, start: breakdown.start, end: breakdown.end).insertValues
        }, ids: breakdownIds, on: connection)
        try await insertAll(BreakdownPartRecord.self, zip(breakdowns, breakdownIds).flatMap { breakdown, breakdownId in
            breakdown.0.parts.enumerated().compactMap { position, part in
                claim(part).map { BreakdownPartRecord(breakdownId: breakdownId, position: position, claimId: $0).insertValues }
            }
        }, on: connection)
        let rates = rows.rates.compactMap { rate -> (Rate, Int64, Int64)? in
            guard let rateId = claim(rate.rate), let numerator = claim(rate.numerator) else { return nil }
            return (rate, rateId, numerator)
        }
        let rateIds = try await reserve("rates", rates.count, on: connection)
        try await insertAll(RateRecord.self, rates.map { rate, rateId, numerator in
            RateRecord(
                id: nil, documentId: documentId, kind: rate.kind.rawValue, rateClaimId: rateId, numeratorClaimId: numerator,
                denominatorClaimId: rate.denominator.flatMap(claim), start: rate.start, end: rate.end
            ).insertValues
        }, ids: rateIds, on: connection)
        try await insertAll(RatePartRecord.self, zip(rates, rateIds).flatMap { rate, recordId in
            (rate.0.denominatorParts ?? []).enumerated().compactMap { position, part in
                claim(part).map { RatePartRecord(rateId: recordId, position: position, claimId: $0).insertValues }
            }
        }, on: connection)
    }

    /// `count` new ids of `table`, ascending.
    private func reserve(_ table: String, _ count: Int, on connection: PostgresConnection) async throws -> [Int64] {
        guard count > 0 else { return [] }
        return try await rows(
            "SELECT nextval(pg_get_serial_sequence(\(table), 'id')) AS id FROM generate_series(1, \(count))", on: connection
        ).map { $0["id"] as Int64 }
    }

    /// Inserts rows of `Record`'s table, many to a statement, with the given ids when the table has them.
    private func insertAll<Record: InsertableRecord>(
        _ type: Record.Type, _ values: [[(any DatabaseValueConvertible)?]], ids: [Int64]? = nil, on connection: PostgresConnection
    ) async throws {
        let columns = Record.insertColumns.count + (ids == nil ? 0 : 1)
        let perStatement = max(1, 30_000 / columns)
        var start = 0
        while start < values.count {
            let end = min(values.count, start + perStatement)
            try await execute(
                Self.insertSQL(Record.self, Array(values[start..<end]), ids: ids.map { Array($0[start..<end]) }), on: connection)
            start = end
        }
    }

    /// `INSERT INTO "claims" ("id", "document_id", …) VALUES ($1, $2, …), (…)` with `suffix` after it.
    private static func insertSQL<Record: InsertableRecord>(
        _ type: Record.Type, _ values: [[(any DatabaseValueConvertible)?]], ids: [Int64]?, suffix: String = ""
    ) -> SQLQuery {
        let names = (ids == nil ? [] : ["id"]) + Record.insertColumns
        var query: SQLQuery = "INSERT INTO \"\(sql: Record.databaseTableName)\" (\(sql: names.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        for (index, row) in values.enumerated() {
            var tuple = row.map { SQLValue($0?.databaseValue ?? .null) }
            if let ids { tuple.insert(.integer(ids[index]), at: 0) }
            query.pieces.append(.text(index == 0 ? "(" : ", ("))
            for (position, value) in tuple.enumerated() {
                if position > 0 { query.pieces.append(.text(", ")) }
                query.pieces.append(.value(value))
            }
            query.pieces.append(.text(")"))
        }
        query.pieces.append(.text(suffix))
        return query
    }

    public func recordError(path: String, code: String, reason: String, run: Int64?) async throws {
        let now = Date().formatted(.iso8601)
        try await execute("""
            INSERT INTO ingest_errors (path, code, reason, run_id, recorded_at) VALUES (\(path), \(code), \(reason), \(run.map { SQLValue.integer($0) } ?? .null), \(now))
            ON CONFLICT (path) DO UPDATE SET code = excluded.code, reason = excluded.reason, run_id = excluded.run_id,
            recorded_at = excluded.recorded_at
            """)
    }

    public func beginRun(paths: [String]) async throws -> Int64 {
        let json = String(decoding: try JSONEncoder().encode(paths), as: UTF8.self)
        return try await rows("""
            INSERT INTO ingest_runs (started_at, paths, files, ingested, duplicates, skipped, failed)
            VALUES (\(Date().formatted(.iso8601)), \(json), 0, 0, 0, 0, 0) RETURNING id
            """)[0]["id"]
    }

    public func finishRun(_ id: Int64, files: Int, ingested: Int, duplicates: Int, skipped: Int, failed: Int) async throws {
        try await execute("""
            UPDATE ingest_runs SET finished_at = \(Date().formatted(.iso8601)), files = \(files), ingested = \(ingested),
            duplicates = \(duplicates), skipped = \(skipped), failed = \(failed) WHERE id = \(Int(id))
            """)
    }

    public func analyze() async throws {
        try await execute("ANALYZE")
    }

    public func claims(_ query: ClaimQuery) async throws -> [ClaimRow] {
        try await fetch(query.request, as: ClaimRow.self)
    }

    public func measures(_ query: MeasureQuery) async throws -> [MeasureRow] {
        try await fetch(query.request, as: MeasureRow.self)
    }

    /// Every term through the bigram index, ranked by occurrences (`TextSearch.countingRequest`).
    public func search(_ search: TextSearch) async throws -> [SearchHit] {
        search.withSnippets(try await fetch(search.countingRequest, as: SearchHit.self))
    }

    public func statistics() async throws -> Statistics {
        try Statistics(rows: await read(Statistics.requests))
    }

    /// The requests in one read-only transaction of `REPEATABLE READ`: one snapshot, so the
    /// answers agree with each other while other machines ingest.
    public func read(_ requests: [SQLQuery]) async throws -> [[Row]] {
        try await client.withConnection { connection in
            try await execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", on: connection)
            do {
                var answers: [[Row]] = []
                for request in requests { answers.append(try await rows(request, on: connection)) }
                try await execute("COMMIT", on: connection)
                return answers
            } catch {
                try? await execute("ROLLBACK", on: connection)
                throw error
            }
        }
    }

    public func rowCounts() async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for table in Schema.tables {
            counts[table] = try await rows("SELECT count(*) AS n FROM \(sql: table)").first?["n"] ?? 0
        }
        return counts
    }
}
