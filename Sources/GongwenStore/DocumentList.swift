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

    /// Conditions on `documents d`.
    var conditions: [SQL] {
        var conditions: [SQL] = []
        if let text {
            conditions.append("d.id IN (SELECT p.document_id FROM paragraphs p WHERE \(text.condition(table: "paragraphs", alias: "p").grdb))")
        }
        if let issuer { conditions.append("d.issuer = \(issuer)") }
        if let year { conditions.append("d.year = \(year)") }
        if let docType { conditions.append("d.doc_type = \(docType)") }
        if let hasErrors {
            let holds: SQL = "d.id IN (SELECT document_id FROM findings WHERE severity = 'error')"
            conditions.append(hasErrors ? holds : "NOT (\(holds))")
        }
        return conditions
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

extension Store {
    /// The documents that pass `query`, by source, with the facet counts.
    public func documents(_ query: DocumentListQuery) throws -> DocumentList {
        let kept: SQL = "SELECT d.id FROM documents d \(query.conditions.whereClause)"
        let rows: SQL = """
            SELECT d.id, d.source, d.sha256, d.title, d.doc_type, d.issuer, d.date, d.year,
                   (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims,
                   (SELECT count(*) FROM findings f WHERE f.document_id = d.id) AS findings,
                   (SELECT count(*) FROM findings f WHERE f.document_id = d.id AND f.severity = 'error') AS errors
            FROM documents d WHERE d.id IN (\(kept))
            ORDER BY d.source LIMIT \(query.limit) OFFSET \(query.offset)
            """
        func counts(_ key: SQL, order: SQL = "count DESC, key") -> SQL {
            "SELECT \(key) AS key, count(*) AS count FROM documents d WHERE d.id IN (\(kept)) GROUP BY 1 ORDER BY \(order)"
        }
        return try database.read { db in
            DocumentList(
                total: try Int.fetchOne(db, SQLRequest(literal: "SELECT count(*) FROM (\(kept))")) ?? 0,
                rows: try DocumentListRow.fetchAll(db, SQLRequest(literal: rows)),
                facets: DocumentList.Facets(
                    issuer: try Statistics.Count.fetchAll(db, SQLRequest(literal: counts("d.issuer"))),
                    year: try Statistics.Count.fetchAll(db, SQLRequest(literal: counts("CAST(d.year AS TEXT)", order: "key DESC"))),
                    docType: try Statistics.Count.fetchAll(db, SQLRequest(literal: counts("d.doc_type"))),
                    hasErrors: try Statistics.Count.fetchAll(db, SQLRequest(literal: counts("""
                        CASE WHEN d.id IN (SELECT document_id FROM findings WHERE severity = 'error') \
                        THEN 'true' ELSE 'false' END
                        """)))))
        }
    }

    /// The row ids of the documents stored under these sources: what links a claim or measure row
    /// (which names its source) to its document page.
    public func documentIds(sources: [String]) throws -> [String: Int64] {
        guard !sources.isEmpty else { return [:] }
        return try database.read { db in
            var ids: [String: Int64] = [:]
            let request: SQL = "SELECT source, id FROM documents WHERE source IN \(Set(sources).sorted())"
            for row in try Row.fetchAll(db, SQLRequest(literal: request)) {
                ids[row["source"]] = row["id"]
            }
            return ids
        }
    }
}
