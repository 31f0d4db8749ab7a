import Foundation
import GRDB
import GRDBSQLite

/// A full-text search of the stored paragraphs: a literal term, how the hits are marked, how many.
///
/// `TextSearch(term: SearchTerm("网格化治理"))` finds the paragraph `二、深化社区网格化治理。…` of
/// 江苏省民政厅, ranked by bm25, with the snippet `二、深化社区«网格化治理»。充分发挥«网格化治理»机制…`.
public struct TextSearch: Sendable, Equatable {
    public var term: SearchTerm
    public var documents: DocumentFilter
    /// The marks put around each hit in the snippet.
    public var open: String
    public var close: String
    /// About how many characters of context the snippet shows.
    public var width: Int
    public var limit: Int?

    public init(term: SearchTerm, documents: DocumentFilter = DocumentFilter(), open: String = "«", close: String = "»", width: Int = 32, limit: Int? = nil) {
        self.term = term
        self.documents = documents
        self.open = open
        self.close = close
        self.width = width
        self.limit = limit
    }
}

/// What FTS5 keeps of a bigram index as a whole, for bm25: the rows it holds and their tokens
/// (one per character), read from its averages record (row 1 of `<table>_grams_data`: two
/// varints), as FTS5's `xRowCount` and `xColumnTotalSize` read them.
///
/// For the five seed documents: 148 rows, 10,573 tokens, so an average length of 71.4.
struct BigramTotals: Equatable {
    var rows: Int64 = 0
    var tokens: Int64 = 0

    init(rows: Int64, tokens: Int64) {
        self.rows = rows
        self.tokens = tokens
    }

    init(table: String, _ db: Database) throws {
        guard let record = try Data.fetchOne(db, sql: "SELECT block FROM \(table)_grams_data WHERE id = 1") else { return }
        (rows, tokens) = record.withUnsafeBytes { bytes in
            var offset = 0
            return (Self.varint(bytes, &offset), Self.varint(bytes, &offset))
        }
    }

    /// SQLite's variable-length integer at `offset` (moved past it): big-endian groups of 7 bits,
    /// the high bit set on all but the last; a ninth byte gives all its 8 bits.
    static func varint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> Int64 {
        var value: UInt64 = 0
        for index in 0..<9 {
            guard offset < bytes.count else { break }
            let byte = bytes[offset]
            offset += 1
            if index == 8 { return Int64(bitPattern: value << 8 | UInt64(byte)) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 { break }
        }
        return Int64(bitPattern: value)
    }

    /// FTS5's `bm25()` of a one-phrase query held by `holding` rows, as a function of a row's
    /// occurrences and length, computed in the order `fts5Bm25Function` computes it (so the same
    /// doubles): negative, smaller is better.
    func bm25(holding: Int64) -> (_ occurrences: Double, _ length: Double) -> Double {
        let k1 = 1.2, b = 0.75
        let average = Double(tokens) / Double(rows)
        var idf = log((Double(rows - holding) + 0.5) / (Double(holding) + 0.5))
        if idf <= 0 { idf = 1e-6 }
        return { occurrences, length in
            let score = 0.0 + idf * ((occurrences * (k1 + 1.0)) / (occurrences + k1 * (1 - b + b * length / average)))
            return -1.0 * score
        }
    }
}

/// One paragraph that holds the term, with a snippet around the hits.
///
/// `corpus/004_8b0ea43be8e85885.txt` section `二、` line 7 span [750, 1024), snippet
/// `二、深化社区«网格»化治理。…`, score 3 (occurrences) for a short term, bm25 for a long one.
public struct SearchHit: Codable, Sendable, Equatable, FetchableRecord {
    public var source: String
    public var title: String?
    public var section: String?
    public var line: Int
    public var start: Int
    public var end: Int
    public var snippet: String
    /// bm25 over the bigram index on SQLite (smaller is better, negative); the number of
    /// occurrences in the paragraph on PostgreSQL.
    public var score: Double
}

extension Store {
    /// The paragraphs that hold `search.term`, best first: by bm25 over the bigram index
    /// (`paragraphs_grams`), ties in the order they were stored; an empty term holds everywhere
    /// and is counted on the rows.
    public func search(_ search: TextSearch) throws -> [SearchHit] {
        guard let query = search.term.query else { return search.withSnippets(try fetch(search.countingRequest, as: SearchHit.self)) }
        return search.withSnippets(try database.read { db in try search.ranked(query, db) })
    }
}

extension TextSearch {
    /// SQLite's search, ranked by bm25 exactly as FTS5's `bm25()` ranked when the index kept
    /// positions: k1 = 1.2, b = 0.75, the term's IDF over all rows holding it, the average length
    /// from the index's own totals (`BigramTotals`), and per row how often the term stands in it
    /// and its length. A two-character term without letters that have case and without a document
    /// filter is ranked from the indexes alone (`rowsFromTheIndex`: `教育` holds in 48,700 of
    /// 660,000 paragraphs at 10,000 documents); any other from the text of the rows the index
    /// finds (`rowsFromTheText`). Then only the `limit` best paragraphs are read in full; the whole
    /// paragraph is the snippet, cut by `withSnippets`.
    func ranked(_ query: String, _ db: Database) throws -> [SearchHit] {
        let documents = documents.restricting("p.document_id")
        let fromIndex = term.text.unicodeScalars.count == 2 && term.check == .none && documents == nil
        let (holding, kept) = try fromIndex ? rowsFromTheIndex(query, db) : rowsFromTheText(query, documents: documents, db)
        let totals = try BigramTotals(table: "paragraphs", db)
        let score = totals.bm25(holding: holding)
        var ranked = kept.map { (id: $0.id, score: score($0.occurrences, $0.length)) }
        ranked.sort { ($0.score, $0.id) < ($1.score, $1.id) }
        if let limit { ranked = Array(ranked.prefix(max(0, limit))) }
        guard !ranked.isEmpty else { return [] }
        let hits = try Row.fetchAll(db, sql: """
            SELECT p.id, d.source, d.title, p.section, p.line, p.start, p."end", p.text AS snippet, 0.0 AS score
            FROM paragraphs p JOIN documents d ON d.id = p.document_id
            WHERE p.id IN (\(ranked.map { String($0.id) }.joined(separator: ",")))
            """)
        var byId: [Int64: SearchHit] = [:]
        for row in hits { byId[row["id"]] = try SearchHit(row: row) }
        return ranked.compactMap { entry in
            byId[entry.id].map { hit in
                var hit = hit
                hit.score = entry.score
                return hit
            }
        }
    }

    /// The rows a search ranks: how many rows hold the term (for its IDF), and those it keeps with
    /// how often the term stands in each and the row's length in characters.
    typealias RankedRows = (holding: Int64, kept: [(id: Int64, occurrences: Double, length: Double)])

    /// For a two-character term: the rows holding its pair, each one's length from the index's
    /// `_docsize` (what FTS5's `xColumnSize` read), how often it stands there from
    /// `paragraphs_repeats` (`"教育2"`, `"教育3"` … until no row holds the next).
    func rowsFromTheIndex(_ query: String, _ db: Database) throws -> RankedRows {
        var kept: [(id: Int64, occurrences: Double, length: Double)] = []
        try Self.step(db, """
            SELECT g.rowid, s.sz FROM paragraphs_grams g JOIN paragraphs_grams_docsize s ON s.id = g.rowid
            WHERE paragraphs_grams MATCH ?
            """, [query]) { handle in
            let size = UnsafeRawBufferPointer(start: sqlite3_column_blob(handle, 1), count: Int(sqlite3_column_bytes(handle, 1)))
            var offset = 0
            kept.append((sqlite3_column_int64(handle, 0), 1, Double(BigramTotals.varint(size, &offset))))
        }
        var occurrences: [Int64: Double] = [:]
        for count in 2... {
            var found = false
            try Self.step(db, "SELECT rowid FROM paragraphs_repeats WHERE paragraphs_repeats MATCH ?", [Bigrams.repeatQuery(term.text, count: count)]) { handle in
                occurrences[sqlite3_column_int64(handle, 0)] = Double(count)
                found = true
            }
            if !found { break }
        }
        if !occurrences.isEmpty {
            for index in kept.indices { kept[index].occurrences = occurrences[kept[index].id] ?? 1 }
        }
        return (Int64(kept.count), kept)
    }

    /// For any other term: the rows the index finds, how often the term stands in each one's text
    /// (`gongwen_occurrences`, 0 when its pairs stand apart) and the text's length; a short term
    /// with letters kept where it stands in its own case, and only the rows of the documents asked for.
    func rowsFromTheText(_ query: String, documents: SQLQuery?, _ db: Database) throws -> RankedRows {
        let exact: SQLQuery = term.check == .exact ? "instr(p.text, \(term.text)) > 0" : "1"
        let request: SQLQuery = """
            SELECT p.id, gongwen_occurrences(p.text, \(term.text)), gongwen_length(p.text), \(exact), \(documents ?? "1")
            FROM paragraphs_grams g JOIN paragraphs p ON p.id = g.rowid
            WHERE paragraphs_grams MATCH \(query)
            """
        let (text, values) = request.rendered(.sqlite)
        var holding: Int64 = 0
        var kept: [(id: Int64, occurrences: Double, length: Double)] = []
        try Self.step(db, text, values.map(\.databaseValue)) { handle in
            let occurrences = sqlite3_column_int64(handle, 1)
            guard occurrences > 0 else { return }
            holding += 1
            if sqlite3_column_int64(handle, 3) != 0, sqlite3_column_int64(handle, 4) != 0 {
                kept.append((sqlite3_column_int64(handle, 0), Double(occurrences), Double(sqlite3_column_int64(handle, 2))))
            }
        }
        return (holding, kept)
    }

    /// Runs `sql` and calls `row` at each row with SQLite's statement, read with SQLite's own
    /// calls: tens of thousands of rows of a few integers, where a GRDB `Row` per step cost more
    /// than SQLite's work on it.
    private static func step(_ db: Database, _ sql: String, _ values: [DatabaseValueConvertible], row: (SQLiteStatement) -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(StatementArguments(values))
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
            }
            row(handle)
        }
    }

    /// The paragraphs holding the term ranked by how often they hold it, the whole paragraph as the
    /// snippet (cut by `withSnippets`): PostgreSQL's search for every term (through the bigram
    /// index, see `SearchTerm.condition`), SQLite's for the empty term.
    var countingRequest: SQLQuery {
        var conditions: [SQLQuery] = [term.condition(table: "paragraphs", alias: "p")]
        if let documents = documents.restricting("p.document_id") { conditions.append(documents) }
        let limit: SQLQuery = self.limit.map { "LIMIT \($0)" } ?? ""
        let text = term.text
        return """
            SELECT d.source, d.title, p.section, p.line, p.start, p."end", p.text AS snippet,
                   (length(p.text) - length(replace(p.text, \(text), ''))) / length(\(text)) AS score
            FROM paragraphs p JOIN documents d ON d.id = p.document_id
            \(conditions.whereClause)
            ORDER BY score DESC, d.source, p.start
            \(limit)
            """
    }

    /// The hits with their paragraphs cut to a window around the term.
    func withSnippets(_ hits: [SearchHit]) -> [SearchHit] {
        hits.map { hit in
            var hit = hit
            hit.snippet = Snippet(text: hit.snippet, term: term.text, open: open, close: close, width: width).rendered
            return hit
        }
    }
}

/// A window of a paragraph around the first occurrence of a term, every occurrence in it marked,
/// `…` where text is cut (the bigram index is contentless, FTS5's `snippet()` has no text to cut).
///
/// In `二、深化社区网格化治理。全省共划分城乡社区网格…` with term `网格` and width 12 the snippet is
/// `…化社区«网格»化治理。全省共…`.
struct Snippet {
    var text: String
    var term: String
    var open: String
    var close: String
    var width: Int

    var rendered: String {
        let characters = Array(text)
        let needle = Array(term)
        guard !needle.isEmpty, let first = Self.firstOccurrence(of: needle, in: characters) else {
            return String(characters.prefix(width)) + (characters.count > width ? "…" : "")
        }
        let lead = max(0, (width - needle.count) / 3)
        let lower = max(0, first - lead)
        let upper = min(characters.count, max(lower + width, first + needle.count))
        var out = lower > 0 ? "…" : ""
        var index = lower
        while index < upper {
            if index + needle.count <= upper, Array(characters[index..<index + needle.count]) == needle {
                out += open + term + close
                index += needle.count
            } else {
                out.append(characters[index])
                index += 1
            }
        }
        return out + (upper < characters.count ? "…" : "")
    }

    private static func firstOccurrence(of needle: [Character], in haystack: [Character]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<$0 + needle.count]) == needle }
    }
}
