import ArgumentParser
import GongwenServe
import Hummingbird

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the database as web pages: documents, findings, claims, measures (read-only).",
        discussion: """
            Examples:
              gongwen serve --db gongwen.sqlite
              gongwen serve --db postgres://gongwen@db.office/office --host 0.0.0.0
              gongwen serve --db demo.sqlite --port 0        (any free port; the URL is printed)

            Listens on 127.0.0.1 unless --host says otherwise. The database (a SQLite file or a \
            PostgreSQL URL, as for the other store commands) is opened read-only; \
            every page has its JSON (Accept: application/json, or the .json suffix) and every \
            table its CSV (.csv). The JSON routes are described in schemas/openapi.yaml.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("The address to listen on; 0.0.0.0 exposes the pages to the network.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8080

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535.") }
        if host.isEmpty { throw ValidationError("--host must not be empty.") }
    }

    func run() async throws {
        let store = try await database.open()
        let app = Server.application(store: store, host: host, port: port) { url in
            Output.line("gongwen serve: \(database.shown) on \(url) (read-only; Ctrl-C stops)")
        }
        try await app.runService()
    }
}
