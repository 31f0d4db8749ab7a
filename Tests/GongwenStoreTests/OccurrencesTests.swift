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
        func utf16BE(_ string: String) -> [UInt8] { string.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        let found = utf16BE(term).withUnsafeBufferPointer { term in
            utf16BE(text).withUnsafeBufferPointer { text in Occurrences.count(utf16BE: term, in: text) }
        }
        #expect(found == count, "\(term) in \(text), UTF-16BE")
    }

    /// In UTF-16 a character's bytes may stand across two others: `N⨀` is 00 4E 2A 00 and holds the
    /// bytes of `个` (4E 2A) across its two characters; only a match at a whole code unit counts.
    @Test func aUTF16MatchStartsAtACodeUnit() {
        let found = [UInt8]([0x00, 0x4E, 0x2A, 0x00]).withUnsafeBufferPointer { text in
            [UInt8]([0x4E, 0x2A]).withUnsafeBufferPointer { term in Occurrences.count(utf16BE: term, in: text) }
        }
        #expect(found == 0)
    }

    /// `gongwen_length` is `length()`, in a UTF-8 file and in a UTF-16 one.
    @Test(arguments: ["UTF-8", "UTF-16be"])
    func lengthCountsCharacters(_ encoding: String) throws {
        let database = try DatabaseQueue()
        try database.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA encoding = '\(encoding)'") }
        let store = try Store(database: database)
        let texts = ["", "教育a", "𠀀字", "ＡＢ c"]
        let (ours, sqlite) = try store.database.read { db in
            (try texts.map { try Int.fetchOne(db, sql: "SELECT gongwen_length(?)", arguments: [$0]) },
             try texts.map { try Int.fetchOne(db, sql: "SELECT length(?)", arguments: [$0]) })
        }
        #expect(ours == sqlite && ours == [0, 3, 2, 4])
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

    /// The blocks folding takes as they are, beyond U+2E80…U+FEFF, hold no character with a lower case.
    @Test func punctuationAndFullWidthFormsFoldToThemselves() {
        let blocks: [ClosedRange<UInt32>] = [0x2000...0x206F, 0xFF00...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFFEF]
        let taken = blocks.flatMap { $0 }.filter { Bigrams.hasNoCase($0) }
        #expect(taken.count == blocks.map(\.count).reduce(0, +))
        #expect(taken.compactMap(Unicode.Scalar.init).filter { Bigrams.lowercased($0) != $0 } == [])
        #expect(Bigrams.folded("Ａ") == "ａ")
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
