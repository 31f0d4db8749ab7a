/// A literal string to find in the full text, and how to find it. Both databases index every
/// pair of adjacent characters (`Bigrams`), so every term is answered by the index: on SQLite a term
/// of two characters or more is an FTS5 phrase of its pairs (`"网格 格化"`, ranked by bm25), one
/// character the prefix query `"教" *`.
///
/// `SearchTerm("网格")` is the query `"网格"`; `SearchTerm("网格化")` the phrase `"网格 格化"`.
public struct SearchTerm: Sendable, Equatable {
    public var text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The term as an FTS5 query of the SQLite bigram index (`Bigrams.query`); `nil` when empty.
    public var query: String? { Bigrams.query(text) }

    /// Whether the index alone decides a match as the trigram index and `instr()` did before it: a
    /// term of three characters or more matched letters in any case (as it still does), a shorter one
    /// in its own case, so a short term with letters is also checked with `instr()`.
    var indexDecides: Bool { text.unicodeScalars.count >= 3 || !text.unicodeScalars.contains { $0.properties.changesWhenLowercased || $0.properties.changesWhenUppercased } }
}

extension SearchTerm {
    /// The condition that the `text` column of `alias` (a row of `table`) holds the term, answered
    /// through the table's bigram index on both databases. On SQLite: the FTS5 table
    /// `<table>_grams` (and `instr()` for a short term with letters, see `indexDecides`). On
    /// PostgreSQL: the GIN index over `gw_grams(text)` (every character and every pair of characters
    /// of the text, see `PostgresSchema`) finds the rows holding all the term's bigrams (its one
    /// character when it is one), and `strpos()` keeps those where they stand together.
    func condition(table: String, alias: String) -> SQLQuery {
        let exact: SQLQuery = "instr(\(sql: alias).text, \(text)) > 0"
        var sqlite = exact
        if let query {
            let indexed: SQLQuery = "\(sql: alias).id IN (SELECT rowid FROM \(sql: table)_grams WHERE \(sql: table)_grams MATCH \(query))"
            sqlite = indexDecides ? indexed : "\(indexed) AND \(exact)"
        }
        let postgres: SQLQuery =
            text.isEmpty
            ? "strpos(\(sql: alias).text, \(text)) > 0"
            : "gw_grams(\(sql: alias).text) @@ \(bigramQuery)::tsquery AND strpos(\(sql: alias).text, \(text)) > 0"
        return "\(sqlite: sqlite, postgres: postgres)"
    }

    /// The term as a PostgreSQL `tsquery` of its character bigrams, all required
    /// (`'网格' & '格化'` for `网格化`); a one-character term is that character.
    var bigramQuery: String {
        Bigrams.pairs(text).map { gram in
            "'" + gram.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }.joined(separator: " & ")
    }
}
