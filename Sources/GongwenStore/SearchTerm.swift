/// A literal string to find in the full text, and how to find it. Both databases index every
/// pair of adjacent characters (`Bigrams`), so every term is answered by the index: on SQLite the
/// index (without positions) finds the rows holding every pair of a term (`"网格" "格化"`), one
/// character the prefix query `"教" *`, and a term of three characters or more is checked against
/// the text (`Occurrences`).
///
/// `SearchTerm("网格")` is the query `"网格"`; `SearchTerm("网格化")` the query `"网格" "格化"`.
public struct SearchTerm: Sendable, Equatable {
    public var text: String

    public init(_ text: String) {
        self.text = text
    }

    /// The term as an FTS5 query of the SQLite bigram index (`Bigrams.query`); `nil` when empty.
    public var query: String? { Bigrams.query(text) }

    /// What SQLite checks in the text of a row the index found, so that a row matches as it did
    /// with the trigram index and `instr()` before it: a term of three characters or more matches
    /// letters in any case, a shorter one in its own case.
    enum Check: Equatable {
        /// The index decides: a term of one or two characters without letters that have case.
        case none
        /// A short term with such letters: `instr()`, case and all.
        case exact
        /// Three characters or more, whose pairs the index finds anywhere in the row: standing
        /// together, letters folded (`gongwen_occurrences`).
        case folded
    }

    var check: Check {
        if text.unicodeScalars.count >= 3 { return .folded }
        let cased = text.unicodeScalars.contains { $0.properties.changesWhenLowercased || $0.properties.changesWhenUppercased }
        return cased ? .exact : .none
    }
}

extension SearchTerm {
    /// The condition that the `text` column of `alias` (a row of `table`) holds the term, answered
    /// through the table's bigram index on both databases. On SQLite: the FTS5 table
    /// `<table>_grams`, then the text where `check` says. On
    /// PostgreSQL: the GIN index over `gw_grams(text)` (every character and every pair of characters
    /// of the text, see `PostgresSchema`) finds the rows holding all the term's bigrams (its one
    /// character when it is one), and `strpos()` keeps those where they stand together.
    func condition(table: String, alias: String) -> SQLQuery {
        let exact: SQLQuery = "instr(\(sql: alias).text, \(text)) > 0"
        var sqlite = exact
        if let query {
            let indexed: SQLQuery = "\(sql: alias).id IN (SELECT rowid FROM \(sql: table)_grams WHERE \(sql: table)_grams MATCH \(query))"
            switch check {
            case .none: sqlite = indexed
            case .exact: sqlite = "\(indexed) AND \(exact)"
            case .folded: sqlite = "\(indexed) AND gongwen_occurrences(\(sql: alias).text, \(text)) > 0"
            }
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
