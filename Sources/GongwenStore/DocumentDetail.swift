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

extension DocumentStore {
    /// The document with row id `id`, or `nil` when there is none; read in one snapshot.
    public func document(id: Int64) async throws -> DocumentDetail? {
        let answers = try await read(DocumentDetail.requests(id: id))
        guard let document = try answers[0].first.map(DocumentRecord.init(row:)) else { return nil }
        func all<Record: FetchableRecord>(_ index: Int, as type: Record.Type) throws -> [Record] {
            try answers[index].map(Record.init(row:))
        }
        let partsOfBreakdown = Dictionary(grouping: answers[10]) { $0["breakdown_id"] as Int64 }
        let partsOfRate = Dictionary(grouping: answers[11]) { $0["rate_id"] as Int64 }
        let itemsOfList = Dictionary(grouping: try all(12, as: ListItemRecord.self), by: \.listId)
        return DocumentDetail(
            document: document,
            sections: try all(1, as: SectionRecord.self),
            paragraphs: try all(2, as: ParagraphRecord.self),
            claims: try all(3, as: ClaimRecord.self),
            findings: try all(4, as: FindingRecord.self),
            findingClaims: try all(5, as: FindingClaimRecord.self),
            changes: try all(6, as: ChangeRecord.self),
            breakdowns: try all(7, as: BreakdownRecord.self).map { record in
                DocumentDetail.Breakdown(record: record, partClaimIds: (partsOfBreakdown[record.id ?? 0] ?? []).map { $0["claim_id"] })
            },
            rates: try all(8, as: RateRecord.self).map { record in
                DocumentDetail.Rate(record: record, denominatorPartClaimIds: (partsOfRate[record.id ?? 0] ?? []).map { $0["claim_id"] })
            },
            lists: try all(9, as: ListRecord.self).map { record in
                DocumentDetail.List(record: record, items: itemsOfList[record.id ?? 0] ?? [])
            })
    }
}

extension DocumentDetail {
    /// What `document(id:)` reads, in this order: the document; its sections, paragraphs, claims,
    /// findings, finding–claim pairs, changes, breakdowns, rates, lists; the parts of its
    /// breakdowns and rates; its list items.
    static func requests(id: Int64) -> [SQLQuery] {
        func all(_ table: String, order: String = "start") -> SQLQuery {
            "SELECT * FROM \(sql: table) WHERE document_id = \(id) ORDER BY \(sql: order), id"
        }
        return [
            "SELECT * FROM documents WHERE id = \(id)",
            all("sections", order: "position"), all("paragraphs", order: "position"), all("claims"), all("findings"),
            """
            SELECT fc.* FROM finding_claims fc JOIN findings f ON f.id = fc.finding_id WHERE f.document_id = \(id)
            ORDER BY fc.finding_id, fc.claim_id
            """,
            all("changes"), all("breakdowns"), all("rates"), all("lists", order: "position"),
            """
            SELECT bp.breakdown_id, bp.claim_id FROM breakdown_parts bp JOIN breakdowns b ON b.id = bp.breakdown_id
            WHERE b.document_id = \(id) ORDER BY bp.breakdown_id, bp.position
            """,
            """
            SELECT rp.rate_id, rp.claim_id FROM rate_parts rp JOIN rates r ON r.id = rp.rate_id
            WHERE r.document_id = \(id) ORDER BY rp.rate_id, rp.position
            """,
            "SELECT * FROM list_items WHERE document_id = \(id) ORDER BY list_id, position",
        ]
    }
}
