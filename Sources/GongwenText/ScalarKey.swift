import GongwenModel

/// A stretch of scalars as a dictionary key, compared code point by code point with the
/// scalars of `Ignored` left out, its hash computed once when the key is made: a rule that
/// files every sentence or subject of a document under its text pays neither for building a
/// `String` (nor for hashing one, which normalises it) nor for copying the scalars, and a
/// dictionary that grows does not hash the text again.
///
/// `ScalarKey(Array("培育 150 余名"[...].unicodeScalars)[...], ignoring: .spacesAndTabs)` equals the key
/// of `培育150余名`, `count` 7.
public struct ScalarKey: Hashable, Sendable {
    /// Which scalars do not count in the comparison.
    public enum Ignored: Sendable {
        case nothing
        /// ` ` and tab.
        case spacesAndTabs
        /// Unicode's White_Space.
        case whitespace

        @inline(__always)
        func ignores(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .nothing: false
            case .spacesAndTabs: scalar == " " || scalar == "\t"
            case .whitespace: ScalarClass.isWhitespace(scalar)
            }
        }
    }

    /// The scalars, ignored ones included (a slice of the text: nothing is copied).
    public let scalars: ArraySlice<Unicode.Scalar>
    public let ignored: Ignored
    /// The number of scalars that count.
    public let count: Int
    private let hash: UInt64

    public init(_ scalars: ArraySlice<Unicode.Scalar>, ignoring ignored: Ignored = .nothing) {
        self.scalars = scalars
        self.ignored = ignored
        // FNV-1a over the code points that count; equality compares the scalars themselves. One loop
        // per kind of ignored scalars, over the slice's memory: the test of `ignored` inside the loop
        // and the slice's bounds checks cost more than the hash.
        (count, hash) = scalars.withUnsafeBufferPointer { buffer in
            switch ignored {
            case .nothing: Self.fnv(buffer) { _ in false }
            case .spacesAndTabs: Self.fnv(buffer) { $0 == " " || $0 == "\t" }
            case .whitespace: Self.fnv(buffer) { ScalarClass.isWhitespace($0) }
            }
        }
    }

    private init(_ scalars: ArraySlice<Unicode.Scalar>, ignored: Ignored, count: Int, hash: UInt64) {
        self.scalars = scalars
        self.ignored = ignored
        self.count = count
        self.hash = hash
    }

    /// The keys of `pieces` of `scalars[whole]` (in order, not overlapping) and of `whole` itself, each scalar read
    /// once: a paragraph and its sentences (`text.duplicate` hashed every paragraph's scalars twice). The same keys
    /// as `ScalarKey(scalars[whole], ignoring:)` and `ScalarKey(scalars[piece.start..<piece.end], ignoring:)`.
    ///
    /// For `今年以来,增长5%。 全年完成。` with the sentences `0..<10` and `11..<16`, `whole.count` is 15 (the space
    /// ignored), `pieces[1].count` 5.
    public static func keys(_ scalars: [Unicode.Scalar], whole: Range<Int>, pieces: [Span], ignoring ignored: Ignored)
        -> (whole: ScalarKey, pieces: [ScalarKey]) {
        switch ignored {
        case .nothing: keys(scalars, whole: whole, pieces: pieces, ignored) { _ in false }
        case .spacesAndTabs: keys(scalars, whole: whole, pieces: pieces, ignored) { $0 == " " || $0 == "\t" }
        case .whitespace: keys(scalars, whole: whole, pieces: pieces, ignored) { ScalarClass.isWhitespace($0) }
        }
    }

    @inline(__always)
    private static func keys(
        _ scalars: [Unicode.Scalar], whole: Range<Int>, pieces: [Span], _ ignored: Ignored, skipping skips: (Unicode.Scalar) -> Bool
    ) -> (whole: ScalarKey, pieces: [ScalarKey]) {
        var keys: [ScalarKey] = []
        keys.reserveCapacity(pieces.count)
        var wholeCount = 0
        var wholeHash: UInt64 = 0xcbf2_9ce4_8422_2325
        scalars.withUnsafeBufferPointer { buffer in
            var next = whole.lowerBound
            func skim(to end: Int) {
                while next < end {
                    let scalar = buffer[next]
                    if !skips(scalar) {
                        wholeHash = (wholeHash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
                        wholeCount += 1
                    }
                    next += 1
                }
            }
            for piece in pieces {
                precondition(next <= piece.start && piece.start <= piece.end && piece.end <= whole.upperBound, "pieces in order inside the whole")
                skim(to: piece.start)
                var count = 0
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                while next < piece.end {
                    let scalar = buffer[next]
                    if !skips(scalar) {
                        let value = UInt64(scalar.value)
                        hash = (hash ^ value) &* 0x100_0000_01b3
                        wholeHash = (wholeHash ^ value) &* 0x100_0000_01b3
                        count += 1
                    }
                    next += 1
                }
                wholeCount += count
                keys.append(ScalarKey(scalars[piece.start..<piece.end], ignored: ignored, count: count, hash: hash))
            }
            skim(to: whole.upperBound)
        }
        return (ScalarKey(scalars[whole], ignored: ignored, count: wholeCount, hash: wholeHash), keys)
    }

    /// How many scalars of `buffer` count (`skips` is false for them), and their FNV-1a hash.
    @inline(__always)
    private static func fnv(_ buffer: UnsafeBufferPointer<Unicode.Scalar>, skipping skips: (Unicode.Scalar) -> Bool) -> (Int, UInt64) {
        var count = 0
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in buffer where !skips(scalar) {
            hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
            count += 1
        }
        return (count, hash)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hash)
    }

    public static func == (lhs: ScalarKey, rhs: ScalarKey) -> Bool {
        guard lhs.hash == rhs.hash, lhs.count == rhs.count else { return false }
        var left = lhs.scalars.startIndex
        var right = rhs.scalars.startIndex
        while true {
            while left < lhs.scalars.endIndex, lhs.ignored.ignores(lhs.scalars[left]) { left += 1 }
            while right < rhs.scalars.endIndex, rhs.ignored.ignores(rhs.scalars[right]) { right += 1 }
            guard left < lhs.scalars.endIndex, right < rhs.scalars.endIndex else {
                return left == lhs.scalars.endIndex && right == rhs.scalars.endIndex
            }
            guard lhs.scalars[left] == rhs.scalars[right] else { return false }
            left += 1
            right += 1
        }
    }
}
