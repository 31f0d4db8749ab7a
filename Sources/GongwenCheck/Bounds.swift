import Foundation
import GongwenModel
import GongwenText

/// Plausibility bounds by subject and unit, read from a TSV data file: the bundled
/// `Resources/bounds.tsv`, plus the rows of a user's `--bounds FILE` (which win).
///
/// The bundled row `社区|居委会|居民委员会|小区  人  0  200000  one  一个社区的人口` makes a single 社区 of
/// `29275万人` (292750000 people) implausible.
public struct Bounds: Sendable, Equatable {
    /// One bound: what subjects it covers, the unit, the interval and why.
    public struct Row: Sendable, Equatable {
        /// Words of the subject; `*` matches every subject.
        public var terms: [String]
        /// Words that exempt a subject (`增长` for a growth rate over 100%).
        public var except: [String]
        public var unit: String
        public var min: Decimal?
        public var max: Decimal?
        /// Whether the bound is for one unit (`one`, skipped for aggregates such as 全市社区) or any subject.
        public var perUnit: Bool
        public var name: String
        public var nameEn: String
        public var rationale: String
        /// Where the row was read from: `bounds.tsv:16`.
        public var origin: String
    }

    public var rows: [Row]

    public init(rows: [Row] = []) {
        self.rows = rows
    }

    /// The bounds shipped with gongwen (`Sources/GongwenCheck/Resources/bounds.tsv`, embedded in the binary).
    public static let bundled: Bounds = {
        do {
            return try parse(String(decoding: PackageResources.bounds_tsv, as: UTF8.self), origin: "bounds.tsv")
        } catch {
            preconditionFailure("the bundled bounds.tsv is malformed: \(error)")
        }
    }()

    /// Reads a bounds file of the same columns as the bundled one.
    public static func load(path: String) throws(BoundsError) -> Bounds {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        return try parse(text, origin: path)
    }

    /// Parses TSV text: `#` comments, a header line starting with `subject`, then rows of nine columns.
    public static func parse(_ text: String, origin: String) throws(BoundsError) -> Bounds {
        var rows: [Row] = []
        // Made once: a locale per cell cost more than the rest of the file (in every process that checks).
        let posix = Locale(identifier: "en_US_POSIX")
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingLineWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("subject\t") { continue }
            let location = "\(origin):\(index + 1)"
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingLineWhitespace() }
            guard cells.count == 9 else { throw .malformed(origin: location, reason: "expected 9 tab-separated columns, found \(cells.count)") }
            func list(_ cell: String) -> [String] { cell == "-" ? [] : cell.split(separator: "|").map(String.init) }
            func number(_ cell: String, _ name: String) throws(BoundsError) -> Decimal? {
                if cell == "-" { return nil }
                guard let value = Decimal(string: cell, locale: posix) else {
                    throw .malformed(origin: location, reason: "\(name) \"\(cell)\" is not a number")
                }
                return value
            }
            guard cells[5] == "one" || cells[5] == "any" else {
                throw .malformed(origin: location, reason: "scope must be one or any, not \"\(cells[5])\"")
            }
            let terms = list(cells[0])
            guard !terms.isEmpty, !cells[2].isEmpty else { throw .malformed(origin: location, reason: "subject and unit are required") }
            rows.append(Row(terms: terms, except: list(cells[1]), unit: cells[2], min: try number(cells[3], "min"), max: try number(cells[4], "max"),
                            perUnit: cells[5] == "one", name: cells[6], nameEn: cells[7], rationale: cells[8], origin: location))
        }
        return Bounds(rows: rows)
    }

    /// These bounds with `other`'s rows first, so that they win a tie.
    public func overridden(by other: Bounds) -> Bounds {
        Bounds(rows: other.rows + rows)
    }

    /// Words that make a subject an aggregate of many units (`全市社区`), unless 平均/均 is in it too.
    static let aggregateWords = ["全", "各", "所有", "累计", "合计", "总", "共"]

    /// The row that bounds a value of `unit` said of `subject` (the subject and its predicate):
    /// among the rows whose word occurs in it, the one whose word ends last (the head noun, as
    /// `社区` in `通江县壁州街道春长坪社区`), the longer word on a tie, earlier rows first.
    public func row(subject: String, unit: String) -> Row? {
        // The subject's scalars are read only once a term is found in it: most subjects hold none.
        var subjectScalars: [Unicode.Scalar]?
        var best: (row: Int, end: Int, length: Int)?
        // Rows are compared by index: a row is copied (its strings retained) only when it is the answer.
        for index in rows.indices where rows[index].unit.sameUTF8(unit) && !rows[index].except.contains(where: { subject.holds($0) }) {
            let perUnit = rows[index].perUnit
            // A term the subject does not hold is passed over before its scalars are read.
            for term in rows[index].terms where term.sameUTF8("*") || subject.holds(term) {
                let any = term.sameUTF8("*")
                let termScalars = Array(term.unicodeScalars)
                let scalars = subjectScalars ?? Array(subject.unicodeScalars)
                subjectScalars = scalars
                let end: Int
                if any {
                    end = -1
                } else if let found = lastEnd(of: termScalars, in: scalars, skippingAreaWords: perUnit) {
                    if perUnit && isAggregate(scalars[..<(found - termScalars.count)]) && !subject.holds("均") { continue }
                    end = found
                } else {
                    continue
                }
                let length = any ? 0 : termScalars.count
                if best == nil || end > best!.end || (end == best!.end && length > best!.length) {
                    best = (index, end, length)
                }
            }
        }
        return best.map { rows[$0.row] }
    }

    /// Words that name a kind of area, not one unit: `农村劳动力` is rural labour, not a village's people,
    /// and `城镇常住人口` the urban population, not a town's.
    static let areaWords = ["农村", "乡村", "城乡", "城镇", "村镇", "城中村"]

    /// The end of the last occurrence of `term` in `scalars`; with `skippingAreaWords`, occurrences
    /// inside an area word (`村` in `农村`) do not count.
    private func lastEnd(of term: [Unicode.Scalar], in scalars: [Unicode.Scalar], skippingAreaWords: Bool) -> Int? {
        guard !term.isEmpty, term.count <= scalars.count else { return nil }
        for start in stride(from: scalars.count - term.count, through: 0, by: -1) where scalars[start..<(start + term.count)].elementsEqual(term) {
            if skippingAreaWords, isInsideAreaWord(start..<(start + term.count), scalars) { continue }
            return start + term.count
        }
        return nil
    }

    private func isInsideAreaWord(_ range: Range<Int>, _ scalars: [Unicode.Scalar]) -> Bool {
        Self.areaWords.contains { word in
            let area = Array(word.unicodeScalars)
            let lowest = max(0, range.upperBound - area.count)
            let highest = min(range.lowerBound, scalars.count - area.count)
            guard lowest <= highest else { return false }
            return (lowest...highest).contains { scalars[$0..<($0 + area.count)].elementsEqual(area) }
        }
    }

    private func isAggregate(_ before: ArraySlice<Unicode.Scalar>) -> Bool {
        Self.aggregateWords.contains { WordSearch.holds(before, $0) }
    }
}

/// Why a bounds file could not be used: it is unreadable, or a line is malformed.
///
/// `my-bounds.tsv:3: expected 9 tab-separated columns, found 4`.
public enum BoundsError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case malformed(origin: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path): return "\(path): cannot read the bounds file"
        case .malformed(let origin, let reason): return "\(origin): \(reason)"
        }
    }
}
