import GRDB

/// What the database holds, counted: documents by issuer, year and type, claims by unit,
/// findings by rule and severity.
///
/// For `corpus/` the issuers count `巴中市民政局 1`, `江苏省民政厅 1` …, the years `2023 1`,
/// `2022 1` …
public struct Statistics: Codable, Sendable, Equatable {
    public var documents: Int
    public var byIssuer: [Count]
    public var byYear: [Count]
    public var byDocType: [Count]
    public var claimsByUnit: [Count]
    public var findingsByRule: [Count]
    public var ingestErrors: Int

    /// One group and its size; `key` is `nil` for rows without a value (no issuer found …).
    public struct Count: Codable, Sendable, Equatable, FetchableRecord {
        public var key: String?
        public var count: Int
    }
}

extension Store {
    /// Counts of everything `Statistics` describes, largest groups first, in one read snapshot.
    public func statistics() throws -> Statistics {
        try Statistics(rows: read(Statistics.requests))
    }
}

extension Statistics {
    /// The queries of the statistics, the same on either database, answered in this order by
    /// `init(answers:)`. Groups without a value (`NULL`) sort as SQLite sorts them, first among
    /// keys and last among years; PostgreSQL is told so.
    static let requests: [SQLQuery] = [
        "SELECT NULL AS key, count(*) AS count FROM documents",
        "SELECT issuer AS key, count(*) AS count FROM documents GROUP BY issuer ORDER BY count DESC, key NULLS FIRST",
        "SELECT CAST(year AS TEXT) AS key, count(*) AS count FROM documents GROUP BY year ORDER BY year DESC NULLS LAST",
        "SELECT doc_type AS key, count(*) AS count FROM documents GROUP BY doc_type ORDER BY count DESC, key NULLS FIRST",
        "SELECT unit AS key, count(*) AS count FROM claims GROUP BY unit ORDER BY count DESC, key NULLS FIRST",
        """
        SELECT rule || ' (' || severity || ')' AS key, count(*) AS count FROM findings
        GROUP BY rule, severity ORDER BY count DESC, key NULLS FIRST
        """,
        "SELECT NULL AS key, count(*) AS count FROM ingest_errors",
    ]

    /// The statistics from the rows of `requests`, in their order.
    init(rows: [[Row]]) throws {
        self.init(answers: try rows.map { try $0.map(Count.init(row:)) })
    }

    init(answers: [[Count]]) {
        self.init(
            documents: answers[0].first?.count ?? 0, byIssuer: answers[1], byYear: answers[2], byDocType: answers[3],
            claimsByUnit: answers[4], findingsByRule: answers[5], ingestErrors: answers[6].first?.count ?? 0)
    }
}
