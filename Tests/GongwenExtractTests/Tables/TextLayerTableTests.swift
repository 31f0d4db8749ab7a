import Foundation
import Gongwen
@testable import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// Tables as a PDF's text layer gives them (cells one space apart, the header's words wrapped cell by cell,
/// labels wrapped, blank cells dropped, two tables side by side): the arithmetic the rows obey names the
/// columns. Numbers are made up; the layout is that of a budget report's 收支情况表 taken from its PDF.
@Suite("text-layer tables")
struct TextLayerTableTests: TableFixture {
    static let heading = "预算报告"

    static let budget = """
        单位：万元
        一般公共预算收入 一般公共预算支出
        项目 预算数
        完成数
        金额
        完成
        预算
        数%
        上年
        同期数 增减%
        税收收入 200,000 210,000 105.0 190,000 10.5 一般公共服务
        支出 100,000 90,000 90.0 80,000 12.5
        增值税 100,000 95,000 95.0 92,000 3.3 国防支出 2,000 1,500 75.0 1,200 25.0
        企业所得税 15,000 24,000 160.0 13,000 84.6 公共安全支出 60,000 63,000 105.0 56,000 12.5
        个人所得税 6,000 7,000 116.7 6,200 12.9 教育支出 200,000 180,000 90.0 180,000 0.0
        残疾人就业保障金
        收入 1,600 3,600 225.0 3,500 2.9 金融支出 4 -100.0
        房产税 14,000 16,000 114.3 14,700 8.8 科学技术支出 25,000 22,000 88.0 21,000 4.8
        """

    @Test func theArithmeticNamesTheColumnsOfEachHalf() throws {
        let tables = TextLayerTables(source: SourceText(Self.budget)).tables()
        #expect(tables.map { $0.rows.map(\.label) } == [
            ["税收收入", "增值税", "企业所得税", "个人所得税", "残疾人就业保障金收入", "房产税"],
            ["一般公共服务支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出"],
        ])
        // The third column is the second over the first, the fifth the change from the fourth to the second.
        let roles: [ColumnRole] = [.label, .level, .level, .ratio(numerator: 2, denominator: 1), .level, .change(from: 4, to: 2)]
        #expect(tables.map { $0.columns.map(\.role) } == [roles, roles])
        #expect(tables.allSatisfy { $0.columns[1].unit == "万元" && $0.columns[3].unit == "%" })
        // A numbered label wrapped over the table's first row starts it; the header's words before it do not.
        let numbered = Self.budget.replacingOccurrences(of: "税收收入 200,000", with: "一、税收\n收入 200,000")
        #expect(TextLayerTables(source: SourceText(numbered)).tables().first?.rows.first?.label == "一、税收收入")
    }

    @Test func eachRowStatesARateAndAChange() throws {
        let document = try document(Self.budget)
        let rates = document.rates.map { [$0.numerator, $0.denominator!, $0.rate].map { document.claims[$0].text } }
        #expect(rates.count == 11)
        #expect(rates.first == ["210,000", "200,000", "105.0"])
        let changes = document.changes.map { [$0.from!, $0.to!, $0.rate!].map { document.claims[$0].text } }
        #expect(changes.count == 11)
        #expect(changes.first == ["190,000", "210,000", "10.5"])
        #expect(try alarms(Self.budget).isEmpty)
        // A completion percent or a change printed wrong in one row is found; the other rows name the columns.
        #expect(try alarms(Self.budget.replacingOccurrences(of: "160.0", with: "106.0")) == ["rate.ratio@15"])
        #expect(try alarms(Self.budget.replacingOccurrences(of: "63,000 105.0 56,000 12.5", with: "63,000 105.0 56,000 21.5")) == ["change.rate@15"])
    }

    @Test func aLayoutKeptBySpacesWithBlankLinesBetweenRows() throws {
        // A budget and its adjusted budget equal on most rows: the percent fits both (its operand unknown, no link),
        // and is no operand of a quotient turned about (9,731,319 = 8,119,164 / 83.4 within 83.4's rounding).
        let table = """
            单位：万元
            一、税收收入         9,731,319     9,731,319     8,119,164       83.4

            增值税          3,617,850     3,617,850     2,802,099       77.5

            企业所得税       1,113,706     1,113,706       983,862       88.3

            个人所得税         300,000       310,000       305,000       98.4

            资源税            200,000       200,000       190,000       95.0
            """
        let tables = TextLayerTables(source: SourceText(table)).tables()
        #expect(tables.map { $0.columns.map(\.role) } == [[.label, .level, .level, .level, .ratio(numerator: 3, denominator: 2)]])
        #expect(tables.first?.rows.count == 5)
    }

    @Test func rowsWhoseArithmeticNamesNothingAreNoTable() throws {
        // Four rows of figures that are no quotient of one another: no column is named, nothing is linked.
        let table = """
            单位：万元
            甲县 120 340 560
            乙县 210 430 650
            丙县 310 520 740
            丁县 410 610 830
            """
        #expect(TextLayerTables(source: SourceText(table)).tables().isEmpty)
        // Three rows are too few to name a column.
        let short = Self.budget.split(separator: "\n").prefix(14).joined(separator: "\n")
        #expect(TextLayerTables(source: SourceText(short)).tables().isEmpty)
        // Without a unit above the rows their levels are not read.
        #expect(TextLayerTables(source: SourceText(Self.budget.replacingOccurrences(of: "单位：万元\n", with: ""))).tables().isEmpty)
    }
}
