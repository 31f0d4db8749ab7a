/// How gongwen cuts text for its full-text indexes, the one home of it for both databases: the
/// overlapping pairs of adjacent characters (Lucene's CJK analyzer cuts Chinese the same way), so
/// that a two-character word like `教育`, most Chinese words, is one term of the index.
///
/// On SQLite the indexed form of `教育部。` is the text `教育 育部 部。 。`: every pair, then the last
/// character alone (so that every character begins a term), separated by spaces, for an FTS5 table
/// with the `ascii` tokenizer (which splits on ASCII spaces and punctuation only; ASCII punctuation
/// and spaces of the text are written as private-use characters so that they stay inside a term,
/// and letters are folded to lower case, as FTS5's `trigram` tokenizer folds them). A term of two
/// characters or more is then the phrase of its pairs (`"网格 格化"` for `网格化`), one character the
/// prefix query `"教" *`. On PostgreSQL the index is `gw_grams(text)` (see `PostgresSchema`), the
/// query the `tsquery` of the same pairs.
public enum Bigrams {
    /// The pairs of adjacent characters of `text`: `["网格", "格化"]` for `网格化`, the character
    /// itself for a text of one.
    static func pairs(_ text: String) -> [String] {
        pairs(of: text.unicodeScalars.map { String($0) })
    }

    private static func pairs(of characters: [String]) -> [String] {
        guard characters.count > 1 else { return characters }
        return (0..<characters.count - 1).map { characters[$0] + characters[$0 + 1] }
    }

    /// The text an SQLite `…_grams` table indexes for `text`: `教育 育部 部。 。` for `教育部。`.
    public static func indexed(_ text: String) -> String {
        indexed(folded: foldedScalars(text))
    }

    /// The text the SQLite `paragraphs_repeats` table indexes for `text`: each pair again at its
    /// second, third … occurrence, the occurrence's number written after it (`哈哈2` in `哈哈哈`,
    /// whose pair `哈哈` stands twice). With it the index, which keeps no positions, still tells
    /// how often a pair stands in a row: a row holds `教育` *k* times if it holds `教育k` and not
    /// `教育k+1` (`TextSearch`). Most pairs stand once in a paragraph, so this text is short.
    public static func repeats(_ text: String) -> String {
        repeats(folded: foldedScalars(text))
    }

    /// `indexed(text)` and `repeats(text)`, the characters of `text` read and folded once for both:
    /// what the workers make of every paragraph.
    public static func indexedAndRepeats(_ text: String) -> (indexed: String, repeats: String) {
        let scalars = foldedScalars(text)
        return (indexed(folded: scalars), repeats(folded: scalars))
    }

    /// The characters of `text`, each `folded`.
    private static func foldedScalars(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { scalars.append(folded(scalar)) }
        return scalars
    }

    private static func indexed(folded scalars: [Unicode.Scalar]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(scalars.count * 7 + 8)
        var previous: Unicode.Scalar?
        for current in scalars {
            if let previous {
                append(previous, to: &out)
                append(current, to: &out)
                out.append(UInt8(ascii: " "))
            }
            previous = current
        }
        if let previous { append(previous, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func repeats(folded scalars: [Unicode.Scalar]) -> String {
        var out: [UInt8] = []
        var counts = PairCounts(capacity: scalars.count)
        var previous: Unicode.Scalar?
        for current in scalars {
            defer { previous = current }
            guard let previous else { continue }
            let count = counts.add(UInt64(previous.value) << 32 | UInt64(current.value))
            guard count > 1 else { continue }
            if !out.isEmpty { out.append(UInt8(ascii: " ")) }
            append(previous, to: &out)
            append(current, to: &out)
            out.append(contentsOf: String(count).utf8)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How often each pair of characters (the two scalars in one `UInt64`) was seen so far: a table
    /// of open addressing sized once for the text's characters, so that counting a paragraph's
    /// pairs allocates twice and hashes with one multiplication (a `Dictionary` per paragraph cost the workers
    /// a tenth of their time at 10,000 documents). No key is 0: no folded scalar is U+0000.
    private struct PairCounts {
        private var keys: [UInt64]
        private var counts: [Int32]
        private let shift: UInt64

        /// A table for up to `capacity` pairs, at most half full.
        init(capacity: Int) {
            var bits = 4
            while 1 << bits < 2 * capacity { bits += 1 }
            keys = Array(repeating: 0, count: 1 << bits)
            counts = Array(repeating: 0, count: 1 << bits)
            shift = UInt64(64 - bits)
        }

        /// Counts `key` once more and returns how often it has been seen, this time included.
        mutating func add(_ key: UInt64) -> Int {
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
            keys[slot] = key
            counts[slot] += 1
            return Int(counts[slot])
        }
    }

    /// The FTS5 query of `paragraphs_repeats` for the rows where the pair `pair` (two characters)
    /// stands at least `count` times: `"教育3"`.
    static func repeatQuery(_ pair: String, count: Int) -> String {
        var bytes: [UInt8] = []
        for scalar in pair.unicodeScalars { encode(scalar, into: &bytes) }
        return "\"" + String(decoding: bytes, as: UTF8.self) + String(count) + "\""
    }

    /// The FTS5 query for a literal term over an indexed text, `nil` for an empty term: the pairs
    /// of its characters, all required (`"网格" "格化" "化治" "治理"` for `网格化治理`), `"教育"` for
    /// `教育`, `"教" *` for `教`. The index keeps no positions (`detail=none`), so for a term of
    /// three characters or more these are candidates, checked against the text with
    /// `gongwen_occurrences` (`Occurrences`). No character of it is FTS5 syntax: quotes and other
    /// ASCII punctuation are private-use characters there.
    static func query(_ term: String) -> String? {
        let characters = term.unicodeScalars.map { scalar in
            var bytes: [UInt8] = []
            encode(scalar, into: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        switch characters.count {
        case 0: return nil
        case 1: return "\"\(characters[0])\" *"
        default: return pairs(of: characters).map { "\"\($0)\"" }.joined(separator: " ")
        }
    }

    /// One character as the index writes it: ASCII letters and digits folded to lower case, other
    /// ASCII (spaces, punctuation, quotes) moved to U+E000 + its code, other letters folded to lower
    /// case, everything else as it is.
    private static func encode(_ scalar: Unicode.Scalar, into bytes: inout [UInt8]) {
        append(folded(scalar), to: &bytes)
    }

    /// `scalar` as the index compares it (see `encode`): `A` → `a`, `(` → U+E028, `教` → `教`.
    static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            let byte = UInt8(value)
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return scalar
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Unicode.Scalar(byte + 32)
            default: return Unicode.Scalar(0xE000 + value)!
            }
        }
        if hasNoCase(value) { return scalar }
        return lowercased(scalar)
    }

    /// Whether the scalar `value` is taken as it is without a look at its properties (which cost
    /// the workers more than the rest of the folding): U+2E80…U+FEFF, CJK ideographs, kana, hangul
    /// and CJK punctuation (the common path, always taken so: the index's format, the few cased
    /// letters there included), general punctuation (`“` `”` `…`) and the full-width forms other
    /// than letters (`，` `（` `）` `：` `；`), where no character has a lower case (a test checks
    /// each of them).
    static func hasNoCase(_ value: UInt32) -> Bool {
        switch value {
        case 0x2000...0x206F, 0x2E80..<0xFF21, 0xFF3B..<0xFF41, 0xFF5B...0xFFEF: return true
        default: return false
        }
    }

    /// `scalar` in lower case when that is one scalar, else `scalar`: `Ω` → `ω`.
    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let properties = scalar.properties
        if properties.changesWhenLowercased, let lower = properties.lowercaseMapping.unicodeScalars.first,
           properties.lowercaseMapping.unicodeScalars.count == 1 {
            return lower
        }
        return scalar
    }

    /// Whether `scalar` is only ever its own folded form: it folds to itself and no other character
    /// folds to it (ASCII digits, CJK punctuation, kana and ideographs). A term made of these is
    /// found in a text by its UTF-8 bytes alone (`Occurrences`); `FoldingTests` checks every scalar.
    static func foldsOnlyFromItself(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x3000..<0xA000, 0xFF01...0xFF20: return true
        default: return false
        }
    }

    /// The UTF-8 bytes of `scalar` at the end of `bytes`.
    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case ..<0x80:
            bytes.append(UInt8(value))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
