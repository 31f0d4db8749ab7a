import GongwenStore

/// Rows of a database made by an older gongwen, as SQL both databases run: what the upgrade tests
/// write before the store migrates the rest.
///
/// `OlderDatabase.document` is document 1, `a.txt`; `claimWithSectionTitles` a claim `1316个` of it
/// in section `二、/一是`, stored with its copy of the titles (`推动教育资源下沉 / 优化社区规模`) as
/// claims were before `v8-claim-section-titles-by-span`.
public enum OlderDatabase {
    public static let document = """
        INSERT INTO documents (id, sha256, source, encoding, format, bytes, characters, doc_numbers, warnings, fields,
          boilerplate, ingested_at) VALUES (1, 'x', 'a.txt', 'UTF-8', 'txt', 60, 20, '[]', '[]', '{}', '[]', 'now')
        """

    /// The titles `query` shows for the claim of `claimWithSectionTitles`.
    public static let sectionTitles = "推动教育资源下沉 / 优化社区规模"

    /// Two sections, then the claim: one statement each.
    public static let claimWithSectionTitles = [
        """
        INSERT INTO sections (id, document_id, parent_id, position, marker, kind, level, title, start, "end",
          title_start, title_end, line, path) VALUES
          (1, 1, NULL, 0, '二、', 'chinese', 1, '推动教育资源下沉', 0, 20, 2, 10, 1, '二、'),
          (2, 1, 1, 1, '一是', 'inline', 3, '优化社区规模', 11, 20, 13, 19, 1, '二、/一是')
        """,
        """
        INSERT INTO claims (document_id, claim_index, text, value, value_real, unit, kind, section, section_titles,
          start, "end", sentence_start, sentence_end, sentence) VALUES
          (1, 0, '1316个', '1316', 1316, '个', 'quantity', '二、/一是', '\(sectionTitles)', 14, 19, 11, 20, '社区优化到1316个')
        """,
    ]
}
