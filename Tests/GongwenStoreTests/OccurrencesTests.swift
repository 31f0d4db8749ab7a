import GRDB
@testable import GongwenStore
import Testing

/// `gongwen_occurrences`: how often a term stands in a text, as the bigram index folds characters.
@Suite("occurrences")
struct OccurrencesTests {
    @Test(arguments: [
        ("网格", "深化社区网格化治理,全省划分网格", 2), ("哈哈", "哈哈哈", 2), ("网格化治理", "网格化 治理", 0),
        ("gdp", "GDP增长,gdp", 2), ("GDP", "gdp", 1), ("2.3万", "共2.3万个,2.3万", 2), ("(一)", "(一)(一)", 2),
        ("。一、", "治理。一、网格", 1), ("教育", "", 0), ("ＡＢ", "ａｂ", 1),
    ])
    func countsOverlappingFoldedOccurrences(_ term: String, _ text: String, _ count: Int) {
        #expect(Occurrences.count(of: term, in: text) == count, "\(term) in \(text)")
    }

    @Test func isAnSQLFunction() throws {
        let database = try DatabaseQueue()
        let store = try Store(database: database)
        let counts = try store.database.read { db in
            try Int.fetchAll(db, sql: "SELECT gongwen_occurrences(?, ?) UNION ALL SELECT gongwen_occurrences(NULL, 'a') IS NULL",
                             arguments: ["网格网格", "网格"])
        }
        #expect(counts == [2, 1])
    }

    /// The byte-for-byte path is exact only if no other character folds onto a character it takes.
    @Test func noCharacterFoldsOntoOneSearchedByItsBytes() {
        var wrong: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = Bigrams.folded(scalar)
            if Bigrams.foldsOnlyFromItself(scalar) ? folded != scalar : Bigrams.foldsOnlyFromItself(folded) {
                wrong.append(String(value, radix: 16))
            }
        }
        #expect(wrong == [])
    }
}
