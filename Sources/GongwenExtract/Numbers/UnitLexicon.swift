import Foundation
import GongwenText

/// The measure words and units a number can carry, from the bundled `units.tsv`
/// (`unit<TAB>category`): `个 count`, `人次 person`, `平方千米 area`, `万元 money`.
///
/// The longest unit wins: in `61.37平方千米` the unit is `平方千米`, not `平方` or `米`.
/// Scale words belong to the number, so after `140万` the lexicon sees `元`; the rows `万元` and
/// `亿元` are there for text where the number itself is missing (`投入万元`).
public struct UnitLexicon: Sendable {
    /// One row of the lexicon: `人次` of category `person`, `平方千米` of category `area`.
    public struct Unit: Sendable, Equatable {
        public let name: String
        public let category: String
        let scalars: [Unicode.Scalar]
        /// Units spelled in ASCII letters (`km`, `kW`) must not run into a longer word.
        let isASCII: Bool
    }

    private let byFirstScalar: [UInt32: [Unit]]

    /// The lexicon bundled with the module, embedded in the binary: a resource bundle would be found
    /// through `Bundle.main`, which lists the executable's folder (every file of `/usr/local/bin`,
    /// or of a build folder) in each process that reads a number.
    public static let shared = UnitLexicon(tsv: String(decoding: PackageResources.units_tsv, as: UTF8.self))

    /// Reads `unit<TAB>category` rows; the first line is the header.
    public init(tsv: String) {
        var byFirst: [UInt32: [Unit]] = [:]
        for line in tsv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, let first = fields[0].unicodeScalars.first else { continue }
            let scalars = Array(fields[0].unicodeScalars)
            let unit = Unit(
                name: String(fields[0]), category: String(fields[1]), scalars: scalars,
                isASCII: scalars.allSatisfy { ScalarClass.isASCIILetter($0) })
            byFirst[first.value, default: []].append(unit)
        }
        self.byFirstScalar = byFirst.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
    }

    /// The longest unit that starts at `index`, if any.
    public func unit(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> Unit? {
        guard index < limit, let candidates = byFirstScalar[scalars[index].value] else { return nil }
        for unit in candidates where index + unit.scalars.count <= limit {
            var matches = true
            for (offset, scalar) in unit.scalars.enumerated() where scalars[index + offset] != scalar {
                matches = false
                break
            }
            guard matches else { continue }
            let after = index + unit.scalars.count
            if unit.isASCII, after < limit, ScalarClass.isASCIILetter(scalars[after]) { continue }
            return unit
        }
        return nil
    }
}
