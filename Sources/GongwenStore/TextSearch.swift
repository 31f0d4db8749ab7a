import GRDB

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
    /// bm25 (smaller is better, negative) for an indexed term; the number of occurrences in the
    /// paragraph for a short term.
    public var score: Double
}

extension Store {
    /// The paragraphs that hold `search.term`, best first: by bm25 through the trigram index for a
    /// term of three or more characters, by occurrence count through `instr()` for a shorter one.
    public func search(_ search: TextSearch) throws -> [SearchHit] {
        search.term.usesIndex
            ? try fetch(search.indexedRequest, as: SearchHit.self)
            : search.withSnippets(try fetch(search.countingRequest, as: SearchHit.self))
    }
}

extension TextSearch {
    /// SQLite's FTS5 search: ranked by bm25, FTS5's `snippet()`.
    var indexedRequest: SQLQuery {
        var conditions: [SQLQuery] = ["paragraphs_fts MATCH \(term.phrase)"]
        if let documents = documents.restricting("p.document_id") { conditions.append(documents) }
        let limit: SQLQuery = self.limit.map { "LIMIT \($0)" } ?? ""
        let tokens = max(1, width)
        return """
            SELECT d.source, d.title, p.section, p.line, p.start, p."end",
                   snippet(paragraphs_fts, 0, \(open), \(close), '…', \(tokens)) AS snippet,
                   bm25(paragraphs_fts) AS score
            FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid JOIN documents d ON d.id = p.document_id
            \(conditions.whereClause)
            ORDER BY score, d.source, p.start
            \(limit)
            """
    }

    /// The paragraphs holding the term ranked by how often they hold it, the whole paragraph as the
    /// snippet (cut by `withSnippets`): SQLite's search for a short term, PostgreSQL's for every
    /// term (through the bigram index, see `SearchTerm.condition`).
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
/// `…` where text is cut: what FTS5's `snippet()` gives for indexed terms, made by hand for short
/// ones.
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
