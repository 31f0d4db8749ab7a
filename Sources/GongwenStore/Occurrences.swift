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
        count(of: term, in: text, unit: 1, decoded: decodedUTF8)
    }

    /// The same over UTF-16 big-endian bytes, what a file of `PRAGMA encoding = 'UTF-16be'` holds
    /// (`Store`): read as they are, not converted to UTF-8 first (which cost a search of `的`
    /// a third more). A byte-for-byte match counts only at a whole code unit.
    static func count(utf16BE term: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int {
        count(of: term, in: text, unit: 2, decoded: decodedUTF16BE)
    }

    /// `term` in `text`, both in an encoding of code units of `unit` bytes that `decoded` reads.
    private static func count(
        of term: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, unit: Int,
        decoded: (UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]
    ) -> Int {
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
                let start = end - (term.count - 1)
                if start % unit == 0, memcmp(base + start, termBase, term.count) == 0 { found += 1 }
                position = end + 1
            }
            return found
        }
        let needle = scalars.map { Bigrams.folded($0).value }
        return KnuthMorrisPratt(needle).count(in: decoded(text).lazy.map { Bigrams.folded($0).value })
    }

    private static func decodedUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        decoded(bytes, as: UTF8.self)
    }

    private static func decodedUTF16BE(_ bytes: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar] {
        let units = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        return units.withUnsafeBufferPointer { decoded($0, as: UTF16.self) }
    }

    private static func decoded<Codec: UnicodeCodec>(
        _ units: UnsafeBufferPointer<Codec.CodeUnit>, as codec: Codec.Type
    ) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(units.count)
        var decoder = Codec()
        var iterator = units.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { scalars.append(scalar) }
        return scalars
    }

    /// The number of characters (code points) of a text in UTF-8 bytes (the bytes that start a
    /// character) or in UTF-16 big-endian bytes (the code units less the second half of each
    /// surrogate pair): what `length()` gives, without SQLite's `length()` converting each UTF-16
    /// text to UTF-8 to count it. `characters(utf8:)` of the bytes of `教育a` is 3.
    static func characters(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The same over UTF-16 big-endian bytes.
    static func characters(utf16BE bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] & 0xFC != 0xDC { count += 1 }
            index += 2
        }
        return count
    }

    /// Adds `gongwen_occurrences(text, term)` to the connection: the count above, NULL for a NULL
    /// argument; over UTF-8 and over UTF-16 big-endian, so that SQLite hands each file's text over
    /// as it is stored. With it `gongwen_length(text)`, SQLite's `length()` of a text, for UTF-16
    /// counted on the stored bytes (on the UTF-8 of a search's 300,000 paragraphs holding `的`,
    /// `length()` cost as much as the counting). `Store` adds both to each connection it opens.
    static func register(_ db: Database) {
        func add(_ name: String, _ arguments: Int32, _ encoding: Int32, _ function: SQLFunction) {
            sqlite3_create_function_v2(db.sqliteConnection, name, arguments, encoding | SQLITE_DETERMINISTIC, nil, function, nil, nil, nil)
        }
        add("gongwen_occurrences", 2, SQLITE_UTF8) { context, _, values in
            let (text, term) = (Occurrences.argument(values, 0, utf16BE: false), Occurrences.argument(values, 1, utf16BE: false))
            Occurrences.result(context, text.flatMap { text in term.map { Occurrences.count(of: $0, in: text) } })
        }
        add("gongwen_occurrences", 2, SQLITE_UTF16BE) { context, _, values in
            let (text, term) = (Occurrences.argument(values, 0, utf16BE: true), Occurrences.argument(values, 1, utf16BE: true))
            Occurrences.result(context, text.flatMap { text in term.map { Occurrences.count(utf16BE: $0, in: text) } })
        }
        add("gongwen_length", 1, SQLITE_UTF8) { context, _, values in
            Occurrences.result(context, Occurrences.argument(values, 0, utf16BE: false).map { Occurrences.characters(utf8: $0) })
        }
        add("gongwen_length", 1, SQLITE_UTF16BE) { context, _, values in
            Occurrences.result(context, Occurrences.argument(values, 0, utf16BE: true).map { Occurrences.characters(utf16BE: $0) })
        }
    }

    /// A scalar SQL function as SQLite calls it: the context, the number of arguments, the arguments.
    private typealias SQLFunction = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void

    /// The bytes of text argument `index` in the function's encoding, `nil` for NULL.
    private static func argument(_ values: UnsafeMutablePointer<OpaquePointer?>?, _ index: Int, utf16BE: Bool) -> UnsafeBufferPointer<UInt8>? {
        guard let value = values?[index] else { return nil }
        if utf16BE {
            guard let text = sqlite3_value_text16be(value) else { return nil }
            return UnsafeBufferPointer(start: text.assumingMemoryBound(to: UInt8.self), count: Int(sqlite3_value_bytes16(value)))
        }
        guard let text = sqlite3_value_text(value) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
    }

    private static func result(_ context: OpaquePointer?, _ count: Int?) {
        if let count { sqlite3_result_int64(context, Int64(count)) } else { sqlite3_result_null(context) }
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
