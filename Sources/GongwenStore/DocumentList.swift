import GRDB

/// The documents page of `gongwen serve`: documents by facet (exact issuer, year, document type,
/// whether a finding of severity error concerns them) and by a text their paragraphs hold.
///
/// `DocumentListQuery(text: SearchTerm("网格化治理"))` keeps the report of 江苏省民政厅;
/// `DocumentListQuery(issuer: "巴中市民政局", hasErrors: true)` the reply of 2020 with `29275万人`.
public struct DocumentListQuery: Sendable, Equatable {
    public var text: SearchTerm?
    /// The issuer exactly as stored (a facet value), not a substring as in `DocumentFilter`.
    public var issuer: String?
    public var year: Int?
    public var docType: String?
    /// `true`: only documents with a finding of severity error; `false`: only those without.
    public var hasErrors: Bool?
    public var limit: Int
    public var offset: Int

    public init(
        text: SearchTerm? = nil, issuer: String? = nil, year: Int? = nil, docType: String? = nil, hasErrors: Bool? = nil,
        limit: Int = 50, offset: Int = 0
    ) {
        self.text = text
        self.issuer = issuer
        self.year = year
        self.docType = docType
        self.hasErrors = hasErrors
        self.limit = limit
        self.offset = offset
    }

    /// Conditions on `documents d`, the same on both databases (the text through the full-text
    /// index of each, `SearchTerm.condition`).
    var conditions: [SQLQuery] {
        var conditions: [SQLQuery] = []
        if let text {
            conditions.append("d.id IN (SELECT p.document_id FROM paragraphs p WHERE \(text.condition(table: "paragraphs", alias: "p")))")
        }
        if let issuer { conditions.append("d.issuer = \(issuer)") }
        if let year { conditions.append("d.year = \(year)") }
        if let docType { conditions.append("d.doc_type = \(docType)") }
        if let hasErrors {
            let holds: SQLQuery = "d.id IN (SELECT document_id FROM findings WHERE severity = 'error')"
            conditions.append(hasErrors ? holds : "NOT (\(holds))")
        }
        return conditions
    }

    /// The requests of `documents(_:)`, read in one snapshot: the total, the page of rows, and
    /// the four facets. Groups without a value sort as in `Statistics.requests`.
    var requests: [SQLQuery] {
        let kept: SQLQuery = "SELECT d.id FROM documents d \(conditions.whereClause)"
        func counts(_ key: String, order: String = "count DESC, key NULLS FIRST") -> SQLQuery {
            "SELECT \(sql: key) AS key, count(*) AS count FROM documents d WHERE d.id IN (\(kept)) GROUP BY 1 ORDER BY \(sql: order)"
        }
        return [
            "SELECT NULL AS key, count(*) AS count FROM (\(kept)) AS kept",
            """
            SELECT d.id, d.source, d.sha256, d.title, d.doc_type, d.issuer, d.date, d.year,
                   (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims,
                   (SELECT count(*) FROM findings f WHERE f.document_id = d.id) AS findings,
                   (SELECT count(*) FROM findings f WHERE f.document_id = d.id AND f.severity = 'error') AS errors
            FROM documents d WHERE d.id IN (\(kept))
            ORDER BY d.source \(limitClause(limit, offset: offset))
            """,
            counts("d.issuer"),
            counts("CAST(d.year AS TEXT)", order: "key DESC NULLS LAST"),
            counts("d.doc_type"),
            counts("CASE WHEN d.id IN (SELECT document_id FROM findings WHERE severity = 'error') THEN 'true' ELSE 'false' END"),
        ]
    }
}

/// One document of the documents page, with how many claims and findings it holds.
public struct DocumentListRow: Codable, Sendable, Equatable, FetchableRecord {
    public var id: Int64
    public var source: String
    public var sha256: String
    public var title: String?
    public var docType: String?
    public var issuer: String?
    public var date: String?
    public var year: Int?
    public var claims: Int
    public var findings: Int
    /// Findings of severity error.
    public var errors: Int

    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}

/// A page of documents, how many pass in all, and the facet counts over all that pass.
public struct DocumentList: Codable, Sendable, Equatable {
    public var total: Int
    public var rows: [DocumentListRow]
    public var facets: Facets

    /// Counts per value of each facet among the documents that pass, largest first (years by year).
    public struct Facets: Codable, Sendable, Equatable {
        public var issuer: [Statistics.Count]
        public var year: [Statistics.Count]
        public var docType: [Statistics.Count]
        /// Keys `true` and `false`.
        public var hasErrors: [Statistics.Count]
    }
}

extension DocumentStore {
    /// The documents that pass `query`, by source, with the facet counts.
    public func documents(_ query: DocumentListQuery) async throws -> DocumentList {
        let answers = try await read(query.requests)
        func counts(_ index: Int) throws -> [Statistics.Count] { try answers[index].map(Statistics.Count.init(row:)) }
        return DocumentList(
            total: try counts(0).first?.count ?? 0,
            rows: try answers[1].map(DocumentListRow.init(row:)),
            facets: DocumentList.Facets(issuer: try counts(2), year: try counts(3), docType: try counts(4), hasErrors: try counts(5)))
    }

    /// The row ids of the documents stored under these sources: what links a claim or measure row
    /// (which names its source) to its document page.
    public func documentIds(sources: [String]) async throws -> [String: Int64] {
        guard !sources.isEmpty else { return [:] }
        let rows = try await read(["SELECT source, id FROM documents WHERE source IN \(Set(sources).sorted())"])[0]
        return Dictionary(rows.map { ($0["source"], $0["id"]) }, uniquingKeysWith: { first, _ in first })
    }
}
