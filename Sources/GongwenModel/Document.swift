import Foundation

/// One parsed government document: metadata, structure, numbers and findings, every span
/// pointing into the decoded source text. This is the JSON contract of `gongwen parse`
/// (DESIGN.md, `schemas/document.schema.json`); fields are added, never renamed.
///
/// For the seed `巴中市民政局 / 对市政协第四届四次会议第110号提案答复的函` the title is
/// `对市政协第四届四次会议第110号提案答复的函`, `doc_type` is `提案答复函`, `issuer` is `巴中市民政局`
/// and `doc_numbers` holds `第110号提案`.
public struct Document: Codable, Sendable, Equatable {
    /// The path (or record id) the bytes came from.
    public var source: String
    /// SHA-256 of the raw bytes, lower-case hex: the document's identity in the store.
    public var sha256: String
    /// The encoding the bytes were decoded from: `UTF-8`, `GB18030`, `UTF-16LE`, `UTF-16BE`.
    public var encoding: String
    /// `text` for plain text files, `html` for pages read through the HTML parser, `pdf` and `docx`
    /// for office files.
    public var format: SourceFormat
    /// Size of the input in bytes.
    public var bytes: Int
    /// Length of the decoded text in Unicode code points.
    public var characters: Int
    /// The decoded text, which every offset refers to: for text files the file's text, for HTML,
    /// PDF and DOCX the text extracted from the page or file. Carried always, so that a document
    /// read back from its JSON (`gongwen load`) can be stored without its file.
    public var text: String

    public var title: String?
    /// The kind of document from the title's own words: `提案答复函`, `建议答复`, `复函`, `报告`,
    /// `意见`, `通知` ...
    public var docType: String?
    /// 发文机关: the signing organisation.
    public var issuer: String?
    /// 主送机关: who the document is addressed to.
    public var recipient: String?
    /// 成文日期 as ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when only those are given).
    public var date: String?
    /// 发文字号 and proposal numbers: `国办函〔2004〕80号`, `第110号提案`.
    public var docNumbers: [String]
    /// Where each metadata value was read from.
    public var fields: [Field]

    public var sections: [Section]
    /// Every non-blank line with its role and section, boilerplate included.
    public var paragraphs: [Paragraph]
    /// Every number in the text with its kind (quantities, years, dates, ordinals ...).
    public var numbers: [NumberMention]
    /// Quantities, percents, permilles and ratios: the numeric statements a checker recomputes.
    public var claims: [Claim]
    public var changes: [Change]
    public var breakdowns: [Breakdown]
    public var rates: [Rate]
    /// Structure ratios (`9.2:41.3:49.5`) linked to the values they summarise.
    public var structures: [Structure]
    /// Growth rates of a total and of its parts after a grouping (`按门类分`), in percents only.
    public var growthSplits: [GrowthSplit]
    public var lists: [EnumeratedList]
    public var findings: [Finding]
    /// Web-page chrome and other text that is not part of the document proper.
    public var boilerplate: [Boilerplate]
    /// Problems that did not stop the document: replaced bytes, a truncated file.
    public var warnings: [String]

    public init(source: String, sha256: String, encoding: String, format: SourceFormat, bytes: Int, text: String, characters: Int) {
        self.source = source
        self.sha256 = sha256
        self.encoding = encoding
        self.format = format
        self.bytes = bytes
        self.text = text
        self.characters = characters
        self.docNumbers = []
        self.fields = []
        self.sections = []
        self.paragraphs = []
        self.numbers = []
        self.claims = []
        self.changes = []
        self.breakdowns = []
        self.rates = []
        self.structures = []
        self.growthSplits = []
        self.lists = []
        self.findings = []
        self.boilerplate = []
        self.warnings = []
    }
}

/// How the source was read.
public enum SourceFormat: String, Codable, Sendable, Equatable {
    case text
    case html
    case pdf
    case docx
}

/// A metadata value with the span it was read from, e.g. `issuer` = `江苏省民政厅` at the signature.
public struct Field: Codable, Sendable, Equatable {
    /// `title`, `issuer`, `recipient`, `date`, `doc_number`; `footnote_ref` for a footnote marker
    /// that ended the title (`统计公报[1]` → `[1]`).
    public var name: String
    public var value: String
    public var start: Int
    public var end: Int

    public init(name: String, value: String, span: Span) {
        self.name = name
        self.value = value
        self.start = span.start
        self.end = span.end
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}

/// Text kept but not part of the document proper: `发布日期:2020-09-14 信息来源:办公室`,
/// `扫一扫在手机打开当前页`, `ICP备案:蜀ICP备14032324号-2`, `IMG_0825.jpg`.
public struct Boilerplate: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    /// What kind of chrome: `page_meta`, `navigation`, `footer`, `image`, `share`, `attachment_stub`;
    /// page furniture of PDF and DOCX files: `page_number`, `running_header`, `running_footer`.
    public var kind: String

    public init(span: Span, kind: String) {
        self.start = span.start
        self.end = span.end
        self.kind = kind
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}

/// JSON coding shared by every output and by tests: snake_case keys, stable key order.
public enum GongwenJSON {
    public static func encoder(pretty: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A number JSON cannot carry (`NaN`, `Infinity`) in what was to be encoded.
    public struct NonFiniteNumber: Error, CustomStringConvertible {
        public var description: String { "a number is not finite (NaN or infinity), which JSON cannot carry" }
    }

    /// Encodes `value` and checks the result is JSON a parser accepts: the one place every output
    /// goes through. Foundation writes a `Decimal` NaN as the bare word `NaN`; that is refused here
    /// instead of printed.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) throws -> Data {
        let data = try encoder(pretty: pretty).encode(value)
        if hasBareWord(data) { throw NonFiniteNumber() }
        return data
    }

    /// Whether a letter other than those of `true`, `false`, `null` stands outside a string.
    static func hasBareWord(_ data: Data) -> Bool {
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "t"), UInt8(ascii: "r"), UInt8(ascii: "u"), UInt8(ascii: "e"), UInt8(ascii: "f"), UInt8(ascii: "a"),
                 UInt8(ascii: "l"), UInt8(ascii: "s"), UInt8(ascii: "n"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): return true
            default: continue
            }
        }
        return false
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
