import GongwenModel

/// The decoded text of one document and its folded view, both indexed by Unicode code point.
///
/// For `全市乡镇（街道）从２００个` the folded view reads `全市乡镇(街道)从200个`: one scalar for one
/// scalar, so an offset found in the folded view points at the same character in the source.
public struct SourceText: Sendable {
    public let string: String
    /// The decoded text as scalars: offset `i` is the i-th code point.
    public let scalars: [Unicode.Scalar]
    /// Full-width forms folded to ASCII and traditional script to simplified (`Fold`), same length as
    /// `scalars`; line breaks inside a sentence of text that lost its layout read as a space (`joinLines`).
    public private(set) var folded: [Unicode.Scalar]
    /// Offsets at which each line starts; line `n` (1-based) starts at `lineStarts[n - 1]`.
    public let lineStarts: [Int]

    public init(_ string: String) {
        self.string = string
        // One pass over the UTF-8 bytes (a Swift string's are always valid) decodes each scalar, folds
        // it and notes line starts: `Array(string.unicodeScalars)` and a pass each for folding and lines
        // cost three times the reads.
        var utf8 = string
        let (scalars, folded, starts) = utf8.withUTF8 { bytes in
            let count = bytes.reduce(0) { $0 &+ ($1 & 0xC0 != 0x80 ? 1 : 0) }
            var starts = [0]
            var folded = [Unicode.Scalar](repeating: " ", count: count)
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: count) { buffer, initialized in
                folded.withUnsafeMutableBufferPointer { folded in
                    var offset = 0
                    var index = 0
                    while offset < bytes.count && index < count {
                        let lead = UInt32(bytes[offset])
                        let value: UInt32
                        if lead < 0x80 {
                            value = lead
                            offset += 1
                        } else if lead < 0xE0 {
                            value = (lead & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
                            offset += 2
                        } else if lead < 0xF0 {
                            value = (lead & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
                            offset += 3
                        } else {
                            value = (lead & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12 | UInt32(bytes[offset + 2] & 0x3F) << 6
                                | UInt32(bytes[offset + 3] & 0x3F)
                            offset += 4
                        }
                        let scalar = unsafeBitCast(value, to: Unicode.Scalar.self)
                        buffer[index] = scalar
                        folded[index] = Fold.fold(scalar)
                        index += 1
                        if value == 0x0A { starts.append(index) }
                    }
                    initialized = index
                }
            }
            return (scalars, folded, starts)
        }
        self.scalars = scalars
        var simplified = folded
        Fold.simplifyIfTraditional(&simplified)
        self.folded = simplified
        self.lineStarts = starts
    }

    public var count: Int { scalars.count }

    /// Reads the scalars at `offsets` as spaces in the folded view: the line breaks a PDF or a fixed-width
    /// page broke a sentence at (`预算收入完成\n171.59 亿元` reads `预算收入完成 171.59 亿元`), and the page
    /// furniture a page break set inside one (`101.12\n— 4 —\n亿元` reads `101.12       亿元`).
    /// One scalar for one scalar: offsets and source lines stay as they are.
    public mutating func joinLines(at offsets: [Int]) {
        for offset in offsets where offset < folded.count {
            folded[offset] = " "
        }
    }

    /// The folded scalars of `range` with the spaces that text which lost its layout sets inside words left out:
    /// a space or a joined line break after a Han character and before another or a digit. A PDF's text layer
    /// reads `同比增\n长 3.1%` and `占比 69.1%`; the words before those numbers are `同比增长` and `占比`.
    public func wordScalars(_ range: Range<Int>) -> [Unicode.Scalar] {
        Self.wordScalars(range, in: folded)
    }

    /// `wordScalars(_:)` of a folded view.
    public static func wordScalars(_ range: Range<Int>, in folded: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var words: [Unicode.Scalar] = []
        words.reserveCapacity(range.count)
        for offset in range {
            let scalar = folded[offset]
            if scalar == " ", offset > 0, offset + 1 < folded.count, isCJK(folded[offset - 1]),
               isCJK(folded[offset + 1]) || isASCIIDigit(folded[offset + 1]) { continue }
            words.append(scalar)
        }
        return words
    }

    /// The source text of a span.
    public func text(_ span: Span) -> String {
        Self.text(span, in: scalars)
    }

    /// The text of a span of `scalars`, the span cut to their bounds: what the store slices the
    /// paragraphs and sentences of a `Document` with, without folding its text.
    public static func text(_ span: Span, in scalars: [Unicode.Scalar]) -> String {
        let lower = max(0, min(span.start, scalars.count))
        return string(scalars[lower..<max(lower, min(span.end, scalars.count))])
    }

    /// The source text of a span with its line breaks left out: a title that wraps over lines
    /// (`关于…的\n通知` → `关于…的通知`).
    public func textWithoutLineBreaks(_ span: Span) -> String {
        let lower = max(0, min(span.start, scalars.count))
        return Self.string(ArraySlice(scalars[lower..<max(lower, min(span.end, scalars.count))].filter { $0 != "\n" }))
    }

    /// Where the folded text that runs up to `offset` with no `stop` scalar in it begins, looking back at most
    /// `limit` scalars: the start of the statement or clause holding `offset` (`stop` a statement's or a
    /// clause's end). In `年末常住人口500万人。三次产业结构为0.8:27.9:71.3`, from the ratio back to `。`: `三次产业结构为`.
    public func runStart(before offset: Int, limit: Int = .max, stop: (Unicode.Scalar) -> Bool) -> Int {
        var start = offset
        while start > 0, offset - start < limit, !stop(folded[start - 1]) { start -= 1 }
        return start
    }

    /// The folded text of a span.
    public func foldedText(_ span: Span) -> String {
        Self.text(span, in: folded)
    }

    /// A string from scalars, encoded into UTF-8 and copied into a string as UTF-8 known to be
    /// valid (`UTF8Span(unchecked:)`: scalars encode to nothing else). About twice as fast as
    /// encoding into the string's own storage, which validates it again, and far faster than
    /// appending scalars one by one.
    public static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { buffer in
            let count = encode(scalars, into: buffer)
            return String(copying: UTF8Span(unchecked: UnsafeBufferPointer(rebasing: buffer[..<count]).span))
        }
    }

    /// Writes the UTF-8 of `scalars` into `buffer` (room for four bytes each) and returns how many
    /// bytes it wrote.
    private static func encode(_ scalars: ArraySlice<Unicode.Scalar>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var index = 0
        for scalar in scalars {
            let value = scalar.value
            switch value {
            case 0..<0x80:
                buffer[index] = UInt8(value)
                index += 1
            case 0x80..<0x800:
                buffer[index] = UInt8(0xC0 | value >> 6)
                buffer[index + 1] = UInt8(0x80 | value & 0x3F)
                index += 2
            case 0x800..<0x10000:
                buffer[index] = UInt8(0xE0 | value >> 12)
                buffer[index + 1] = UInt8(0x80 | value >> 6 & 0x3F)
                buffer[index + 2] = UInt8(0x80 | value & 0x3F)
                index += 3
            default:
                buffer[index] = UInt8(0xF0 | value >> 18)
                buffer[index + 1] = UInt8(0x80 | value >> 12 & 0x3F)
                buffer[index + 2] = UInt8(0x80 | value >> 6 & 0x3F)
                buffer[index + 3] = UInt8(0x80 | value & 0x3F)
                index += 4
            }
        }
        return index
    }

    /// The 1-based line that holds `offset`.
    public func line(at offset: Int) -> Int {
        max(1, lineStarts.partitionPoint { $0 > offset })
    }

    /// The 1-based column of `offset` in its line, counted in code points.
    public func column(at offset: Int) -> Int {
        offset - lineStarts[line(at: offset) - 1] + 1
    }

    /// The span of line `line` (1-based) without its line break.
    public func lineSpan(_ line: Int) -> Span {
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : scalars.count
        if end > start, scalars[end - 1] == "\r" { end -= 1 }
        return Span(start: start, end: end)
    }

    public var lineCount: Int { lineStarts.count }
}
