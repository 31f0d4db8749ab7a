import Foundation
import Gongwen
@testable import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// Tables laid out in text (tab-separated or aligned by spaces): their cells become claims with the unit
/// of their column, and their layout links them, each construction once holding (silent) and once with a
/// value planted wrong (found). Numbers are made up; the layouts are those of real communiqués.
@Suite("tables")
struct TableTests: TableFixture {
    static let heading = "统计公报"

    func claim(_ document: Document, _ text: String) -> Claim? {
        document.claims.first { $0.text == text }
    }

    static let crops = """
        表2  2025年主要农产品产量
        产品名称\t产量(万吨)\t比上年增长(%)
        粮食\t50.49\t1.1
           春收\t5.86\t0.4
           夏收\t6.14\t0.7
          秋收\t38.49\t1.3
        油料\t6.08\t0.9
          其中：花生\t5.66\t0.9
             油菜籽\t0.42\t1.3
        """

    @Test func readsHeaderUnitsLabelsAndNesting() throws {
        let tables = TableReader(source: SourceText(Self.crops)).tables()
        let table = try #require(tables.first)
        #expect(tables.count == 1)
        #expect(table.columns == [TableColumn(name: "产品名称", unit: nil, role: .label), TableColumn(name: "产量", unit: "万吨", role: .level),
                                  TableColumn(name: "比上年增长", unit: "%", role: .growth)])
        #expect(table.rows.map(\.label) == ["粮食", "春收", "夏收", "秋收", "油料", "花生", "油菜籽"])
        #expect(table.rows.map(\.indent) == [0, 3, 3, 2, 0, 2, 5])
        #expect(table.rows.map(\.marker) == [nil, nil, nil, nil, nil, .among, nil])
        let groups = TableLinker(cells: TableCells(tables: tables, source: SourceText(Self.crops)), claims: []).groups(of: table)
        #expect(groups == [TableLinker.RowGroup(parent: 0, members: [1, 2, 3], marker: nil), TableLinker.RowGroup(parent: 4, members: [5, 6], marker: .among)])
    }

    @Test func cellsTakeTheUnitOfTheirColumn() throws {
        let doc = try document(Self.crops)
        let grain = try #require(claim(doc, "50.49"))
        #expect(grain.value == 504900 && grain.unit == "吨" && grain.kind == .quantity && grain.resolution == 100)
        #expect(grain.name == "粮食" && grain.subject == "粮食")
        let rate = try #require(claim(doc, "1.1"))
        #expect(rate.kind == .percent && rate.unit == "%" && rate.name == "粮食" && rate.predicate == "比上年增长")
        // An integer in a 万元 column: no identifier but a quantity, good to ±½ 万元.
        let deposits = try document("表8  年末存款\n指  标\t年末数(万元)\t比上年末增长(%)\n各项存款\t263797840\t4.6\n  其中：住户存款\t126497933\t9.1\n")
        let total = try #require(claim(deposits, "263797840"))
        #expect(total.value == 2637978400000 && total.unit == "元" && total.resolution == 10000)
        #expect(deposits.breakdowns.count == 1)
    }

    @Test func rowsIndentedUnderATotalAreItsParts() throws {
        let doc = try document(Self.crops)
        #expect(doc.breakdowns.map { ([$0.total] + $0.parts).map { doc.claims[$0].text } } == [["50.49", "5.86", "6.14", "38.49"], ["6.08", "5.66", "0.42"]])
        #expect(doc.breakdowns.map(\.cue) == [.indent, .among])
        #expect(doc.changes.count == 7)
        #expect(try alarms(Self.crops).isEmpty)
        // 春收 planted too large: the parts exceed the total.
        let wrong = Self.crops.replacingOccurrences(of: "5.86\t0.4", with: "8.86\t0.4")
        #expect(try alarms(wrong) == ["sum.parts@4"])
    }

    @Test func amongRowsMayBeSomeButNeverMoreThanTheTotal() throws {
        let table = """
            指  标\t单位\t绝对数\t比上年增长（%）
            房地产开发投资\t亿 元\t366.16\t-0.9
            其中：住宅\t亿 元\t264.80\t-2.8
            房屋施工面积\t万平方米\t4814.46\t-6.4
            其中：住宅\t万平方米\t3148.78\t-8.3
            """
        let doc = try document(table)
        #expect(doc.breakdowns.map { ([$0.total] + $0.parts).map { doc.claims[$0].text } } == [["366.16", "264.80"], ["4814.46", "3148.78"]])
        #expect(doc.claims.first { $0.text == "366.16" }?.unit == "元")
        #expect(try alarms(table).isEmpty)
        #expect(try alarms(table.replacingOccurrences(of: "3148.78", with: "5148.78")) == ["sum.parts@5"])
        // A flat `其中` row larger than the row before it details the table's total instead: no link.
        let flat = "指标\t利润总额（亿元）\n规模以上工业\t156.56\n其中：国有控股企业\t74.04\n私营企业\t31.70\n其中：采矿业\t64.00\n"
        #expect(try alarms(flat).isEmpty)
    }

    @Test func hashRowsThatNestAreReadAsAChain() throws {
        let table = """
            指  标\t绝对数（亿千瓦时）\t比上年增长（%）
            第一产业\t1.87\t3.4
            第二产业\t332.24\t-11.0
            #工 业\t329.29\t-10.7
            #制造业\t158.90\t-8.5
            第三产业\t87.34\t5.8
            """
        let doc = try document(table)
        #expect(doc.breakdowns.map { ([$0.total] + $0.parts).map { doc.claims[$0].text } } == [["332.24", "329.29"], ["329.29", "158.90"]])
        #expect(doc.claims.first { $0.text == "329.29" }?.name == "工业")
        #expect(try alarms(table).isEmpty)
        // 工业 larger than 第二产业 is wrong whichever way the `#` rows nest.
        #expect(try alarms(table.replacingOccurrences(of: "329.29", with: "339.29")) == ["sum.parts@4"])
    }

    @Test func aTotalsGrowthLiesBetweenItsPartsGrowth() throws {
        let table = Self.crops.replacingOccurrences(of: "50.49\t1.1", with: "50.49\t1.8")
        #expect(try alarms(table) == ["rate.bounds@4"])
    }

    @Test func aRatesOnlyTableSplitsTheTotalsRate() throws {
        let table = """
            表1  2025年居民消费价格比上年涨跌幅度
            指  标\t市 区（%）
            居民消费价格\t0.2
              食品烟酒\t-0.4
              衣着\t3.3
              居住\t0.5
              生活用品及服务\t1.1
              交通和通信\t-3.1
              教育文化和娱乐\t0.5
              医疗保健\t0.0
              其他用品和服务\t12.1
            """
        let doc = try document(table)
        let split = try #require(doc.growthSplits.first)
        #expect(doc.growthSplits.count == 1 && split.parts.count == 8 && doc.claims[split.total].text == "0.2")
        #expect(try Analysis.run(text: "统计公报\n" + table, source: "test").document.findings.filter { $0.rule == "rate.bounds" }.isEmpty)
        let wrong = try Analysis.run(text: "统计公报\n" + table.replacingOccurrences(of: "消费价格\t0.2", with: "消费价格\t13.2"), source: "test")
        // A split the names make complete (the eight CPI categories) is read from its place: `info`.
        #expect(wrong.document.findings.filter { $0.rule == "rate.bounds" }.map(\.severity) == [.info])
    }

    @Test func aShareColumnIsOverTheRowOf100() throws {
        let table = """
            指  标\t增加值(亿元)\t比重(%)
            地区生产总值\t1000.0\t100.0
            第一产业\t100.0\t10.0
            第二产业\t400.0\t40.0
            第三产业\t500.0\t50.0
            """
        let doc = try document(table)
        #expect(doc.rates.count == 3 && doc.rates.allSatisfy { doc.claims[$0.denominator!].text == "1000.0" })
        #expect(try alarms(table).isEmpty)
        #expect(try alarms(table.replacingOccurrences(of: "400.0\t40.0", with: "400.0\t45.0")) == ["share.percent@5", "sum.shares@6"])
    }

    @Test func aRowsOwnRatioIsNoShare() throws {
        // `占预算(%)` is each row's 完成数 over its 预算数, over 100 where the budget was beaten: no share.
        let table = "单位：万元\n预算科目\t预算数\t完成数\t占预算(%)\t比上年增长(%)\n本年收入合计\t1000\t1050\t105\t3\n  税收收入\t600\t690\t115\t5\n  非税收入\t400\t360\t90\t-2\n"
        let doc = try document(table)
        #expect(doc.rates.isEmpty)
        #expect(doc.claims.first { $0.text == "115" }?.unit == nil)
        #expect(doc.breakdowns.count == 2)
        #expect(try alarms(table).isEmpty)
    }

    @Test func unsureNestingLinksNothing() throws {
        // Rows continuing a `其中` list at two depths: the second may nest in the first.
        let table = """
            指  标\t产量(万吨)
            油料\t6.08
              其中：花生\t5.66
                 油菜籽\t0.42
                       双低油菜籽\t0.30
            """
        #expect(try document(table).breakdowns.isEmpty)
    }

    @Test func proseClaimsAreUnchanged() throws {
        let prose = "全年粮食产量50.49万吨，比上年增加0.57万吨，增长1.1%。其中，稻谷产量24.83万吨。"
        let alone = try document(prose)
        let withTable = try document(prose + "\n" + Self.crops)
        #expect(Array(withTable.claims.prefix(alone.claims.count)) == alone.claims)
        #expect(Array(withTable.changes.prefix(alone.changes.count)) == alone.changes)
        #expect(withTable.breakdowns.first == alone.breakdowns.first)
    }

    @Test func tabbedWordsAreNoTable() throws {
        #expect(TableReader(source: SourceText("联系电话\t0827-5260774\n传真\t0827-5260775\n")).tables().isEmpty)
        #expect(TableReader(source: SourceText("粮食\t50.49\n油料\t6.08\n")).tables().isEmpty)
    }
}
