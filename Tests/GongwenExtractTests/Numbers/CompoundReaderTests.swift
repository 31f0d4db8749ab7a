import Foundation
import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// Each step of `CompoundReader` on numbers where it decides, and where it must stop.
@Suite struct CompoundReaderTests {
    static func value(_ text: String) -> String? {
        ChineseNumber.parse(text).map { "\($0)" }
    }

    @Test func arabicRunThenScale() {
        #expect(Self.value("1.84万") == "18400")
        #expect(Self.value("3万4000") == "34000")
        #expect(Self.value("34,567") == "34567")
    }

    @Test func zeroMarksAGap() {
        #expect(Self.value("一千零五") == "1005")
        #expect(Self.value("一万零四十") == "10040")
    }

    @Test func digitAbbreviatedAfterAPlace() {
        #expect(Self.value("两千四百五") == "2450")
        #expect(Self.value("一万三") == "13000")
        #expect(Self.value("千一") == "1100")
        #expect(Self.value("一千零五") == "1005", "no abbreviation after 零")
    }

    @Test func placeWords() {
        #expect(Self.value("十五") == "15")
        #expect(Self.value("一千三百一十六") == "1316")
        #expect(Self.value("三百五千") == nil, "a place may not rise")
    }

    @Test func scaleWords() {
        #expect(Self.value("四十九兆九千五百九十二億") == "49959200000000")
        #expect(Self.value("16.4亿") == "1640000000")
        #expect(Self.value("万万") == nil)
        #expect(Self.value("三万亿") == "3000000000000")
    }

    @Test func tensCharacters() {
        #expect(Self.value("廿五") == "25")
        #expect(Self.value("五百卅四") == "534")
    }

    @Test func decimalPoint() {
        #expect(Self.value("三十点五") == "30.5")
        #expect(Self.value("零點77") == "0.77")
    }

    @Test func qualifierBeforeScale() throws {
        let mention = try #require(NumberExtractor.mentions(in: SourceText("投入十余万元")).first)
        #expect(mention.text == "十余万元" && mention.value == 100_000 && mention.qualifier == .atLeast)
    }

    @Test func jiInPlaceOfADigit() throws {
        let mention = try #require(NumberExtractor.mentions(in: SourceText("二十几万人参加")).first)
        #expect(mention.text == "二十几万人" && mention.value == 200_000 && mention.qualifier == .atLeast)
    }

    @Test func spacesInsideANumeral() {
        #expect(Self.value("3 万") == "30000")
        #expect(Self.value("一千 三百") == "1300")
    }
}
