import GongwenModel
import GongwenText
import Testing
@testable import GongwenSegment

/// The recognisers `Segmenter` runs in turn, one at a time on a small page.
@Suite("recognisers")
struct RecogniserTests {
    static let letter = """
        发布日期:2020-09-14 信息来源:办公室
        巴中市民政局
        对市政协第四届四次会议第110号提案
        答复的函
        民盟四川省委直属巴中总支部委员会:
        贵委员会提出的提案收悉。现答复如下。
        巴中市民政局
        2020年9月14日
        """

    @Test func pageChromeMarksMetadataLinesAndReadsTheirDates() {
        var page = Page(SourceText(Self.letter))
        let metadata = PageChrome.mark(&page, markup: [])
        #expect(page.roles.map { $0?.rawValue ?? "-" } == ["boilerplate", "-", "-", "-", "-", "-", "-", "-"])
        #expect(page.chromeKinds[0] == "page_meta")
        #expect(metadata.dates["发布日期"]?.0.iso == "2020-09-14")
    }

    @Test func titleBlockFindsHeaderTitleAndAnchor() {
        var page = Page(SourceText(Self.letter))
        _ = PageChrome.mark(&page, markup: [])
        let block = TitleBlock.read(&page)
        #expect(block.anchor == 4)
        #expect(block.lines == [1, 2, 3])
        #expect(block.headerIssuer?.0 == "巴中市民政局")
        #expect(block.title?.value == "对市政协第四届四次会议第110号提案答复的函")
    }

    @Test func titleBlockCompactsLetterSpacedTitles() {
        #expect(TitleBlock.compactSpaces("政 府 工 作 报 告") == "政府工作报告")
        #expect(TitleBlock.compactSpaces("2024 年 工作") == "2024 年工作")
    }

    @Test func recipientLine() {
        let lines = Line.lines(of: SourceText("湖北省人民政府:\n附件:\n抄送:\n各位代表:\n现将有关情况报告如下:这是一个很长的句子。"))
        #expect(lines.map(RecipientLine.matches) == [true, false, false, true, false])
    }

    @Test func signOffFindsIssuerAndDate() {
        var page = Page(SourceText(Self.letter))
        _ = PageChrome.mark(&page, markup: [])
        let signOff = SignOff.find(page, from: 5)
        #expect(signOff?.issuerLines == [6])
        #expect(signOff?.dateLine == 7)
        #expect(signOff?.date.iso == "2020-09-14")
        let claimed = signOff?.claim(&page)
        #expect(claimed?.issuer?.0 == "巴中市民政局")
        #expect(page.roles[6] == .signature && page.roles[7] == .date)
    }

    @Test func issuerChainPrefersTheSignature() {
        let page = Page(SourceText("重庆市人民政府关于2024年工作的报告\n"))
        let title = Field(name: "title", value: "重庆市人民政府关于2024年工作的报告", span: Span(start: 0, end: 19))
        let fromTitle = IssuerChain.choose(signature: nil, header: nil, title: title, metadata: PageMetadata(), page: page)
        #expect(fromTitle?.0 == "重庆市人民政府")
        #expect(fromTitle?.1 == Span(start: 0, end: 7))
        let signed = IssuerChain.choose(signature: ("重庆市财政局", Span(start: 30, end: 36)), header: nil, title: title, metadata: PageMetadata(), page: page)
        #expect(signed?.0 == "重庆市财政局")
    }

    @Test func docNumbersOfTheTitleBlock() {
        var page = Page(SourceText("国务院办公厅关于同意建立联席会议制度的复函\n国办函〔2004〕80号\n湖北省人民政府:\n你省来函收悉。\n"))
        let block = TitleBlock.read(&page)
        #expect(DocNumber.collect(page, block: block, metadata: PageMetadata()).map(\.value) == ["国办函〔2004〕80号"])
    }

    @Test func aPageWhoseTitleBarIsTheOnlyTitle() {
        let text = "哈密市2025年国民经济和社会发展统计公报\n发布时间：2026-05-09\n来源：哈密市统计局\n【大中小】\n打印\n分享：\n哈密市统计局 国家统计局哈密调查队\n（2026年5月8日）\n一、综合\n全年实现地区生产总值1162.95亿元。\n"
        let segmentation = Segmenter.segment(SourceText(text))
        #expect(segmentation.title == "哈密市2025年国民经济和社会发展统计公报")
        #expect(segmentation.issuer == "哈密市统计局、国家统计局哈密调查队")
        #expect(segmentation.date?.iso == "2026-05-08")
        #expect(segmentation.boilerplate.map(\.kind) == ["page_title", "page_meta", "share"])
    }

    @Test func aListOfOrdinalsIsNoEnumeration() {
        let s = Array("第一、二、三产业增加值".unicodeScalars)
        #expect(Marker.inline(in: s, at: 0, end: s.count) == nil)
        let item = Array("第一、加强组织领导".unicodeScalars)
        #expect(Marker.inline(in: item, at: 0, end: item.count)?.number == 1)
    }

    @Test func aLoneOrganisationUnderThePageTitleIsTheHeader() {
        let text = "关于益阳市2025年预算执行情况与2026年预算草案的报告\n——2025年12月24日在益阳市第七届人民代表大会第五次会议上\n发布时间：2026-01-06 17:19\n益阳市财政局\n各位代表：\n现将预算执行情况报告如下。\n"
        let segmentation = Segmenter.segment(SourceText(text))
        #expect(segmentation.title == "关于益阳市2025年预算执行情况与2026年预算草案的报告")
        #expect(segmentation.issuer == "益阳市财政局")
    }

    @Test func jointIssuersOnConsecutiveLines() {
        let text = "2025年苏州市国民经济和社会发展统计公报\n时间： 2026-05-22 14:28 来源： 苏州市统计局 访问量：\n苏州市统计局\n国家统计局苏州调查队\n2026年4月30日\n一、综合\n全年地区生产总值增长5.6%。\n"
        let segmentation = Segmenter.segment(SourceText(text))
        #expect(segmentation.title == "2025年苏州市国民经济和社会发展统计公报")
        #expect(segmentation.issuer == "苏州市统计局、国家统计局苏州调查队")
        #expect(segmentation.date?.iso == "2026-04-30")
    }

    @Test func aMetadataTableWrittenAsLabelledLines() {
        let text = "索  引  号：111423LL00100/2019-01010\n发文机关：吕梁市财政局\t关  键  字：\n标　　题：关于吕梁市2018年预算执行情况的报告\n关于吕梁市2018年预算执行情况的报告\n各位代表：\n现将预算执行情况报告如下。\n"
        let segmentation = Segmenter.segment(SourceText(text))
        #expect(segmentation.title == "关于吕梁市2018年预算执行情况的报告")
        #expect(segmentation.recipient == "各位代表")
        #expect(segmentation.issuer == "吕梁市财政局")
        #expect(Chrome.inlinePair(of: "标题:关于吕梁市2018年预算执行情况的报告")?.0 == "标题")
        #expect(Chrome.inlinePair(of: "各位代表:") == nil)
    }
}
