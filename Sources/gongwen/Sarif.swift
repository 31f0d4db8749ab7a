import Foundation
import GongwenCheck
import GongwenModel
import GongwenText

/// A SARIF 2.1.0 log of `gongwen check --format sarif`, so that code-review tools can show the
/// findings: one run, the rules of the registry in `tool.driver.rules`, one result per finding with
/// its physical location (lines and columns in Unicode code points, `columnKind` says so).
///
/// A `date.malformed` finding on `715日` becomes a result with `ruleId` `date.malformed`, `level`
/// `error` and a region with `startLine` 27, `charOffset` at the `7`, `charLength` 4.
struct SarifLog: Encodable {
    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case version
        case schema = "$schema"
        case runs
    }

    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
        var invocations: [Invocation]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name = "gongwen"
        var version = GongwenVersion.current
        var rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Text
        var fullDescription: Text
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }
    struct Text: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Text
        var locations: [Location]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    /// Where a result is (with a region) or which file a notification is about (without).
    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int
        var endColumn: Int
        var charOffset: Int
        var charLength: Int
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level = "error"
        var message: Text
        var locations: [Location]
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func uri(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    /// The log of checked files (path, source, findings) and of files that could not be read.
    init(checked: [(path: String, source: SourceText, findings: [Finding])], unreadable: [(path: String, reason: String)], english: Bool) {
        let rules = RuleRegistry.all
        let descriptors = rules.map { rule in
            ReportingDescriptor(id: rule.id, name: rule.id, shortDescription: Text(text: rule.title), fullDescription: Text(text: rule.rationale),
                                defaultConfiguration: Configuration(level: Self.level(rule.severity)))
        }
        var results: [Result] = []
        for (path, source, findings) in checked {
            for finding in findings {
                let end = max(finding.start, finding.end)
                let region = Region(startLine: finding.line, startColumn: finding.column,
                                    endLine: source.line(at: end), endColumn: source.column(at: end),
                                    charOffset: finding.start, charLength: end - finding.start)
                results.append(Result(ruleId: finding.rule, ruleIndex: rules.firstIndex { $0.id == finding.rule } ?? -1,
                                      level: Self.level(finding.severity), message: Text(text: english ? finding.messageEn : finding.message),
                                      locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: Self.uri(path)), region: region))]))
            }
        }
        let notifications = unreadable.map { path, reason in
            Notification(message: Text(text: "\(path): \(reason)"),
                          locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: ArtifactLocation(uri: Self.uri(path)), region: nil))])
        }
        runs = [Run(tool: Tool(driver: Driver(rules: descriptors)), results: results,
                    invocations: [Invocation(executionSuccessful: unreadable.isEmpty, toolExecutionNotifications: notifications)])]
    }
}
