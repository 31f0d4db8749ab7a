import GRDB

/// The filters of `gongwen measures`: the enumerated policy measures (`一是…二是…` items, numbered
/// list items) whose text holds `match`, in the documents `documents` keeps.
///
/// `MeasureQuery(match: "网格")` finds `深化社区网格化治理` items across documents.
public struct MeasureQuery: Sendable, Equatable {
    public var match: SearchTerm?
    public var documents: DocumentFilter
    public var limit: Int?
    /// Rows to pass over before the first one returned (the pages of `gongwen serve`).
    public var offset: Int = 0

    public init(match: SearchTerm? = nil, documents: DocumentFilter = DocumentFilter(), limit: Int? = nil) {
        self.match = match
        self.documents = documents
        self.limit = limit
    }
}

/// One measure: an item of an enumeration with the document it comes from.
///
/// `corpus/004_8b0ea43be8e85885.txt` 江苏省民政厅 2022-06-24 `四、/一是` `一是` `建立“五社联动”机制`.
public struct MeasureRow: Codable, Sendable, Equatable, FetchableRecord {
    public var source: String
    public var title: String?
    public var issuer: String?
    public var date: String?
    public var section: String?
    public var marker: String?
    public var text: String
    public var start: Int
    public var end: Int
    /// `section` for an inline section of the section tree, `list` for a list item.
    public var origin: String
}

extension Store {
    /// List styles whose items are measures.
    static let measureStyles = "('inline', 'numbered')"

    /// The measures that pass `query`, by document source and position. An inline section that
    /// a list item of the same document also starts in (between the section's marker and its
    /// title) is listed once, as the list item.
    public func measures(_ query: MeasureQuery) throws -> [MeasureRow] {
        try fetch(query.request, as: MeasureRow.self)
    }
}

extension MeasureQuery {
    /// The rows of `Store.measures`, the same text on both databases.
    var request: SQLQuery {
        let query = self
        let styles = Store.measureStyles
        var sectionConditions: [SQLQuery] = ["s.kind = 'inline'"]
        var itemConditions: [SQLQuery] = ["l.style IN \(sql: styles)"]
        if let documents = query.documents.restricting("s.document_id") { sectionConditions.append(documents) }
        if let documents = query.documents.restricting("li.document_id") { itemConditions.append(documents) }
        if let match = query.match {
            sectionConditions.append("instr(s.title, \(match.text)) > 0")
            itemConditions.append(match.condition(table: "list_items", alias: "li"))
        }
        // Last: the correlated check runs only on the sections the cheaper conditions keep.
        sectionConditions.append("""
            NOT EXISTS (SELECT 1 FROM list_items li JOIN lists l ON l.id = li.list_id
                        WHERE li.document_id = s.document_id AND l.style IN \(sql: styles)
                        AND li.start >= s.start AND li.start <= s.title_start)
            """)
        let limit = limitClause(query.limit, offset: query.offset)
        return """
            SELECT d.source, d.title, d.issuer, d.date, s.path AS section, s.marker, s.title AS text, s.start, s."end",
                   'section' AS origin
            FROM sections s JOIN documents d ON d.id = s.document_id
            \(sectionConditions.whereClause)
            UNION ALL
            SELECT d.source, d.title, d.issuer, d.date, li.section, li.marker, li.text, li.start, li."end", 'list'
            FROM list_items li JOIN lists l ON l.id = li.list_id JOIN documents d ON d.id = li.document_id
            \(itemConditions.whereClause)
            ORDER BY 1, 8
            \(limit)
            """
    }
}
