import Foundation
import TestSupport

/// Where the test data lives: the seeds in `corpus/`, the conformance cases in `Tests/Conformance/`.
enum Fixtures {
    static let conformance = Repository.conformance

    /// The text of a seed document in `corpus/`.
    static func seed(_ name: String) throws -> String {
        try String(contentsOf: Repository.corpus.appendingPathComponent(name), encoding: .utf8)
    }

    /// The lines of a resource of this test target (`Resources/known-differences.tsv`).
    static func resourceLines(_ name: String) throws -> [Substring] {
        guard let folder = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw FixtureError.missing("Resources folder of GongwenExtractTests")
        }
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n")
    }
}

enum FixtureError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let what): return "missing test data: \(what)"
        }
    }
}
