import Foundation
import Gongwen
@testable import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// Budget tables set side by side (revenue left, expenditure right, in one tab-separated row): each half
/// is read as its own table. Numbers are made up; the layouts are those of budget reports' 收支总表.
@Suite("paired tables")
struct PairedTableTests: TableFixture {
    static let heading = "预算报告"

    static let budget = """
        单位：亿元
        预算科目\t2024年 决算数\t2025年 预计数\t增长%\t预算科目\t2024年 决算数\t2025年 预计数\t增长%
        一、税收收入\t50.00\t55.00\t10.00%\t一、教育支出\t20.00\t18.00\t-10.00%
        二、非税收入\t30.00\t33.00\t10.00%\t二、科学技术支出\t10.00\t11.00\t10.00%
        \t\t\t\t三、农林水支出\t40.00\t42.00\t5.00%
        """

    @Test func eachHalfIsATable() throws {
        let tables = TableReader(source: SourceText(Self.budget)).tables()
        #expect(tables.count == 2)
        #expect(tables.map { $0.rows.map(\.label) } == [["一、税收收入", "二、非税收入"], ["一、教育支出", "二、科学技术支出", "三、农林水支出"]])
        let columns = [TableColumn(name: "预算科目", unit: nil, role: .label), TableColumn(name: "2024年决算数", unit: "亿元", role: .level),
                       TableColumn(name: "2025年预计数", unit: "亿元", role: .level), TableColumn(name: "增长", unit: "%", role: .growth)]
        #expect(tables.allSatisfy { $0.columns == columns })
    }

    @Test func aRateAfterTwoYearsIsTheChangeBetweenThem() throws {
        let document = try document(Self.budget)
        #expect(document.changes.count == 5)
        #expect(document.changes.allSatisfy { $0.from != nil && $0.to != nil && $0.rate != nil })
        let first = try #require(document.changes.first)
        #expect([first.from, first.to, first.rate].map { document.claims[$0!].text } == ["50.00", "55.00", "10.00%"])
        #expect(try alarms(Self.budget).isEmpty)
        // A decrease keeps its sign: −10.00% from 20.00 to 18.00 holds, −12.00% does not.
        #expect(try alarms(Self.budget.replacingOccurrences(of: "18.00\t-10.00%", with: "18.00\t-12.00%")) == ["change.rate@4"])
        #expect(try alarms(Self.budget.replacingOccurrences(of: "33.00\t10.00%", with: "33.00\t12.00%")) == ["change.rate@5"])
    }

    @Test func theTwoGrandTotalsBalance() throws {
        let table = """
            单位：亿元
            预算科目\t预算数\t预算科目\t预算数
            一、税收收入\t60.00\t一、教育支出\t70.00
            二、非税收入\t40.00\t二、其他支出\t30.00
            收  入  合  计\t100.00\t支  出  合  计\t100.00
            """
        let doc = try document(table)
        #expect(sums(doc) == [["100.00", "60.00", "40.00"], ["100.00", "100.00"], ["100.00", "70.00", "30.00"], ["100.00", "100.00"]])
        #expect(try alarms(table).isEmpty)
        // Spending over income, its own parts right: the balance is what fails.
        let unbalanced = table.replacingOccurrences(of: "\t70.00", with: "\t80.00").replacingOccurrences(of: "支  出  合  计\t100.00", with: "支  出  合  计\t110.00")
        #expect(try alarms(unbalanced) == ["sum.parts@6"])
    }

    @Test func aHeaderOnTwoLinesNamesTheColumnsItSpans() throws {
        let table = """
            单位：亿元
            收入项目\t预计数\t支出项目\t预计数
            全市\t市级\t全市\t市级
            一、土地出让收入\t40\t10\t一、城乡社区支出\t50\t20
            二、其他收入\t60\t20\t二、其他支出\t30\t
            """
        let tables = TableReader(source: SourceText(table)).tables()
        #expect(tables.map { $0.columns.map(\.name) } == [["收入项目", "预计数全市", "预计数市级"], ["支出项目", "预计数全市", "预计数市级"]])
        #expect(tables.map { $0.rows.count } == [2, 2])
    }

    @Test func unpairedHeadersAreNoPairs() throws {
        #expect(!TableReader.repeats(["指标", "产量", "增长", "产量"]))
        #expect(TableReader.repeats(["行业", "比上年增长", "行业", "比上年增长"]))
        #expect(TableReader.repeats(["收入项目", "预算数", "支出项目", "预算数"]))
        #expect(!TableReader.repeats(["收入", "预算数", "支出", "预算数"]))
        #expect(!TableReader.repeats(["2024年", "预算数", "2025年", "预算数"]))
        #expect(TableReader.spread(["预算科目", "预计数", "预算科目", "预计数"], over: ["全市", "市级", "全市", "市级"], count: 6)
                    == ["预算科目", "预计数全市", "预计数市级", "预算科目", "预计数全市", "预计数市级"])
        #expect(TableReader.spread(["预算科目", "预计数"], over: ["全市", "市级", "全市"], count: 6) == nil)
    }
}
