import ArgumentParser
import Foundation
import GongwenIngest

struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Store the JSON lines that parse --format jsonl - writes in a SQLite database, as ingest would.",
        discussion: """
            Examples:
              gongwen load parsed.jsonl --db gongwen.sqlite
              find corpus -name '*.txt' | gongwen parse --format jsonl - | gongwen load - --db gongwen.sqlite

            The route past one machine: stream mode on a cluster (Spark RDD.pipe, Hadoop Streaming) \
            writes JSON Lines, and load stores them. Each line is a document as the stream mode \
            writes it, stored exactly as ingest stores the file it came from (the same rows; \
            identified by the SHA-256 of the file's bytes, so a line whose document is stored is a \
            duplicate, and loading a file twice changes nothing), or an error line of the stream mode, \
            recorded in ingest_errors under its source as ingest records a file it cannot read. A line \
            that is neither (not JSON, not a document) is a failure named FILE:LINE, the run goes on; \
            blank lines are skipped. Files are read a megabyte at a time, whatever their size; documents \
            are committed as ingest commits them (--batch). Exit status: 0 when every line went in or \
            was a duplicate, 1 when some line failed or a file could not be read, 2 on wrong arguments \
            or a database that cannot be opened, is not gongwen's or is damaged.
            """)

    @Argument(help: "JSON Lines files written by gongwen parse --format jsonl -, or - for standard input.")
    var files: [String]

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var writer: WriterOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one JSON Lines file, or - for standard input.") }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("- reads standard input once.") }
    }

    func run() async throws {
        let store = try await database.open(creating: true)
        let loading = Loading(store: store, workers: writer.jobs, batchSize: writer.batch, progress: writer.progress("load"))
        let summary = try await loading.run(files)
        Output.line(summary.report(database: database.shown, counting: "lines", skipping: "blank line"))
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}
