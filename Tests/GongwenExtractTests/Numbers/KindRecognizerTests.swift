import Foundation
@testable import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// Each recogniser of `KindRecognizer`'s ordered table on sentences where it decides, and on
/// near misses where it must not.
@Suite struct KindRecognizerTests {
    /// The kind and text of every mention in `sentence`.
    static func kinds(_ sentence: String) -> [String] {
        NumberExtractor.mentions(in: SourceText(sentence)).map { "\($0.text):\($0.kind.rawValue)" }
    }

    @Test func tableOrder() {
        #expect(KindRecognizer.allCases == [
            .afterOrdinalPrefix, .session, .plenum, .meetingOfSession, .enumerationMarker, .century, .ranking, .year,
            .version, .docNumberOrAddress, .edition, .identifier, .congressOrCountLabel, .countLabel, .countWord,
            .compactDate,
        ])
    }

    @Test func afterOrdinalPrefix() {
        #expect(Self.kinds("第四届人大第二批试点") == ["第四届:ordinal", "第二批:ordinal"])
        #expect(Self.kinds("第110号提案") == ["第110号:doc_number"])
    }

    @Test func sessionAndMeetingOfSession() {
        #expect(Self.kinds("市四届四次会议") == ["四届:ordinal", "四次:ordinal"])
        #expect(Self.kinds("召开会议四次") == ["四次:count_word"])
    }

    @Test func plenum() {
        #expect(Self.kinds("党的十九届四中全会") == ["十九届:ordinal", "四中全会:ordinal"])
    }

    @Test func enumerationMarker() {
        #expect(Self.kinds("一是健全机制") == ["一:ordinal"])
        #expect(Self.kinds("(1)总体要求") == ["1:ordinal"])
    }

    @Test func centuryAndRanking() {
        #expect(Self.kinds("二十一世纪") == ["二十一世纪:ordinal"])
        #expect(Self.kinds("进入全国20强") == ["20强:ordinal"])
    }

    @Test func year() {
        #expect(Self.kinds("二〇二二,") == ["二〇二二:year"])
    }

    @Test func version() {
        #expect(Self.kinds("迈入2.0时代") == ["2.0:identifier"])
        #expect(Self.kinds("增长2.5倍") != ["2.5:identifier"])
    }

    @Test func docNumberOrAddress() {
        #expect(Self.kinds("川财社20191166号文件") == ["20191166号:doc_number"])
        #expect(Self.kinds("江北大道中段38号") == ["38号:identifier"])
    }

    @Test func edition() {
        #expect(Self.kinds("刊登在3版") == ["3版:identifier"])
    }

    @Test func identifier() {
        #expect(Self.kinds("建设5G基站") == ["5:identifier"])
        #expect(Self.kinds("ICP备14032324号") == ["14032324号:identifier"])
    }

    @Test func congressOrCountLabel() {
        #expect(Self.kinds("党的十九大精神") == ["十九:ordinal"])
        #expect(Self.kinds("推进四大任务") == ["四:count_label"])
    }

    @Test func countLabel() {
        #expect(Self.kinds("落实“三个强化”要求") == ["三个:count_label"])
        #expect(Self.kinds("小组规模、干部结构、宗族聚居、资产状况、债权债务5项基本情况") == ["5项:count_label"])
        #expect(Self.kinds("巩固脱贫攻坚成效、深化乡村两项改革成果") == ["两项:count_word"], "two items are not a list the count sums up")
    }

    /// `一/两/三…` + measure word counts in passing; a cue before it (`共`, `累计`, `增加到`) makes
    /// it a statistic, and Arabic digits always are one.
    @Test func countWord() {
        #expect(Self.kinds("培育一批示范社区") == ["一批:count_word"])
        #expect(Self.kinds("打造一支专业队伍") == ["一支:count_word"])
        #expect(Self.kinds("每年开展一次评估") == ["一次:count_word"])
        #expect(Self.kinds("深化乡村两项改革成果") == ["两项:count_word"])
        #expect(Self.kinds("坚持县乡村三级联动") == ["三级:count_word"])
        #expect(Self.kinds("设定一个专干") == ["一个:count_word"])
        #expect(Self.kinds("全市共有三个社区") == ["三个:quantity"])
        #expect(Self.kinds("全年累计五次") == ["五次:quantity"])
        #expect(Self.kinds("服务队增加到两支") == ["两支:quantity"])
        #expect(Self.kinds("培育1批示范社区") == ["1批:quantity"])
        #expect(Self.kinds("培育十二个示范社区") == ["十二个:quantity"])
    }

    @Test func compactDate() {
        #expect(Self.kinds("成文日期2020914") == ["2020914:date"])
        #expect(Self.kinds("编码20201399") != ["20201399:date"])
    }
}
