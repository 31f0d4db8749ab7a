import Foundation
import GongwenCheck
import Testing

@Suite("bounds")
struct BoundsTests {
    @Test func bundledBoundsLoadAndPickTheHeadNoun() throws {
        let bounds = Bounds.bundled
        #expect(bounds.rows.count == 8)
        #expect(bounds.row(subject: "通江县壁州街道春长坪社区", unit: "人")?.name == "一个社区的人口")
        #expect(bounds.row(subject: "壁州街道", unit: "人")?.name == "一个乡镇或街道的人口")
        #expect(bounds.row(subject: "城市社区平均人口", unit: "人")?.name == "一个社区的人口")
        #expect(bounds.row(subject: "全省社区人口", unit: "人") == nil)
        #expect(bounds.row(subject: "干部平均年龄", unit: "岁")?.max == 120)
        #expect(bounds.row(subject: "城市社区占比", unit: "%")?.max == 100)
        #expect(bounds.row(subject: "村平均人口增幅", unit: "%") == nil)
    }

    @Test func areaWordsAreNotOneUnit() {
        let bounds = Bounds.bundled
        #expect(bounds.row(subject: "农村劳动力转移就业", unit: "人") == nil)
        #expect(bounds.row(subject: "城镇常住人口", unit: "人") == nil)
        #expect(bounds.row(subject: "参加城乡居民基本养老保险人数", unit: "人") == nil)
        #expect(bounds.row(subject: "乡村人口", unit: "人") == nil)
        #expect(bounds.row(subject: "农村社区平均人口", unit: "人")?.name == "一个社区的人口")
        #expect(bounds.row(subject: "城中村", unit: "人") == nil)
        #expect(bounds.row(subject: "小学毛入学率", unit: "%") == nil)
        #expect(bounds.row(subject: "小学入学率", unit: "%")?.max == 100)
        // 占用 is to occupy, not 占 (to be a part of): a tax's growth is no share.
        #expect(bounds.row(subject: "耕地占用税", unit: "%") == nil)
    }

    @Test func malformedFilesAreReportedWithTheirLine() {
        #expect(throws: BoundsError.malformed(origin: "mine.tsv:2", reason: "expected 9 tab-separated columns, found 3")) {
            try Bounds.parse("# comment\n社区\t-\t人", origin: "mine.tsv")
        }
        #expect(throws: BoundsError.malformed(origin: "mine.tsv:1", reason: "max \"lots\" is not a number")) {
            try Bounds.parse("社区\t-\t人\t0\tlots\tone\ta\tb\tc", origin: "mine.tsv")
        }
        #expect(throws: BoundsError.unreadable(path: "/nonexistent/bounds.tsv")) {
            try Bounds.load(path: "/nonexistent/bounds.tsv")
        }
    }
}
