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
