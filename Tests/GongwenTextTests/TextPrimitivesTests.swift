import Foundation
import GongwenModel
import GongwenText
import Testing

/// The text primitives every stage shares: the digit table, scalar classes, binary search and
/// HTML detection by file name.
@Suite struct TextPrimitivesTests {
    /// One digit table: both zeros of digit-by-digit years, `两` and `俩`, financial forms;
    /// `洞`/`幺` are words in running text.
    @Test func digitTable() {
        let digits = "〇○零一壹二两俩贰三叁参四肆五伍六陆七柒八捌九玖".unicodeScalars.map { ChineseNumerals.digit($0) }
        #expect(digits == [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9])
        #expect("洞幺十百万".unicodeScalars.map { ChineseNumerals.digit($0) } == [nil, nil, nil, nil, nil])
        #expect(ChineseNumerals.integer("二○二○".unicodeScalars) == 2020)
    }

    /// A text in traditional script is read in simplified forms, one character for one; a simplified
    /// text keeps the traditional forms it uses in its own right.
    @Test func traditionalScriptFoldsToSimplified() {
        let traditional = SourceText("據快報統計，全市地方財政收入完成170,024萬元，同比增收41,823萬元，增長32.62%。")
        #expect(traditional.foldedText(Span(start: 0, end: traditional.count)) == "据快报统计,全市地方财政收入完成170,024万元,同比增收41,823万元,增长32.62%。")
        #expect(traditional.text(Span(start: 0, end: 2)) == "據快")
        let simplified = SourceText("全市经济发展成效显著，乾隆年间著名的书院修缮完成。")
        #expect(simplified.foldedText(Span(start: 0, end: simplified.count)) == "全市经济发展成效显著,乾隆年间著名的书院修缮完成。")
    }

    @Test func sentenceAndClauseEnds() {
        #expect("。;!?；！？\n".unicodeScalars.allSatisfy(ScalarClass.endsSentence))
        #expect(!"，,、:".unicodeScalars.contains(where: ScalarClass.endsSentence))
        #expect(",:，：。".unicodeScalars.allSatisfy(ScalarClass.endsClause))
        #expect(!ScalarClass.endsClause("、"))
    }

    @Test func characterClasses() {
        #expect("社区𠀀".unicodeScalars.allSatisfy(ScalarClass.isHan))
        #expect(!ScalarClass.isHan("、") && !ScalarClass.isHan("A"))
        #expect("09".unicodeScalars.allSatisfy(ScalarClass.isASCIIDigit) && !ScalarClass.isASCIIDigit("０"))
        #expect(ScalarClass.isFullWidthDigit("５") && ScalarClass.isASCIILetter("G"))
        #expect("。,、“”《》".unicodeScalars.allSatisfy(isPunctuation) && !isPunctuation("("))
        #expect(ScalarClass.closingQuote(for: "“") == "”" && ScalarClass.closingQuote(for: "(") == nil)
    }

    /// Words found code point by code point, in strings (their UTF-8 bytes) and in the folded view;
    /// an empty word occurs nowhere, as with Foundation's `contains`.
    @Test func wordSearch() {
        #expect("比上年增长9.3%".holds("上年"))
        #expect(!"比上年增长9.3%".holds("去年"))
        #expect(!"比上年".holds(""))
        #expect("地区生产总值".endsWith("生产总值") && !"地区生产总值".endsWith("地区"))
        #expect("全市生产总值".startsWith("全市") && !"全市".startsWith("全市生产"))
        let folded = Array("年末全市共有保险机构43家,其中财产险公司18家".unicodeScalars)
        #expect(WordSearch.holds(folded[10...], "其中"))
        #expect(WordSearch.holds(folded[14..<16], "其中"))
        #expect(!WordSearch.holds(folded[..<15], "其中"))
        #expect(!WordSearch.holds(folded[14..<15], "其中"))
    }

    /// Several words looked for in one pass answer as one pass per word does; strings are the same
    /// bytes or not.
    @Test func wordsInOnePass() {
        let words = ["扣除价格因素", "可比价", "不变价"].map { Array($0.unicodeScalars) }
        let statement = Array("全年地区生产总值按可比价格计算增长5.2%".unicodeScalars)
        #expect(WordSearch.holdsAny(statement[...], words))
        #expect(!WordSearch.holdsAny(statement[..<10], words))
        #expect(!WordSearch.holdsAny(statement[...], []) && !WordSearch.holdsAny(statement[...], [[]]))
        // `比` (U+6BD4) and `仔` (U+4ED4) fall under one bit of the mask: only the word decides.
        #expect(!WordSearch.holdsAny(Array("仔细".unicodeScalars)[...], [Array("比上年".unicodeScalars)]))
        #expect("万元".sameUTF8("万元") && !"年".sameUTF8("月") && !"季度".sameUTF8("季") && "".sameUTF8(""))
    }

    /// The occurrences of words, found once, answer for every stretch of the text as `holdsAny` on it does.
    @Test func occurrencesFoundOnce() {
        let list = WordList(["可比价", "可比价格", "实际增长"])
        let text = Array("按可比价格计算,实际增长5%".unicodeScalars)
        let found = WordSearch.occurrences(in: text, of: list)
        #expect(found == [1..<4, 1..<5, 8..<12])
        for lower in 0...text.count {
            for upper in lower...text.count {
                #expect(WordSearch.holdsAny(lower..<upper, among: found) == WordSearch.holdsAny(text[lower..<upper], list))
            }
        }
    }

    /// The scalars, the folded view and the line starts of a text with scalars of one to four UTF-8 bytes.
    @Test func sourceTextOfEveryWidth() {
        let text = SourceText("a１\n，é\u{10000}。\n")
        #expect(text.scalars == Array("a１\n，é\u{10000}。\n".unicodeScalars))
        #expect(text.folded == Array("a1\n,é\u{10000}。\n".unicodeScalars))
        #expect(text.lineStarts == [0, 3, 8])
    }

    /// The range of a word's first or last occurrence, as Foundation's `range(of:)` gives it.
    @Test func wordRange() {
        let speaker = "重庆市人民政府市长 胡衡华"
        #expect(speaker.wordRange(of: "市长").map { String(speaker[$0.upperBound...]) } == " 胡衡华")
        #expect(speaker.wordRange(of: "市", backwards: true).map { String(speaker[$0.upperBound...]) } == "长 胡衡华")
        #expect(speaker.wordRange(of: "重庆").map { speaker[$0] } == "重庆")
        #expect(speaker.wordRange(of: "局长") == nil && speaker.wordRange(of: "") == nil)
    }

    /// Keys of scalars equal where the scalars that count are the same, whatever the others.
    @Test func scalarKey() {
        let spaced = Array("培育 150\t余名".unicodeScalars)[...]
        let plain = Array("培育150余名".unicodeScalars)[...]
        #expect(ScalarKey(spaced, ignoring: .spacesAndTabs) == ScalarKey(plain, ignoring: .spacesAndTabs))
        #expect(ScalarKey(spaced, ignoring: .spacesAndTabs).count == 7)
        #expect(ScalarKey(spaced) != ScalarKey(plain))
        #expect(ScalarKey(plain[...3]) != ScalarKey(plain[...4]))
        let counts = [ScalarKey(spaced, ignoring: .whitespace): 1]
        #expect(counts[ScalarKey(plain, ignoring: .whitespace)] == 1)
        #expect(ScalarClass.isWhitespace("\u{3000}") && ScalarClass.isWhitespace("\n") && !ScalarClass.isWhitespace("。"))
    }

    /// The keys of a paragraph and its sentences read in one pass are the keys made one by one.
    @Test func scalarKeysInOnePass() {
        let text = Array(" 今年以来,增长5%。 全年完成。 ".unicodeScalars)
        let sentences = [Span(start: 1, end: 11), Span(start: 12, end: 17)]
        let keys = ScalarKey.keys(text, whole: 0..<text.count, pieces: sentences, ignoring: .spacesAndTabs)
        #expect(keys.whole == ScalarKey(text[...], ignoring: .spacesAndTabs) && keys.whole.count == 15)
        #expect(keys.whole.hashValue == ScalarKey(text[...], ignoring: .spacesAndTabs).hashValue)
        #expect(keys.pieces == sentences.map { ScalarKey(text[$0.start..<$0.end], ignoring: .spacesAndTabs) })
        #expect(keys.pieces.map(\.count) == [10, 5])
        #expect(keys.pieces.map(\.hashValue) == sentences.map { ScalarKey(text[$0.start..<$0.end], ignoring: .spacesAndTabs).hashValue })
    }

    /// `isLineWhitespace` is Foundation's `CharacterSet.whitespaces`, scalar for scalar over the
    /// Basic Multilingual Plane (no space lies above it), and `trimmingLineWhitespace` trims as
    /// `trimmingCharacters(in: .whitespaces)` does.
    @Test func lineWhitespaceIsFoundations() {
        let differing = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter {
            ScalarClass.isLineWhitespace($0) != CharacterSet.whitespaces.contains($0)
        }
        #expect(differing.isEmpty)
        for text in ["\u{3000}　印发机关\t ", "  ", "", "抄送:\u{A0}", "a\u{2009}b\n", " \u{301}x", "\u{200B}索引号\u{200B}"] {
            #expect(text.trimmingLineWhitespace() == text.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func scalarCountCountsOnTheBytes() {
        for text in ["", "索引号:111423", "𠀀a\u{301}", "全市\r\n"] {
            #expect(text.scalarCount == text.unicodeScalars.count)
            #expect(text.dropFirst().scalarCount == text.dropFirst().unicodeScalars.count)
        }
    }

    @Test func partitionPoint() {
        let starts = [0, 12, 30]
        #expect(starts.partitionPoint { $0 > 15 } == 2)
        #expect(starts.partitionPoint { $0 > -1 } == 0)
        #expect(starts.partitionPoint { $0 > 30 } == 3)
        #expect([Int]().partitionPoint { $0 > 0 } == 0)
    }

    @Test func lineOfAnOffset() {
        let text = SourceText("一\n二三\n\n四")
        #expect((0..<text.count).map(text.line(at:)) == [1, 1, 2, 2, 2, 3, 4])
    }

    @Test func textWithoutLineBreaks() {
        let text = SourceText("关于印发…的\n通知")
        #expect(text.textWithoutLineBreaks(Span(start: 0, end: text.count)) == "关于印发…的通知")
        #expect(text.textWithoutLineBreaks(Span(start: 6, end: 99)) == "通知")
    }

    @Test func monthDaySplits() {
        func splits(_ digits: [Int]) -> [String] { DateText.monthDaySplits(digits).map { "\($0.month)-\($0.day)" } }
        #expect(splits([7, 1, 5]) == ["7-15"])
        #expect(splits([1, 1, 1]) == ["1-11", "11-1"])
        #expect(splits([1, 2, 3, 1]) == ["12-31"])
        #expect(splits([2, 3, 0]) == [])
        #expect(splits([9, 2, 4]) == ["9-24"])
        #expect(splits([0, 1, 4]) == ["1-4"])
        #expect(splits([7]) == [] && splits([1, 2, 3, 4, 5]) == [])
    }

    @Test func htmlPath() {
        #expect(["a.html", "B.HTM", "dir/x.htm"].allSatisfy(HTMLText.isHTMLPath))
        #expect(!["a.txt", "html", "a.html.txt"].contains(where: HTMLText.isHTMLPath))
    }
}
