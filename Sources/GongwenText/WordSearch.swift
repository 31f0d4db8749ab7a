/// Literal search for a word in text, code point by code point: on strings over their UTF-8
/// bytes, on the folded view over its scalars. The linkers and rules ask "does this clause hold
/// 其中?" for every claim; Foundation's `contains`/`range(of:)` answers by bridging to `NSString` and
/// comparing grapheme clusters, which cost more than all the rest of extraction. An empty word
/// occurs nowhere (as with Foundation).
///
/// `"比上年增长9.3%".holds("上年")` is true; `WordSearch.holds(folded[10..<30], "其中")` says whether the
/// folded text between offsets 10 and 30 holds `其中`.
public enum WordSearch {
    /// Whether `word` occurs in `text`: UTF-8 bytes in UTF-8 bytes, scalars of the folded view in
    /// scalars.
    @inlinable
    public static func holds<Text: RandomAccessCollection, Word: RandomAccessCollection>(_ text: Text, _ word: Word) -> Bool
    where Text.Element == Word.Element, Text.Element: Equatable, Text.Index == Int, Word.Index == Int {
        guard let first = word.first, word.count <= text.count else { return false }
        var position = text.startIndex
        let last = text.endIndex - word.count
        while position <= last {
            if text[position] == first {
                var matched = 1
                while matched < word.count, text[position + matched] == word[word.startIndex + matched] { matched += 1 }
                if matched == word.count { return true }
            }
            position += 1
        }
        return false
    }

    /// Whether `word` occurs in `text`.
    @inlinable
    public static func holds(_ text: ArraySlice<Unicode.Scalar>, _ word: String) -> Bool {
        holds(text, Array(word.unicodeScalars))
    }

    /// Whether one of `words` occurs in `text`, in one pass (see `WordList`): the same answer as
    /// `words.contains { holds(text, $0) }`, which reads the text once per word.
    /// `WordSearch.holdsAny(folded[…], [Array("可比价".unicodeScalars), Array("不变价".unicodeScalars)])`.
    public static func holdsAny(_ text: ArraySlice<Unicode.Scalar>, _ words: [[Unicode.Scalar]]) -> Bool {
        holdsAny(text, WordList(words))
    }

    /// Whether one of the words of `list` occurs in `text`, in one pass: a position whose scalar
    /// starts no word is passed over in one test of the list's mask.
    @inlinable
    public static func holdsAny(_ text: ArraySlice<Unicode.Scalar>, _ list: WordList) -> Bool {
        let mask = list.firsts
        var position = text.startIndex
        while position < text.endIndex {
            let scalar = text[position]
            if mask.mayHold(scalar) {
                for word in list.words where word[0] == scalar && word.count <= text.endIndex - position {
                    var matched = 1
                    while matched < word.count, text[position + matched] == word[matched] { matched += 1 }
                    if matched == word.count { return true }
                }
            }
            position += 1
        }
        return false
    }
}

extension WordSearch {
    /// Every place where a word of `list` occurs in `text`, in order of where it starts (several
    /// words may start at one place), found in one pass: a text asked many times whether a stretch
    /// of it holds one of the words reads its occurrences instead (`holdsAny(text[a..<b], list)` is
    /// whether one of them lies within `a..<b`). In `按可比价格计算，实际增长5%` for
    /// `WordList(["可比价", "实际增长"])`: `[1..<4, 8..<12]`.
    public static func occurrences(in text: [Unicode.Scalar], of list: WordList) -> [Range<Int>] {
        var found: [Range<Int>] = []
        let mask = list.firsts
        text.withUnsafeBufferPointer { text in
            for position in text.indices where mask.mayHold(text[position]) {
                for word in list.words where word[0] == text[position] && word.count <= text.count - position {
                    var matched = 1
                    while matched < word.count, text[position + matched] == word[matched] { matched += 1 }
                    if matched == word.count { found.append(position..<(position + word.count)) }
                }
            }
        }
        return found
    }

    /// Whether one of `occurrences` (sorted by start, from `occurrences(in:of:)`) lies within `range`.
    public static func holdsAny(_ range: Range<Int>, among occurrences: [Range<Int>]) -> Bool {
        var index = occurrences.partitionPoint { $0.lowerBound >= range.lowerBound }
        while index < occurrences.count, occurrences[index].lowerBound < range.upperBound {
            if occurrences[index].upperBound <= range.upperBound { return true }
            index += 1
        }
        return false
    }
}

/// Words looked for together, kept as scalars with a mask of their first scalars, prepared once
/// (a `static let` of the linker or rule that asks): `WordSearch.holdsAny` reads a text once for all
/// of them. Empty words are left out (an empty word occurs nowhere).
///
/// `WordList(["比上年", "同比"])` answers whether a clause holds `比上年` or `同比`.
public struct WordList: Sendable {
    public let words: [[Unicode.Scalar]]
    public let firsts: ScalarMask

    public init(_ words: [[Unicode.Scalar]]) {
        self.words = words.filter { !$0.isEmpty }
        self.firsts = ScalarMask(self.words.map { $0[0] })
    }

    public init(_ words: [String]) {
        self.init(words.map { Array($0.unicodeScalars) })
    }
}

/// A set of scalars as 256 bits, one per value of a scalar's low eight bits: a scalar it may hold is
/// looked up further, one it cannot hold is passed over in one test (no hashing). Four plain words,
/// not a SIMD vector: a lane picked by a variable index goes through memory.
///
/// `ScalarMask(["增", "减"]).mayHold("增")` is true; `.mayHold("年")` is false.
public struct ScalarMask: Sendable {
    @usableFromInline var bits0: UInt64 = 0
    @usableFromInline var bits1: UInt64 = 0
    @usableFromInline var bits2: UInt64 = 0
    @usableFromInline var bits3: UInt64 = 0

    public init(_ scalars: some Sequence<Unicode.Scalar>) {
        for scalar in scalars {
            let bit: UInt64 = 1 << UInt64(scalar.value & 63)
            switch scalar.value >> 6 & 3 {
            case 0: bits0 |= bit
            case 1: bits1 |= bit
            case 2: bits2 |= bit
            default: bits3 |= bit
            }
        }
    }

    /// False when the scalar is surely not in the set.
    @inlinable @inline(__always)
    public func mayHold(_ scalar: Unicode.Scalar) -> Bool {
        let group = scalar.value >> 6 & 3
        let bits = group < 2 ? (group == 0 ? bits0 : bits1) : (group == 2 ? bits2 : bits3)
        return bits & (1 << UInt64(scalar.value & 63)) != 0
    }
}

extension StringProtocol where SubSequence == Substring {
    /// The text without the tabs and spaces (`ScalarClass.isLineWhitespace`) that start and end it:
    /// `trimmingCharacters(in: .whitespaces)` without bridging to `NSString`. `"　印发机关 "` → `印发机关`.
    public func trimmingLineWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !ScalarClass.isLineWhitespace($0) }),
              let last = scalars.lastIndex(where: { !ScalarClass.isLineWhitespace($0) }) else { return "" }
        return String(self[first..<scalars.index(after: last)])
    }
}

extension StringProtocol {
    /// The number of scalars, counted on the UTF-8 bytes (each byte that does not continue a
    /// scalar), where `unicodeScalars.count` decodes them one by one. `"索引号:111423".scalarCount` is 10.
    @inlinable
    public var scalarCount: Int {
        withUTF8Buffer { bytes in bytes.reduce(0) { $0 &+ ($1 & 0xC0 != 0x80 ? 1 : 0) } }
    }

    /// Whether `word` occurs in the text, compared byte for byte in UTF-8 (see `WordSearch`).
    @inlinable
    public func holds(_ word: some StringProtocol) -> Bool {
        withUTF8Buffer { text in word.withUTF8Buffer { WordSearch.holds(text, $0) } }
    }

    /// Whether the text ends with `word`, compared byte for byte in UTF-8.
    @inlinable
    public func endsWith(_ word: some StringProtocol) -> Bool {
        withUTF8Buffer { text in
            word.withUTF8Buffer { word in
                word.count <= text.count && (0..<word.count).allSatisfy { text[text.count - word.count + $0] == word[$0] }
            }
        }
    }

    /// Whether the text is `word`, compared byte for byte in UTF-8: `==` on strings that are not
    /// ASCII compares them by canonical equivalence, a slow path taken each time they differ.
    /// `"万元".sameUTF8("万元")` is true, `"年".sameUTF8("月")` false.
    @inlinable
    public func sameUTF8(_ word: some StringProtocol) -> Bool {
        withUTF8Buffer { text in word.withUTF8Buffer { text.elementsEqual($0) } }
    }

    /// Whether the text starts with `word`, compared byte for byte in UTF-8.
    @inlinable
    public func startsWith(_ word: some StringProtocol) -> Bool {
        withUTF8Buffer { text in
            word.withUTF8Buffer { word in word.count <= text.count && (0..<word.count).allSatisfy { text[$0] == word[$0] } }
        }
    }

    /// Where `word` first occurs in the text (the last occurrence with `backwards`), compared
    /// byte for byte in UTF-8: what Foundation's `range(of:)` answers, without bridging.
    /// `"重庆市人民政府市长 胡衡华".wordRange(of: "市长", backwards: true)` is the range of the second `市长`.
    @inlinable
    public func wordRange(of word: some StringProtocol, backwards: Bool = false) -> Range<Index>? {
        let offset: Int? = withUTF8Buffer { text in
            word.withUTF8Buffer { word in
                guard let first = word.first, word.count <= text.count else { return nil }
                let last = text.count - word.count
                let positions = backwards ? stride(from: last, through: 0, by: -1) : stride(from: 0, through: last, by: 1)
                for position in positions where text[position] == first {
                    var matched = 1
                    while matched < word.count, text[position + matched] == word[matched] { matched += 1 }
                    if matched == word.count { return position }
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: word.utf8.count)
    }

    /// The text's UTF-8 bytes in one buffer: in place for a native string or substring, copied otherwise.
    @inlinable
    func withUTF8Buffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
