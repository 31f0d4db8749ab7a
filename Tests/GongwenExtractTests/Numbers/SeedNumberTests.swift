import Foundation
import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// The five seed documents, number by number. `Resources/seed-numbers.tsv` lists every quantity,
/// percent and ratio written with digits, in order, with its value, range end, unit and qualifier,
/// checked by hand against the text; `Resources/seed-non-claims.tsv` lists the years, dates,
/// document numbers, phones, identifiers, formulas and plans, which must keep their kind.
@Suite struct SeedNumberTests {
    static let seeds = [
        "000_842ce01806219f2e.txt", "001_80517c5d3fdae330.txt", "002_f7baab1df13353fe.txt",
        "003_bae5fa7c6a583b1e.txt", "004_8b0ea43be8e85885.txt",
    ]

    struct Expected: Equatable, CustomStringConvertible {
        var text: String
        var kind: String
        var value: Decimal?
        var upper: Decimal?
        var unit: String?
        var qualifier: String?

        var description: String {
            "\(text) \(kind) \(value.map { "\($0)" } ?? "-")\(upper.map { "–\($0)" } ?? "") \(unit ?? "") \(qualifier ?? "")"
        }
    }

    @Test(arguments: seeds)
    func digitWrittenClaims(seed: String) throws {
        let expected = try Self.table("seed-numbers.tsv", seed: seed).map { fields in
            Expected(
                text: fields[1], kind: fields[2], value: Decimal(string: fields[3]),
                upper: fields[4].isEmpty ? nil : Decimal(string: fields[4]), unit: fields[5].isEmpty ? nil : fields[5],
                qualifier: fields[6].isEmpty ? nil : fields[6])
        }
        let actual = try Self.mentions(seed).filter { mention in
            mention.kind.isClaim && mention.text.unicodeScalars.contains { ("0"..."9").contains(Fold.fold($0)) }
        }.map { mention in
            Expected(
                text: mention.text, kind: mention.kind.rawValue, value: mention.value, upper: mention.upper,
                unit: mention.unit, qualifier: mention.qualifier?.rawValue)
        }
        #expect(actual.count == expected.count, "\(seed): \(actual.count) claims, \(expected.count) listed")
        for (got, want) in zip(actual, expected) where got != want {
            Issue.record("\(seed): got \(got), expected \(want)")
        }
    }

    @Test(arguments: seeds)
    func yearsDatesAndCodesAreNeverQuantities(seed: String) throws {
        let mentions = try Self.mentions(seed)
        for fields in try Self.table("seed-non-claims.tsv", seed: seed) {
            let (text, kind) = (fields[1], fields[2])
            let found = mentions.filter { $0.text == text }
            #expect(!found.isEmpty, "\(seed): \(text) not found")
            for mention in found {
                #expect(mention.kind.rawValue == kind, "\(seed): \(text) is \(mention.kind.rawValue), expected \(kind)")
            }
        }
        for mention in mentions where mention.kind == .quantity {
            #expect(!mention.text.hasSuffix("号") && !mention.text.hasSuffix("日"), "\(seed): \(mention.text) as quantity")
        }
    }

    @Test func spansPointAtTheSource() throws {
        for seed in Self.seeds {
            let text = SourceText(try Fixtures.seed(seed))
            for mention in NumberExtractor.mentions(in: text) {
                #expect(text.text(mention.span) == mention.text)
                #expect(mention.start < mention.end)
            }
        }
    }

    static func mentions(_ seed: String) throws -> [NumberMention] {
        NumberExtractor.mentions(in: SourceText(try Fixtures.seed(seed)))
    }

    /// The rows of a resource table for one seed file, each split into its tab-separated fields.
    static func table(_ name: String, seed: String) throws -> [[String]] {
        try Fixtures.resourceLines(name).dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }.filter { $0.first == seed }
    }
}
