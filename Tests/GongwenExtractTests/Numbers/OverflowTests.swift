import Foundation
@testable import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// Numbers longer than a `Decimal` holds exactly are identifiers with no value: never NaN, never cut.
@Suite("overflow")
struct OverflowTests {
    func mentions(_ text: String) -> [(String, NumberKind, Decimal?)] {
        NumberExtractor.mentions(in: SourceText(text)).map { ($0.text, $0.kind, $0.value) }
    }

    @Test(arguments: [
        ("共有" + String(repeating: "一", count: 200) + "人", String(repeating: "一", count: 200) + "人"),
        ("共有" + String(repeating: "九", count: 60) + "人", String(repeating: "九", count: 60) + "人"),
        // The grammar reads the last 166 digits of a longer run (its reach, not a cut value).
        ("共有" + String(repeating: "1", count: 1_000) + "人", String(repeating: "1", count: 166) + "人"),
        ("比例为" + String(repeating: "9", count: 40) + ".99999%", String(repeating: "9", count: 40) + ".99999%"),
    ])
    func aNumberBeyondDecimalIsAnIdentifierWithNoValue(_ text: String, _ mention: String) {
        let found = mentions(text)
        #expect(found.map(\.0) == [mention])
        #expect(found.map(\.1) == [.identifier])
        #expect(found.map(\.2) == [nil])
    }

    @Test func thirtyEightDigitsStayExact() {
        let digits = String(repeating: "9", count: 38)
        let found = mentions("共有\(digits)人")
        #expect(found.map(\.1) == [.quantity])
        #expect(found.map(\.2) == [Decimal(string: digits)])
    }

    @Test func significantDigitsSkipLeadingZerosAndPlaceWords() {
        #expect(Overflow.digits(in: "0.00139") == (3, 6))
        #expect(Overflow.digits(in: "一千三百一十六万人") == (4, 4))
        #expect(Overflow.digits(in: "２０２０年") == (4, 4))
    }

    @Test func jsonRefusesANaN() throws {
        struct Value: Encodable { var value: Decimal }
        #expect(throws: GongwenJSON.NonFiniteNumber.self) { try GongwenJSON.encode(Value(value: .nan)) }
        let data = try GongwenJSON.encode(["text": "NaN Infinity", "flag": "true"])
        #expect(String(decoding: data, as: UTF8.self) == #"{"flag":"true","text":"NaN Infinity"}"#)
    }
}
