import ArgumentParser
import GongwenModel
import GongwenStore

struct QueryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Find numeric claims across the ingested documents.",
        discussion: """
            Examples:
              gongwen query --unit 人 --min 10000
              gongwen query --subject 社区 --kind percent --year 2022 --format csv
              gongwen query --with-findings --issuer 民政 --format jsonl

            Filters combine (AND). Each row carries the document, the section path, the claim's \
            span [start, end) in code points and the sentence it was read from.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("Claims whose subject contains this text.", valueName: "text"))
    var subject: String?

    @Option(help: ArgumentHelp("Claims in this unit: 人, 个, 万元, %.", valueName: "unit"))
    var unit: String?

    @Option(help: ArgumentHelp("Claims of this kind: quantity, percent, permille, ratio.", valueName: "kind"))
    var kind: NumberKind?

    @Option(parsing: .unconditional, help: "Claims whose value is at least this (negative values too: --min -5).")
    var min: Double?

    @Option(parsing: .unconditional, help: "Claims whose value is at most this.")
    var max: Double?

    @OptionGroup var documents: DocumentFilterOptions

    @Option(help: ArgumentHelp("Claims whose section path (一、/(二)) or a section title above them contains this text.", valueName: "text"))
    var section: String?

    @Flag(help: "Only claims that a checker finding concerns.")
    var withFindings = false

    @Option(help: ArgumentHelp("Only claims that a finding of this rule concerns (change.rate, sum.parts …).", valueName: "id"))
    var rule: RuleID?

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if let min, let max, min > max { throw ValidationError("--min \(min) is greater than --max \(max): no claim can match.") }
        for (name, value) in [("--min", min), ("--max", max)] where value.map({ !$0.isFinite }) == true {
            throw ValidationError("\(name) must be a finite number.")
        }
    }

    func run() async throws {
        let query = ClaimQuery(
            subject: subject, unit: unit, kind: kind?.rawValue, minimum: min, maximum: max, documents: documents.filter,
            section: section, withFindings: withFindings, rule: rule?.id, limit: report.rowLimit)
        try Report.print(try await database.open().claims(query), format: report.format)
    }
}
