import GongwenCheck
import GongwenModel
import Testing

/// `sum.shares`: shares of parts that are all of one whole add up to 100% within their rounding.
/// Numbers are made up.
@Suite("sum.shares")
struct SharesSumRuleTests {
    func found(_ text: String) throws -> (fixture: Fixture, found: [Finding], relations: Int) {
        let fixture = Fixture(text)
        return (fixture, try fixture.findings(SharesSumRule()), SharesSumRule().relations(try fixture.context()).count)
    }

    @Test func sharesOfAPartitionThatAddsUp() throws {
        let holds = try found("全年用水总量7.50亿立方米，其中农业用水量5.31亿立方米，占70.8%；工业用水量0.66亿立方米，占8.8%；生活用水量1.53亿立方米，占20.4%。")
        #expect(holds.found.isEmpty && holds.relations == 1)
        let wrong = try found("全年用水总量7.50亿立方米，其中农业用水量5.31亿立方米，占70.8%；工业用水量0.66亿立方米，占8.8%；生活用水量1.53亿立方米，占1️⃣22.4%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        #expect(wrong.found.first?.severity == .warning)
    }

    @Test func partsThatAreSomeOfTheWholeSayNothing() throws {
        // 28 + 10 is not all of 203: their shares need not add up to 100.
        let some = try found("立案203件，其中委员提案28件，占13.8%；联名提案10件，占4.9%。")
        #expect(some.found.isEmpty && some.relations == 0)
    }

    @Test func contributionsListedAfterTheClassification() throws {
        // The structure and the contributions: two sets of shares.
        let holds = try found("三次产业结构为3.4:45.7:50.9，对经济增长的贡献率分别为3.3%、43.4%和53.3%。")
        #expect(holds.found.isEmpty && holds.relations == 2)
        let wrong = try found("三次产业结构为3.4:45.7:50.9，对经济增长的贡献率分别为3.3%、43.4%和1️⃣55.3%2️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
    }

    @Test func sharesNamedByTheClasses() throws {
        let holds = try found("第一产业增加值占地区生产总值的比重为29.5%，第二产业增加值比重为36.6%，第三产业增加值比重为33.9%。")
        #expect(holds.found.isEmpty && holds.relations == 1)
        // Two of the three industries are not all of the economy.
        let some = try found("第一产业增加值占地区生产总值的比重为29.5%，第三产业增加值比重为33.9%。")
        #expect(some.relations == 0)
    }

    @Test func termsOfAStructureRatio() throws {
        let holds = try found("全年地区生产总值4658.19亿元。三次产业结构为0.8:27.9:71.3。")
        #expect(holds.found.isEmpty && holds.relations == 1)
        let wrong = try found("全年地区生产总值4658.19亿元。三次产业结构为1️⃣0.8:27.9:72.32️⃣。")
        #expect(wrong.found.map(\.span) == [wrong.fixture.span(1, 2)])
        // Rounded terms may miss 100 by half a unit each.
        #expect(try found("三次产业比例为1.25:75.1:23.7。").found.isEmpty)
        // Two incomes compared, not one whole split; a ratio of no classification.
        #expect(try found("城乡居民收入比例为2.5:1。").relations == 0)
        #expect(try found("男女性别比为105.2:100。").relations == 0)
        #expect(try found("推进结构调整，城乡居民收入比缩小至2.31:1。").relations == 0)
    }
}
