import Gongwen
import GongwenModel
import GongwenText
import Testing
import TestSupport

/// Metadata of the five seed documents, read by hand from the files.
@Suite("seed metadata")
struct SeedMetadataTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var file: String
        var title: String?
        var docType: String?
        var issuer: String?
        var recipient: String?
        var date: String?
        var docNumbers: [String]
        var testDescription: String { file }
    }

    static let seeds: [Expected] = [
        Expected(file: "000_842ce01806219f2e.txt", title: "对市政协第四届四次会议第110号提案答复的函", docType: "提案答复函",
                 issuer: "巴中市民政局", recipient: "民盟四川省委直属巴中总支部委员会", date: "2020-09-14", docNumbers: ["第110号提案"]),
        Expected(file: "001_80517c5d3fdae330.txt", title: "关于加强村社区治理创新,推动河源社会", docType: nil,
                 issuer: "市委政法委", recipient: nil, date: nil, docNumbers: []),
        Expected(file: "002_f7baab1df13353fe.txt", title: "关于贯彻落实全面深化改革加强基层群众自治和创新城乡社区治理的意见", docType: "意见",
                 issuer: "中共南充市委办公室、南充市人民政府办公室", recipient: "各县(市、区)委、人民政府,市级各部门", date: "2017-10-30", docNumbers: []),
        Expected(file: "003_bae5fa7c6a583b1e.txt",
                 title: "重庆市人民政府关于《重庆市人大常委会对〈重庆市人民政府关于全市城乡社区治理工作情况的报告〉的审议意见》研究处理情况的报告",
                 docType: "报告", issuer: "重庆市人民政府", recipient: "市人大常委会", date: "2023-12-28", docNumbers: []),
        Expected(file: "004_8b0ea43be8e85885.txt", title: nil, docType: "建议答复", issuer: "江苏省民政厅", recipient: "吴知梅代表",
                 date: "2022-06-24", docNumbers: []),
    ]

    @Test(arguments: seeds)
    func metadata(_ expected: Expected) throws {
        let document = try Analysis.run(path: Repository.corpus.appendingPathComponent(expected.file).path).document
        #expect(document.title == expected.title)
        #expect(document.docType == expected.docType)
        #expect(document.issuer == expected.issuer)
        #expect(document.recipient == expected.recipient)
        #expect(document.date == expected.date)
        #expect(document.docNumbers == expected.docNumbers)
    }

    /// Every field's span holds its value (spread over lines for titles, joined by `、` for issuers).
    @Test func fieldSpansPointAtTheirValues() throws {
        func normalized(_ text: String) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.map(Fold.fold).filter { $0 != " " && $0 != "\n" && $0 != "、" }))
        }
        for url in try Repository.corpusFiles() {
            let analysis = try Analysis.run(path: url.path)
            for field in analysis.document.fields where field.name != "date" && field.name != "published" {
                #expect(normalized(analysis.source.text(field.span)) == normalized(field.value), "\(url.lastPathComponent) \(field.name)")
            }
        }
    }

    @Test func seedChromeIsBoilerplateNotTitle() throws {
        let document = try Analysis.run(path: Repository.corpus.appendingPathComponent("000_842ce01806219f2e.txt").path).document
        let kinds = document.boilerplate.map(\.kind)
        #expect(kinds == ["page_title", "page_meta", "share", "footer"])
        let seed2 = try Analysis.run(path: Repository.corpus.appendingPathComponent("002_f7baab1df13353fe.txt").path).document
        #expect(seed2.boilerplate.map(\.kind) == ["navigation", "page_title", "image", "attachment_stub"])
    }
}
