import GRDB

/// Which documents a query looks at: by source path or SHA-256 prefix, issuer, year. The filters
/// combine with AND; an empty filter takes every document.
///
/// `DocumentFilter(issuer: "民政", year: 2020)` keeps `巴中市民政局`'s reply of 2020-09-14.
public struct DocumentFilter: Sendable, Equatable {
    /// A substring of the source path, or a prefix of the SHA-256.
    public var document: String?
    /// A substring of the issuer.
    public var issuer: String?
    public var year: Int?

    public init(document: String? = nil, issuer: String? = nil, year: Int? = nil) {
        self.document = document
        self.issuer = issuer
        self.year = year
    }

    /// `column IN (SELECT id FROM documents WHERE …)`: the rows of another table whose document
    /// passes; `nil` when the filter is empty. As a subquery (not a join) it lets SQLite look the
    /// rows up by their document id and keeps the documents out of the rest of the plan.
    func restricting(_ column: String) -> SQLQuery? {
        var conditions: [SQLQuery] = []
        if let document {
            // instr, not LIKE: `%` and `_` in the text are literal characters.
            conditions.append("(instr(source, \(document)) > 0 OR instr(sha256, \(document.lowercased())) = 1)")
        }
        if let issuer { conditions.append("instr(issuer, \(issuer)) > 0") }
        if let year { conditions.append("year = \(year)") }
        return conditions.isEmpty ? nil : "\(sql: column) IN (SELECT id FROM documents \(conditions.whereClause))"
    }
}
