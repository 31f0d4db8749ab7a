import ArgumentParser

@main
struct GongwenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongwen",
        abstract: "Read Chinese government documents into structured, checkable data.",
        discussion: """
            Stages: decode → fold → segment → extract → check → store.
            Example: gongwen parse corpus/000_842ce01806219f2e.txt --format outline
            """,
        version: "0.1.0",
        subcommands: [ParseCommand.self, BenchCommand.self])
}
