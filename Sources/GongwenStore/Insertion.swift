import GRDB
import GRDBSQLite

/// A record the ingest writer inserts through one prepared statement with positional arguments.
/// GRDB's Codable persistence builds a dictionary of column names and looks up a statement for
/// every row, which was most of the writer's time; here each table's columns are named once, next
/// to the record's fields, and `InsertableRecordTests` checks them against the Codable encoding.
///
/// `ClaimRecord.insertColumns` starts `document_id`, `claim_index`, `text`, `value` …; for the claim
/// `1.84万人` the values start `7, 3, "1.84万人", "18400"`.
public protocol InsertableRecord: StoreRecord {
    /// The columns written, in the order of `insertValues`; an auto-incremented `id` is left out.
    static var insertColumns: [String] { get }
    var insertValues: [(any DatabaseValueConvertible)?] { get }
    /// The columns the SQLite store writes: `insertColumns`, a coded column under its stored name
    /// (`kind_code` for `kind`, see `CodedColumn`).
    static var sqliteColumns: [String] { get }
    /// `insertValues` as the SQLite store writes them: a coded column's value as its code.
    var sqliteValues: [(any DatabaseValueConvertible)?] { get }
}

extension InsertableRecord {
    public static var sqliteColumns: [String] { insertColumns }
    public var sqliteValues: [(any DatabaseValueConvertible)?] { insertValues }

    /// `INSERT INTO "claims" ("document_id", …) VALUES (?, …)`, the columns `columns`.
    static func insertSQL(_ columns: [String]) -> String {
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return "INSERT INTO \"\(databaseTableName)\" (\(names)) VALUES (\(marks))"
    }

    /// The insert of `insertColumns`, what PostgreSQL and GRDB's own execution write.
    static var insertSQL: String { insertSQL(insertColumns) }
}

extension ClaimRecord {
    private static let coded = CodedColumn.positions(of: CodedColumn.claimColumns, in: insertColumns)
    public static let sqliteColumns = CodedColumn.stored(CodedColumn.claimColumns, in: insertColumns)
    public var sqliteValues: [(any DatabaseValueConvertible)?] { CodedColumn.stored(insertValues, at: Self.coded) }
}

extension ParagraphRecord {
    private static let coded = CodedColumn.positions(of: CodedColumn.paragraphColumns, in: insertColumns)
    public static let sqliteColumns = CodedColumn.stored(CodedColumn.paragraphColumns, in: insertColumns)
    public var sqliteValues: [(any DatabaseValueConvertible)?] { CodedColumn.stored(insertValues, at: Self.coded) }
}

/// Inserts records of one table through one cached statement; `insert` returns the new row id.
/// The values are bound with SQLite's own calls, not through GRDB's `StatementArguments` (an
/// array of `DatabaseValue`s checked and bound one by one per row, which cost the writer more
/// than SQLite's work on the row); a value SQLite refuses throws the same `DatabaseError`. GRDB's
/// transaction observers do not see these rows (GRDB reports only the statements it runs).
///
/// `let claims = try RowInserter<ClaimRecord>(db)` once per document, then `try claims.insert(claim)`
/// for each of its claims.
struct RowInserter<Record: InsertableRecord> {
    private let statement: BoundStatement

    init(_ db: Database) throws {
        statement = try BoundStatement(db, sql: Record.insertSQL(Record.sqliteColumns))
    }

    @discardableResult
    func insert(_ record: Record) throws -> Int64 {
        try statement.execute(record.sqliteValues)
    }
}

/// A cached statement run with values bound by SQLite's calls (`sqlite3_bind_int64`, `_text` …),
/// reset after each run: what `RowInserter` and the bigram index's feed (`execute(rowid:blobOf:)`)
/// execute per row.
///
/// `try BoundStatement(db, sql: "INSERT INTO paragraphs_grams(rowid, grams) VALUES (?, ?)").execute([7, "教育 育部 部"])`.
struct BoundStatement {
    private let db: Database
    private let statement: Statement

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.cachedStatement(sql: sql)
    }

    /// Binds `values` to the parameters in order, steps once, and returns the last inserted row id.
    @discardableResult
    func execute(_ values: [(any DatabaseValueConvertible)?]) throws -> Int64 {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let code: Int32
            switch value?.databaseValue.storage ?? .null {
            case .null: code = sqlite3_bind_null(handle, position)
            case .int64(let integer): code = sqlite3_bind_int64(handle, position, integer)
            case .double(let double): code = sqlite3_bind_double(handle, position, double)
            case .string(let text):
                code = bind(text, at: position, handle)
            case .blob(let data):
                code = data.withUnsafeBytes { sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), transient) }
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
    }

    /// Binds `rowid` and the UTF-8 bytes of `text` as a blob, steps once: a row of an FTS5 table of
    /// the bigram index (`FullTextIndex`). FTS5 reads the column with `sqlite3_value_text`, which
    /// takes a blob's bytes as UTF-8 text as they are. Bound as text, in a file whose encoding is
    /// UTF-16 (the index file takes the rows' encoding), SQLite converted the pair text to UTF-16
    /// when it was bound and FTS5's read converted it back, two copies of every row's pair text:
    /// a fifth of the index's feed.
    ///
    /// `try statement.execute(rowid: 7, blobOf: "教育 育部 部")` indexes the row 7 as if bound as text.
    func execute(rowid: Int64, blobOf text: String) throws {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var code = sqlite3_bind_int64(handle, 1, rowid)
        guard code == SQLITE_OK else { throw error(code) }
        var text = text
        code = text.withUTF8 { bytes in
            // An empty buffer may have no address, which SQLite would bind as NULL.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, 2, 0) }
            return sqlite3_bind_blob(handle, 2, base, Int32(bytes.count), transient)
        }
        guard code == SQLITE_OK else { throw error(code) }
        code = sqlite3_step(handle)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Binds the UTF-8 bytes of a native string in place; others, and the empty string (whose
    /// bytes may have no address, which would bind NULL, not ''), through a C copy.
    private func bind(_ text: String, at position: Int32, _ handle: SQLiteStatement) -> Int32 {
        let bound: Int32?? = text.utf8.withContiguousStorageIfAvailable { bytes -> Int32? in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                sqlite3_bind_text(handle, position, chars, Int32(bytes.count), transient)
            }
        }
        if let code = bound ?? nil { return code }
        return text.withCString { sqlite3_bind_text(handle, position, $0, -1, transient) }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: db.lastErrorCode, message: db.lastErrorMessage, sql: statement.sql)
    }
}

/// SQLite copies a value bound with this destructor before the call returns.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
