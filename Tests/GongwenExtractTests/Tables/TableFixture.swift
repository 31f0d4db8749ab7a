import Foundation
import Gongwen
import GongwenModel

/// What the table suites run: a table under a first line that says what kind of document holds it
/// (`统计公报`, `预算报告`), and what they read of the result.
protocol TableFixture {
    /// The document's first line.
    static var heading: String { get }
}

extension TableFixture {
    func document(_ text: String) throws -> Document {
        try Analysis.run(text: Self.heading + "\n" + text, source: "test").document
    }

    /// The error and warning findings, as `rule@line`.
    func alarms(_ text: String) throws -> [String] {
        try document(text).findings.filter { $0.severity >= .warning }.map { "\($0.rule)@\($0.line)" }
    }

    /// The breakdowns as the printed total and parts.
    func sums(_ document: Document) -> [[String]] {
        document.breakdowns.map { ([$0.total] + $0.parts).map { document.claims[$0].text } }
    }
}
