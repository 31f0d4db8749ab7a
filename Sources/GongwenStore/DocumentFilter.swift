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

    /// SQL conditions on the `documents` table aliased `alias`, with their arguments.
    func conditions(alias: String) -> [SQL] {
        var conditions: [SQL] = []
        if let document {
            conditions.append("(instr(\(sql: alias).source, \(document)) > 0 OR \(sql: alias).sha256 LIKE \(document.lowercased() + "%"))")
        }
        if let issuer { conditions.append("instr(\(sql: alias).issuer, \(issuer)) > 0") }
        if let year { conditions.append("\(sql: alias).year = \(year)") }
        return conditions
    }
}

extension Array where Element == SQL {
    /// `WHERE a AND b …`, or nothing when empty.
    var whereClause: SQL {
        isEmpty ? "" : "WHERE " + joined(separator: " AND ")
    }
}
