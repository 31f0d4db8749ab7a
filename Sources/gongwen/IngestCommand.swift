import ArgumentParser
import Foundation
import GongwenIngest
import GongwenModel

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Parse documents and folders of documents into a SQLite database.",
        discussion: """
            Examples:
              gongwen ingest corpus --db gongwen.sqlite
              gongwen ingest scraped/2023 --db research.sqlite --quiet

            Folders are read recursively, following links (a linked folder once): .txt, .html, .htm, \
            .pdf and .docx files are parsed (on all cores); other paths are skipped and counted, and listed \
            with --verbose. Only regular files are read: a FIFO or device named .txt is an error of \
            that file. A document over --max-size, or past its time budget in one stage, is an \
            error of that document, and the batch goes on. Each document is written in its own savepoint (a \
            nested transaction: all of it or none of it), committed --batch documents at a time or \
            at least every two seconds, and identified by the SHA-256 of its bytes: the same bytes again \
            are skipped as a duplicate, so an ingest that was interrupted (Ctrl-C, kill -9) continues \
            where it stopped when run again, redoing at most the batch it had not committed. A file that cannot be read is recorded in the table ingest_errors and the batch \
            goes on. Progress goes to standard error, the summary to standard output. \
            Before writing into an existing database, ingest runs PRAGMA quick_check and refuses a \
            damaged one. Exit status: 0 when every document went in or was a duplicate, 1 when some \
            file could not be read, 2 on wrong arguments, no document found, or a database that \
            cannot be opened, is not gongwen's or is damaged.
            """)

    @Argument(help: "Files or folders to ingest.")
    var paths: [String]

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var writer: WriterOptions

    @Flag(help: "List every skipped path with the reason.")
    var verbose = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder.") }
    }

    func run() async throws {
        let files = DocumentFiles(paths)
        if files.paths.isEmpty && files.missing.isEmpty {
            Output.error("no .txt, .html or .htm file found in \(paths.joined(separator: " ")) (\(files.skipped.count) paths skipped\(verbose ? "" : "; --verbose lists them"))")
            if verbose { for skipped in files.skipped { Output.error("  skipped \(skipped.path): \(skipped.reason)") } }
            throw ExitCode(2)
        }
        let store = try await database.open(creating: true)
        let ingestion = Ingestion(
            store: store, options: input.pipelineOptions, workers: writer.jobs, batchSize: writer.batch, progress: writer.progress("ingest"))
        let summary = try await ingestion.run(files, arguments: paths)
        Output.line(summary.report(
            database: database.shown, counting: "files", skipping: "not .txt, .html, .htm, .pdf or .docx", verbose: verbose))
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}

extension IngestSummary {
    /// The summary of `ingest` and `load`: counts, throughput, each failure with its reason,
    /// findings by severity. `counting` names what `files` counts (the `files` of an ingest, the
    /// `lines` of a load), `skipping` what is skipped when nothing was.
    func report(database: String, counting: String, skipping: String, verbose: Bool = false) -> String {
        let megabytes = Double(bytes) / 1_048_576
        let rate = seconds > 0 ? Double(ingested) / seconds : 0
        var lines = [
            "database    \(database)",
            counting.padding(toLength: 12, withPad: " ", startingAt: 0) + "\(files)",
            "ingested    \(ingested)  (\(String(format: "%.1f", megabytes)) MB in \(String(format: "%.1f", seconds)) s, \(String(format: "%.1f", rate)) docs/s)",
            "duplicates  \(duplicates)  (same SHA-256 already stored)",
            "skipped     \(skipped.count)  (\(reasons(ifNone: skipping)))",
        ]
        if verbose { lines += skipped.map { "  \($0.path): \($0.reason)" } }
        lines.append("failed      \(failures.count)")
        lines += failures.map { "  \($0.path): \($0.reason) [\($0.code)]" }
        let counts = Severity.allCases.reversed().map { "\($0.rawValue) \(findings[$0, default: 0])" }
        lines.append("findings    " + counts.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    /// Why paths were skipped, by reason: `not .txt, .html, .htm, .pdf or .docx` when that is the only one,
    /// else `2 not .txt, .html, .htm, .pdf or .docx; 1 broken link`; `ifNone` when nothing was skipped.
    private func reasons(ifNone: String) -> String {
        let counts = Dictionary(grouping: skipped, by: \.reason).mapValues(\.count)
        if counts.count <= 1 { return counts.keys.first ?? ifNone }
        return counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: "; ")
    }
}
