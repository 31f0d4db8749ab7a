import GRDB

/// The two databases the store runs on. The query text is written once; what differs between
/// them (placeholders, full-text search, `NULLS` ordering spelled out) is decided here.
public enum SQLDialect: Sendable, Equatable {
    /// SQLite through GRDB: `?` placeholders, FTS5 `trigram` indexes.
    case sqlite
    /// PostgreSQL through PostgresNIO: `$1` placeholders, GIN indexes over character bigrams.
    case postgres
}

/// A value bound to a placeholder of an `SQLQuery`.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let value): self = .integer(value)
        case .double(let value): self = .real(value)
        case .string(let value): self = .text(value)
        case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
        }
    }
}

/// SQL text with its values kept apart, written once for both databases: an interpolated
/// `String`, `Int` or `Double` becomes a placeholder (`?` for SQLite, `$1` … for PostgreSQL),
/// `\(sql: "c.unit")` is spliced in as text, and an interpolated `SQLQuery` brings its own values.
///
/// `let query: SQLQuery = "SELECT id FROM claims WHERE unit = \("人") AND value_real >= \(1000.0)"`
/// renders for PostgreSQL as `… WHERE unit = $1 AND value_real >= $2` with `人`, `1000.0`.
public struct SQLQuery: Sendable, ExpressibleByStringInterpolation {
    enum Piece: Sendable {
        case text(String)
        case value(SQLValue)
        /// What differs between the databases.
        case dialect(sqlite: [Piece], postgres: [Piece])
    }

    var pieces: [Piece]

    public init(stringLiteral value: String) {
        pieces = [.text(value)]
    }

    public init(stringInterpolation: StringInterpolation) {
        pieces = stringInterpolation.pieces
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var pieces: [Piece] = []

        public init(literalCapacity: Int, interpolationCount: Int) {}

        public mutating func appendLiteral(_ literal: String) { pieces.append(.text(literal)) }
        public mutating func appendInterpolation(_ value: String) { pieces.append(.value(.text(value))) }
        public mutating func appendInterpolation(_ value: Int) { pieces.append(.value(.integer(Int64(value)))) }
        public mutating func appendInterpolation(_ value: Double) { pieces.append(.value(.real(value))) }
        public mutating func appendInterpolation(_ value: Int64) { pieces.append(.value(.integer(value))) }
        public mutating func appendInterpolation(_ value: SQLValue) { pieces.append(.value(value)) }
        /// `(?, ?, ?)`: a list for `IN`.
        public mutating func appendInterpolation(_ values: [String]) {
            pieces.append(.text("("))
            for (index, value) in values.enumerated() {
                if index > 0 { pieces.append(.text(", ")) }
                pieces.append(.value(.text(value)))
            }
            pieces.append(.text(")"))
        }
        public mutating func appendInterpolation(_ query: SQLQuery) { pieces += query.pieces }
        public mutating func appendInterpolation(sql: String) { pieces.append(.text(sql)) }
        /// Text that differs between the databases: `\(sqlite: "CROSS JOIN", postgres: "JOIN")`.
        public mutating func appendInterpolation(sqlite: String, postgres: String) {
            pieces.append(.dialect(sqlite: [.text(sqlite)], postgres: [.text(postgres)]))
        }
        public mutating func appendInterpolation(sqlite: SQLQuery, postgres: SQLQuery) {
            pieces.append(.dialect(sqlite: sqlite.pieces, postgres: postgres.pieces))
        }
    }

    /// The text with placeholders of `dialect`, and the values in their order.
    public func rendered(_ dialect: SQLDialect) -> (text: String, values: [SQLValue]) {
        var text = ""
        var values: [SQLValue] = []
        func render(_ pieces: [Piece]) {
            for piece in pieces {
                switch piece {
                case .text(let part): text += part
                case .dialect(let sqlite, let postgres): render(dialect == .sqlite ? sqlite : postgres)
                case .value(let value):
                    values.append(value)
                    text += dialect == .sqlite ? "?" : "$\(values.count)"
                }
            }
        }
        render(pieces)
        return (text, values)
    }

    static func + (lhs: SQLQuery, rhs: SQLQuery) -> SQLQuery {
        var joined = lhs
        joined.pieces += rhs.pieces
        return joined
    }
}

extension Array where Element == SQLQuery {
    /// The queries one after another, `separator` between them.
    func joined(separator: String) -> SQLQuery {
        var result: SQLQuery = ""
        for (index, query) in enumerated() {
            if index > 0 { result.pieces.append(.text(separator)) }
            result.pieces += query.pieces
        }
        return result
    }

    /// `WHERE a AND b …`, or nothing when empty.
    var whereClause: SQLQuery {
        isEmpty ? "" : "WHERE " + joined(separator: " AND ")
    }
}

/// `LIMIT n OFFSET m`, the same text in both dialects (SQLite's `LIMIT -1` is no PostgreSQL).
func limitClause(_ limit: Int?, offset: Int) -> SQLQuery {
    if let limit { return "LIMIT \(limit) OFFSET \(offset)" }
    return offset > 0 ? "LIMIT \(Int(Int64.max)) OFFSET \(offset)" : ""
}

extension Store {
    /// Runs `query` on the SQLite database and decodes each row as `Row` (by column name).
    func fetch<Record: FetchableRecord>(_ query: SQLQuery, as type: Record.Type) throws -> [Record] {
        let (text, values) = query.rendered(.sqlite)
        return try database.read { db in
            try Record.fetchAll(db, sql: text, arguments: StatementArguments(values.map(\.databaseValue)))
        }
    }
}
