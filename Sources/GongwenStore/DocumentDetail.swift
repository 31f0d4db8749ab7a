import GRDB

/// Everything the store holds of one document, as stored: what the document page of `gongwen
/// serve` draws (the text from its paragraphs, every claim and finding in place, the links
/// between claims, the lists beside their sections).
///
/// For `corpus/000_842ce01806219f2e.txt`: the document row of 巴中市民政局, its sections `一、` …,
/// its paragraphs, its claims, and the finding `magnitude.implausible` on `29275万人`.
public struct DocumentDetail: Codable, Sendable, Equatable {
    public var document: DocumentRecord
    public var sections: [SectionRecord]
    public var paragraphs: [ParagraphRecord]
    public var claims: [ClaimRecord]
    public var findings: [FindingRecord]
    public var findingClaims: [FindingClaimRecord]
    public var changes: [ChangeRecord]
    public var breakdowns: [Breakdown]
    public var rates: [Rate]
    public var lists: [List]

    /// A total and the claim ids of its parts, in order.
    public struct Breakdown: Codable, Sendable, Equatable {
        public var record: BreakdownRecord
        public var partClaimIds: [Int64]
    }

    /// A rate or share and the claim ids of the parts of its whole, in order.
    public struct Rate: Codable, Sendable, Equatable {
        public var record: RateRecord
        public var denominatorPartClaimIds: [Int64]
    }

    /// A list and its items.
    public struct List: Codable, Sendable, Equatable {
        public var record: ListRecord
        public var items: [ListItemRecord]
    }
}

extension Store {
    /// The document with row id `id`, or `nil` when there is none.
    public func document(id: Int64) throws -> DocumentDetail? {
        try database.read { db in
            guard let document = try DocumentRecord.fetchOne(db, key: id) else { return nil }
            func all<Record: FetchableRecord & TableRecord>(_ type: Record.Type, order: String = "start") throws -> [Record] {
                try Record.fetchAll(db, sql: "SELECT * FROM \(Record.databaseTableName) WHERE document_id = ? ORDER BY \(order), id", arguments: [id])
            }
            let breakdownParts = try Row.fetchAll(db, sql: """
                SELECT bp.breakdown_id, bp.claim_id FROM breakdown_parts bp JOIN breakdowns b ON b.id = bp.breakdown_id
                WHERE b.document_id = ? ORDER BY bp.breakdown_id, bp.position
                """, arguments: [id])
            let rateParts = try Row.fetchAll(db, sql: """
                SELECT rp.rate_id, rp.claim_id FROM rate_parts rp JOIN rates r ON r.id = rp.rate_id
                WHERE r.document_id = ? ORDER BY rp.rate_id, rp.position
                """, arguments: [id])
            let partsOfBreakdown = Dictionary(grouping: breakdownParts) { $0["breakdown_id"] as Int64 }
            let partsOfRate = Dictionary(grouping: rateParts) { $0["rate_id"] as Int64 }
            let items = try ListItemRecord.fetchAll(db, sql: "SELECT * FROM list_items WHERE document_id = ? ORDER BY list_id, position", arguments: [id])
            let itemsOfList = Dictionary(grouping: items, by: \.listId)
            return DocumentDetail(
                document: document,
                sections: try all(SectionRecord.self, order: "position"),
                paragraphs: try all(ParagraphRecord.self, order: "position"),
                claims: try all(ClaimRecord.self),
                findings: try all(FindingRecord.self),
                findingClaims: try FindingClaimRecord.fetchAll(db, sql: """
                    SELECT fc.* FROM finding_claims fc JOIN findings f ON f.id = fc.finding_id WHERE f.document_id = ?
                    ORDER BY fc.finding_id, fc.claim_id
                    """, arguments: [id]),
                changes: try all(ChangeRecord.self),
                breakdowns: try all(BreakdownRecord.self).map { record in
                    DocumentDetail.Breakdown(
                        record: record,
                        partClaimIds: (partsOfBreakdown[record.id ?? 0] ?? []).map { $0["claim_id"] })
                },
                rates: try all(RateRecord.self).map { record in
                    DocumentDetail.Rate(
                        record: record,
                        denominatorPartClaimIds: (partsOfRate[record.id ?? 0] ?? []).map { $0["claim_id"] })
                },
                lists: try all(ListRecord.self, order: "position").map { record in
                    DocumentDetail.List(record: record, items: itemsOfList[record.id ?? 0] ?? [])
                })
        }
    }
}
