import ArgumentParser
import Foundation
import GongwenStore

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search of the ingested documents, with highlighted snippets.",
        discussion: """
            Examples:
              gongwen search 网格化治理
              gongwen search 教育 --issuer 教育厅 --format jsonl

            The text is one literal string, looked up in the index of character bigrams (教育 is \
            one term of it, 网格化 the phrase 网格 格化, 教 a prefix) and ranked by bm25 on SQLite, \
            by how often it occurs on PostgreSQL. Hits are marked «…» (bold on a terminal).
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The text to find.")
    var text: String

    @OptionGroup var documents: DocumentFilterOptions
    @OptionGroup var report: ReportOptions

    func validate() throws {
        if text.isEmpty { throw ValidationError("Give the text to find.") }
    }

    func run() async throws {
        let terminal = report.format == .table && isatty(STDOUT_FILENO) == 1
        let search = TextSearch(
            term: SearchTerm(text), documents: documents.filter, open: terminal ? "\u{1B}[1m" : "«",
            close: terminal ? "\u{1B}[0m" : "»", limit: report.rowLimit)
        try Report.print(try await database.open().search(search), format: report.format)
    }
}
