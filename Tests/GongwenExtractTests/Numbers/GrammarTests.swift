import Foundation
import GongwenExtract
import GongwenText
import Testing

/// The raw grammar: `ChineseNumber.parse` on whole strings and `NumberScanner` in running text.
@Suite struct GrammarTests {
    @Test(arguments: [
        ("139", "139"), ("1,819", "1819"), ("29275", "29275"), ("0.5", "0.5"), (".25", "0.25"),
        ("２０２０", "2020"), ("一千三百一十六", "1316"), ("二〇二二", "2022"), ("一九九一", "1991"),
        ("十九", "19"), ("两千零二十", "2020"), ("千一", "1100"), ("一万零四十", "10040"),
        ("参萬肆仟伍佰陆拾柒", "34567"), ("參萬肆仟伍佰陸拾柒", "34567"), ("壹佰零肆萬", "1040000"),
        ("廿", "20"), ("卅三", "33"), ("五百卅四", "534"), ("1.84万", "18400"), ("3.6万", "36000"),
        ("53.21万", "532100"), ("3万4000", "34000"), ("二十万亿", "20000000000000"), ("1,100万", "11000000"),
        ("16.4亿", "1640000000"), ("4.78万亿", "4780000000000"), ("两千四百五", "2450"), ("一万三", "13000"),
        ("萬九", "19000"), ("百二萬", "1200000"), ("一百零十万", "1100000"), ("十万零五十六", "100056"),
        ("四亿五千六百四十二万零一十五", "456420015"), ("五兆六十二亿四万五千二", "5006200045200"),
        ("三十点五", "30.5"), ("零点五", "0.5"), ("两千万点五五四四", "20000000.5544"), ("一千六点五", "1600.5"),
        ("负三十二", "-32"), ("-1,200,000", "-1200000"), ("负 1,200,000", "-1200000"), ("三分之一", "0.3333333333"),
        ("二分之一", "0.5"), ("一又二分之一", "1.5"), ("3/5", "0.6"), ("1 3/5", "1.6"), ("一半", "0.5"),
        ("百分之三十点五", "0.305"), ("千分之五", "0.005"), ("2e5", "200000"), ("40k", "40000"), ("1.2M", "1200000"),
        ("一个", "1"), ("零", "0"),
    ])
    func parsesWholeNumbers(text: String, expected: String) {
        #expect(ChineseNumber.parse(text) == Decimal(string: expected), "\(text)")
    }

    @Test(arguments: ["一些", "万", "万万", "十之八九", "三个强化", "1.84万人", "百", "统一", "abc", ""])
    func rejectsWhatIsNotOneNumber(text: String) {
        #expect(ChineseNumber.parse(text) == nil, "\(text)")
    }

    @Test func valuesAreExactDecimals() {
        #expect(ChineseNumber.parse("16.4亿") == Decimal(string: "1640000000"))
        #expect(ChineseNumber.parse("0.1") == Decimal(sign: .plus, exponent: -1, significand: 1))
        #expect(ChineseNumber.parse("4569831148725382") == Decimal(string: "4569831148725382"))
        #expect(ChineseNumber.parse("1234567890123456789012") == Decimal(string: "1234567890123456789012"))
    }

    /// `resolution`: one unit of the last printed digit, `nil` for an integer written in full.
    @Test(arguments: [
        ("1.84万", "100"), ("39.54", "0.01"), ("3万", "10000"), ("30.5", "0.1"), ("16.4亿", "10000000"),
        ("139", nil), ("2177", nil), ("一千三百一十六", nil), ("3万4000", nil), ("一百二十万", "10000"),
        ("4.800", "0.001"),
    ] as [(String, String?)])
    func resolution(text: String, expected: String?) throws {
        let source = SourceText(text)
        let numerals = NumberScanner(source).numerals(in: 0..<source.count)
        try #require(numerals.count == 1, "\(text)")
        #expect(numerals[0].resolution == expected.flatMap { Decimal(string: $0) }, "\(text)")
    }

    @Test func scannerFindsNumeralsInRunningText() {
        let source = SourceText("全市乡镇(街道)从200个优化到139,一些统一部署,十九届四中全会")
        let numerals = NumberScanner(source).numerals(in: 0..<source.count)
        #expect(numerals.map(\.value) == [200, 139, 19, 4])
        #expect(numerals.map { source.text(.init(start: $0.start, end: $0.end)) } == ["200", "139", "十九", "四"])
    }

    @Test func percentMarkerIsOutsideTheNumeral() throws {
        let source = SourceText("百分之三十点五")
        let numeral = try #require(NumberScanner(source).numerals(in: 0..<source.count).first)
        #expect(numeral.value == Decimal(string: "30.5"))
        #expect(numeral.perExponent == 2)
        #expect(numeral.perStart == 0)
        #expect(numeral.start == 3)
    }

    @Test func thousandsSeparatorsFollowTheWidthOfTheDigits() {
        let fullWidth = SourceText("４，５６５")
        #expect(NumberScanner(fullWidth).numerals(in: 0..<fullWidth.count).map(\.value) == [4565])
        let clauses = SourceText("分别为120，350，460人")
        #expect(NumberScanner(clauses).numerals(in: 0..<clauses.count).map(\.value) == [120, 350, 460])
    }
}
