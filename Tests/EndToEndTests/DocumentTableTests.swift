import Foundation
import Gongwen
import GongwenModel
import GongwenText
import Testing
import TestSupport

/// Per seed document, what extract and check found, as small tables a person checks line by line
/// against the document (`Snapshots/<document>/claims.tsv`, `links.tsv`, `lists.tsv`,
/// `findings.tsv`). Rewrite them with `GONGWEN_UPDATE_SNAPSHOTS=1`, then review every changed line.
@Suite("Reviewed tables per seed document")
struct DocumentTableTests {
    static let seeds: [String] = ((try? Repository.corpusFiles()) ?? []).map(\.lastPathComponent)

    static func analysis(_ name: String) throws -> Analysis {
        try Analysis.run(path: Repository.corpus.appendingPathComponent(name).path)
    }

    /// The folder of a document's tables: its file name without the extension.
    static func folder(_ name: String) -> String {
        (name as NSString).deletingPathExtension
    }

    /// The tables of a document, one file each.
    enum Table: String, CaseIterable, Sendable {
        case claims, links, lists, findings

        func render(_ analysis: Analysis) -> String {
            switch self {
            case .claims: return DocumentTables.claims(analysis.document)
            case .links: return DocumentTables.links(analysis.document)
            case .lists: return DocumentTables.lists(analysis.document)
            case .findings: return DocumentTables.findings(analysis)
            }
        }
    }

    @Test(arguments: seeds, Table.allCases)
    func table(_ name: String, _ table: Table) throws {
        let analysis = try Self.analysis(name)
        try Snapshot.assertMatches(table.render(analysis), named: "\(Self.folder(name))/\(table.rawValue).tsv")
    }

    /// A golden a person cannot read at a sitting is one nobody reviewed.
    @Test func noSnapshotIsLongerThan300Lines() throws {
        let walker = try #require(FileManager.default.enumerator(at: Snapshot.folder, includingPropertiesForKeys: nil))
        var long: [String] = []
        for case let url as URL in walker where !url.hasDirectoryPath {
            let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count
            if lines > 300 { long.append("\(url.lastPathComponent): \(lines)") }
        }
        #expect(long == [])
    }
}

/// Renders a document's claims, links, lists and findings as tab-separated tables, one row per
/// item, `-` for an empty field: `616	39.54%	percent	39.54	%	-	建制村	减幅`.
enum DocumentTables {
    static func field(_ value: String?) -> String {
        guard let value, !value.isEmpty else { return "-" }
        return value.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: "⏎")
    }

    static func number(_ value: Decimal?) -> String {
        value.map { "\($0)" } ?? "-"
    }

    static func table(_ header: [String], _ rows: [[String]]) -> String {
        ([header] + rows).map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    }

    static func claims(_ document: Document) -> String {
        table(["start", "text", "kind", "value", "upper", "unit", "qualifier", "subject", "predicate"],
              document.claims.map { claim in
                  [String(claim.start), field(claim.text), claim.kind.rawValue, number(claim.value), number(claim.upper),
                   field(claim.unit), field(claim.qualifierText), field(claim.subject), field(claim.predicate)]
              })
    }

    /// Links name their claims by text and start (`2177@597`).
    static func links(_ document: Document) -> String {
        func claim(_ id: Int?) -> String {
            guard let id, document.claims.indices.contains(id) else { return "-" }
            let claim = document.claims[id]
            return "\(claim.text)@\(claim.start)"
        }
        var rows: [[String]] = []
        for change in document.changes {
            rows.append(["change", String(change.start), field(change.direction?.rawValue),
                         "from \(claim(change.from)) to \(claim(change.to)) delta \(claim(change.delta)) rate \(claim(change.rate))"])
        }
        for breakdown in document.breakdowns {
            rows.append(["breakdown", String(breakdown.start), "-",
                         "total \(claim(breakdown.total)) parts \(breakdown.parts.map(claim).joined(separator: " + "))"])
        }
        for rate in document.rates {
            let whole = rate.denominatorParts.map { $0.map(claim).joined(separator: " + ") } ?? claim(rate.denominator)
            rows.append([rate.kind.rawValue, String(rate.start), "-", "rate \(claim(rate.rate)) = \(claim(rate.numerator)) / \(whole)"])
        }
        for structure in document.structures {
            rows.append(["structure", String(structure.start), "-", "ratio \(claim(structure.ratio)) of \(structure.values.map(claim).joined(separator: " : "))"])
        }
        return table(["link", "start", "direction", "claims"], rows)
    }

    static func lists(_ document: Document) -> String {
        table(["start", "label", "stated", "style", "items"],
              document.lists.map { list in
                  [String(list.start), field(list.label), list.statedCount.map(String.init) ?? "-", list.style.rawValue,
                   list.items.map { field($0.marker ?? String($0.text.prefix(8))) }.joined(separator: " ")]
              })
    }

    /// Findings with the text they anchor on and their message.
    static func findings(_ analysis: Analysis) -> String {
        table(["line", "rule", "severity", "text", "message"],
              analysis.document.findings.map { finding in
                  [String(finding.line), finding.rule, finding.severity.rawValue,
                   field(analysis.source.text(finding.span)), field(finding.message)]
              })
    }
}
