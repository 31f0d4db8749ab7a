import Foundation
import Gongwen
@testable import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// Budget tables that total rows without setting them in: subtotals under the rows above them, a grand
/// total under the subtotals, numbered heads over the rows after them, a `合计` column over the columns
/// after it. Each construction once holding (silent) and once with a value planted wrong (found).
@Suite("ledger rows")
struct LedgerTests: TableFixture {
    static let heading = "预算报告"

    static let revenue = """
        单位：亿元
        预算科目\t预算数
        一、税收收入\t60.25
        二、非税收入\t30.50
        一般公共预算收入小计\t90.75
        转移性收入小计\t40.30
          返还性收入\t10.10
          一般性转移支付收入\t
          上年结转收入\t30.20
        收  入  合  计\t131.05
        """

    @Test func aSubtotalTotalsTheRowsAboveAndTheTotalTheSubtotals() throws {
        let doc = try document(Self.revenue)
        #expect(sums(doc) == [["90.75", "60.25", "30.50"], ["40.30", "10.10", "30.20"], ["131.05", "90.75", "40.30"]])
        #expect(try alarms(Self.revenue).isEmpty)
        #expect(try alarms(Self.revenue.replacingOccurrences(of: "60.25", with: "69.25")) == ["sum.parts@6"])
        #expect(try alarms(Self.revenue.replacingOccurrences(of: "131.05", with: "121.05")) == ["sum.parts@11"])
        // A row named 合计 or 小计 is all of its rows (cue `ledger`): parts short of it are a warning.
        #expect(doc.breakdowns.map(\.cue) == [.ledger, .indent, .ledger])
        let short = try document(Self.revenue.replacingOccurrences(of: "131.05", with: "141.05")).findings.filter { $0.severity >= .warning }
        #expect(short.map { "\($0.rule)@\($0.line):\($0.severity)" } == ["sum.parts@11:warning"])
        #expect(short.first?.message == "总数 141.05 与 90.75 + 40.30 = 131.05亿元 不符")
    }

    @Test func totalsOverTheRowsAfterThemAreNoLedger() throws {
        // Each subtotal heads its rows: read as subtotals of the rows above, 乡村小计 would be 20.00 + 30.00.
        let table = """
            单位：万人
            地区\t人口
            城镇小计\t50.00
            甲镇\t20.00
            乙镇\t30.00
            乡村小计\t45.00
            丙乡\t25.00
            丁乡\t20.00
            """
        #expect(try alarms(table).isEmpty)
        // The sums of a table that nests nothing find them.
        #expect(try sums(document(table)) == [["50.00", "20.00", "30.00"], ["45.00", "25.00", "20.00"]])
    }

    @Test func aFlatTableOfSomeRowsWithinOthersIsNoLedger() throws {
        // 增值税 and 企业所得税 are some of 税收收入, not set in: read as a ledger the total would count them twice.
        let table = """
            单位：亿元
            预算科目\t预算数
            税收收入\t100.00
            增值税\t40.00
            企业所得税\t20.00
            非税收入\t50.00
            收入合计\t150.00
            """
        #expect(try alarms(table).isEmpty)
        #expect(try document(table).breakdowns.isEmpty)
    }

    @Test func rowsAfterASetInListJoinItWhereTheyCompleteIt() throws {
        // 年终结余 is set out like the totals but completes 转移性支出小计 (10.00 + 5.00 + 25.00 = 40.00).
        let spending = """
            单位：亿元
            预算科目\t预算数
            一、教育支出\t50.00
            二、卫生健康支出\t30.00
            一般公共预算支出小计\t80.00
            转移性支出小计\t40.00
              上解上级支出\t10.00
              债务还本支出\t5.00
            年终结余\t25.00
                其中：结转下年\t25.00
            支出合计\t120.00
            """
        let doc = try document(spending)
        #expect(sums(doc) == [["80.00", "50.00", "30.00"], ["40.00", "10.00", "5.00", "25.00"], ["25.00", "25.00"], ["120.00", "80.00", "40.00"]])
        #expect(try alarms(spending.replacingOccurrences(of: "\t5.00", with: "\t15.00")) == ["sum.parts@7"])
        #expect(try alarms(spending).isEmpty)
        // 年终结余 too large to complete the list: the grand total still says it is in it (120.00 = 80.00 + 40.00).
        let larger = spending.replacingOccurrences(of: "年终结余\t25.00\n    其中：结转下年\t25.00", with: "年终结余\t35.00\n    其中：结转下年\t35.00")
        #expect(try alarms(larger) == ["sum.parts@7"])
        // Where nothing says so, the grand total over the rows after the list links only if they fit in it.
        #expect(try alarms(larger.replacingOccurrences(of: "120.00", with: "155.00")).isEmpty)
        #expect(try alarms(larger.replacingOccurrences(of: "120.00", with: "105.00")).isEmpty)
    }

    @Test func numberedHeadsTotalTheRowsAfterThem() throws {
        let capital = """
            单位：万元
            预算科目\t预算数
            一、利润收入\t3000
            金融企业利润收入\t1000
            建筑施工企业利润收入\t
            其他企业利润收入\t2000
            二、股利、股息收入\t
            国有控股公司股利、股息收入\t
            收入小计\t3000
            """
        let doc = try document(capital)
        #expect(sums(doc) == [["3000", "1000", "2000"], ["3000", "3000"]])
        #expect(try alarms(capital).isEmpty)
        // A head left blank may have rows of its own: a subtotal over it may hold more than its rows with figures.
        #expect(try alarms(capital.replacingOccurrences(of: "收入小计\t3000", with: "收入小计\t3500")).isEmpty)
        // Unnumbered rows may be some of the head with some of their own: too large, no reading links them.
        #expect(try alarms(capital.replacingOccurrences(of: "\t2000", with: "\t2500")).isEmpty)
        // Numbered items are the head's parts.
        let numbered = capital.replacingOccurrences(of: "金融企业", with: "1.金融企业").replacingOccurrences(of: "建筑施工", with: "2.建筑施工")
            .replacingOccurrences(of: "其他企业", with: "3.其他企业")
        #expect(try alarms(numbered).isEmpty)
        #expect(try alarms(numbered.replacingOccurrences(of: "\t2000", with: "\t2500")) == ["sum.parts@4"])
        #expect(LedgerRow.isNumberedHead("十九、其他支出") && !LedgerRow.isNumberedHead("1.保险费收入") && !LedgerRow.isNumberedHead("其他、收入"))
        #expect(LedgerRow.isNumberedItem("1.保险费收入") && LedgerRow.isNumberedItem("(12)其他") && !LedgerRow.isNumberedItem("一、收入")
                    && !LedgerRow.isNumberedItem("2025年收入"))
    }

    @Test func aTotalColumnTotalsTheColumnsAfterIt() throws {
        let funds = """
            单位：亿元
            项    目\t合计\t养老保险基金\t职工医疗保险(含生育保险)基金
            一、本年收入\t30.50\t10.20\t20.30
            1.保险费收入\t20.40\t10.10\t10.30
            2.利息收入\t10.10\t0.10\t10.00
            二、本年支出\t25.00\t\t25.00
            """
        let doc = try document(funds)
        #expect(Set(sums(doc)) == [["30.50", "10.20", "20.30"], ["20.40", "10.10", "10.30"], ["10.10", "0.10", "10.00"], ["25.00", "25.00"],
                                   ["30.50", "20.40", "10.10"], ["10.20", "10.10", "0.10"], ["20.30", "10.30", "10.00"]])
        #expect(try alarms(funds).isEmpty)
        #expect(try alarms(funds.replacingOccurrences(of: "\t0.10\t", with: "\t1.10\t")).sorted() == ["sum.parts@4", "sum.parts@6"])
        // The 合计 column is all of the columns after it: less in them is a warning too (a numbered head is not
        // named for a sum: 10.20 over 10.10 + 0.01 stays silent).
        #expect(try alarms(funds.replacingOccurrences(of: "\t10.10\t0.10\t", with: "\t10.10\t0.01\t")) == ["sum.parts@6"])
    }

    @Test func aFundsAccountsBalanceInEachColumn() throws {
        // 常德市, 2025 (附件5, two of its funds): income = spending + the year's surplus; year-end = surplus + brought forward.
        let funds = """
            单位：亿元
            项    目\t合计\t机关事业单位基本养老保险基金\t职工基本医疗保险(含生育保险)基金
            一、本年收入\t37.09\t9.95\t27.14
            二、本年支出\t34.95\t9.85\t25.10
            三、本年收支结余\t2.14\t0.10\t2.04
            四、上年结余\t35.86\t2.77\t33.09
            五、年末滚存结余\t38.00\t2.87\t35.13
            """
        let doc = try document(funds)
        #expect(doc.breakdowns.filter { $0.cue == .balance }.map { ([$0.total] + $0.parts).map { doc.claims[$0].text } } == [
            ["37.09", "34.95", "2.14"], ["9.95", "9.85", "0.10"], ["27.14", "25.10", "2.04"],
            ["38.00", "2.14", "35.86"], ["2.87", "0.10", "2.77"], ["35.13", "2.04", "33.09"],
        ])
        #expect(try alarms(funds).isEmpty)
        // A surplus misprinted: income and the year-end balance both disagree, and the 合计 column.
        #expect(try alarms(funds.replacingOccurrences(of: "\t2.04\n", with: "\t3.04\n")).sorted()
                    == ["sum.parts@4", "sum.parts@6", "sum.parts@8"])
        // A head between takes a part of its own: with 调出资金 before it the year-end balance is no such sum.
        let transfer = funds.replacingOccurrences(of: "五、年末滚存结余", with: "五、调出资金\t1.00\t0.50\t0.50\n六、年末滚存结余")
        let moved = try document(transfer)
        #expect(moved.breakdowns.filter { $0.cue == .balance }.map { moved.claims[$0.total].text } == ["37.09", "9.95", "27.14"])
        // No row of the year's surplus, no fund's accounts.
        #expect(try document(funds.replacingOccurrences(of: "三、本年收支结余", with: "三、其他")).breakdowns.allSatisfy { $0.cue != .balance })
    }

    @Test func aNumberRunningOnOverATabIsTheCellsOwn() throws {
        // The grammar reads `754.54\t\t支` as 754.54 支; the cell is 754.54 亿元.
        let table = "单位：亿元\n预算科目\t预计数\t增长%\t预算科目\t预计数\t增长%\n一、税收收入\t50.00\t\t一、教育支出\t50.00\t\n收入合计\t50.00\t\t支出合计\t50.00\t\n"
        let doc = try document(table)
        #expect(doc.claims.map(\.text) == ["50.00", "50.00", "50.00", "50.00"] && doc.claims.allSatisfy { $0.unit == "元" })
        #expect(sums(doc) == Array(repeating: ["50.00", "50.00"], count: 4))
    }
}
