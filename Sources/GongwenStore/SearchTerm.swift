/// A literal string to find in the full text, and how to find it. SQLite's `trigram` tokenizer
/// indexes every run of three characters, so a term of three or more characters is an FTS5 phrase
/// (`"社区治理"`, answered by the index and ranked by bm25); a term of one or two characters
/// (`教育`, `网格`) matches nothing there, silently, and is looked up with `instr()` on the
/// content table instead.
///
/// `SearchTerm("网格")` is short; `SearchTerm("网格化")` has the phrase `"网格化"`.
public struct SearchTerm: Sendable, Equatable {
    public var text: String

    public init(_ text: String) {
        self.text = text
    }

    /// Whether the trigram index can answer the term: at least three characters.
    public var usesIndex: Bool { text.unicodeScalars.count >= 3 }

    /// The term as an FTS5 string literal: one phrase, quotes doubled, nothing read as syntax.
    public var phrase: String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension SearchTerm {
    /// The condition that the `text` column of `alias` (a row of `table`) holds the term, answered
    /// through the table's full-text index on both databases. On SQLite: the FTS5 trigram index for
    /// three characters or more, `instr()` on the rows for a shorter term. On PostgreSQL: the GIN
    /// index over `gw_grams(text)` (every character and every pair of characters of the text, see
    /// `PostgresSchema`) finds the rows holding all the term's bigrams (its one character when it
    /// is one), and `strpos()` keeps those where they stand together.
    func condition(table: String, alias: String) -> SQLQuery {
        let sqlite: SQLQuery =
            usesIndex
            ? "\(sql: alias).id IN (SELECT rowid FROM \(sql: table)_fts WHERE \(sql: table)_fts MATCH \(phrase))"
            : "instr(\(sql: alias).text, \(text)) > 0"
        let postgres: SQLQuery =
            text.isEmpty
            ? "strpos(\(sql: alias).text, \(text)) > 0"
            : "gw_grams(\(sql: alias).text) @@ \(bigramQuery)::tsquery AND strpos(\(sql: alias).text, \(text)) > 0"
        return "\(sqlite: sqlite, postgres: postgres)"
    }

    /// The term as a PostgreSQL `tsquery` of its character bigrams, all required
    /// (`'网格' & '格化'` for `网格化`); a one-character term is that character.
    var bigramQuery: String {
        let characters = text.unicodeScalars.map { String($0) }
        let grams = characters.count == 1 ? characters : (0..<characters.count - 1).map { characters[$0] + characters[$0 + 1] }
        return grams.map { gram in
            "'" + gram.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }.joined(separator: " & ")
    }
}
