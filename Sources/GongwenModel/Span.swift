/// A stretch of the decoded source text in Unicode code points, `end` exclusive.
///
/// In `巴中市民政局` at the start of a file, the span of `民政局` is `Span(start: 3, end: 6)`.
public struct Span: Codable, Sendable, Equatable, Hashable, Comparable {
    public var start: Int
    public var end: Int

    @inlinable public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    @inlinable public var length: Int { end - start }
    @inlinable public var isEmpty: Bool { end <= start }

    @inlinable public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }
    @inlinable public func contains(_ other: Span) -> Bool { other.start >= start && other.end <= end }

    @inlinable public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}
