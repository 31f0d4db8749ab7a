import Foundation
import GRDB
import GRDBSQLite

/// How often a term stands in a text, characters compared as the bigram index folds them
/// (`Bigrams.folded`: letters in any case), occurrences allowed to overlap: what an FTS5 phrase of
/// the term's bigrams counted when the index kept positions. The index keeps none now
/// (`detail=none`), so the SQL function `gongwen_occurrences(text, term)` checks its candidates
/// and gives the term frequency that search ranks by (`TextSearch`).
///
/// `Occurrences.count(of: "网格", in: "深化社区网格化治理,全省划分网格")` is 2;
/// `Occurrences.count(of: "哈哈", in: "哈哈哈")` is 2; `Occurrences.count(of: "gdp", in: "GDP增长")` is 1.
public enum Occurrences {
    /// The number of places where `term` starts in `text`.
    public static func count(of term: String, in text: String) -> Int {
        var text = text
        var term = term
        return text.withUTF8 { textBytes in term.withUTF8 { termBytes in count(of: termBytes, in: textBytes) } }
    }

    /// The same over UTF-8 bytes. A term of characters that only fold from themselves
    /// (`Bigrams.foldsOnlyFromItself`: ideographs, CJK punctuation, digits) is searched byte for
    /// byte (each match a whole character, since UTF-8 is self-synchronising); any other
    /// term is compared character by character, both sides folded.
    static func count(of term: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int {
        guard !term.isEmpty, let termBase = term.baseAddress else { return 0 }
        let scalars = decoded(term)
        if scalars.allSatisfy(Bigrams.foldsOnlyFromItself) {
            guard let base = text.baseAddress else { return 0 }
            // Each place the term's last byte stands, compared back to the term's start.
            let last = Int32(term[term.count - 1])
            var found = 0
            var position = term.count - 1
            while position < text.count, let hit = memchr(base + position, last, text.count - position) {
                let end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + end - (term.count - 1), termBase, term.count) == 0 { found += 1 }
                position = end + 1
            }
            return found
        }
        let needle = scalars.map { Bigrams.folded($0).value }
        return KnuthMorrisPratt(needle).count(in: decoded(text).lazy.map { Bigrams.folded($0).value })
    }

    private static func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(bytes.count)
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { scalars.append(scalar) }
        return scalars
    }

    /// Adds `gongwen_occurrences(text, term)` to the connection: the count above, NULL for a NULL
    /// argument. `Store` adds it to each connection it opens.
    static func register(_ db: Database) {
        sqlite3_create_function_v2(
            db.sqliteConnection, "gongwen_occurrences", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, _, values in
                guard let values, let text = sqlite3_value_text(values[0]), let term = sqlite3_value_text(values[1]) else {
                    sqlite3_result_null(context)
                    return
                }
                let found = Occurrences.count(
                    of: UnsafeBufferPointer(start: term, count: Int(sqlite3_value_bytes(values[1]))),
                    in: UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(values[0]))))
                sqlite3_result_int64(context, Int64(found))
            }, nil, nil, nil)
    }
}

/// Overlapping matches of a pattern in a sequence in one pass (Knuth–Morris–Pratt): linear in the
/// text whatever the pattern. `KnuthMorrisPratt([1, 1]).count(in: [1, 1, 1])` is 2.
struct KnuthMorrisPratt {
    private let pattern: [UInt32]
    /// For each prefix of the pattern, the length of its longest proper border.
    private let border: [Int]

    init(_ pattern: [UInt32]) {
        self.pattern = pattern
        var border = Array(repeating: 0, count: pattern.count)
        var length = 0
        for index in pattern.indices.dropFirst() {
            while length > 0, pattern[index] != pattern[length] { length = border[length - 1] }
            if pattern[index] == pattern[length] { length += 1 }
            border[index] = length
        }
        self.border = border
    }

    func count<Text: Sequence>(in text: Text) -> Int where Text.Element == UInt32 {
        guard !pattern.isEmpty else { return 0 }
        var found = 0
        var matched = 0
        for unit in text {
            while matched > 0, unit != pattern[matched] { matched = border[matched - 1] }
            if unit == pattern[matched] { matched += 1 }
            if matched == pattern.count {
                found += 1
                matched = border[matched - 1]
            }
        }
        return found
    }
}
