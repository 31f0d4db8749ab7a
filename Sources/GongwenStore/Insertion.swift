import GRDB

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
}

extension InsertableRecord {
    /// `INSERT INTO "claims" ("document_id", …) VALUES (?, …)`.
    static var insertSQL: String {
        let columns = insertColumns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: insertColumns.count).joined(separator: ", ")
        return "INSERT INTO \"\(databaseTableName)\" (\(columns)) VALUES (\(marks))"
    }
}

/// Inserts records of one table through one cached statement; `insert` returns the new row id.
///
/// `let claims = try RowInserter<ClaimRecord>(db)` once per document, then `try claims.insert(claim)`
/// for each of its claims.
struct RowInserter<Record: InsertableRecord> {
    private let db: Database
    private let statement: Statement

    init(_ db: Database) throws {
        self.db = db
        statement = try db.cachedStatement(sql: Record.insertSQL)
    }

    @discardableResult
    func insert(_ record: Record) throws -> Int64 {
        try statement.execute(arguments: StatementArguments(record.insertValues))
        return db.lastInsertedRowID
    }
}
