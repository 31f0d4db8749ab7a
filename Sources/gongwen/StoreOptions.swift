import ArgumentParser
import Foundation
import GongwenStore

/// `--db`: the SQLite file of the store commands, or the PostgreSQL database an office shares
/// (`postgres://user@host:port/database`; without `--db`, `GONGWEN_DATABASE_URL` when set).
struct DatabaseOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The SQLite database file, or a PostgreSQL URL (postgres://user[:password]@host[:port]/database). Default: $GONGWEN_DATABASE_URL, else gongwen.sqlite.",
        valueName: "file|url"))
    var db: String?

    /// The database the command uses: `--db`, else `GONGWEN_DATABASE_URL`, else `gongwen.sqlite`.
    var location: String {
        if let db { return db }
        if let url = ProcessInfo.processInfo.environment["GONGWEN_DATABASE_URL"], !url.isEmpty { return url }
        return "gongwen.sqlite"
    }

    /// The location as messages print it: a URL without its password.
    var shown: String {
        guard PostgresStore.isURL(location), var parts = URLComponents(string: location), parts.password != nil else { return location }
        parts.password = "***"
        return parts.string ?? location
    }

    /// Opens the store: a SQLite file through `openSQLite`, a PostgreSQL database by connecting
    /// (and, for `ingest` and `load`, creating gongwen's tables in it when they are missing).
    func open(creating: Bool = false) async throws -> any DocumentStore {
        guard PostgresStore.isURL(location) else { return try openSQLite(creating: creating) }
        do {
            return try await PostgresStore(url: location, access: creating ? .write : .read)
        } catch let problem as Schema.Problem {
            Output.error("\(shown): \(problem)")
            throw ExitCode(2)
        } catch let problem as PostgresStore.Problem {
            Output.error("\(shown): \(problem)")
            throw ExitCode(2)
        } catch {
            Output.error("\(shown): cannot open the database (\(String(reflecting: error)))")
            throw ExitCode(2)
        }
    }

    /// Opens the SQLite database: for `ingest` creating it and refusing a damaged one, for the
    /// readers read-only, refusing a missing file (they would otherwise answer from a new empty
    /// database), a file that is not a gongwen database, or one of another schema version.
    func openSQLite(creating: Bool = false) throws -> Store {
        let db = location
        if PostgresStore.isURL(db) {
            Output.error("\(shown): this command reads a SQLite database only")
            throw ExitCode(2)
        }
        if !creating && !FileManager.default.fileExists(atPath: db) {
            Output.error("\(db): no such database (run gongwen ingest first, or give --db)")
            throw ExitCode(2)
        }
        do {
            return try Store(path: db, access: creating ? .write : .read)
        } catch Schema.Problem.damaged(let report) {
            Output.error("\(db): the database is damaged (\(report)); nothing was written. Recover what it holds with: sqlite3 \(db) .recover | sqlite3 recovered.sqlite")
            throw ExitCode(2)
        } catch let problem as Schema.Problem {
            Output.error("\(db): \(problem)")
            throw ExitCode(2)
        } catch {
            Output.error("\(db): cannot open the database (\(error))")
            throw ExitCode(2)
        }
    }
}

/// `--jobs`, `--batch`, `--quiet`: how the writers (`ingest`, `load`) work through their input.
struct WriterOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "How many documents to parse or decode at once.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(parsing: .unconditional, help: "How many documents to commit at once, each in its own savepoint (1: a commit per document).")
    var batch = 128

    @Flag(help: "Print no progress.")
    var quiet = false

    func validate() throws {
        if jobs < 1 || batch < 1 { throw ValidationError("--jobs and --batch must be 1 or more.") }
    }

    /// The progress line of `command` on standard error, none with `--quiet`.
    func progress(_ command: String) -> IngestProgress? {
        quiet ? nil : IngestProgress(command: command)
    }
}

/// `--format` and `--limit`: how the readers (`query`, `measures`, `search`, `stats`) print rows.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: table (aligned for Chinese double-width characters), csv, json, jsonl.")
    var format: ReportFormat = .table

    @Option(parsing: .unconditional, help: "At most this many rows; 0 for all.")
    var limit: Int = 200

    var rowLimit: Int? { limit > 0 ? limit : nil }

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be ≥ 0 (0 for all).") }
    }
}

/// `--doc`, `--issuer`, `--year`: which documents a reader looks at.
struct DocumentFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Documents whose source path contains this text or whose SHA-256 starts with it.", valueName: "text"))
    var doc: String?

    @Option(help: ArgumentHelp("Documents whose issuer (发文机关) contains this text.", valueName: "text"))
    var issuer: String?

    @Option(parsing: .unconditional, help: "Documents dated in this year.")
    var year: Int?

    var filter: DocumentFilter { DocumentFilter(document: doc, issuer: issuer, year: year) }
}
