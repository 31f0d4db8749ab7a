import Foundation
import TestSupport

/// Where the test data lives: the repository's `corpus/`, and `../shared/` beside the repository
/// (seeds, the public corpus, the conformance suites).
enum Fixtures {
    static let conformance = Repository.shared.appendingPathComponent("conformance")

    /// The five seed documents: `corpus/` in the repository, else `../shared/seeds`.
    static func seed(_ name: String) throws -> String {
        let inCorpus = Repository.corpus.appendingPathComponent(name)
        let url = FileManager.default.fileExists(atPath: inCorpus.path)
            ? inCorpus : Repository.shared.appendingPathComponent("seeds").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
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
