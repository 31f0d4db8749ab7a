import ArgumentParser
import GongwenStore

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count what the database holds: documents by issuer, year and type, claims by unit, findings by rule.",
        discussion: """
            Examples:
              gongwen stats --db gongwen.sqlite
              gongwen stats --format json

            The table format prints one small table per group; csv and jsonl print one row per \
            group and key; json prints one object.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Output format: table, csv, json, jsonl.")
    var format: ReportFormat = .table

    func run() async throws {
        let statistics = try await database.open().statistics()
        switch format {
        case .json:
            Output.line(try Output.json(statistics, pretty: true))
        case .csv, .jsonl:
            try Report.print(statistics.rows, format: format)
        case .table:
            var blocks = ["documents \(statistics.documents), ingest errors \(statistics.ingestErrors)"]
            for (group, counts) in statistics.groups where !counts.isEmpty {
                blocks.append(Report.table(header: [group, "count"], rows: counts.map { [$0.key ?? "(none)", String($0.count)] }))
            }
            Output.line(blocks.joined(separator: "\n\n"))
        }
    }
}

/// One count of the statistics as a flat row: group `documents by issuer`, key `江苏省民政厅`, count 1.
struct StatisticsRow: TableRow {
    static let columns = ["group", "key", "count"]
    var group: String
    var key: String?
    var count: Int

    var cells: [String] { [group, key ?? "", String(count)] }
}

extension Statistics {
    /// The groups in the order they are printed, with their names.
    var groups: [(String, [Count])] {
        [
            ("documents by issuer", byIssuer), ("documents by year", byYear), ("documents by doc_type", byDocType),
            ("claims by unit", claimsByUnit), ("findings by rule", findingsByRule),
        ]
    }

    var rows: [StatisticsRow] {
        groups.flatMap { group, counts in counts.map { StatisticsRow(group: group, key: $0.key, count: $0.count) } }
    }
}
