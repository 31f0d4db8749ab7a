import Foundation
import Gongwen
import GongwenModel
import Testing
import TestSupport

/// The fast JSON writer against Foundation's `JSONEncoder` (through `GongwenJSON`): the same bytes
/// for every corpus document, for a document with every field set, and for hostile strings; and a
/// check by reflection that the writer writes every stored property of every type it covers.
@Suite("JSON writer")
struct JSONWriterTests {
    static let corpusPaths: [String] = {
        let seeds = ((try? Repository.corpusFiles()) ?? []).map(\.path)
        return seeds + ((try? Repository.files(in: Repository.publicCorpus)) ?? []).map(\.path)
    }()

    @Test func corpusIsWhole() {
        #expect(Self.corpusPaths.count == 5 + 92)
    }

    @Test(arguments: corpusPaths)
    func corpusDocumentIsWrittenAsJSONEncoderWritesIt(_ path: String) throws {
        let document = try Analysis.run(path: path).document
        let expected = try GongwenJSON.encode(document)
        let written = try JSONWriter.encode(document)
        #expect(written == [UInt8](expected), "\(firstDifference(written, [UInt8](expected)))")
        #expect(try GongwenJSON.decoder().decode(Document.self, from: Data(written)) == document)
        let pretty = try JSONWriter.encode(document, pretty: true)
        let expectedPretty = [UInt8](try GongwenJSON.encode(document, pretty: true))
        #expect(pretty == expectedPretty, "\(firstDifference(pretty, expectedPretty))")
    }

    @Test func everyFieldIsWrittenAsJSONEncoderWritesIt() throws {
        let document = Self.everyField
        let written = try JSONWriter.encode(document)
        let expected = [UInt8](try GongwenJSON.encode(document))
        #expect(written == expected, "\(firstDifference(written, expected))")
        #expect(try GongwenJSON.decoder().decode(Document.self, from: Data(written)) == document)
        let error = StreamError(source: "a\"b.txt", line: 3, code: "not_found", message: "no such file")
        #expect(try JSONWriter.encode(error) == [UInt8](try GongwenJSON.encode(error)))
        for documents in [[document, document], []] {
            let pretty = try JSONWriter.encode(documents, pretty: true)
            let expectedPretty = [UInt8](try GongwenJSON.encode(documents, pretty: true))
            #expect(pretty == expectedPretty, "\(firstDifference(pretty, expectedPretty))")
            #expect(try JSONWriter.encode(documents) == [UInt8](try GongwenJSON.encode(documents)))
        }
    }

    /// A stored property the writer leaves out (a field added to the model and not to the writer)
    /// is a key missing from its object; so is a property the fixture leaves `nil`, which it must set.
    @Test func everyStoredPropertyIsAKey() throws {
        let written = try JSONWriter.encode(Self.everyField)
        let object = try JSONSerialization.jsonObject(with: Data(written))
        var problems: [String] = []
        var types: Set<String> = []
        Self.compare(Self.everyField, object, path: "document", problems: &problems, types: &types)
        #expect(problems == [])
        #expect(types == [
            "Document", "Field", "Section", "Paragraph", "NumberMention", "Claim", "Change", "Breakdown", "Rate", "Structure",
            "GrowthSplit", "EnumeratedList", "ListItem", "Finding", "Span", "Boilerplate",
        ])
        var streamProblems: [String] = []
        let error = StreamError(source: "x", line: 1, code: "empty", message: "empty file")
        Self.compare(error, try JSONSerialization.jsonObject(with: Data(try JSONWriter.encode(error))), path: "error", problems: &streamProblems, types: &types)
        #expect(streamProblems == [])
    }

    @Test func hostileStringsAreEscapedAsJSONEncoderEscapesThem() throws {
        let controls = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let strings = [
            controls, "\"", "\\", "\\\"", "/", "</script>", "\u{7F}", "\u{2028}\u{2029}", "\u{FEFF}", "👨‍👩‍👧", "é", "e\u{301}",
            "\r\n", "巴中市民政局\t“三个强化”", "", "\u{0}x\u{0}", String(repeating: "\"\\\n", count: 1000),
            // Escapes at each place of an eight-byte word, and long runs that need none.
            "12345678\"", "1234567\n8", "abcdefgh\\ijklmnop\u{1F}", String(repeating: "社区治理", count: 100) + "\"" + String(repeating: "x", count: 17),
        ]
        for string in strings {
            let written = try JSONWriter.encode(ListItem(marker: string, text: string, span: Span(start: 0, end: 1)))
            let expected = [UInt8](try GongwenJSON.encode(ListItem(marker: string, text: string, span: Span(start: 0, end: 1))))
            #expect(written == expected, "\(string.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(try JSONDecoder().decode(ListItem.self, from: Data(written)).text == string)
        }
    }

    @Test func numbersArePrintedAsJSONEncoderPrintsThem() throws {
        let decimals: [Decimal] = [0, 1, -1, 18400, Decimal(string: "39.54")!, Decimal(string: "0.005")!, Decimal(string: "-2.70")!,
            Decimal(string: "1640000000")!, Decimal(string: "123456789012345678901234567890")!, Decimal(string: "1e-20")!, Decimal(string: "3.6e4")!,
            Decimal(string: "-0.000001")!, Decimal(string: "18446744073709551615")!, Decimal(string: "0.123")!, Decimal(string: "12.34")!,
            Decimal(sign: .minus, exponent: 3, significand: 25), Decimal(sign: .plus, exponent: -4, significand: 120)]
        for value in decimals {
            var mention = NumberMention(text: "x", span: Span(start: Int.min, end: Int.max), kind: .quantity, value: value)
            mention.parts = [value, -value]
            #expect(try JSONWriter.encode(mention) == [UInt8](try GongwenJSON.encode(mention)), "\(value)")
        }
    }

    /// Equal decimals stored differently print differently (`1` and `1.0`); the writer, which
    /// prints from the stored digits, must keep them apart.
    @Test func equalDecimalsKeepTheirOwnPrintedForm() throws {
        let one = Decimal(1)
        let tenTenths = Decimal(sign: .plus, exponent: -1, significand: 10)
        #expect(one == tenTenths)
        var mention = NumberMention(text: "x", span: Span(start: 0, end: 1), kind: .quantity, value: one)
        mention.parts = [one, tenTenths, one, tenTenths]
        mention.resolution = tenTenths
        #expect(try JSONWriter.encode(mention) == [UInt8](try GongwenJSON.encode(mention)))
    }

    @Test func notANumberIsRefusedAsGongwenJSONRefusesIt() {
        let mention = NumberMention(text: "x", span: Span(start: 0, end: 1), kind: .quantity, value: Decimal.nan)
        #expect(throws: GongwenJSON.NonFiniteNumber.self) { try GongwenJSON.encode(mention) }
        #expect(throws: GongwenJSON.NonFiniteNumber.self) { try JSONWriter.encode(mention) }
    }

    @Test func linesAreAppended() throws {
        var bytes = Array("x\n".utf8)
        try JSONWriter.appendLine(Span(start: 3, end: 6), to: &bytes)
        try JSONWriter.appendLine(Span(start: 0, end: 1), to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x\n{\"end\":6,\"start\":3}\n{\"end\":1,\"start\":0}\n")
    }

    // MARK: Helpers

    /// Where two byte strings first differ, with some context.
    func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        guard let index = (0..<min(a.count, b.count)).first(where: { a[$0] != b[$0] }) ?? (a.count == b.count ? nil : min(a.count, b.count)) else {
            return "same"
        }
        let from = max(0, index - 80)
        return "at \(index): writer …\(String(decoding: a[from..<min(a.count, index + 80)], as: UTF8.self))… encoder …\(String(decoding: b[from..<min(b.count, index + 80)], as: UTF8.self))…"
    }

    static func snakeCase(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase { out += "_" + character.lowercased() } else { out.append(character) }
        }
        return out
    }

    /// Walks `value` by reflection beside its JSON: every struct's stored properties must be the
    /// keys of its object, and every optional must be set (so the fixture reaches every key).
    static func compare(_ value: Any, _ json: Any, path: String, problems: inout [String], types: inout Set<String>) {
        if value is Decimal || value is String || value is Int || value is Bool { return }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let child = mirror.children.first else {
                if json is NSNull { return }  // a nil element of an array
                problems.append("\(path): nil in the fixture; set it")
                return
            }
            compare(child.value, json, path: path, problems: &problems, types: &types)
        case .collection:
            guard let array = json as? [Any], array.count == mirror.children.count else {
                problems.append("\(path): not an array of \(mirror.children.count)")
                return
            }
            for (index, (child, element)) in zip(mirror.children, array).enumerated() {
                compare(child.value, element, path: "\(path)[\(index)]", problems: &problems, types: &types)
            }
        case .struct:
            types.insert("\(type(of: value))")
            guard let object = json as? [String: Any] else {
                problems.append("\(path): not an object")
                return
            }
            let labels = mirror.children.compactMap(\.label)
            let keys = Set(labels.map(snakeCase))
            if keys != Set(object.keys) {
                problems.append("\(path) (\(type(of: value))): properties \(keys.subtracting(object.keys).sorted()) not written, keys \(Set(object.keys).subtracting(keys).sorted()) not properties")
            }
            for child in mirror.children {
                guard let label = child.label, let element = object[snakeCase(label)] else { continue }
                compare(child.value, element, path: "\(path).\(label)", problems: &problems, types: &types)
            }
        default:
            return
        }
    }

    /// A document with every optional set and every array non-empty (the last sections' children,
    /// the leaves, aside).
    static let everyField: Document = {
        var document = Document(
            source: "corpus/x.txt", sha256: "ab", encoding: "UTF-8", format: .html, bytes: 120, text: "巴中市民政局\n\"引号\"\\", characters: 12)
        document.title = "对市政协第四届四次会议第110号提案答复的函"
        document.docType = "提案答复函"
        document.issuer = "巴中市民政局"
        document.recipient = "民盟四川省委直属巴中总支部委员会"
        document.date = "2020-09-14"
        document.docNumbers = ["第110号提案"]
        document.fields = [Field(name: "issuer", value: "巴中市民政局", span: Span(start: 0, end: 6))]
        let leaf = Section(marker: "(一)", kind: .chineseParen, number: 1, level: 2, title: "小", span: Span(start: 2, end: 3), titleSpan: Span(start: 2, end: 3), line: 2)
        document.sections = [Section(
            marker: "一、", kind: .chinese, number: 1, level: 1, title: "全面完成", span: Span(start: 0, end: 9), titleSpan: Span(start: 2, end: 6), line: 1,
            children: [leaf])]
        document.paragraphs = [Paragraph(span: Span(start: 0, end: 6), line: 1, role: .issuerHeader, section: "一、")]
        var mention = NumberMention(text: "1.84万余人", span: Span(start: 1, end: 4), kind: .quantity, value: 18400)
        mention.upper = 20000
        mention.unit = "人"
        mention.unitCategory = "person"
        mention.resolution = 100
        mention.qualifier = .atLeast
        mention.qualifierText = "余"
        mention.parts = [Decimal(string: "8.7")!, Decimal(string: "48.5")!]
        document.numbers = [mention]
        var claim = Claim(id: 0, mention: mention, sentence: Span(start: 0, end: 9))
        claim.subject = "乡镇平均人口"
        claim.name = "平均人口"
        claim.predicate = "达"
        claim.section = "一、/(一)"
        document.claims = [claim]
        var change = Change(from: 0, to: 1, delta: 2, rate: 3, direction: .decrease, span: Span(start: 0, end: 5))
        change.realRate = true
        change.annual = true
        change.years = 5
        change.namedBase = true
        document.changes = [change]
        var breakdown = Breakdown(total: 0, parts: [1, 2], span: Span(start: 0, end: 5))
        breakdown.cue = .grouping
        document.breakdowns = [breakdown]
        var rate = Rate(kind: .share, rate: 3, numerator: 1, denominator: 0, denominatorParts: [1, 2], span: Span(start: 0, end: 5))
        rate.inferredWhole = false
        document.rates = [rate]
        document.structures = [Structure(ratio: 4, values: [1, 2], span: Span(start: 0, end: 5))]
        document.growthSplits = [GrowthSplit(total: 0, parts: [1], directions: [.increase, nil], span: Span(start: 0, end: 5))]
        document.lists = [EnumeratedList(
            statedCount: 3, label: "三个强化", style: .inline, span: Span(start: 0, end: 9), section: "一、",
            items: [ListItem(marker: "一是", text: "强化组织领导", span: Span(start: 2, end: 8))])]
        document.findings = [Finding(
            rule: "change.rate", severity: .warning, message: "减幅 39.54% 与 861/2177 = 39.5498% 不符", messageEn: "rate", span: Span(start: 0, end: 5),
            line: 1, column: 1, stated: Decimal(string: "39.54")!, expected: Decimal(string: "39.5498")!, evidence: [Span(start: 1, end: 2)])]
        document.boilerplate = [Boilerplate(span: Span(start: 9, end: 12), kind: "page_meta")]
        document.warnings = ["replaced 2 bytes"]
        return document
    }()
}
