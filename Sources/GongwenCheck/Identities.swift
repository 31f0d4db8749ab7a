import Foundation
import GongwenModel
import GongwenText

/// Identities between named indicators and the aliases that name them, read from a TSV data file:
/// the bundled `Resources/identities.tsv`, plus the rows of a user's `--identities FILE`.
///
/// The bundled rows make `人口出生率6.53‰，死亡率8.79‰，人口自然增长率-2.26‰` an instance of
/// 自然增长率 = 出生率 − 死亡率.
public struct Identities: Sendable, Equatable {
    /// A named indicator: `出口总额`, named `出口总额`, `出口额` or `出口`, but not in `进出口`.
    public struct Indicator: Sendable, Equatable {
        public var name: String
        public var aliases: [String]
        public var blockers: [String]
    }

    /// `RESULT = ± TERM ± TERM …` (`自然增长率 = 出生率 − 死亡率`), or `RESULT = TERM / TERM × FACTOR`
    /// (`城镇化率 = 城镇常住人口 / 常住人口`, in the result's unit: ×100 for %, ×1000 for ‰).
    public struct Identity: Sendable, Equatable {
        public var result: String
        /// The terms with their signs (+1 or −1); for a quotient, the numerator and the denominator.
        public var terms: [(name: String, sign: Int)]
        public var form: Form
        /// `RESULT ≤ TERM + TERM`: the terms hold a little the result leaves out (`第二产业增加值 ≤ 工业增加值 + 建筑业增加值`).
        public var atMost = false
        public var rationale: String
        public var origin: String

        /// A sum of terms, or a quotient of two times a factor. An approximate quotient (`≈`) divides by a
        /// stock where the office divides by its mean over the year (`出生率 ≈ 出生人口 / 常住人口`).
        public enum Form: Sendable, Equatable {
            case sum
            case quotient(factor: Decimal, approximate: Bool)
        }

        public static func == (lhs: Identity, rhs: Identity) -> Bool {
            lhs.result == rhs.result && lhs.terms.map(\.name) == rhs.terms.map(\.name) && lhs.terms.map(\.sign) == rhs.terms.map(\.sign)
                && lhs.form == rhs.form && lhs.atMost == rhs.atMost
        }
    }

    /// A classification whose classes are all of what they split: `三次产业` is 第一产业, 第二产业 and 第三产业.
    /// Parts named after every class, and after nothing else, are a complete split of their total.
    public struct Classification: Sendable, Equatable {
        public var name: String
        /// Each class by the words that name it (`交通通信` or `交通和通信`).
        public var classes: [[String]]
        public var rationale: String

        /// Whether `names` name every class once and nothing else: `第一产业投资`, `第二产业投资`, `第三产业投资`.
        /// A name is of the class whose longest word it holds (`非营利性服务业` is not `营利性服务业`).
        public func isCovered(by names: [String]) -> Bool {
            guard names.count == classes.count else { return false }
            var seen = Set<Int>()
            for name in names {
                let lengths = classes.map { words in words.filter { name.holds($0) }.map(\.count).max() ?? 0 }
                guard let longest = lengths.max(), longest > 0, lengths.filter({ $0 == longest }).count == 1,
                      seen.insert(lengths.firstIndex(of: longest)!).inserted else { return false }
            }
            return true
        }
    }

    public var indicators: [Indicator]
    public var identities: [Identity]
    public var classifications: [Classification]

    public init(indicators: [Indicator] = [], identities: [Identity] = [], classifications: [Classification] = []) {
        self.indicators = indicators
        self.identities = identities
        self.classifications = classifications
    }

    /// Whether parts of these names are all of their total: they name the classes of a classification;
    /// the last of them is the rest (`其他`, `其它`: `…私人控股企业增长8.9%，其他企业增长2.0%`); or they are a thing
    /// and the rest of it (`石油工业增加值`, `非石油工业`: the second may leave out the head the first names).
    public func isComplete(_ names: [String]) -> Bool {
        guard names.count >= 2, let first = names.first, let last = names.last else { return false }
        if last.hasPrefix("其他") || last.hasPrefix("其它") { return true }
        let isRest = { (name: String, other: String) -> Bool in
            guard name.hasPrefix("非") else { return false }
            let stem = name.dropFirst()
            return stem.count >= 2 && (other.hasPrefix(stem) || stem.hasPrefix(other))
        }
        if names.count == 2, isRest(last, first) || isRest(first, last) { return true }
        return classifications.contains { $0.isCovered(by: names) }
    }

    /// The identities shipped with gongwen (`Sources/GongwenCheck/Resources/identities.tsv`).
    public static let bundled: Identities = {
        do {
            return try parse(String(decoding: PackageResources.identities_tsv, as: UTF8.self), origin: "identities.tsv")
        } catch {
            preconditionFailure("the bundled identities.tsv is malformed: \(error)")
        }
    }()

    /// The bundled identities with the rows of the file at `path` added.
    public static func load(path: String) throws(BoundsError) -> Identities {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        let extra = try parse(text, origin: path)
        return Identities(indicators: bundled.indicators + extra.indicators, identities: bundled.identities + extra.identities,
                          classifications: bundled.classifications + extra.classifications)
    }

    /// Parses the TSV text: `#` comments, a header starting with `kind`, rows of four columns.
    public static func parse(_ text: String, origin: String) throws(BoundsError) -> Identities {
        var result = Identities()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingLineWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("kind\t") { continue }
            let location = "\(origin):\(index + 1)"
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingLineWhitespace() }
            guard cells.count == 4 else { throw .malformed(origin: location, reason: "expected 4 tab-separated columns, found \(cells.count)") }
            switch cells[0] {
            case "indicator":
                let blockers = cells[3] == "-" ? [] : cells[3].split(separator: "|").map(String.init)
                result.indicators.append(Indicator(name: cells[1], aliases: cells[2].split(separator: "|").map(String.init), blockers: blockers))
            case "identity":
                var tokens = cells[2].split(separator: " ").map(String.init)
                let approximate = tokens.first == "≈"
                if approximate { tokens.removeFirst() }
                let atMost = tokens.first == "≤"
                if atMost { tokens.removeFirst() }
                if let slash = tokens.firstIndex(of: "/") {
                    // `NUMERATOR / DENOMINATOR [× FACTOR]`.
                    var factor = Decimal(1)
                    if tokens.count == 5, tokens[3] == "×" || tokens[3] == "*", let value = Decimal(string: tokens[4]) { factor = value }
                    guard slash == 1, !atMost, tokens.count == 3 || tokens.count == 5 && factor != 1 else {
                        throw .malformed(origin: location, reason: "a quotient is NUMERATOR / DENOMINATOR, optionally × FACTOR")
                    }
                    result.identities.append(Identity(result: cells[1], terms: [(tokens[0], 1), (tokens[2], 1)],
                                                      form: .quotient(factor: factor, approximate: approximate), rationale: cells[3], origin: location))
                    continue
                }
                var terms: [(String, Int)] = []
                var sign = 1
                for token in tokens {
                    if token == "+" { sign = 1 } else if token == "-" || token == "−" { sign = -1 } else { terms.append((token, sign)) }
                }
                guard !terms.isEmpty else { throw .malformed(origin: location, reason: "an identity needs at least one term") }
                guard !approximate else { throw .malformed(origin: location, reason: "≈ is for a quotient; a sum the terms exceed is ≤ TERM + TERM") }
                result.identities.append(Identity(result: cells[1], terms: terms, form: .sum, atMost: atMost, rationale: cells[3], origin: location))
            case "classification":
                let classes = cells[2].split(separator: "|").map { $0.split(separator: "/").map(String.init) }
                guard classes.count >= 2 else { throw .malformed(origin: location, reason: "a classification needs at least two classes") }
                result.classifications.append(Classification(name: cells[1], classes: classes, rationale: cells[3]))
            default:
                throw .malformed(origin: location, reason: "kind must be indicator, identity or classification, found \(cells[0])")
            }
        }
        return result
    }

    /// The indicator a claim's name says, by its longest alias at the end of the name, unless a
    /// blocker word makes it another indicator. A rule that asks for many names prepares an
    /// `IndicatorMatcher` once.
    public func indicator(named name: String) -> String? {
        IndicatorMatcher.matcher(for: self).indicator(named: name)
    }
}

/// The indicators of `Identities` prepared for many look-ups: each alias as UTF-8 bytes, filed
/// under its last byte, in the order of the list, so that a name is compared only with the aliases
/// that can end it.
///
/// `IndicatorMatcher(.bundled).indicator(named: "全市地区生产总值(GDP)")` is the indicator of
/// `地区生产总值`.
public struct IndicatorMatcher: Sendable {
    private struct Alias: Sendable {
        var indicator: Int
        var bytes: [UInt8]
        /// In characters: the longest alias wins.
        var length: Int
    }

    private let identities: Identities
    private let byLastByte: [UInt8: [Alias]]

    /// The matcher of the bundled identities, prepared once for every document.
    static let bundled = IndicatorMatcher(.bundled)

    /// A matcher for `identities`: the one prepared once when they are the bundled ones (compared in
    /// constant time while they share its storage), else a new one.
    public static func matcher(for identities: Identities) -> IndicatorMatcher {
        identities == .bundled ? bundled : IndicatorMatcher(identities)
    }

    public init(_ identities: Identities) {
        self.identities = identities
        var byLastByte: [UInt8: [Alias]] = [:]
        for (index, indicator) in identities.indicators.enumerated() {
            for alias in indicator.aliases {
                guard let last = alias.utf8.last else { continue }
                byLastByte[last, default: []].append(Alias(indicator: index, bytes: Array(alias.utf8), length: alias.count))
            }
        }
        self.byLastByte = byLastByte
    }

    public func indicator(named name: String) -> String? {
        // `地区生产总值(GDP)`: a gloss in brackets at the end names the same indicator.
        var name = name
        if name.endsWith(")"), let open = name.lastIndex(of: "("), name.distance(from: name.startIndex, to: open) >= 2 {
            name = String(name[..<open])
        }
        let bytes = Array(name.utf8)
        guard let last = bytes.last, let candidates = byLastByte[last] else { return nil }
        var best: (indicator: Int, length: Int)?
        for alias in candidates where alias.length > (best?.length ?? 0) && bytes.count >= alias.bytes.count
            && bytes[(bytes.count - alias.bytes.count)...].elementsEqual(alias.bytes) {
            // A blocker word makes the name another indicator (looked for only where an alias fits).
            if identities.indicators[alias.indicator].blockers.contains(where: name.holds) { continue }
            best = (alias.indicator, alias.length)
        }
        return best.map { identities.indicators[$0.indicator].name }
    }
}
