import ArgumentParser
import GongwenCheck

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the checker rules; --format markdown prints docs/rules.md.",
        discussion: """
            Examples:
              gongwen rules
              gongwen rules --format markdown > docs/rules.md
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, markdown
    }

    @Option(help: "Output format: text (id, severity, title) or markdown (the rule catalog).")
    var format: Format = .text

    func run() {
        switch format {
        case .text:
            for rule in RuleRegistry.all {
                Output.line("\(rule.id)\t\(rule.severity.rawValue)\t\(rule.title)")
            }
        case .markdown:
            print(RuleCatalog.markdown(), terminator: "")
        }
    }
}
