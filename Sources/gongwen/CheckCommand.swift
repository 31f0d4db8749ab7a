import ArgumentParser
import Foundation
import Gongwen
import GongwenCheck
import GongwenIngest
import GongwenModel
import GongwenText

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check documents: recompute changes, sums, shares and rates; flag garbled or lost numbers and dates, implausible magnitudes, numbering, counts, duplicated text.",
        discussion: """
            Examples:
              gongwen check corpus/*
              gongwen check corpus/000_842ce01806219f2e.txt --lang en --min-severity warning
              gongwen check corpus/public --format sarif > findings.sarif

            Prints diagnostics like a compiler: path:line:col: severity: message [rule.id], the source line
            and a marker under the span; then a summary line per file and one for all. Directories are
            searched for .txt, .html, .htm, .pdf and .docx files. `gongwen rules` lists the rules.
            Exit status: 0 when no finding has severity error, 1 when one has, 2 for a usage error or a
            file that could not be read (the other files are still checked).
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, sarif
    }

    enum Language: String, ExpressibleByArgument, CaseIterable {
        case zh, en
    }

    @Argument(help: "Files or directories to check (.txt, .html, .htm, .pdf, .docx).")
    var files: [String]

    @Option(help: "Output format: text (compiler-style diagnostics), json (schemas/finding.schema.json), sarif (SARIF 2.1.0).")
    var format: Format = .text

    @Option(name: .customLong("min-severity"), help: "Report only findings of this severity or higher: info, warning, error.")
    var minSeverity: Severity = .info

    @Option(name: .customLong("rule"), help: "Run only this rule (repeatable).")
    var rules: [String] = []

    @Option(name: .customLong("no-rule"), help: "Do not run this rule (repeatable).")
    var excludedRules: [String] = []

    @Option(help: "Language of the messages in text and SARIF output: zh or en. JSON carries both.")
    var lang: Language = .zh

    @Option(help: "A bounds file (TSV, the columns of bounds.tsv) whose rows win over the bundled ones.")
    var bounds: String?

    @Option(help: "An identities file (TSV, the columns of identities.tsv) whose rows are added to the bundled ones.")
    var identities: String?

    @OptionGroup var input: InputOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file to check.") }
        let unknown = options(bounds: .bundled).unknownRuleIDs
        if !unknown.isEmpty {
            throw ValidationError("Unknown rule \(unknown.joined(separator: ", ")); known rules: \(RuleRegistry.ids.joined(separator: ", ")).")
        }
    }

    private func options(bounds: Bounds, identities: Identities = .bundled) -> CheckOptions {
        CheckOptions(only: Set(rules), excluded: Set(excludedRules), minimumSeverity: minSeverity, bounds: bounds, identities: identities)
    }

    func run() throws {
        var loaded = Bounds.bundled
        if let bounds {
            do throws(BoundsError) {
                loaded = Bounds.bundled.overridden(by: try Bounds.load(path: bounds))
            } catch {
                throw ValidationError(error.description)
            }
        }
        var known = Identities.bundled
        if let identities {
            do throws(BoundsError) {
                known = try Identities.load(path: identities)
            } catch {
                throw ValidationError(error.description)
            }
        }
        var pipeline = input.pipelineOptions
        pipeline.check = options(bounds: loaded, identities: known)
        var checked: [(path: String, source: SourceText, findings: [Finding])] = []
        var unreadable: [(path: String, reason: String)] = []
        let printer = DiagnosticPrinter.forStandardOutput(english: lang == .en)
        for path in expand(files) {
            do throws(DecodeError) {
                let analysis = try Analysis.run(path: path, options: pipeline)
                checked.append((path, analysis.source, analysis.document.findings))
                if format == .text {
                    for finding in analysis.document.findings {
                        Output.line(printer.render(finding, path: path, source: analysis.source))
                    }
                    Output.line(printer.summary(path: path, findings: analysis.document.findings))
                }
            } catch {
                unreadable.append((path, error.reason))
                Output.error(error.description)
            }
        }
        let all = checked.flatMap(\.findings)
        switch format {
        case .text:
            var total = "\(checked.count) file\(checked.count == 1 ? "" : "s") checked: " + DiagnosticPrinter.counts(all)
            if !unreadable.isEmpty { total += "; \(unreadable.count) file\(unreadable.count == 1 ? "" : "s") could not be read" }
            Output.line(total)
        case .json:
            Output.line(try Output.json(FindingsReport(checked: checked, unreadable: unreadable), pretty: true))
        case .sarif:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Output.line(String(decoding: try encoder.encode(SarifLog(checked: checked, unreadable: unreadable, english: lang == .en)), as: UTF8.self))
        }
        if !unreadable.isEmpty { throw ExitCode(2) }
        if all.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }

    /// The files named, with directories replaced by the document files below them (`DocumentFiles.extensions`), sorted.
    private func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
                  let walker = FileManager.default.enumerator(atPath: path) else {
                out.append(path)
                continue
            }
            var found: [String] = []
            for case let relative as String in walker where DocumentFiles.extensions.contains((relative as NSString).pathExtension.lowercased()) {
                found.append((path as NSString).appendingPathComponent(relative))
            }
            out += found.sorted()
        }
        return out
    }
}

/// The JSON of `gongwen check --format json` (`schemas/finding.schema.json`): per file its counts or
/// why it could not be read, and every finding with its `source`.
struct FindingsReport: Encodable {
    struct File: Encodable {
        var source: String
        var error: String?
        var errors: Int?
        var warnings: Int?
        var infos: Int?
    }

    /// A finding with the path of its document.
    struct SourcedFinding: Encodable {
        var source: String
        var finding: Finding

        enum CodingKeys: String, CodingKey { case source }

        func encode(to encoder: Encoder) throws {
            try finding.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
        }
    }

    var files: [File]
    var findings: [SourcedFinding]

    init(checked: [(path: String, source: SourceText, findings: [Finding])], unreadable: [(path: String, reason: String)]) {
        files = checked.map { path, _, findings in
            File(source: path, errors: findings.filter { $0.severity == .error }.count,
                 warnings: findings.filter { $0.severity == .warning }.count, infos: findings.filter { $0.severity == .info }.count)
        } + unreadable.map { File(source: $0.path, error: $0.reason) }
        findings = checked.flatMap { path, _, findings in findings.map { SourcedFinding(source: path, finding: $0) } }
    }
}

extension Severity: ExpressibleByArgument {}
