import ArgumentParser
import GongwenStore

struct MeasuresCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measures",
        abstract: "List the enumerated policy measures (一是…二是…, numbered items) across documents.",
        discussion: """
            Examples:
              gongwen measures --match 网格
              gongwen measures --issuer 民政厅 --format csv

            A measure is an inline item of the section tree (一是, 第一,) or an item of an inline or \
            numbered list; an item found both ways is listed once. --match takes any text: three \
            characters or more go through the full-text index, shorter ones are scanned.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Measures whose text contains this text.", valueName: "text"))
    var match: String?

    @OptionGroup var documents: DocumentFilterOptions
    @OptionGroup var report: ReportOptions

    func run() async throws {
        let query = MeasureQuery(match: match.map(SearchTerm.init), documents: documents.filter, limit: report.rowLimit)
        try Report.print(try await database.open().measures(query), format: report.format)
    }
}
