/// Substring tests on UTF-8 bytes, for hot loops where Foundation's `String.contains` (a
/// locale-aware search through CFString) is far too slow. Patterns are short words.
///
/// `ByteSearch("扫一扫").found(in: "扫一扫在手机打开当前页")` is true.
public struct ByteSearch: Sendable {
    public let needle: [UInt8]

    public init(_ needle: String) {
        self.needle = Array(needle.utf8)
    }

    public func found(in text: String) -> Bool {
        var text = text
        return text.withUTF8 { haystack in
            let count = needle.count
            guard count > 0, haystack.count >= count else { return count == 0 }
            let first = needle[0]
            var index = 0
            let last = haystack.count - count
            while index <= last {
                if haystack[index] == first {
                    var matched = 1
                    while matched < count, haystack[index + matched] == needle[matched] { matched += 1 }
                    if matched == count { return true }
                }
                index += 1
            }
            return false
        }
    }
}
