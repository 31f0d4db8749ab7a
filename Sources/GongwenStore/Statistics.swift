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
    /// Counts of everything `Statistics` describes, largest groups first.
    public func statistics() throws -> Statistics {
        try database.read { db in
            func counts(_ sql: String) throws -> [Statistics.Count] {
                try Statistics.Count.fetchAll(db, sql: sql)
            }
            return Statistics(
                documents: try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0,
                byIssuer: try counts("SELECT issuer AS key, count(*) AS count FROM documents GROUP BY issuer ORDER BY count DESC, key"),
                byYear: try counts("SELECT CAST(year AS TEXT) AS key, count(*) AS count FROM documents GROUP BY year ORDER BY year DESC"),
                byDocType: try counts("SELECT doc_type AS key, count(*) AS count FROM documents GROUP BY doc_type ORDER BY count DESC, key"),
                claimsByUnit: try counts("SELECT unit AS key, count(*) AS count FROM claims GROUP BY unit ORDER BY count DESC, key"),
                findingsByRule: try counts("""
                    SELECT rule || ' (' || severity || ')' AS key, count(*) AS count FROM findings
                    GROUP BY rule, severity ORDER BY count DESC, key
                    """),
                ingestErrors: try Int.fetchOne(db, sql: "SELECT count(*) FROM ingest_errors") ?? 0)
        }
    }
}
