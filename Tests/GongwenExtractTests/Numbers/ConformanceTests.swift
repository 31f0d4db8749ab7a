import Foundation
import GongwenExtract
import GongwenModel
import GongwenText
import Testing

/// The number grammar against other recognizers' test data (`Tests/Conformance`):
/// Recognizers-Text's NumberModel and PercentModel, Duckling's Chinese numerals.
///
/// A case passes "outright" when the extracted results equal the expected list: same offsets
/// (the spec's `end` is inclusive), same text after the spec's normalisation (full-width folded,
/// lower case, trimmed), same value as a decimal. Values the spec prints rounded to about 15
/// digits (`350.333333333333`) are compared at 9 decimal places. Cases listed in
/// `Resources/known-differences.tsv` with a `convention:` reason are left out of the rate;
/// other listed cases count as failures.
@Suite struct ConformanceTests {
    @Test func numberModel() throws {
        let report = try Self.run(file: "NumberModel.jsonl") { input in
            let text = SourceText(input)
            return NumberScanner(text).numerals(in: 0..<text.count).map { numeral in
                Result(start: numeral.start, end: numeral.end - 1, text: Self.normalised(text, numeral.start, numeral.end),
                       value: numeral.value)
            }
        }
        #expect(report.rate >= 0.93, "NumberModel pass rate \(report.summary)")
    }

    /// Percent results are the mentions of kind `percent`, `permille` (`千分之一` = 0.1%), the
    /// percentage points (`2.4个百分点`, which the spec writes as `2.4%`) and the shares per ten
    /// thousand and smaller (`万分之三` = 0.03%).
    @Test func percentModel() throws {
        let report = try Self.run(file: "PercentModel.jsonl") { input in
            let text = SourceText(input)
            return NumberExtractor.mentions(in: text).compactMap { mention in
                guard let value = mention.value, let percent = Self.percentValue(of: mention, value: value) else {
                    return nil
                }
                return Result(
                    start: mention.start, end: mention.end - 1, text: Self.normalised(text, mention.start, mention.end),
                    value: percent)
            }
        }
        #expect(report.rate >= 0.93, "PercentModel pass rate \(report.summary)")
    }

    private static func percentValue(of mention: NumberMention, value: Decimal) -> Decimal? {
        switch mention.kind {
        case .percent: return value
        case .permille: return value / 10
        case .quantity where mention.unit == "百分点": return value
        case .fraction:
            let perScale = mention.text.unicodeScalars.first.map { "百佰千仟万萬".unicodeScalars.contains($0) } ?? false
            return perScale && mention.text.contains("分") ? value * 100 : nil
        default: return nil
        }
    }

    @Test func duckling() throws {
        let url = Fixtures.conformance.appendingPathComponent("duckling-zh-numeral.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("conformance data missing: \(url.path)")
            return
        }
        let known = try KnownDifferences.load(file: "duckling-zh-numeral.jsonl")
        var passed = 0
        var counted = 0
        var failures: [String] = []
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") {
            guard let input = Self.field("input", in: line), let expected = Self.rawField("value", in: line),
                let value = Decimal(string: expected)
            else { continue }
            if known.isConvention(input) { continue }
            counted += 1
            if ChineseNumber.parse(input) == value {
                passed += 1
            } else {
                failures.append("\(input) → \(ChineseNumber.parse(input).map { "\($0)" } ?? "nil"), expected \(expected)")
            }
        }
        print("Duckling numerals: \(passed)/\(counted) passed outright (\(known.conventionCount) convention differences left out)")
        for failure in failures { print("  FAIL \(failure)") }
        #expect(passed == counted, "Duckling failures: \(failures)")
    }

    // MARK: - Harness

    struct Result: Equatable, CustomStringConvertible {
        var start: Int
        var end: Int
        var text: String
        var value: Decimal

        var description: String { "\(text)@\(start)-\(end)=\(value)" }

        private static func rounded9(_ value: Decimal) -> Decimal {
            var input = value
            var result = Decimal()
            NSDecimalRound(&result, &input, 9, .plain)
            return result
        }

        func matches(_ other: Result) -> Bool {
            guard start == other.start, end == other.end, text == other.text else { return false }
            return value == other.value
                || Self.rounded9(value) == Self.rounded9(other.value)
        }
    }

    struct Report {
        var passed = 0
        var counted = 0
        var summary: String { String(format: "%d/%d = %.1f%%", passed, counted, rate * 100) }
        var rate: Double { counted == 0 ? 0 : Double(passed) / Double(counted) }
    }

    private struct Case: Decodable {
        var input: String
        var results: [Expected]
    }

    private struct Expected: Decodable {
        var text: String
        var start: Int
        var end: Int
        var resolution: [String: String]?
    }

    /// Runs one Recognizers-Text file: reads the cases, compares, prints the rate and failures.
    static func run(file: String, extract: (String) -> [Result]) throws -> Report {
        // A spec too long for one reviewable file is a folder of parts (`NumberModel/digits.jsonl`, …).
        let url = Fixtures.conformance.appendingPathComponent("recognizers-text").appendingPathComponent(file)
        let folder = url.deletingPathExtension()
        let parts = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil))?
            .filter { $0.pathExtension == "jsonl" }.sorted { $0.path < $1.path } ?? []
        let urls = parts.isEmpty ? [url] : parts
        guard urls.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else {
            Issue.record("conformance data missing: \(url.path)")
            return Report()
        }
        let known = try KnownDifferences.load(file: file)
        var report = Report()
        var failures: [String] = []
        let decoder = JSONDecoder()
        for line in try urls.flatMap({ try String(contentsOf: $0, encoding: .utf8).split(separator: "\n") }) {
            let testCase = try decoder.decode(Case.self, from: Data(line.utf8))
            if known.isConvention(testCase.input) { continue }
            let expected = testCase.results.map { result in
                let raw = result.resolution?["value"] ?? ""
                let number = raw.hasSuffix("%") ? String(raw.dropLast()) : raw
                return Result(
                    start: result.start, end: result.end, text: result.text.lowercased(),
                    value: Decimal(string: number) ?? .nan)
            }
            let actual = extract(testCase.input)
            report.counted += 1
            if actual.count == expected.count, zip(actual, expected).allSatisfy({ $0.matches($1) }) {
                report.passed += 1
            } else {
                let listed = known.reason(testCase.input).map { " [known: \($0)]" } ?? ""
                failures.append("\(testCase.input) → \(actual), expected \(expected)\(listed)")
            }
        }
        print("\(file): \(report.summary) passed outright (\(known.conventionCount) convention differences left out)")
        for failure in failures { print("  FAIL \(failure)") }
        return report
    }

    /// The spec's text normalisation: full-width folded, lower case, spaces trimmed.
    /// The spec's normalisation: full-width forms folded (not the script: the spec keeps `萬` as `萬`).
    static func normalised(_ text: SourceText, _ start: Int, _ end: Int) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: Fold.fold(Array(text.scalars[start..<end])))
        return String(scalars).lowercased().trimmingCharacters(in: .whitespaces)
    }

    /// The string value of `"name": "…"` in one JSON line.
    static func field(_ name: String, in line: Substring) -> String? {
        guard let data = line.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return nil }
        return object[name] as? String
    }

    /// The raw text of a JSON number field, so that `1.1` is read as a decimal, not a double.
    static func rawField(_ name: String, in line: Substring) -> String? {
        guard let key = line.range(of: "\"\(name)\": ") else { return nil }
        let rest = line[key.upperBound...]
        return String(rest.prefix { $0 != "," && $0 != "}" }).trimmingCharacters(in: .whitespaces)
    }
}

/// `Resources/known-differences.tsv`: `input<TAB>file<TAB>reason`, one case a line.
struct KnownDifferences {
    private var reasons: [String: String] = [:]

    static func load(file: String) throws -> KnownDifferences {
        var known = KnownDifferences()
        for line in try Fixtures.resourceLines("known-differences.tsv").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[1] == file else { continue }
            known.reasons[String(fields[0])] = String(fields[2])
        }
        return known
    }

    func reason(_ input: String) -> String? { reasons[input] }

    /// A case where the spec's convention does not fit policy texts; left out of the rate.
    func isConvention(_ input: String) -> Bool { reasons[input]?.hasPrefix("convention:") ?? false }

    var conventionCount: Int { reasons.values.filter { $0.hasPrefix("convention:") }.count }
}
