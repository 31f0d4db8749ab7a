import GRDB
@testable import GongwenStore
import Testing

/// The readers on the fixture report: claim filters, measures without doubles, full-text search
/// of short and long terms, statistics.
@Suite("queries")
struct QueryTests {
    let store: Store

    init() async throws {
        store = try Store(database: DatabaseQueue())
        _ = try await store.write(DocumentRows(try Fixture.analysis().document))
    }

    func texts(_ query: ClaimQuery) throws -> [String] {
        try store.claims(query).map(\.text)
    }

    @Test func claimFiltersCombine() throws {
        #expect(try texts(ClaimQuery()).count == 6)
        #expect(try texts(ClaimQuery(unit: "人")) == ["8.6万人"])
        #expect(try texts(ClaimQuery(subject: "网格")) == ["12.3万个", "8.6万人"])
        #expect(try texts(ClaimQuery(kind: "percent")) == ["39.54%"])
        #expect(try texts(ClaimQuery(unit: "个", minimum: 1000, maximum: 200_000)) == ["12.3万个", "2177个", "1316个"])
        #expect(try texts(ClaimQuery(section: "一是")) == ["2177个", "1316个", "861个", "39.54%"])
        #expect(try texts(ClaimQuery(section: "教育资源")) == ["2177个", "1316个", "861个", "39.54%"])
        // `二、` is in the path of `二、` and of `二、/一是`: the claims inside both come once, in order.
        #expect(try texts(ClaimQuery(section: "二、")) == ["2177个", "1316个", "861个", "39.54%"])
        #expect(try texts(ClaimQuery(unit: "个", section: "二、", limit: 2)) == ["2177个", "1316个"])
        #expect(try texts(ClaimQuery(section: "网格", limit: 1)) == ["12.3万个"])
        #expect(try texts(ClaimQuery(section: "没有这一节")).isEmpty)
        #expect(try texts(ClaimQuery(withFindings: true)) == ["8.6万人", "2177个", "861个", "39.54%"])
        #expect(try texts(ClaimQuery(rule: "change.rate")) == ["2177个", "861个", "39.54%"])
        #expect(try texts(ClaimQuery(unit: "个", rule: "change.rate")) == ["2177个", "861个"])
        #expect(try texts(ClaimQuery(limit: 2)) == ["12.3万个", "8.6万人"])
    }

    @Test func documentFiltersCombine() throws {
        #expect(try texts(ClaimQuery(documents: DocumentFilter(document: "jiangsu"))).count == 6)
        let sha = try Fixture.analysis().document.sha256
        #expect(try texts(ClaimQuery(documents: DocumentFilter(document: String(sha.prefix(10)).uppercased()))).count == 6)
        #expect(try texts(ClaimQuery(documents: DocumentFilter(issuer: "民政厅", year: 2022))).count == 6)
        #expect(try texts(ClaimQuery(documents: DocumentFilter(year: 2021))).isEmpty)
        #expect(try texts(ClaimQuery(documents: DocumentFilter(issuer: "国务院"))).isEmpty)
    }

    @Test func aClaimRowCarriesItsDocumentSectionSentenceAndFindings() throws {
        let row = try #require(try store.claims(ClaimQuery(kind: "percent")).first)
        #expect(row.source == "fixture/jiangsu-report.txt")
        #expect(row.title == "关于社区治理工作情况的报告")
        #expect(row.section == "二、/一是")
        #expect(row.sentence == Fixture.changeSentence)
        #expect(row.start == Fixture.span(of: "39.54%").start && row.end == Fixture.span(of: "39.54%").end)
        #expect(row.findings == "change.rate:info")
    }

    @Test func measuresListEachItemOnce() throws {
        let measures = try store.measures(MeasureQuery())
        #expect(measures.map(\.text) == ["优化社区规模", "深化“微自治”实践"])
        #expect(measures.allSatisfy { $0.origin == "list" && $0.issuer == "江苏省民政厅" && $0.date == "2022-06-24" })
        #expect(try store.measures(MeasureQuery(match: SearchTerm("微自治"))).map(\.marker) == ["二是"])
        #expect(try store.measures(MeasureQuery(match: SearchTerm("规模"))).map(\.marker) == ["一是"])
    }

    @Test func measuresComeFromInlineSectionsWhenNoListWasExtracted() async throws {
        let store = try Store(database: DatabaseQueue())
        var analysis = try Fixture.analysis()
        analysis.document.lists = []
        _ = try await store.write(DocumentRows(analysis.document))
        let measures = try store.measures(MeasureQuery())
        #expect(measures.map(\.section) == ["二、/一是", "二、/二是"])
        #expect(measures.map(\.origin) == ["section", "section"])
        #expect(measures[1].text == "深化“微自治”实践,建立议事协商机制")
        #expect(try store.measures(MeasureQuery(match: SearchTerm("议事协商"))).count == 1)
    }

    /// The paragraphs holding `term`, by scanning them all: what one- and two-character terms
    /// were answered with before the bigram index.
    func scanned(_ term: String) throws -> Set<Int> {
        Set(try store.database.read { db in try Int.fetchAll(db, sql: "SELECT start FROM paragraphs WHERE instr(text, ?) > 0", arguments: [term]) })
    }

    @Test(arguments: ["网格", "教育", "格", "。", "2", "微自", "不在"])
    func shortTermsFindWhatAScanFinds(_ term: String) throws {
        let hits = try store.search(TextSearch(term: SearchTerm(term)))
        #expect(try Set(hits.map(\.start)) == scanned(term), "\(term)")
        #expect(hits.allSatisfy { $0.snippet.contains("«\(term)»") })
    }

    @Test func termsRankByBm25() throws {
        let hits = try store.search(TextSearch(term: SearchTerm("网格")))
        #expect(hits.map(\.section) == ["一、"])
        #expect(hits[0].score < 0)
        #expect(hits[0].snippet.hasPrefix("一、深化社区«网格»化治理。全省共划分城乡社区«网格»"))
    }

    @Test func longTermsArePhrasesOfBigrams() throws {
        #expect(SearchTerm("网格化").query == #""网格" "格化""#)
        let hits = try store.search(TextSearch(term: SearchTerm("网格化治理")))
        #expect(hits.count == 1)
        #expect(hits[0].snippet.contains("«网格化治理»"))
        #expect(try store.search(TextSearch(term: SearchTerm("议事协商机制"))).map(\.line) == [5])
        #expect(try store.search(TextSearch(term: SearchTerm("不存在的词"))).isEmpty)
    }

    /// Terms of three characters or more find the paragraphs FTS5's `trigram` index found, letters
    /// in any case: the index this one replaced, built here beside it.
    @Test(arguments: ["网格化治理", "议事协商", "2177个", "社区网", "省人大常委会", "。一、", "2.3万", "格化治"])
    func longTermsFindWhatTheTrigramIndexFound(_ term: String) async throws {
        let trigram = try await store.database.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE IF NOT EXISTS tri USING fts5(text, content='paragraphs', content_rowid='id', tokenize='trigram')")
            try db.execute(sql: "INSERT INTO tri(tri) VALUES ('rebuild')")
            return Set(try Int.fetchAll(db, sql: "SELECT p.start FROM tri JOIN paragraphs p ON p.id = tri.rowid WHERE tri MATCH ?", arguments: ["\"" + term + "\""]))
        }
        #expect(Set(try store.search(TextSearch(term: SearchTerm(term))).map(\.start)) == trigram, "\(term)")
    }

    /// The index keeps no positions; search computes bm25 from the text. Scores and order are
    /// those of FTS5's `bm25()` over the index with positions it replaced (`v6-bigram-index`),
    /// built here beside it, with the term as the phrase of its pairs.
    @Test(arguments: ["网格", "教育", "格", "。", "2", "网格化治理", "议事协商", "2177个", "社区网", "“微自治”", "化治"])
    func searchRanksAsBm25OverPositions(_ term: String) async throws {
        let positional = try await store.database.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE full USING fts5(grams, content='', tokenize='ascii')")
            for row in try Row.fetchAll(db, sql: "SELECT id, text FROM paragraphs") {
                try db.execute(sql: "INSERT INTO full(rowid, grams) VALUES (?, ?)", arguments: [row["id"], Bigrams.indexed(row["text"])])
            }
            let pairs = Bigrams.indexed(term).split(separator: " ")
            let phrase = pairs.count == 1 ? "\"\(pairs[0])\" *" : "\"" + pairs.dropLast().joined(separator: " ") + "\""
            return try Row.fetchAll(db, sql: """
                SELECT p.start, bm25(full) AS score FROM full JOIN paragraphs p ON p.id = full.rowid
                WHERE full MATCH ? ORDER BY score, full.rowid
                """, arguments: [phrase]).map { "\($0["start"] as Int) \($0["score"] as Double)" }
        }
        let hits = try store.search(TextSearch(term: SearchTerm(term))).map { "\($0.start) \($0.score)" }
        #expect(!hits.isEmpty, "\(term)")
        #expect(hits == positional, "\(term)")
        // A document filter (here one that keeps every document) ranks from the text instead.
        let filtered = try store.search(TextSearch(term: SearchTerm(term), documents: DocumentFilter(document: ".")))
        #expect(filtered.map { "\($0.start) \($0.score)" } == positional, "\(term)")
    }

    @Test func searchTermsAreLiteral() throws {
        #expect(SearchTerm(#"a"b"#).query == "\"a\u{E022}\" \"\u{E022}b\"")
        #expect(try store.search(TextSearch(term: SearchTerm("网格 OR 教育"))).isEmpty)
        #expect(try store.search(TextSearch(term: SearchTerm(#""微自治""#))).count == 0)
        #expect(try store.search(TextSearch(term: SearchTerm("“微自治”"))).count == 1)
        #expect(try store.search(TextSearch(term: SearchTerm("*"))).isEmpty)
    }

    @Test func bigramsOfATextEndWithItsLastCharacter() {
        #expect(Bigrams.indexed("教育部。") == "教育 育部 部。 。")
        #expect(Bigrams.indexed("GDP 5%") == "gd dp p\u{E020} \u{E020}5 5\u{E025} \u{E025}")
        #expect(Bigrams.pairs("网格化") == ["网格", "格化"])
        #expect(Bigrams.query("教") == #""教" *"#)
    }

    @Test func repeatedPairsCarryTheirOccurrence() {
        #expect(Bigrams.repeats("哈哈哈") == "哈哈2")
        #expect(Bigrams.repeats("网格,网格化网格") == "网格2 网格3")
        #expect(Bigrams.repeats("GDP与gdp") == "gd2 dp2")
        #expect(Bigrams.repeats("教育部") == "")
        // Many pairs, most of them once, in a table of open addressing: every pair counted apart.
        let characters: [String] = (0..<150).map { String(UnicodeScalar(0x4E00 + $0)!) }
        let pairs: [String] = (1..<150).map { characters[$0 - 1] + characters[$0] + "2" }
        #expect(Bigrams.repeats((characters + characters).joined()) == pairs.joined(separator: " "))
        #expect(Bigrams.repeats(String(repeating: "𠀀", count: 4) + "Ω") == "𠀀𠀀2 𠀀𠀀3")
        #expect(Bigrams.indexed("𠀀Ωé") == "𠀀ω ωé é")
        #expect(Bigrams.repeatQuery("教育", count: 3) == #""教育3""#)
        // Both texts of a paragraph from one reading of its characters, as each alone makes them.
        for text in ["网格,网格化网格", "GDP与gdp", "教育部", "", "𠀀𠀀𠀀𠀀Ω", (characters + characters).joined()] {
            #expect(Bigrams.indexedAndRepeats(text) == (Bigrams.indexed(text), Bigrams.repeats(text)), "\(text)")
        }
    }

    @Test func claimsReadTheirSentenceFromTheParagraph() throws {
        let claims = try store.claims(ClaimQuery(kind: "percent"))
        #expect(claims.map(\.sentence) == [Fixture.changeSentence])
        let stored = try store.database.read { db in try String.fetchAll(db, sql: "SELECT sentence FROM claims") }
        #expect(stored.allSatisfy { $0.isEmpty })
    }

    @Test func snippetsMarkEveryHitInTheirWindow() {
        let snippet = Snippet(text: "二、深化社区网格化治理。全省共划分城乡社区网格", term: "网格", open: "«", close: "»", width: 12)
        #expect(snippet.rendered == "…化社区«网格»化治理。全省共…")
        let later = Snippet(text: "甲乙丙丁戊己庚辛壬癸网格子丑寅卯", term: "网格", open: "[", close: "]", width: 8)
        #expect(later.rendered == "…壬癸[网格]子丑寅卯")
    }

    @Test func statisticsCountByGroup() throws {
        let statistics = try store.statistics()
        #expect(statistics.documents == 1)
        #expect(statistics.byIssuer == [Statistics.Count(key: "江苏省民政厅", count: 1)])
        #expect(statistics.byYear == [Statistics.Count(key: "2022", count: 1)])
        #expect(statistics.claimsByUnit.first == Statistics.Count(key: "个", count: 4))
        #expect(statistics.findingsByRule.map(\.key) == ["change.rate (info)", "magnitude.implausible (warning)"])
    }
}
