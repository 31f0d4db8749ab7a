import Foundation
import GongwenExtract
import GongwenModel
import GongwenText
import PropertyBased
import Testing

/// Random numbers written by `NumeralRenderer` in Arabic, Chinese and mixed forms read back to the
/// exact value.
@Suite struct PropertyTests {
    static let below16Digits = 0...9_999_999_999_999_999

    @Test func arabicRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: Self.below16Digits), Gen.int(in: 0...9999), Gen.int(in: 0...4), Gen.bool) {
            integer, fractionDigits, decimals, grouped in
            let fraction = decimals == 0 ? "" : String(String(fractionDigits).prefix(decimals))
            let text = NumeralRenderer.arabic(integer, fraction: fraction, grouped: grouped)
            #expect(ChineseNumber.parse(text) == Decimal(string: text.replacingOccurrences(of: ",", with: "")), "\(text)")
        }
    }

    @Test func chineseRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.int(in: Self.below16Digits)) { integer in
            let text = NumeralRenderer.chinese(integer)
            #expect(ChineseNumber.parse(text) == Decimal(integer), "\(text)")
        }
    }

    /// Small numbers more often: every zero rule of one and two groups of four.
    @Test func chineseRoundTripBelowOneHundredMillion() async {
        await propertyCheck(count: 500, input: Gen.int(in: 0...99_999_999), Gen.int(in: 0...999)) { integer, fraction in
            let digits = fraction == 0 ? "" : String(fraction)
            let text = NumeralRenderer.chinese(integer, fraction: digits)
            #expect(ChineseNumber.parse(text) == Decimal(string: digits.isEmpty ? "\(integer)" : "\(integer).\(digits)"), "\(text)")
        }
    }

    @Test func mixedRoundTrip() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...9_999_999), Gen.int(in: 0...2), Gen.bool, Gen.bool) {
            mantissa, decimals, hundredMillion, grouped in
            let scale = hundredMillion ? "亿" : "万"
            let text = NumeralRenderer.mixed(mantissa, decimals: decimals, scale: scale, grouped: grouped)
            let expected = Decimal(mantissa) * Decimal(sign: .plus, exponent: (hundredMillion ? 8 : 4) - decimals, significand: 1)
            #expect(ChineseNumber.parse(text) == expected, "\(text)")
        }
    }

    /// In running text a Chinese count before a measure word is one quantity with its unit.
    @Test func chineseCountInASentence() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...99_999_999)) { integer in
            let sentence = "全市共建成" + NumeralRenderer.chinese(integer) + "个服务站。"
            let mentions = NumberExtractor.mentions(in: SourceText(sentence))
            #expect(mentions.count == 1, "\(sentence)")
            #expect(mentions.first?.value == Decimal(integer), "\(sentence)")
            #expect(mentions.first?.unit == "个", "\(sentence)")
        }
    }

    /// The extractor never crashes and its spans stay inside the text, whatever the scalars.
    @Test func arbitraryTextIsSafe() async {
        let alphabet = Array("0123456789.,-—%‰万亿千百十一二三四五六七八九〇零两点分之第年月日号个人元“”()〔〕:+ 余多约近成折半负".unicodeScalars)
        await propertyCheck(count: 300, input: Gen.int(in: 0..<alphabet.count).array(of: 0...40)) { indices in
            let text = String(String.UnicodeScalarView(indices.map { alphabet[$0] }))
            let source = SourceText(text)
            for mention in NumberExtractor.mentions(in: source) {
                #expect(mention.start >= 0 && mention.end <= source.count && mention.start < mention.end, "\(text)")
            }
        }
    }
}
