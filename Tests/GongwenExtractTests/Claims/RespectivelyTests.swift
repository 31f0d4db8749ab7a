import Gongwen
import GongwenModel
import Testing

/// Levels listed first and their changes listed after `分别`, with made-up numbers: the changes as
/// `level → change` lines (a rate, or an amount, with ↓ for a decrease).
@Suite("changes after 分别")
struct RespectivelyTests {
    func changes(_ text: String) throws -> [String] {
        let document = try Analysis.run(text: "各单位:\n" + text, source: "test").document
        return document.changes.compactMap { change in
            guard let to = change.to, let by = change.rate ?? change.delta else { return nil }
            return "\(document.claims[to].text) → \(change.direction == .decrease ? "↓" : "")\(document.claims[by].text)"
        }
    }

    @Test func changesPairWithTheLevelsInOrder() throws {
        #expect(try changes("全年接待游客2.0亿人次，实现旅游总收入2000.0亿元，比上年分别增长10.4%和9.1%。")
            == ["2.0亿人次 → 10.4%", "2000.0亿元 → 9.1%"])
        #expect(try changes("营业收入和利润总额分别完成4000.0亿元和500.0亿元，分别增长9.6%和29.1%。")
            == ["4000.0亿元 → 9.6%", "500.0亿元 → 29.1%"])
        #expect(try changes("天水经开区、张掖经开区全国排名46位、82位，分别提升6位、49位。") == ["46位 → 6位", "82位 → 49位"])
    }

    @Test func eachChangeMaySayItsOwnDirection() throws {
        #expect(try changes("全年粮食产量50.2万吨、棉花产量3.1万吨，分别增长2.1%和下降3.5%。") == ["50.2万吨 → 2.1%", "3.1万吨 → ↓3.5%"])
    }

    /// The names of the claims of a text, in order (nil for none).
    func names(_ text: String) throws -> [String?] {
        try Analysis.run(text: "各单位:\n" + text, source: "test").document.claims.map(\.name)
    }

    @Test func theListBeforeFenbieNamesEachItem() throws {
        // Levels and rates alike; the last piece keeps the head the others share; a preposition is no name.
        #expect(try names("粮食、油料、蔬菜产量分别达118.3万吨、33.0万吨、165.0万吨。") == ["粮食", "油料", "蔬菜产量"])
        #expect(try names("生产安全事故起数和死亡人数分别下降12.8%和10.1%。") == ["生产安全事故起数", "死亡人数"])
        #expect(try names("对东盟、欧盟、韩国进出口分别增长25.2%、5.7%和14.7%。") == ["东盟", "欧盟", "韩国进出口"])
        // Three names for two numbers pair nothing: the list's own reading stays.
        #expect(try names("粮食、油料、蔬菜产量分别达118.3万吨、33.0万吨。") == ["蔬菜产量", nil])
    }

    @Test func fewerChangesThanLevelsPairNothing() throws {
        // One rate for two levels: neither level is its own.
        #expect(try changes("全区旅游人数突破370万人次，旅游收入达到38亿元，分别增长20%。").isEmpty)
    }
}
