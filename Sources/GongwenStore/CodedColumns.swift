import GRDB

/// A text column of the SQLite store whose values come from a small fixed set, stored as the
/// integer of its value in `values` (`<name>_code`) and read back under its own name through a
/// generated column (`VIRTUAL`: computed when read, stored nowhere), so that readers and the query
/// text shared with PostgreSQL see the same text as before. A value the list lacks (one a later
/// gongwen adds) is stored as its text and read back as it is. The codes are part of the file
/// format: `values` only ever grows at its end.
///
/// The claim kind `quantity` is stored as 0 (SQLite writes 0 and 1 in no bytes at all), `percent`
/// as 1; the generated column `kind` reads `quantity` and `percent` again. On 1.32 million claims
/// the kind and its index took 38 MB as text (UTF-8), 17 MB coded.
struct CodedColumn: Sendable {
    /// The column readers name: `kind`.
    let name: String
    /// The values by code, the commonest first.
    let values: [String]
    private let codes: [String: Int64]

    init(_ name: String, _ values: [String]) {
        self.name = name
        self.values = values
        codes = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, Int64($0)) })
    }

    /// The column that stores the codes: `kind_code` (no type, so a text value stays text).
    var storedName: String { name + "_code" }

    /// What is stored for `text`: its code, the text itself when the list lacks it, NULL for NULL.
    func stored(_ text: String?) -> SQLValue {
        guard let text else { return .null }
        return codes[text].map(SQLValue.integer) ?? .text(text)
    }

    /// The definition of the generated column:
    /// `"kind" TEXT GENERATED ALWAYS AS (CASE "kind_code" WHEN 0 THEN 'quantity' … ELSE "kind_code" END) VIRTUAL`.
    var generatedDefinition: String {
        let cases = values.enumerated().map { "WHEN \($0) THEN '\($1)'" }.joined(separator: " ")
        return "\"\(name)\" TEXT GENERATED ALWAYS AS (CASE \"\(storedName)\" \(cases) ELSE \"\(storedName)\" END) VIRTUAL"
    }

    /// `stored(text)` as an SQL expression over `text`, for copying rows stored as text.
    func storedExpression(of text: String) -> String {
        let cases = values.enumerated().map { "WHEN '\($1)' THEN \($0)" }.joined(separator: " ")
        return "CASE \(text) \(cases) ELSE \(text) END"
    }

    /// The claims' coded columns since `v10-coded-columns-without-unused-keys`: the kind (`NumberKind` of a claim), the
    /// unit's category and the qualifier (`Qualifier`), ordered by how many claims of the
    /// 10,000-document bench hold each value.
    static let claimColumns = [
        CodedColumn("kind", ["quantity", "percent", "permille", "ratio"]),
        CodedColumn("unit_category", [
            "count", "money", "person", "area", "weight", "time", "length", "ratio", "power", "score", "volume",
            "age", "concentration", "energy", "temperature", "data",
        ]),
        CodedColumn("qualifier", ["at_least", "about", "at_most"]),
    ]

    /// The paragraphs' coded column: the role (`Paragraph.Role`), the commonest first.
    static let paragraphColumns = [
        CodedColumn("role", [
            "body", "heading", "title", "recipient", "signature", "date", "doc_number", "title_note", "attachment",
            "issuer_header", "preamble",
        ]),
    ]

    /// The positions in `columns` of those of `coded`: where `InsertableRecord.sqliteValues`
    /// puts codes in place of text.
    static func positions(of coded: [CodedColumn], in columns: [String]) -> [(Int, CodedColumn)] {
        columns.enumerated().compactMap { position, name in coded.first { $0.name == name }.map { (position, $0) } }
    }

    /// `columns` with those of `coded` under their stored names: `kind_code` for `kind`.
    static func stored(_ coded: [CodedColumn], in columns: [String]) -> [String] {
        columns.map { name in coded.first { $0.name == name }?.storedName ?? name }
    }

    /// `values` of `columns` (at `positions`) with the text of each coded column replaced by what
    /// is stored for it.
    static func stored(
        _ values: [(any DatabaseValueConvertible)?], at positions: [(Int, CodedColumn)]
    ) -> [(any DatabaseValueConvertible)?] {
        var values = values
        for (position, column) in positions { values[position] = column.stored(values[position] as? String).databaseValue }
        return values
    }

    /// The coded claim column named `name`.
    static func claims(_ name: String) -> CodedColumn {
        claimColumns.first { $0.name == name }!
    }
}
