import GRDB

/// The filters of `gongwen query` over claims; they combine with AND.
///
/// `ClaimQuery(subject: "社区", unit: "个", minimum: 100)` finds `城乡社区2.8万个` and every other
/// count of communities of at least 100.
public struct ClaimQuery: Sendable, Equatable {
    /// A substring of the claim's subject.
    public var subject: String?
    public var unit: String?
    /// `quantity`, `percent`, `permille`, `ratio`.
    public var kind: String?
    public var minimum: Double?
    public var maximum: Double?
    public var documents: DocumentFilter
    /// A substring of the title or of the marker path (`一、/(二)`) of a section holding the claim,
    /// at any depth.
    public var section: String?
    /// Only claims a finding concerns.
    public var withFindings: Bool
    /// Only claims a finding of this rule concerns.
    public var rule: String?
    /// At most this many rows; `nil` for all.
    public var limit: Int?
    /// Rows to pass over before the first one returned (the pages of `gongwen serve`).
    public var offset: Int = 0

    public init(
        subject: String? = nil, unit: String? = nil, kind: String? = nil, minimum: Double? = nil, maximum: Double? = nil,
        documents: DocumentFilter = DocumentFilter(), section: String? = nil, withFindings: Bool = false,
        rule: String? = nil, limit: Int? = nil
    ) {
        self.subject = subject
        self.unit = unit
        self.kind = kind
        self.minimum = minimum
        self.maximum = maximum
        self.documents = documents
        self.section = section
        self.withFindings = withFindings
        self.rule = rule
        self.limit = limit
    }

    /// Conditions on `claims c` alone (all but `section`); indexed ones (unit, kind, value,
    /// document) narrow the rows, the substring one (`instr`) is checked on the rows that remain.
    var conditions: [SQLQuery] {
        var conditions: [SQLQuery] = []
        if let documents = documents.restricting("c.document_id") { conditions.append(documents) }
        if let subject { conditions.append("instr(c.subject, \(subject)) > 0") }
        if let unit { conditions.append("c.unit = \(unit)") }
        // SQLite's index holds the kind's code (`v10-coded-columns-without-unused-keys`); PostgreSQL stores the text.
        if let kind {
            let coded: SQLQuery = "c.kind_code = \(CodedColumn.claims("kind").stored(kind))"
            let text: SQLQuery = "c.kind = \(kind)"
            conditions.append("\(sqlite: coded, postgres: text)")
        }
        if let minimum { conditions.append("c.value_real >= \(minimum)") }
        if let maximum { conditions.append("c.value_real <= \(maximum)") }
        if withFindings { conditions.append("c.id IN (SELECT claim_id FROM finding_claims)") }
        if let rule {
            conditions.append("""
                c.id IN (SELECT fc.claim_id FROM findings f JOIN finding_claims fc ON fc.finding_id = f.id \
                WHERE f.rule = \(rule))
                """)
        }
        return conditions
    }
}

/// One claim as `gongwen query` prints it: the number, what it counts, where it stands.
///
/// `减幅达39.54%`: claim `39.54%`, value `39.54`, unit `%`, kind `percent`, section `二、/一是`, the
/// sentence `社区由2177个优化到1316个,减少861个,减幅达39.54%。` with its span, findings `change.rate:info`.
public struct ClaimRow: Codable, Sendable, Equatable, FetchableRecord {
    public var source: String
    public var title: String?
    public var issuer: String?
    public var date: String?
    public var section: String?
    /// The titles of the sections holding the claim, outermost first: `深化社区网格化治理 / 建立“五社联动”机制`.
    public var sectionTitles: String?
    public var text: String
    public var value: String
    public var unit: String?
    public var kind: String
    public var subject: String?
    public var predicate: String?
    public var qualifier: String?
    public var start: Int
    public var end: Int
    public var sentence: String
    public var sentenceStart: Int
    public var sentenceEnd: Int
    /// `rule:severity` of the findings that concern the claim, space-separated.
    public var findings: String?

    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
}

extension ClaimQuery {
    /// The ids of the claims that pass, the first `limit` in storage order. With `section`, the
    /// claims are taken from inside the sections whose title or marker path holds the text and
    /// none of whose enclosing sections does: those spans are disjoint and come in document order,
    /// so the claims come out in order and the limit stops the scan early.
    var selection: SQLQuery {
        let limit = limitClause(self.limit, offset: offset)
        guard let section else {
            // Ids grow with the document (AUTOINCREMENT, one document at a time), so (document, id)
            // is id order. Spelled so, it is the order the (unit, document) and (kind, document)
            // indexes hold and needs no sort; spelled as id order, a scan of the table needs none.
            let order: SQLQuery = unit != nil || kind != nil ? "c.document_id, c.id" : "c.id"
            return "SELECT c.id FROM claims c \(conditions.whereClause) ORDER BY \(order) \(limit)"
        }
        func holds(_ alias: String) -> SQLQuery {
            "(instr(\(sql: alias).title, \(section)) > 0 OR instr(\(sql: alias).path, \(section)) > 0)"
        }
        let outermost: SQLQuery = """
            NOT EXISTS (SELECT 1 FROM sections a WHERE a.document_id = s.document_id AND a.id < s.id \
            AND a.start <= s.start AND a."end" >= s."end" AND \(holds("a")))
            """
        return """
            SELECT c.id FROM sections s \(sqlite: "CROSS JOIN", postgres: "JOIN") claims c ON c.document_id = s.document_id \
            AND c.start >= s.start AND c.start < s."end" \
            \(([holds("s"), outermost] + conditions).whereClause) ORDER BY s.id, c.start \(limit)
            """
    }
}

extension Store {
    /// The claims that pass `query`, in the order they were stored (document by document, by
    /// position in each). The ids are chosen first, on the claims table alone, so that the sort
    /// and the limit handle integers and only the rows shown are read in full.
    public func claims(_ query: ClaimQuery) throws -> [ClaimRow] {
        try fetch(query.request, as: ClaimRow.self)
    }
}

extension ClaimQuery {
    /// The rows of `Store.claims`, the same text on both databases.
    var request: SQLQuery {
        """
            SELECT d.source, d.title, d.issuer, d.date, c.section, \(Self.sectionTitles) AS section_titles, c.text, c.value, c.unit, c.kind,
                   c.subject, c.predicate, c.qualifier, c.start, c."end", \(sql: Self.sentence) AS sentence, c.sentence_start, c.sentence_end,
                   (SELECT \(sqlite: "group_concat(f.rule || ':' || f.severity, ' ')", postgres: "string_agg(f.rule || ':' || f.severity, ' ' ORDER BY f.id)") FROM finding_claims fc
                    JOIN findings f ON f.id = fc.finding_id WHERE fc.claim_id = c.id) AS findings
            FROM claims c JOIN documents d ON d.id = c.document_id
            WHERE c.id IN (\(selection))
            ORDER BY c.id
            """
    }
}

extension ClaimQuery {
    /// The titles of the sections holding claim `c`, outermost first, joined by ` / `
    /// (`深化社区网格化治理 / 建立“五社联动”机制`), read from the sections whose span holds the claim's
    /// start, in document order (`v8-claim-section-titles-by-span`: no longer a copy in each claim).
    static let sectionTitles: SQLQuery = """
        (SELECT \(sqlite: "group_concat(t.title, ' / ') FROM (SELECT s.title", postgres: "string_agg(t.title, ' / ' ORDER BY t.position) FROM (SELECT s.title, s.position")
         FROM sections s WHERE s.document_id = c.document_id AND s.start <= c.start AND c.start < s."end"
         ORDER BY s.position) t)
        """

    /// The sentence of claim `c`: its copy when it has one, else the text of its paragraph (the
    /// one with the greatest start at or before the sentence's, see `SentenceHolders`) cut to the
    /// sentence's span. Offsets are code points, as `substr` counts on both databases.
    static let sentence = """
        CASE WHEN c.sentence <> '' THEN c.sentence ELSE coalesce((
          SELECT substr(p.text, CAST(c.sentence_start - p.start + 1 AS integer), CAST(c.sentence_end - c.sentence_start AS integer))
          FROM paragraphs p WHERE p.document_id = c.document_id AND p.start <= c.sentence_start
          ORDER BY p.start DESC LIMIT 1), '') END
        """
}
