import ArgumentParser
import Foundation

/// The version the CLI reports (`--version`, SARIF `tool.driver.version`).
enum GongwenVersion {
    static let current = "0.1.0"
}

@main
struct GongwenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Read Chinese government documents into structured, checkable data.",
        discussion: """
            Stages: decode → fold → segment → extract → check → store.
            Example: gongwen parse corpus/000_842ce01806219f2e.txt --format outline
            """,
        version: GongwenVersion.current,
        subcommands: [
            ParseCommand.self, CheckCommand.self, RulesCommand.self, IngestCommand.self, LoadCommand.self, QueryCommand.self,
            MeasuresCommand.self, SearchCommand.self, StatsCommand.self, ServeCommand.self, BenchCommand.self, BenchStoreCommand.self,
            EvaluateCommand.self,
        ])

    /// Runs the command; wrong arguments exit with status 2 (ArgumentParser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
