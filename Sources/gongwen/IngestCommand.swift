import ArgumentParser
import Foundation
import GongwenModel

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse documents and folders of documents into a SQLite database.",
        discussion: """
            Examples:
              gongwen ingest corpus ../shared/corpus-public --db gongwen.sqlite
              gongwen ingest scraped/2023 --db research.sqlite --quiet

            Folders are read recursively: .txt, .html, .htm, .pdf and .docx files are parsed (on all cores), \
            other files are skipped and counted. Each document is written in its own savepoint (a \
            nested transaction: all of it or none of it), committed --batch documents at a time or \
            at least every two seconds, and identified by the SHA-256 of its bytes: the same bytes again \
            are skipped as a duplicate, so an ingest that was interrupted (Ctrl-C, kill -9) continues \
            where it stopped when run again, redoing at most the batch it had not committed. A file that cannot be read is recorded in the table ingest_errors and the batch \
            goes on. Progress goes to standard error, the summary to standard output. \
            Exit status: 0 when every document went in or was a duplicate, 1 when some file could \
            not be read, 2 on wrong arguments or a database that cannot be opened.
            """)

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var input: InputOptions

    @Option(help: "How many documents to parse at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "How many documents to commit at once, each in its own savepoint (1: a commit per document).")
    var batch = 128

    @Flag(help: "Print no progress.")
    var quiet = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder.") }
        if jobs < 1 || batch < 1 { throw ValidationError("--jobs and --batch must be 1 or more.") }
    }

    func run() async throws {
        let store = try database.open(creating: true)
        let ingestion = Ingestion(
            store: store, options: input.pipelineOptions, workers: jobs, batchSize: batch, progress: quiet ? nil : IngestProgress())
        let summary = try await ingestion.run(paths)
        Output.line(render(summary))
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }

    /// The summary: counts, throughput, each failure with its reason, findings by severity.
    private func render(_ summary: IngestSummary) -> String {
        let megabytes = Double(summary.bytes) / 1_048_576
        let rate = summary.seconds > 0 ? Double(summary.ingested) / summary.seconds : 0
        var lines = [
            "database    \(database.db)",
            "files       \(summary.files)",
            "ingested    \(summary.ingested)  (\(String(format: "%.1f", megabytes)) MB in \(String(format: "%.1f", summary.seconds)) s, \(String(format: "%.1f", rate)) docs/s)",
            "duplicates  \(summary.duplicates)  (same SHA-256 already stored)",
            "skipped     \(summary.skipped)  (not .txt, .html, .htm, .pdf or .docx)",
            "failed      \(summary.failures.count)",
        ]
        lines += summary.failures.map { "  \($0.path): \($0.reason) [\($0.code)]" }
        let findings = Severity.allCases.reversed().map { "\($0.rawValue) \(summary.findings[$0, default: 0])" }
        lines.append("findings    " + findings.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
