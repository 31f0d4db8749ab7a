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
    /// bm25 over the bigram index on SQLite (smaller is better, negative); the number of
    /// occurrences in the paragraph on PostgreSQL.
    public var score: Double
}

extension Store {
    /// The paragraphs that hold `search.term`, best first: by bm25 through the bigram index
    /// (`paragraphs_grams`), ties in the order they were stored; an empty term holds everywhere
    /// and is counted on the rows.
    public func search(_ search: TextSearch) throws -> [SearchHit] {
        search.withSnippets(try fetch(search.term.query == nil ? search.countingRequest : search.indexedRequest, as: SearchHit.self))
    }
}

extension TextSearch {
    /// SQLite's search: the matching row ids and their bm25 from the index alone, limited there
    /// when no document filter needs the rows, so only the paragraphs shown are read (`教育` holds
    /// in 48,700 of 660,000 paragraphs at 10,000 documents). The whole paragraph is the snippet,
    /// cut by `withSnippets`.
    var indexedRequest: SQLQuery {
        let query = term.query ?? ""
        var conditions: [SQLQuery] = []
        if !term.indexDecides { conditions.append("instr(p.text, \(term.text)) > 0") }
        if let documents = documents.restricting("p.document_id") { conditions.append(documents) }
        let limit: SQLQuery = self.limit.map { "LIMIT \($0)" } ?? ""
        return """
            SELECT d.source, d.title, p.section, p.line, p.start, p."end", p.text AS snippet, m.score
            FROM (SELECT rowid AS id, bm25(paragraphs_grams) AS score FROM paragraphs_grams
                  WHERE paragraphs_grams MATCH \(query) ORDER BY score, rowid \(conditions.isEmpty ? limit : "")) m
            JOIN paragraphs p ON p.id = m.id JOIN documents d ON d.id = p.document_id
            \(conditions.whereClause)
            ORDER BY m.score, m.id
            \(conditions.isEmpty ? "" : limit)
            """
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
