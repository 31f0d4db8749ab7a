import Foundation

/// A value the fast JSON writer can write: the types of the output contract, each writing the
/// bytes `GongwenJSON.encoder()` (snake_case keys, `.sortedKeys`, `.withoutEscapingSlashes`) writes
/// for it, straight into one UTF-8 buffer.
///
/// `JSONWriter.encode(document)` gives the same bytes as `GongwenJSON.encode(document)`, about
/// twenty times faster. Each conformance below lists its keys in sorted order; the tests compare the
/// two encoders byte for byte on every corpus document and on a document with every field set, and
/// check by reflection that every stored property is written, so a field added to the model and
/// not here fails a test.
public protocol JSONWritable {
    func write(to json: inout JSONWriter)
}

/// Writes compact JSON into a byte buffer: objects with their keys in the order the caller gives
/// (sorted, as `.sortedKeys` sorts them), `nil` fields left out as `JSONEncoder` leaves them out,
/// strings escaped per RFC 8259 the way `JSONEncoder` escapes them (`\"`, `\\`, `\n`, `\r`, `\t`,
/// `\b`, `\f`, other controls as `\u00XX`; `/` and U+2028 as they are), decimals as
/// `Decimal.description` prints them.
///
/// `JSONWriter.encode(Span(start: 3, end: 6))` is `{"end":6,"start":3}`.
///
/// The bytes go into memory of its own (it is not copyable, and frees it when done), not an
/// `Array`: an array's `append` checks that its buffer is not shared and goes through generic
/// code at every call, which cost about a third of writing a document.
public struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Whether the next value or key needs a comma before it.
    private var needsComma = false
    /// Whether a key was just written, so that its value follows with no separator.
    private var afterKey = false
    /// `JSONEncoder`'s `.prettyPrinted` layout: two spaces per level, `"key" : value`, one element
    /// per line, an empty array as `[`, a blank line, `]`.
    private let pretty: Bool
    private var depth = 0
    /// Whether a decimal was not finite (NaN), which JSON cannot carry.
    private(set) var nonFinite = false

    public init(capacity: Int = 4096, pretty: Bool = false) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        self.pretty = pretty
    }

    deinit {
        base.deallocate()
    }

    /// The bytes written so far.
    public var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    // MARK: The buffer

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(never)
    private mutating func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    private mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func put(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let source = buffer.baseAddress else { return }
        reserve(buffer.count)
        (base + count).update(from: source, count: buffer.count)
        count += buffer.count
    }

    private mutating func put(_ byte: UInt8, times: Int) {
        guard times > 0 else { return }
        reserve(times)
        (base + count).update(repeating: byte, count: times)
        count += times
    }

    /// Inserts `inserted` at `index`, moving what follows.
    private mutating func insert(_ inserted: [UInt8], at index: Int) {
        reserve(inserted.count)
        memmove(base + index + inserted.count, base + index, count - index)
        for (offset, byte) in inserted.enumerated() { base[index + offset] = byte }
        count += inserted.count
    }

    /// The JSON of `value`, compact or laid out as `GongwenJSON.encode(value, pretty: true)` lays it
    /// out; throws `GongwenJSON.NonFiniteNumber` for a NaN decimal, as `GongwenJSON.encode` does.
    public static func encode(_ value: some JSONWritable, pretty: Bool = false, capacity: Int = 4096) throws -> [UInt8] {
        var writer = JSONWriter(capacity: capacity, pretty: pretty)
        value.write(to: &writer)
        if writer.nonFinite { throw GongwenJSON.NonFiniteNumber() }
        return writer.bytes
    }

    /// Appends the compact JSON of `value` and a line feed to `bytes`: one line of the stream mode
    /// (written with room for the capacity `bytes` has left, then copied once).
    public static func appendLine(_ value: some JSONWritable, to bytes: inout [UInt8]) throws {
        var writer = JSONWriter(capacity: bytes.capacity - bytes.count)
        value.write(to: &writer)
        writer.put(UInt8(ascii: "\n"))
        if writer.nonFinite { throw GongwenJSON.NonFiniteNumber() }
        bytes.append(contentsOf: UnsafeBufferPointer(start: writer.base, count: writer.count))
    }

    // MARK: Structure

    /// What comes before a value or a key: nothing after a key; else a comma after an earlier
    /// element, and in the pretty layout a line break and the indentation.
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        if needsComma { put(UInt8(ascii: ",")) }
        if pretty && depth > 0 { newline() }
    }

    private mutating func newline() {
        put(UInt8(ascii: "\n"))
        put(UInt8(ascii: " "), times: 2 * depth)
    }

    /// `{`; then `field`s in sorted key order; then `endObject()`.
    public mutating func beginObject() {
        begin(UInt8(ascii: "{"))
    }

    public mutating func endObject() {
        end(UInt8(ascii: "}"))
    }

    public mutating func beginArray() {
        begin(UInt8(ascii: "["))
    }

    private mutating func begin(_ bracket: UInt8) {
        separate()
        put(bracket)
        depth += 1
        needsComma = false
    }

    public mutating func endArray() {
        end(UInt8(ascii: "]"))
    }

    private mutating func end(_ bracket: UInt8) {
        depth -= 1
        if pretty {
            if !needsComma { put(UInt8(ascii: "\n")) }
            newline()
        }
        put(bracket)
        needsComma = true
    }

    /// `"key":` (`"key" : ` in the pretty layout), after a comma when a field came before.
    @inline(__always)
    public mutating func key(_ key: StaticString) {
        separate()
        put(UInt8(ascii: "\""))
        key.withUTF8Buffer { put($0) }
        if pretty {
            append("\" : ")
        } else {
            put(UInt8(ascii: "\""))
            put(UInt8(ascii: ":"))
        }
        afterKey = true
    }

    // MARK: Values

    public mutating func null() {
        separate()
        append("null")
        needsComma = true
    }

    public mutating func value(_ value: Bool) {
        separate()
        append(value ? "true" : "false")
        needsComma = true
    }

    public mutating func value(_ value: Int) {
        separate()
        if value >= 0 && value < 10 {
            put(UInt8(ascii: "0") + UInt8(value))
        } else {
            if value < 0 { put(UInt8(ascii: "-")) }
            appendDigits(UInt64(value.magnitude))
        }
        needsComma = true
    }

    /// Appends the decimal digits of `magnitude` and returns how many there are.
    @discardableResult
    private mutating func appendDigits(_ magnitude: UInt64) -> Int {
        var magnitude = magnitude
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var index = 20
            repeat {
                index -= 1
                digits[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            put(UnsafeBufferPointer(rebasing: digits[index...]))
            return 20 - index
        }
    }

    /// A decimal as `JSONEncoder` prints it, `Decimal.description`: the digits stored, trailing
    /// zeros kept (`18400`, `39.54`, `-2.7`, `1.0`, `0.005`), printed here from the stored mantissa
    /// and exponent where `description` divides by ten digit by digit (about a microsecond a value).
    public mutating func value(_ value: Decimal) {
        separate()
        if value.isNaN {
            nonFinite = true
            append("NaN")
        } else if let stored = StoredDecimal(value) {
            if stored.isZeroLength {
                put(UInt8(ascii: "0"))
            } else {
                if stored.isNegative { put(UInt8(ascii: "-")) }
                let start = count
                let digits = appendDigits(stored.mantissa)
                if stored.exponent > 0 {
                    put(UInt8(ascii: "0"), times: stored.exponent)
                } else if stored.exponent < 0 {
                    let fraction = -stored.exponent
                    if digits > fraction {
                        insert([UInt8(ascii: ".")], at: start + digits - fraction)
                    } else {
                        insert([UInt8(ascii: "0"), UInt8(ascii: ".")] + repeatElement(UInt8(ascii: "0"), count: fraction - digits), at: start)
                    }
                }
            }
        } else {
            var description = value.description
            description.withUTF8 { put($0) }
        }
        needsComma = true
    }

    /// A decimal's stored sign, exponent and mantissa, read from its bytes (Foundation keeps them
    /// internal): `nil` when the mantissa needs more than 64 bits or the layout is not the one
    /// checked once against `Decimal`'s public `exponent`, `significand` and `sign`.
    private struct StoredDecimal {
        var exponent: Int
        var isNegative: Bool
        /// No mantissa words at all: `description` prints `0`.
        var isZeroLength: Bool
        var mantissa: UInt64

        init?(_ value: Decimal) {
            guard Self.layoutHolds else { return nil }
            self.init(bits: value)
            guard mantissa != .max else { return nil }
        }

        /// Byte 0 the exponent, byte 1 the length of the mantissa in 16-bit words (high four bits)
        /// and the sign (bit 3), bytes 4 to 19 the mantissa's words, least significant first.
        private init(bits value: Decimal) {
            (exponent, isNegative, isZeroLength, mantissa) = withUnsafeBytes(of: value) { raw in
                let length = Int(raw[1] >> 4)
                guard length <= 4 else { return (0, false, false, .max) }
                var mantissa: UInt64 = 0
                for word in 0..<length {
                    mantissa |= UInt64(raw.loadUnaligned(fromByteOffset: 4 + 2 * word, as: UInt16.self)) << (16 * UInt64(word))
                }
                return (Int(Int8(bitPattern: raw[0])), raw[1] & 0x08 != 0, length == 0, mantissa)
            }
        }

        static let layoutHolds: Bool = {
            guard MemoryLayout<Decimal>.size == 20 else { return false }
            let samples = ["39.54", "-2.7", "18400", "0.005", "123456789012345678", "-0.000001", "1e20", "0"].compactMap { Decimal(string: $0) }
            return samples.count == 8 && samples.allSatisfy { sample in
                let stored = StoredDecimal(bits: sample)
                return stored.mantissa != .max && stored.exponent == sample.exponent && stored.isNegative == (sample.sign == .minus)
                    && Decimal(stored.mantissa) == sample.significand && stored.isZeroLength == sample.isZero
            }
        }()
    }

    /// A string, escaped per RFC 8259 as `JSONEncoder` escapes it.
    public mutating func value(_ value: String) {
        separate()
        put(UInt8(ascii: "\""))
        var string = value
        string.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            let base = UnsafeRawPointer(utf8.baseAddress)
            while index < count {
                // Eight bytes at a time while none of them needs escaping (most of a document's text).
                if let base, index + 8 <= count, !Self.mayNeedEscape(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = utf8[index]
                if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") {
                    index += 1
                    continue
                }
                if runStart < index { put(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                put(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): put(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): put(UInt8(ascii: "\\"))
                case 0x0A: put(UInt8(ascii: "n"))
                case 0x0D: put(UInt8(ascii: "r"))
                case 0x09: put(UInt8(ascii: "t"))
                case 0x08: put(UInt8(ascii: "b"))
                case 0x0C: put(UInt8(ascii: "f"))
                default:
                    append("u00")
                    put(Self.hex[Int(byte >> 4)])
                    put(Self.hex[Int(byte & 0x0F)])
                }
                index += 1
                runStart = index
            }
            if runStart < count { put(UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
        }
        put(UInt8(ascii: "\""))
        needsComma = true
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Whether one of the eight bytes of `word` is below 0x20, `"` or `\` (the bit tricks of "Bit
    /// Twiddling Hacks": a byte less than n, a zero byte): never false when one is.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let zeroQuote = (quote &- ones) & ~quote
        let zeroBackslash = (backslash &- ones) & ~backslash
        return (control | zeroQuote | zeroBackslash) & highs != 0
    }

    public mutating func value<T: RawRepresentable>(_ value: T) where T.RawValue == String {
        self.value(value.rawValue)
    }

    public mutating func value(_ value: some JSONWritable) {
        value.write(to: &self)
    }

    @inline(__always)
    private mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { put($0) }
    }

    // MARK: Fields: a key and its value; a `nil` value writes nothing, as `encodeIfPresent` does.

    public mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        self.value(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        field(name, value)
    }

    /// A scalar (`Bool`, `Decimal`, `String`), a value of the model, or an array of either.
    public mutating func field(_ name: StaticString, _ value: (some JSONWritable)?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    public mutating func field<T: RawRepresentable>(_ name: StaticString, _ value: T?) where T.RawValue == String {
        guard let value else { return }
        key(name)
        self.value(value.rawValue)
    }

    /// An array whose `nil` elements are `null`, as an unkeyed container writes them.
    public mutating func field<T: RawRepresentable>(_ name: StaticString, _ values: [T?]) where T.RawValue == String {
        key(name)
        beginArray()
        for value in values {
            if let value { self.value(value.rawValue) } else { null() }
        }
        endArray()
    }

}

/// The scalars write themselves, so that one `field` serves them, their arrays and the model's values.
extension Bool: JSONWritable {
    public func write(to json: inout JSONWriter) { json.value(self) }
}

extension Int: JSONWritable {
    public func write(to json: inout JSONWriter) { json.value(self) }
}

extension Decimal: JSONWritable {
    public func write(to json: inout JSONWriter) { json.value(self) }
}

extension String: JSONWritable {
    public func write(to json: inout JSONWriter) { json.value(self) }
}

extension Array: JSONWritable where Element: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginArray()
        // Through the buffer, whose elements are read in place: `self[index]` copied each claim.
        withUnsafeBufferPointer { elements in
            for index in elements.indices { elements[index].write(to: &json) }
        }
        json.endArray()
    }
}

// MARK: The output contract, keys in sorted order

extension Document: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("boilerplate", boilerplate)
        json.field("breakdowns", breakdowns)
        json.field("bytes", bytes)
        json.field("changes", changes)
        json.field("characters", characters)
        json.field("claims", claims)
        json.field("date", date)
        json.field("doc_numbers", docNumbers)
        json.field("doc_type", docType)
        json.field("encoding", encoding)
        json.field("fields", fields)
        json.field("findings", findings)
        json.field("format", format)
        json.field("growth_splits", growthSplits)
        json.field("issuer", issuer)
        json.field("lists", lists)
        json.field("numbers", numbers)
        json.field("paragraphs", paragraphs)
        json.field("rates", rates)
        json.field("recipient", recipient)
        json.field("sections", sections)
        json.field("sha256", sha256)
        json.field("source", source)
        json.field("structures", structures)
        json.field("text", text)
        json.field("title", title)
        json.field("warnings", warnings)
        json.endObject()
    }
}

extension Field: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("name", name)
        json.field("start", start)
        json.field("value", value)
        json.endObject()
    }
}

extension Boilerplate: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("kind", kind)
        json.field("start", start)
        json.endObject()
    }
}

extension Span: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("start", start)
        json.endObject()
    }
}

extension Section: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("children", children)
        json.field("end", end)
        json.field("kind", kind)
        json.field("level", level)
        json.field("line", line)
        json.field("marker", marker)
        json.field("number", number)
        json.field("start", start)
        json.field("title", title)
        json.field("title_end", titleEnd)
        json.field("title_start", titleStart)
        json.endObject()
    }
}

extension Paragraph: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("line", line)
        json.field("role", role)
        json.field("section", section)
        json.field("start", start)
        json.endObject()
    }
}

extension NumberMention: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("kind", kind)
        json.field("parts", parts)
        json.field("qualifier", qualifier)
        json.field("qualifier_text", qualifierText)
        json.field("resolution", resolution)
        json.field("start", start)
        json.field("text", text)
        json.field("unit", unit)
        json.field("unit_category", unitCategory)
        json.field("upper", upper)
        json.field("value", value)
        json.endObject()
    }
}

extension Claim: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("id", id)
        json.field("kind", kind)
        json.field("name", name)
        json.field("parts", parts)
        json.field("predicate", predicate)
        json.field("qualifier", qualifier)
        json.field("qualifier_text", qualifierText)
        json.field("resolution", resolution)
        json.field("section", section)
        json.field("sentence_end", sentenceEnd)
        json.field("sentence_start", sentenceStart)
        json.field("start", start)
        json.field("subject", subject)
        json.field("text", text)
        json.field("unit", unit)
        json.field("unit_category", unitCategory)
        json.field("upper", upper)
        json.field("value", value)
        json.endObject()
    }
}

extension Change: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("annual", annual)
        json.field("delta", delta)
        json.field("direction", direction)
        json.field("end", end)
        json.field("from", from)
        json.field("named_base", namedBase)
        json.field("rate", rate)
        json.field("real_rate", realRate)
        json.field("start", start)
        json.field("to", to)
        json.field("years", years)
        json.endObject()
    }
}

extension Breakdown: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("cue", cue)
        json.field("end", end)
        json.field("parts", parts)
        json.field("start", start)
        json.field("total", total)
        json.endObject()
    }
}

extension Rate: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("denominator", denominator)
        json.field("denominator_parts", denominatorParts)
        json.field("end", end)
        json.field("inferred_whole", inferredWhole)
        json.field("kind", kind)
        json.field("numerator", numerator)
        json.field("rate", rate)
        json.field("start", start)
        json.endObject()
    }
}

extension Structure: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("ratio", ratio)
        json.field("start", start)
        json.field("values", values)
        json.endObject()
    }
}

extension GrowthSplit: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("directions", directions)
        json.field("end", end)
        json.field("parts", parts)
        json.field("start", start)
        json.field("total", total)
        json.endObject()
    }
}

extension EnumeratedList: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("items", items)
        json.field("label", label)
        json.field("section", section)
        json.field("start", start)
        json.field("stated_count", statedCount)
        json.field("style", style)
        json.endObject()
    }
}

extension ListItem: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("end", end)
        json.field("marker", marker)
        json.field("start", start)
        json.field("text", text)
        json.endObject()
    }
}

extension Finding: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("column", column)
        json.field("end", end)
        json.field("evidence", evidence)
        json.field("expected", expected)
        json.field("line", line)
        json.field("message", message)
        json.field("message_en", messageEn)
        json.field("rule", rule)
        json.field("severity", severity)
        json.field("start", start)
        json.field("stated", stated)
        json.endObject()
    }
}

extension StreamError: JSONWritable {
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("code", code)
        json.field("line", line)
        json.field("message", message)
        json.field("source", source)
        json.field("type", type)
        json.endObject()
    }
}
