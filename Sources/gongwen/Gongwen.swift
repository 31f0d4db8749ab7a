import ArgumentParser
import Foundation

/// The version the CLI reports (`--version`, SARIF `tool.driver.version`).
enum GongwenVersion {
    static let current = "0.1.0"
}

@main
struct GongwenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Read Chinese government documents into structured, checkable data.",
        discussion: """
            Stages: decode → fold → segment → extract → check → store.
            Example: gongwen parse corpus/000_842ce01806219f2e.txt --format outline
            """,
        version: GongwenVersion.current,
        subcommands: [ParseCommand.self, CheckCommand.self, RulesCommand.self, BenchCommand.self])

    /// Runs the command; a usage error exits with status 2 (DESIGN.md: 2 for usage or unreadable
    /// input), not ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
