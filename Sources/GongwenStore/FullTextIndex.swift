import GRDB

/// The bigram index (`Bigrams`) of a SQLite store in a file of its own beside the rows, written
/// by its own connection on its own thread: SQLite writes the two files in parallel, the rows'
/// writer never feeds FTS5. For `gongwen.sqlite` the index is `gongwen.sqlite-fts` (with its own
/// `-wal` and `-shm`); readers `ATTACH` it read-only, so its tables (`paragraphs_grams`,
/// `paragraphs_repeats`, `list_items_grams`) keep their names in every query. A store given one
/// connection (`Store(database: DatabaseQueue())`, tests) holds the same tables in that database.
///
/// The index commits a batch after the rows' writer committed it, so it may lag: `fulltext_progress`
/// in the index file records, per content table, the greatest row id it holds (every row up to it
/// is indexed). A batch whose first id lies past that mark first takes the rows between from the
/// content table (another process's batch, or one a killed ingest committed without its index);
/// rows at or below it are not indexed twice; a writer opening the store indexes every row past it.
///
/// After ingesting 巴中市民政局's reply (paragraphs 1…41, list items 1…6) the progress holds
/// `paragraphs 41`, `list_items 6`.
enum FullTextIndex {
    /// The index file of the database at `path`: `gongwen.sqlite-fts` for `gongwen.sqlite`.
    static func path(of path: String) -> String { path + "-fts" }

    /// The schema name the index file is attached under on readers' connections.
    static let attachedName = "fulltext"

    /// Creates the index's tables where they are missing: the three contentless FTS5 tables of
    /// `v9-bigram-index-without-positions` and the progress table.
    static func create(_ db: Database) throws {
        func create(_ name: String, columnsize: Bool) throws {
            guard try !db.tableExists(name) else { return }
            try db.execute(sql: """
                CREATE VIRTUAL TABLE \(name) USING fts5(grams, content='', tokenize='ascii', detail=none\(columnsize ? "" : ", columnsize=0"))
                """)
            try db.execute(sql: "INSERT INTO \(name)(\(name), rank) VALUES ('automerge', 16)")
            try db.execute(sql: "INSERT INTO \(name)(\(name), rank) VALUES ('hashsize', 67108864)")
        }
        for table in Schema.fullTextTables { try create("\(table)_grams", columnsize: true) }
        try create("paragraphs_repeats", columnsize: false)
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS fulltext_progress (\"table\" TEXT PRIMARY KEY, last_id INTEGER NOT NULL) WITHOUT ROWID")
    }

    /// Sets FTS5's merging of the index's tables: as `create` leaves it (`automerge` 16: the
    /// segments of a level merged as 16 of them come; `crisismerge` 16, FTS5's own), or, while an
    /// ingest fills a new file (`Store`), `automerge` 0 and `crisismerge` 64: each batch's segment
    /// stays as it is until 64 stand on a level, and the `optimize` at the end of the ingest merges
    /// them all once, where before most of them were merged on the way and again at the end.
    static func setMerging(filling: Bool, _ db: Database) throws {
        for table in tables {
            try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('automerge', \(filling ? 0 : 16))")
            try db.execute(sql: "INSERT INTO \(table)(\(table), rank) VALUES ('crisismerge', \(filling ? 64 : 16))")
        }
    }

    /// The FTS5 tables of the index, each merged into one segment by `Store.analyze()`.
    static let tables = Schema.fullTextTables.map { "\($0)_grams" } + ["paragraphs_repeats"]

    /// The rows of a batch for the index, in the order of their ids: row id and `Bigrams.indexed`
    /// text; for `paragraphs_repeats` only the paragraphs with a pair standing twice or more.
    struct Batch: Sendable {
        var paragraphs: [(Int64, String)] = []
        var paragraphRepeats: [(Int64, String)] = []
        var listItems: [(Int64, String)] = []

        mutating func append(_ other: Batch) {
            paragraphs += other.paragraphs
            paragraphRepeats += other.paragraphRepeats
            listItems += other.listItems
        }

        var isEmpty: Bool { paragraphs.isEmpty && listItems.isEmpty }

        /// The batch's rows made from the content rows `rows` of `table` (id and text).
        init(_ table: String, rows: [(Int64, String)]) {
            if table == "paragraphs" {
                for (id, text) in rows {
                    let (indexed, repeats) = Bigrams.indexedAndRepeats(text)
                    paragraphs.append((id, indexed))
                    if !repeats.isEmpty { paragraphRepeats.append((id, repeats)) }
                }
            } else {
                listItems = rows.map { ($0.0, Bigrams.indexed($0.1)) }
            }
        }

        init() {}
    }

    /// Reads the content rows of `table` with an id in `ids` (id and text, in id order), at most `limit`.
    typealias ContentReader = (_ table: String, _ ids: ClosedRange<Int64>, _ limit: Int) throws -> [(Int64, String)]

    /// Adds `batch` to the index in `db` (inside its transaction): for each content table, the rows
    /// between the index's mark and the batch's first row read through `content`, then the batch's
    /// rows past the mark; the mark moves to the last.
    static func feed(_ batch: Batch, content: ContentReader, _ db: Database) throws {
        for table in Schema.fullTextTables {
            let rows = table == "paragraphs" ? batch.paragraphs : batch.listItems
            guard let first = rows.first?.0, let last = rows.last?.0 else { continue }
            var mark = try progress(table, db)
            if first > mark + 1 { mark = try catchUp(table, through: first - 1, content: content, db) }
            guard last > mark else { continue }
            let fed = Batch(table, mark: mark, of: batch)
            try insert(fed, db)
            try setProgress(table, last, db)
        }
    }

    /// Indexes every content row past the mark of each table, in slices of 10,000 rows (the memory
    /// stays flat in the number of documents): what a writer does on opening the store. An index
    /// whose mark lies past the greatest row id of its table (`lastIds`, read after the index's
    /// write lock was taken, so no writer has indexed rows not yet counted there) is not this
    /// database's: an index file left behind by a deleted database, or rows deleted by hand. It
    /// is made again from the rows.
    static func catchUp(content: ContentReader, lastIds: () throws -> [String: Int64], _ db: Database) throws {
        let last = try lastIds()
        if try Schema.fullTextTables.contains(where: { try progress($0, db) > last[$0, default: 0] }) {
            for table in tables { try db.execute(sql: "DROP TABLE \(table)") }
            try db.execute(sql: "DELETE FROM fulltext_progress")
            try create(db)
        }
        for table in Schema.fullTextTables {
            _ = try catchUp(table, through: Int64.max, content: content, db)
        }
    }

    /// The greatest row id of each content table in `db` (0 for an empty one).
    static func lastIds(_ db: Database) throws -> [String: Int64] {
        var last: [String: Int64] = [:]
        for table in Schema.fullTextTables { last[table] = try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table)") ?? 0 }
        return last
    }

    /// Indexes the rows of `table` past its mark up to `end`, and returns the new mark.
    private static func catchUp(_ table: String, through end: Int64, content: ContentReader, _ db: Database) throws -> Int64 {
        var mark = try progress(table, db)
        while mark < end {
            let rows = try content(table, (mark + 1)...end, 10_000)
            guard let last = rows.last?.0 else { break }
            try insert(Batch(table, rows: rows), db)
            mark = last
            try setProgress(table, mark, db)
        }
        return mark
    }

    /// The greatest row id of `table` the index holds (0 for none).
    static func progress(_ table: String, _ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT last_id FROM fulltext_progress WHERE \"table\" = ?", arguments: [table]) ?? 0
    }

    private static func setProgress(_ table: String, _ id: Int64, _ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO fulltext_progress (\"table\", last_id) VALUES (?, ?)", arguments: [table, id])
    }

    private static func insert(_ batch: Batch, _ db: Database) throws {
        for (table, rows) in [("paragraphs_grams", batch.paragraphs), ("paragraphs_repeats", batch.paragraphRepeats), ("list_items_grams", batch.listItems)] {
            guard !rows.isEmpty else { continue }
            let statement = try BoundStatement(db, sql: "INSERT INTO \(table)(rowid, grams) VALUES (?, ?)")
            for (id, text) in rows { try statement.execute(rowid: id, blobOf: text) }
        }
    }

    /// The content rows of `table` with an id in `ids`, read from `db`: the `ContentReader` of a store.
    static func content(_ table: String, _ ids: ClosedRange<Int64>, limit: Int, _ db: Database) throws -> [(Int64, String)] {
        try Row.fetchAll(db, sql: "SELECT id, text FROM \(table) WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?", arguments: [ids.lowerBound, ids.upperBound, limit])
            .map { ($0[0], $0[1]) }
    }
}

extension FullTextIndex.Batch {
    /// The rows of `table`'s index in `batch` with an id past `mark`.
    fileprivate init(_ table: String, mark: Int64, of batch: FullTextIndex.Batch) {
        if table == "paragraphs" {
            paragraphs = batch.paragraphs.filter { $0.0 > mark }
            paragraphRepeats = batch.paragraphRepeats.filter { $0.0 > mark }
        } else {
            listItems = batch.listItems.filter { $0.0 > mark }
        }
    }
}
