import GRDB

/// The auditor's worklist: findings across documents by rule, severity and document filters.
///
/// `FindingQuery(rule: "magnitude.implausible", severity: "error")` finds `29275万人` in the reply
/// of 巴中市民政局.
public struct FindingQuery: Sendable, Equatable {
    public var rule: String?
    /// `error`, `warning` or `info`.
    public var severity: String?
    public var documents: DocumentFilter
    public var limit: Int?
    public var offset: Int

    public init(rule: String? = nil, severity: String? = nil, documents: DocumentFilter = DocumentFilter(), limit: Int? = nil, offset: Int = 0) {
        self.rule = rule
        self.severity = severity
        self.documents = documents
        self.limit = limit
        self.offset = offset
    }

    var conditions: [SQLQuery] {
        var conditions: [SQLQuery] = []
        if let documents = documents.restricting("f.document_id") { conditions.append(documents) }
        if let rule { conditions.append("f.rule = \(rule)") }
        if let severity { conditions.append("f.severity = \(severity)") }
        return conditions
    }
}

/// One finding with its document: what was stated, what the numbers give, where.
///
/// `magnitude.implausible` error, `corpus/000_842ce01806219f2e.txt` line 9, stated `292750000`.
public struct FindingRow: Codable, Sendable, Equatable, FetchableRecord {
    /// The finding's row id: the document page anchors it as `#finding-ID`.
    public var id: Int64
    public var documentId: Int64
    public var source: String
    public var title: String?
    public var issuer: String?
    public var date: String?
    public var rule: String
    public var severity: String
    public var message: String
    public var messageEn: String
    public var stated: String?
    public var expected: String?
    public var start: Int
    public var end: Int
    public var line: Int
    public var column: Int

    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}

extension FindingQuery {
    /// The page of findings, then how many pass in all.
    var requests: [SQLQuery] {
        let conditions = conditions.whereClause
        return [
            """
            SELECT f.id, f.document_id, d.source, d.title, d.issuer, d.date, f.rule, f.severity, f.message, f.message_en,
                   f.stated, f.expected, f.start, f."end", f.line, f."column"
            FROM findings f JOIN documents d ON d.id = f.document_id
            \(conditions)
            ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.document_id, f.start, f.id
            \(limitClause(limit, offset: offset))
            """,
            "SELECT count(*) AS count FROM findings f \(conditions)",
        ]
    }
}

extension DocumentStore {
    /// The findings that pass `query`, most severe first, then by document and position; and how
    /// many pass in all.
    public func findings(_ query: FindingQuery) async throws -> (rows: [FindingRow], total: Int) {
        let answers = try await read(query.requests)
        return (try answers[0].map(FindingRow.init(row:)), answers[1].first?["count"] ?? 0)
    }

    /// The rules that findings have, with their counts: the choices of the findings page's filter.
    public func findingRules() async throws -> [Statistics.Count] {
        try await read(["SELECT rule AS key, count(*) AS count FROM findings GROUP BY rule ORDER BY rule"])[0]
            .map(Statistics.Count.init(row:))
    }
}
