import Foundation
import GRDB
import Gongwen
import GongwenModel
@testable import GongwenStore
import Testing

/// The writer's positional inserts against GRDB's Codable encoding of the same records, and one
/// batch in which a document SQLite refuses is rolled back alone.
@Suite("insertion")
struct InsertionTests {
    /// The columns and values `InsertableRecord` names must be exactly those the Codable encoding
    /// writes (less the auto-incremented id): a field added to a record but not to its insert list,
    /// or two columns swapped, fails here.
    func expectSameAsCodable<Record: InsertableRecord>(_ record: Record, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var codable = try record.databaseDictionary
        codable["id"] = nil
        let positional = Dictionary(uniqueKeysWithValues: zip(
            Record.insertColumns, record.insertValues.map { $0?.databaseValue ?? .null }))
        #expect(positional == codable, "\(Record.databaseTableName)", sourceLocation: sourceLocation)
        #expect(Record.insertColumns.count == record.insertValues.count, sourceLocation: sourceLocation)
    }

    @Test func positionalInsertsMatchTheCodableEncoding() throws {
        var rows = DocumentRows(try Fixture.analysis().document)
        rows.document.runId = 3
        try expectSameAsCodable(rows.document)
        for section in rows.sections { try expectSameAsCodable(section.record) }
        for paragraph in rows.paragraphs { try expectSameAsCodable(paragraph) }
        for claim in rows.claims { try expectSameAsCodable(claim) }
        for list in rows.lists {
            try expectSameAsCodable(list.record)
            for item in list.items { try expectSameAsCodable(item) }
        }
        for finding in rows.findings { try expectSameAsCodable(finding.record) }
        #expect(!rows.claims.isEmpty && !rows.lists.isEmpty && !rows.findings.isEmpty)
        try expectSameAsCodable(ChangeRecord(
            id: nil, documentId: 1, fromClaimId: 2, toClaimId: 3, deltaClaimId: nil, rateClaimId: 5, direction: "decrease",
            start: 6, end: 7))
        try expectSameAsCodable(BreakdownRecord(id: nil, documentId: 1, totalClaimId: 2, start: 3, end: 4))
        try expectSameAsCodable(BreakdownPartRecord(breakdownId: 1, position: 2, claimId: 3))
        try expectSameAsCodable(RateRecord(
            id: nil, documentId: 1, kind: "share", rateClaimId: 2, numeratorClaimId: 3, denominatorClaimId: nil, start: 5,
            end: 6))
        try expectSameAsCodable(RatePartRecord(rateId: 1, position: 2, claimId: 3))
        try expectSameAsCodable(FindingClaimRecord(findingId: 1, claimId: 2))
    }

    @Test func aRefusedDocumentIsRolledBackAloneInItsBatch() async throws {
        let store = try Store(database: DatabaseQueue())
        let good = DocumentRows(try Fixture.analysis(source: "a.txt").document)
        var refused = DocumentRows(try Fixture.analysis(source: "b.txt").document)
        refused.document.sha256 = String(repeating: "b", count: 64)
        // Two sections at one position break the unique key (document_id, position).
        refused.sections.append(refused.sections[0])
        var other = DocumentRows(try Fixture.analysis(source: "c.txt").document)
        other.document.sha256 = String(repeating: "c", count: 64)

        let outcomes = try await store.write([good, refused, other])
        #expect(outcomes.count == 3)
        guard case .inserted = outcomes[0], case .failed(let reason) = outcomes[1], case .inserted = outcomes[2] else {
            Issue.record("outcomes \(outcomes)")
            return
        }
        #expect(reason.contains("UNIQUE"))
        let sources = try await store.database.read { db in
            try String.fetchAll(db, sql: "SELECT source FROM documents ORDER BY source")
        }
        #expect(sources == ["a.txt", "c.txt"])
        let counts = try store.rowCounts()
        #expect(counts["claims"] == 2 * good.claims.count)
        #expect(counts["paragraphs"] == 2 * good.paragraphs.count)
        // The batch's rows entered the full-text index at its commit, the refused ones did not.
        let hits = try store.search(TextSearch(term: SearchTerm("网格化治理")))
        #expect(hits.map(\.source) == ["a.txt", "c.txt"])
        try await store.database.write { db in
            for table in Schema.fullTextTables {
                try db.execute(sql: "INSERT INTO \(table)_grams(\(table)_grams) VALUES ('integrity-check')")
            }
        }
    }

    /// A sentence is left to its paragraph only when readers find that paragraph by its start.
    @Test func aSentenceIsHeldByTheParagraphThatStartsBeforeIt() {
        func paragraph(_ start: Int, _ end: Int) -> ParagraphRecord {
            ParagraphRecord(id: nil, documentId: 0, position: 0, role: "body", section: nil, line: 1, start: start, end: end, text: "")
        }
        let holders = SentenceHolders([paragraph(41, 90), paragraph(0, 40)])
        #expect(holders.holds(Span(start: 45, end: 60)))
        #expect(holders.holds(Span(start: 0, end: 40)))
        #expect(!holders.holds(Span(start: 30, end: 50)))
        #expect(!holders.holds(Span(start: 85, end: 95)))
        #expect(!SentenceHolders([paragraph(0, 40), paragraph(0, 20)]).holds(Span(start: 5, end: 10)))
    }

    /// What `gongwen load` relies on: a document read back from its JSON line is the same
    /// document, and it gives the same rows, paragraphs and sentences sliced from its `text`.
    @Test func aDocumentReadBackFromItsJSONInsertsTheSameRows() async throws {
        let document = try Fixture.analysis().document
        let decoded = try GongwenJSON.decoder().decode(Document.self, from: try GongwenJSON.encode(document))
        #expect(decoded == document)
        let time = Date(timeIntervalSince1970: 1_656_028_800)
        let rows = DocumentRows(decoded, ingestedAt: time)
        #expect(rows == DocumentRows(document, ingestedAt: time))
        #expect(rows.paragraphs.map { "\($0.line) \($0.role) \($0.section ?? "-") \($0.text.prefix(12))" } == [
            "1 issuer_header - 江苏省民政厅",
            "2 title - 关于社区治理工作情况的报",
            "3 recipient - 省人大常委会:",
            "4 heading 一、 一、深化社区网格化治理。",
            "5 heading 二、 二、推动教育资源下沉。一",
            "6 signature - 江苏省民政厅",
            "7 date - 2022年6月24日",
        ])
        // The paragraph `二、` holds the sentence: the claim keeps its span, readers cut the text.
        #expect(rows.claims[3].sentence == "")
        #expect(rows.paragraphGrams[3].hasPrefix("一、 、深 深化 化社 社区 区网 网格 格化"))

        var stored: [[String: Int]] = []
        var claims: [[ClaimRecord]] = []
        for rows in [DocumentRows(document, ingestedAt: time), rows] {
            let store = try Store(database: DatabaseQueue())
            #expect(try await store.write(rows) == .inserted(1))
            stored.append(try store.rowCounts())
            claims.append(try await store.database.read { db in try ClaimRecord.order(Column("id")).fetchAll(db) })
        }
        #expect(stored[0] == stored[1])
        #expect(claims[0] == claims[1])
        #expect(claims[0].count == 6)
    }
}
