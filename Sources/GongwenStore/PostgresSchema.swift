/// The schema of `Schema` on PostgreSQL: the same tables and columns, created by migrations of the
/// same names, booked in the same table (`grdb_migrations`, so one name serves both databases).
/// Integers are `bigint`, texts `text`, SQLite's `jsonText` columns `text`; the order of rows
/// (`ORDER BY source`) is the byte order SQLite uses when the database's collation is `C`
/// (`createdb --locale=C --template=template0`), which the tests' cluster uses.
///
/// What differs is the full-text index: instead of FTS5 bigram tables (`Bigrams`), a GIN index over
/// `gw_grams(text)` — the `tsvector` whose lexemes are every character and every pair of adjacent
/// characters of the text — on `paragraphs` and `list_items`. A term of two characters or more is
/// the `tsquery` of its bigrams (`'网格' & '格化'`), one character that character: both are
/// answered by the index, `strpos()` then keeps the rows where the bigrams stand together.
/// (`pg_trgm` indexes runs of three characters: a two-character term like `教育` has no trigram
/// and falls back to reading the whole index.) `gw_grams` walks the characters once (`substr(t, i, 2)`
/// for every `i` is quadratic in UTF-8): about 1 µs a character, 1.2 s for the 1 M characters of
/// `corpus/`.
enum PostgresSchema {
    /// The migrations in the order and with the names of `Schema.migrations`.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1-documents", documents), ("v2-claims-lists-findings", claimsListsFindings), ("v3-full-text", fullText),
        ("v4-rate-shares", rateShares), ("v5-ingest-in-batches", ingestInBatches),
        // SQLite's bigram index is what `gw_grams` already was here; the sentence index is the same.
        ("v6-bigram-index", []), ("v7-claim-sentence-spans", [index("paragraphs", "document_id", "start")]),
        ("v8-claim-section-titles-by-span", ["ALTER TABLE claims DROP COLUMN section_titles"]),
        // SQLite's bigram index without positions; the GIN index here never held any.
        ("v9-bigram-index-without-positions", []),
        // The unique keys no query read go here too; the coded columns are SQLite's alone (the
        // text here is PostgreSQL's to store, and the query text compares `kind` itself).
        ("v10-coded-columns-without-unused-keys", [
            "ALTER TABLE claims DROP CONSTRAINT claims_document_id_claim_index_key",
            "ALTER TABLE paragraphs DROP CONSTRAINT paragraphs_document_id_position_key",
        ]),
        // SQLite's index moves to a file of its own; the GIN index here stays with the tables it indexes.
        ("v11-full-text-index-in-its-own-file", []),
    ]

    private static func index(_ table: String, _ columns: String...) -> String {
        "CREATE INDEX \(table)_on_\(columns.joined(separator: "_")) ON \(table) (\(columns.map { "\"\($0)\"" }.joined(separator: ", ")))"
    }

    static let documents = [
        """
        CREATE TABLE ingest_runs (
          id bigserial PRIMARY KEY, started_at text NOT NULL, finished_at text, paths text NOT NULL,
          files bigint NOT NULL, ingested bigint NOT NULL, duplicates bigint NOT NULL, skipped bigint NOT NULL,
          failed bigint NOT NULL)
        """,
        """
        CREATE TABLE documents (
          id bigserial PRIMARY KEY, sha256 text NOT NULL UNIQUE, source text NOT NULL, encoding text NOT NULL,
          format text NOT NULL, bytes bigint NOT NULL, characters bigint NOT NULL, title text, doc_type text,
          issuer text, recipient text, date text, year bigint, doc_numbers text NOT NULL, warnings text NOT NULL,
          fields text NOT NULL, boilerplate text NOT NULL, ingested_at text NOT NULL,
          run_id bigint REFERENCES ingest_runs ON DELETE SET NULL)
        """,
        index("documents", "source"), index("documents", "doc_type"), index("documents", "issuer"),
        index("documents", "year"), index("documents", "run_id"),
        """
        CREATE TABLE sections (
          id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
          parent_id bigint REFERENCES sections ON DELETE CASCADE, position bigint NOT NULL, marker text,
          kind text NOT NULL, number bigint, level bigint NOT NULL, title text NOT NULL, start bigint NOT NULL,
          "end" bigint NOT NULL, title_start bigint NOT NULL, title_end bigint NOT NULL, line bigint NOT NULL,
          path text NOT NULL, UNIQUE (document_id, position))
        """,
        index("sections", "parent_id"), index("sections", "kind"),
        """
        CREATE TABLE paragraphs (
          id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
          position bigint NOT NULL, role text NOT NULL, section text, line bigint NOT NULL, start bigint NOT NULL,
          "end" bigint NOT NULL, text text NOT NULL, UNIQUE (document_id, position))
        """,
        """
        CREATE TABLE ingest_errors (
          id bigserial PRIMARY KEY, path text NOT NULL UNIQUE, code text NOT NULL, reason text NOT NULL,
          run_id bigint REFERENCES ingest_runs ON DELETE SET NULL, recorded_at text NOT NULL)
        """,
        index("ingest_errors", "run_id"),
        // SQLite's instr(), which the shared queries use for substrings; inlined by the planner.
        "CREATE FUNCTION instr(text, text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT strpos($1, $2)'",
    ]

    static let claimsListsFindings = [
        """
        CREATE TABLE claims (
          id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
          claim_index bigint NOT NULL, text text NOT NULL, value text NOT NULL, value_real double precision NOT NULL,
          upper text, unit text, unit_category text, kind text NOT NULL, subject text, predicate text, qualifier text,
          qualifier_text text, resolution text, parts text, section text, section_titles text, start bigint NOT NULL,
          "end" bigint NOT NULL, sentence_start bigint NOT NULL, sentence_end bigint NOT NULL, sentence text NOT NULL,
          UNIQUE (document_id, claim_index))
        """,
        index("claims", "value_real"), index("claims", "unit", "document_id"), index("claims", "kind", "document_id"),
        """
        CREATE TABLE changes (
          id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
          from_claim_id bigint REFERENCES claims ON DELETE CASCADE, to_claim_id bigint REFERENCES claims ON DELETE CASCADE,
          delta_claim_id bigint REFERENCES claims ON DELETE CASCADE, rate_claim_id bigint REFERENCES claims ON DELETE CASCADE,
          direction text, start bigint NOT NULL, "end" bigint NOT NULL)
        """,
        index("changes", "document_id"), index("changes", "from_claim_id"), index("changes", "to_claim_id"),
        index("changes", "delta_claim_id"), index("changes", "rate_claim_id"),
        """
        CREATE TABLE breakdowns (
          id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
          total_claim_id bigint NOT NULL REFERENCES claims ON DELETE CASCADE, start bigint NOT NULL, "end" bigint NOT NULL)
        """,
        index("breakdowns", "document_id"), index("breakdowns", "total_claim_id"),
        """
        CREATE TABLE breakdown_parts (
          breakdown_id bigint NOT NULL REFERENCES breakdowns ON DELETE CASCADE, position bigint NOT NULL,
          claim_id bigint NOT NULL REFERENCES claims ON DELETE CASCADE, PRIMARY KEY (breakdown_id, position))
        """,
        index("breakdown_parts", "claim_id"),
        """
        CREATE TABLE rates (
          id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
          rate_claim_id bigint NOT NULL REFERENCES claims ON DELETE CASCADE,
          numerator_claim_id bigint NOT NULL REFERENCES claims ON DELETE CASCADE,
          denominator_claim_id bigint NOT NULL REFERENCES claims ON DELETE CASCADE, start bigint NOT NULL, "end" bigint NOT NULL)
        """,
        index("rates", "document_id"), index("rates", "rate_claim_id"), index("rates", "numerator_claim_id"),
        index("rates", "denominator_claim_id"),
        """
        CREATE TABLE lists (
          id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
          position bigint NOT NULL, stated_count bigint, label text, style text NOT NULL, section text,
          start bigint NOT NULL, "end" bigint NOT NULL, UNIQUE (document_id, position))
        """,
        index("lists", "style"),
        """
        CREATE TABLE list_items (
          id bigserial PRIMARY KEY, list_id bigint NOT NULL REFERENCES lists ON DELETE CASCADE,
          document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE, position bigint NOT NULL, marker text,
          text text NOT NULL, section text, start bigint NOT NULL, "end" bigint NOT NULL, UNIQUE (list_id, position))
        """,
        index("list_items", "document_id"),
        """
        CREATE TABLE findings (
          id bigserial PRIMARY KEY, document_id bigint NOT NULL REFERENCES documents ON DELETE CASCADE,
          rule text NOT NULL, severity text NOT NULL, message text NOT NULL, message_en text NOT NULL,
          start bigint NOT NULL, "end" bigint NOT NULL, line bigint NOT NULL, "column" bigint NOT NULL, stated text,
          expected text, evidence text NOT NULL)
        """,
        index("findings", "document_id"), index("findings", "rule"),
        """
        CREATE TABLE finding_claims (
          finding_id bigint NOT NULL REFERENCES findings ON DELETE CASCADE,
          claim_id bigint NOT NULL REFERENCES claims ON DELETE CASCADE, PRIMARY KEY (finding_id, claim_id))
        """,
        index("finding_claims", "claim_id"),
    ]

    static let fullText = [
        """
        CREATE FUNCTION gw_grams(t text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
          SELECT coalesce(array_to_tsvector(array_agg(ch) || array_agg(ch || next) FILTER (WHERE next IS NOT NULL)), ''::tsvector)
          FROM (SELECT ch, lead(ch) OVER (ORDER BY n) AS next
                FROM unnest(string_to_array(t, NULL)) WITH ORDINALITY AS chars(ch, n)) AS pairs
        $$
        """,
        "CREATE INDEX paragraphs_grams ON paragraphs USING gin (gw_grams(text))",
        "CREATE INDEX list_items_grams ON list_items USING gin (gw_grams(text))",
    ]

    static let rateShares = [
        "ALTER TABLE rates ADD COLUMN kind text NOT NULL DEFAULT 'rate'",
        "ALTER TABLE rates ALTER COLUMN denominator_claim_id DROP NOT NULL",
        """
        CREATE TABLE rate_parts (
          rate_id bigint NOT NULL REFERENCES rates ON DELETE CASCADE, position bigint NOT NULL,
          claim_id bigint NOT NULL REFERENCES claims ON DELETE CASCADE, PRIMARY KEY (rate_id, position))
        """,
        index("rate_parts", "claim_id"),
    ]

    static let ingestInBatches = [index("claims", "document_id", "start")]
}
