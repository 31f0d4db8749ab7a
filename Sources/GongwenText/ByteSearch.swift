/// Many words searched in one pass over the UTF-8 bytes: each word is filed under its first two
/// bytes, so a position is compared only with the words that can start there. Returns the first
/// word of the list (not of the text) that occurs.
///
/// `ByteSearchSet(["发布日期", "扫一扫"]).firstWord(in: "扫一扫在手机打开当前页")` is 1.
public struct ByteSearchSet: Sendable {
    private let words: [[UInt8]]
    /// For each two-byte key, the indexes of the words that start with it.
    private let byPrefix: [UInt16: [Int]]
    /// Whether some word starts with the byte: most positions are ruled out without hashing.
    private let firstBytes: [Bool]
    /// One bit per two-byte key, set when some word starts with it: in Chinese text most first
    /// bytes are some word's (`E4`…`E9`), the pair rules the position out without hashing.
    private let pairs: [UInt64]

    public init(_ words: [String]) {
        self.words = words.map { Array($0.utf8) }
        var byPrefix: [UInt16: [Int]] = [:]
        for (index, word) in self.words.enumerated() where word.count >= 2 {
            byPrefix[UInt16(word[0]) << 8 | UInt16(word[1]), default: []].append(index)
        }
        self.byPrefix = byPrefix
        var pairs = [UInt64](repeating: 0, count: 1024)
        for key in byPrefix.keys { pairs[Int(key >> 6)] |= 1 << UInt64(key & 63) }
        self.pairs = pairs
        var firstBytes = [Bool](repeating: false, count: 256)
        for word in self.words where !word.isEmpty { firstBytes[Int(word[0])] = true }
        self.firstBytes = firstBytes
    }

    /// The index in the list of the first word that occurs in `text`, or `nil`.
    public func firstWord(in text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            guard bytes.count >= 2 else { return nil }
            var best: Int?
            for position in 0..<(bytes.count - 1) where firstBytes[Int(bytes[position])] {
                let key = UInt16(bytes[position]) << 8 | UInt16(bytes[position + 1])
                guard pairs[Int(key >> 6)] & (1 << UInt64(key & 63)) != 0, let candidates = byPrefix[key] else { continue }
                for index in candidates where best.map({ index < $0 }) ?? true {
                    let word = words[index]
                    guard position + word.count <= bytes.count else { continue }
                    var matched = 2
                    while matched < word.count, bytes[position + matched] == word[matched] { matched += 1 }
                    if matched == word.count { best = index }
                }
            }
            return best
        }
    }
}
