import GongwenModel
import GongwenText
import Testing
@testable import GongwenSegment

/// Metadata that survives the page: titles that stop at speaker and page-metadata lines, dates
/// in Chinese numerals, after an appended document, or from a 发布日期 line.
@Suite("metadata")
struct MetadataTests {
    func segment(_ text: String) -> Segmentation {
        Segmenter.segment(SourceText(text))
    }

    @Test func theTitleStopsAtTheSpeakerLine() {
        let text = "关于承德市2025年预算执行情况的报告（书面）\n承德市财政局局长林国华\n各位代表：\n现在，我代表市人民政府报告预算执行情况。\n"
        #expect(segment(text).title == "关于承德市2025年预算执行情况的报告（书面）")
        let spaced = "政府工作报告\n——2025年1月19日在重庆市第六届人民代表大会第三次会议上\n重庆市审计局局长 王明\n各位代表：\n现在，我代表市人民政府报告工作。\n"
        #expect(segment(spaced).title == "政府工作报告")
    }

    @Test(arguments: ["在全市经济工作会议上", "审计署审计长 侯凯", "市委书记 李强", "国务院总理 李强", "常德市财政局局长  徐  荩"])
    func speakerLines(_ text: String) {
        #expect(TitleNote.matches(text))
    }

    @Test(arguments: ["在全市经济工作会议上的讲话", "关于财政局局长述职的报告", "2024年审计工作报告"])
    func titlesAreNotSpeakerLines(_ text: String) {
        #expect(!TitleNote.matches(text))
    }

    @Test func theTitleStopsAtThePagesTimeAndSourceLine() {
        let text = "关于印发城市更新行动方案的通知\n时间：2024-03-05 来源：市政府办公室\n各区县人民政府：\n现将方案印发给你们，请认真贯彻执行。\n"
        let segmentation = segment(text)
        #expect(segmentation.title == "关于印发城市更新行动方案的通知")
        #expect(segmentation.date?.iso == "2024-03-05")
    }

    @Test func invisibleCharactersLeaveTheTitle() {
        let text = "关于做好\u{200B}春耕生产\u{200D}工作的通知\u{FEFF}\n各乡镇：\n请做好春耕生产工作。\n"
        #expect(segment(text).title == "关于做好春耕生产工作的通知")
    }

    @Test func aSignOffDateInChineseNumerals() {
        let text = "关于设立开发区的批复\n市人民政府：\n你市报来的请示收悉。经研究，同意设立。\n省人民政府\n一九九七年四月八日\n"
        let segmentation = segment(text)
        #expect(segmentation.date?.iso == "1997-04-08")
        #expect(segmentation.issuer == "省人民政府")
    }

    @Test func theSignOffDateBeforeAnAppendedPlan() {
        let text = """
            关于印发城市更新行动方案的通知
            各区县人民政府：
            现将《城市更新行动方案》印发给你们，请认真贯彻执行。
            市人民政府办公室
            2024年3月5日
            城市更新行动方案
            为推进城市更新，制定本方案。
            一、总体要求
            坚持以人民为中心。
            二、主要任务
            实施老旧小区改造。
            """
        let segmentation = segment(text)
        #expect(segmentation.date?.iso == "2024-03-05")
        #expect(segmentation.issuer == "市人民政府办公室")
    }

    @Test func aPublicationDateUnderTheTitle() {
        let text = "关于开展安全生产检查的通知\n发布日期：2024年6月1日\n各有关单位：\n请于6月底前完成检查。\n"
        #expect(segment(text).date?.iso == "2024-06-01")
    }
}

@Suite("document type")
struct DocTypeTests {
    @Test(arguments: [("关于2025年预算草案的报告（书面）", "报告"), ("城市更新管理办法(试行)", "办法"), ("关于印发方案的通知", "通知"), ("政府工作报告(2024年)", "工作报告")])
    func typeFromTheTitlesLastWords(_ title: String, _ type: String) {
        #expect(DocType.classify(title: title) == type)
    }
}
