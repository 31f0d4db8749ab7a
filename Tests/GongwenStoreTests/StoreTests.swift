import Foundation
import GRDB
import Gongwen
import GongwenModel
@testable import GongwenStore
import Testing

/// Writing the fixture report (claims, links, lists, findings by hand) and reading every table back.
@Suite("store")
struct StoreTests {
    func storeWithFixture() async throws -> (Store, Int64) {
        let store = try Store(database: DatabaseQueue())
        guard case .inserted(let id) = try await store.write(DocumentRows(try Fixture.analysis().document)) else {
            Issue.record("fixture not inserted")
            return (store, 0)
        }
        return (store, id)
    }

    @Test func documentAndSectionsReadBack() async throws {
        let (store, id) = try await storeWithFixture()
        try await store.database.read { db in
            let document = try #require(try DocumentRecord.fetchOne(db, key: id))
            #expect(document.issuer == "江苏省民政厅")
            #expect(document.title == "关于社区治理工作情况的报告")
            #expect(document.date == "2022-06-24")
            #expect(document.year == 2022)
            #expect(document.docType == "报告")
            #expect(document.docNumbers == "[]")
            let sections = try SectionRecord.order(Column("position")).fetchAll(db)
            #expect(sections.map(\.path) == ["一、", "二、", "二、/一是", "二、/二是"])
            #expect(sections.map(\.kind) == ["chinese", "chinese", "inline", "inline"])
            #expect(sections[2].parentId == sections[1].id)
            #expect(sections[0].parentId == nil)
            let paragraphs = try ParagraphRecord.order(Column("position")).fetchAll(db)
            #expect(paragraphs.map(\.role) == ["issuer_header", "title", "recipient", "heading", "heading", "signature", "date"])
            let body = try #require(paragraphs.first { $0.text.hasPrefix("二、") })
            #expect(body.section == "二、")
            #expect(body.start == Fixture.span(of: "二、推动").start)
        }
    }

    @Test func claimsAndLinksReadBack() async throws {
        let (store, _) = try await storeWithFixture()
        try await store.database.read { db in
            let claims = try ClaimRecord.order(Column("claim_index")).fetchAll(db)
            #expect(claims.map(\.text) == ["12.3万个", "8.6万人", "2177个", "1316个", "861个", "39.54%"])
            #expect(claims[0].value == "123000" && claims[0].valueReal == 123_000)
            #expect(claims[5].value == "39.54" && claims[5].kind == "percent" && claims[5].predicate == "减幅")
            #expect(claims[3].start == Fixture.span(of: "1316个").start)
            #expect(claims[2].sentence == "")  // held by its paragraph, read back by span
            let id = Dictionary(uniqueKeysWithValues: claims.map { ($0.claimIndex, $0.id!) })
            let change = try #require(try ChangeRecord.fetchOne(db))
            #expect([change.fromClaimId, change.toClaimId, change.deltaClaimId, change.rateClaimId] == [id[2], id[3], id[4], id[5]])
            #expect(change.direction == "decrease")
            let breakdown = try #require(try BreakdownRecord.fetchOne(db))
            #expect(breakdown.totalClaimId == id[2])
            let parts = try BreakdownPartRecord.order(Column("position")).fetchAll(db)
            #expect(parts.map(\.claimId) == [id[3]!, id[4]!])
            let rates = try RateRecord.order(Column("id")).fetchAll(db)
            #expect(rates.map(\.kind) == ["rate", "share"])
            #expect([rates[0].rateClaimId, rates[0].numeratorClaimId, rates[0].denominatorClaimId] == [id[5]!, id[4]!, id[2]!])
            #expect(rates[1].denominatorClaimId == nil)
            let rateParts = try RatePartRecord.order(Column("position")).fetchAll(db)
            #expect(rateParts.map(\.claimId) == [id[3]!, id[4]!])
            #expect(rateParts.allSatisfy { $0.rateId == rates[1].id })
        }
    }

    @Test func listsAndFindingsReadBack() async throws {
        let (store, _) = try await storeWithFixture()
        try await store.database.read { db in
            let lists = try ListRecord.order(Column("position")).fetchAll(db)
            #expect(lists.map(\.style) == ["inline", "enumeration"])
            let items = try ListItemRecord.filter(Column("list_id") == lists[0].id!).order(Column("position")).fetchAll(db)
            #expect(items.map(\.marker) == ["一是", "二是"])
            #expect(items.map(\.text) == ["优化社区规模", "深化“微自治”实践"])
            #expect(items.map(\.section) == ["二、/一是", "二、/二是"])
            let findings = try FindingRecord.order(Column("rule")).fetchAll(db)
            #expect(findings.map(\.rule) == ["change.rate", "magnitude.implausible"])
            #expect(findings[0].stated == "39.54" && findings[0].expected == "39.5498" && findings[0].severity == "info")
            #expect(findings[0].messageEn.hasPrefix("rate 39.54%"))
            #expect(findings[0].evidence.contains("\"start\""))
            let concerned = try Int.fetchAll(db, sql: """
                SELECT c.claim_index FROM finding_claims fc JOIN claims c ON c.id = fc.claim_id
                JOIN findings f ON f.id = fc.finding_id WHERE f.rule = 'change.rate' ORDER BY c.claim_index
                """)
            #expect(concerned == [2, 4, 5])
        }
    }

    @Test func theSameBytesAreADuplicate() async throws {
        let (store, _) = try await storeWithFixture()
        let before = try store.rowCounts()
        let again = try await store.write(DocumentRows(try Fixture.analysis(source: "elsewhere/copy.txt").document))
        #expect(again == .duplicate(of: "fixture/jiangsu-report.txt"))
        #expect(try store.rowCounts() == before)
        #expect(try await store.contains(sha256: Fixture.analysis().document.sha256))
    }

    @Test func deletingADocumentDeletesEverythingInIt() async throws {
        let (store, id) = try await storeWithFixture()
        _ = try await store.database.write { db in try DocumentRecord.deleteOne(db, key: id) }
        let counts = try store.rowCounts()
        for table in Schema.tables where !["ingest_errors", "ingest_runs"].contains(table) {
            #expect(counts[table] == 0, "\(table)")
        }
        #expect(try store.search(TextSearch(term: SearchTerm("网格化"))).isEmpty)
    }

    @Test func anErrorIsReplacedByTheNextAttemptAndClearedBySuccess() async throws {
        let store = try Store(database: DatabaseQueue())
        try await store.recordError(path: "fixture/jiangsu-report.txt", code: "empty", reason: "empty file")
        try await store.recordError(path: "fixture/jiangsu-report.txt", code: "not_text", reason: "not a text file")
        #expect(try store.rowCounts()["ingest_errors"] == 1)
        _ = try await store.write(DocumentRows(try Fixture.analysis().document))
        #expect(try store.rowCounts()["ingest_errors"] == 0)
    }

    @Test func runsAreBookedWithTheirCounts() async throws {
        let store = try Store(database: DatabaseQueue())
        let run = try await store.beginRun(paths: ["corpus"])
        _ = try await store.write(DocumentRows(try Fixture.analysis().document), run: run)
        try await store.finishRun(run, files: 1, ingested: 1, duplicates: 0, skipped: 2, failed: 0)
        try await store.database.read { db in
            let record = try #require(try IngestRunRecord.fetchOne(db, key: run))
            #expect(record.finishedAt != nil && record.ingested == 1 && record.skipped == 2 && record.paths == #"["corpus"]"#)
            #expect(try DocumentRecord.fetchOne(db)?.runId == run)
        }
    }
}
