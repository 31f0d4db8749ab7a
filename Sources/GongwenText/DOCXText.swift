@preconcurrency import CLibXML2
import Foundation
import GongwenModel
import ZIPFoundation

/// The text of a Word 2007+ document (`.docx`), read with ZIPFoundation and libxml2 from
/// `word/document.xml`: one line per paragraph, Word's automatic numbering written out as the
/// marker it shows (from `word/numbering.xml`: `一、`, `（一）`, `1.`), each table row one line of
/// tab-separated cells, and the headers and footers after the body, tagged boilerplate.
///
/// A paragraph numbered with `chineseCounting` and level text `%1、` reading `总体要求` becomes the
/// line `一、总体要求`; a table row `地区 | 生产总值` becomes `地区\t生产总值`.
public enum DOCXText {
    /// The most one part of the package may unpack to; more is refused (a zip bomb).
    public static let maxPartBytes = 64 * 1_048_576

    /// The text and the spans of its headers and footers.
    public struct Body: Sendable, Equatable {
        public var text: String
        public var boilerplate: [Boilerplate]
    }

    /// `PK\u{3}\u{4}`: a zip archive.
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// Reads the document in `bytes`; `source` names the file in errors.
    public static func extract(_ bytes: [UInt8], source: String, maxPartBytes: Int = maxPartBytes) throws(DecodeError) -> Body {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw .malformed(source: source, format: "DOCX", reason: "not a zip archive")
        }
        guard let document = try part("word/document.xml", of: archive, source: source, limit: maxPartBytes) else {
            throw .malformed(source: source, format: "DOCX", reason: "no word/document.xml, not a Word document")
        }
        var numbering = Numbering()
        if let xml = try part("word/numbering.xml", of: archive, source: source, limit: maxPartBytes) {
            numbering.readDefinitions(xml)
        }
        if let xml = try part("word/styles.xml", of: archive, source: source, limit: maxPartBytes) {
            numbering.readStyles(xml)
        }
        var writer = Writer(numbering: numbering)
        guard writer.write(document) else {
            throw .malformed(source: source, format: "DOCX", reason: "word/document.xml is not well-formed XML")
        }
        // Headers and footers, each distinct text once, after the body.
        var furniture: [(String, String)] = []
        let paths = archive.map(\.path)
        let parts = paths.filter { $0.hasPrefix("word/header") }.sorted() + paths.filter { $0.hasPrefix("word/footer") }.sorted()
        for path in parts where path.hasSuffix(".xml") {
            guard let xml = try part(path, of: archive, source: source, limit: maxPartBytes) else { continue }
            var partWriter = Writer(numbering: Numbering())
            guard partWriter.write(xml) else { continue }
            let kind = path.hasPrefix("word/header") ? "running_header" : "running_footer"
            for line in partWriter.text.split(separator: "\n") {
                let text = line.trimmingCharacters(in: .whitespaces)
                if !text.isEmpty, !furniture.contains(where: { $0.0 == text }) { furniture.append((text, kind)) }
            }
        }
        var text = writer.text
        while text.hasSuffix("\n") { text.removeLast() }
        var offset = text.unicodeScalars.count
        var boilerplate: [Boilerplate] = []
        for (line, kind) in furniture {
            text += "\n" + line
            let length = line.unicodeScalars.count
            boilerplate.append(Boilerplate(span: Span(start: offset + 1, end: offset + 1 + length), kind: kind))
            offset += 1 + length
        }
        return Body(text: text, boilerplate: boilerplate)
    }

    /// The bytes of one part, refusing a part that unpacks past `limit` bytes (the size the
    /// archive declares is checked first, the bytes actually unpacked as they come).
    static func part(_ path: String, of archive: Archive, source: String, limit: Int) throws(DecodeError) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let limitMB = limit / 1_048_576
        if entry.uncompressedSize > UInt64(limit) {
            throw .malformed(source: source, format: "DOCX", reason: "\(path) unpacks to \(entry.uncompressedSize / 1_048_576) MB, over the \(limitMB) MB limit (zip bomb?)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry) { chunk in
                guard bytes.count + chunk.count <= limit else { throw PartTooLarge() }
                bytes += chunk
            }
        } catch is PartTooLarge {
            throw .malformed(source: source, format: "DOCX", reason: "\(path) unpacks to over the \(limitMB) MB limit (zip bomb?)")
        } catch {
            throw .malformed(source: source, format: "DOCX", reason: "\(path) is damaged (\(error))")
        }
        return bytes
    }

    private struct PartTooLarge: Error {}

    /// Parses XML bytes with libxml2 (no network, no entity expansion) and calls `body` with the
    /// root element; `false` when the bytes are not XML.
    static func withRoot(_ bytes: [UInt8], _ body: (xmlNodePtr) -> Void) -> Bool {
        _ = HTMLText.libxml2Ready
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_COMPACT.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), "part.xml", "UTF-8", options) }
        }
        guard let document else { return false }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return false }
        body(root)
        return true
    }

    /// The element children of `node`.
    static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var out: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { out.append(current) }
            child = current.pointee.next
        }
        return out
    }

    static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// An attribute by its local name (`w:val` → `val`).
    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    static func child(_ node: xmlNodePtr, _ name: String) -> xmlNodePtr? {
        children(node).first { Self.name($0) == name }
    }

    /// Lays out the body of a document, header or footer part.
    struct Writer {
        var numbering: Numbering
        var text = ""

        /// `false` when the bytes are not XML.
        mutating func write(_ xml: [UInt8]) -> Bool {
            var out = self
            let parsed = withRoot(xml) { out.block($0) }
            self = out
            return parsed
        }

        /// Paragraphs and tables in document order, through the containers Word wraps them in.
        mutating func block(_ node: xmlNodePtr) {
            for child in children(node) {
                switch name(child) {
                case "p": paragraph(child)
                case "tbl": table(child)
                case "sectPr", "del": continue
                default: block(child)
                }
            }
        }

        mutating func paragraph(_ node: xmlNodePtr) {
            text += marker(of: node) + inline(node) + "\n"
        }

        mutating func table(_ node: xmlNodePtr) {
            for row in children(node) where name(row) == "tr" {
                let cells = children(row).filter { name($0) == "tc" || name($0) == "sdt" }.map { cell -> String in
                    var nested = Writer(numbering: numbering)
                    nested.block(cell)
                    numbering = nested.numbering
                    return nested.text.split(separator: "\n").map { $0.replacingOccurrences(of: "\t", with: " ") }.joined(separator: " ")
                }
                text += cells.joined(separator: "\t") + "\n"
            }
        }

        /// The text of a paragraph's runs: `w:t`, tabs, line breaks; deleted text and field codes
        /// left out.
        func inline(_ node: xmlNodePtr) -> String {
            var out = ""
            for child in children(node) {
                switch name(child) {
                case "t":
                    if let content = xmlNodeGetContent(child) {
                        out += String(cString: content)
                        xmlFree(content)
                    }
                case "tab": out += "\t"
                case "br", "cr": out += "\n"
                case "pPr", "rPr", "del", "delText", "instrText", "fldChar": continue
                default: out += inline(child)
                }
            }
            return out
        }

        /// The marker Word shows before a numbered paragraph, with the counters advanced.
        mutating func marker(of paragraph: xmlNodePtr) -> String {
            var numberId: String?
            var level = 0
            if let properties = child(paragraph, "pPr") {
                if let style = child(properties, "pStyle").flatMap({ attribute($0, "val") }), let numbered = numbering.styles[style] {
                    numberId = numbered.numberId
                    level = numbered.level
                }
                if let numPr = child(properties, "numPr") {
                    if let id = child(numPr, "numId").flatMap({ attribute($0, "val") }) { numberId = id }
                    if let value = child(numPr, "ilvl").flatMap({ attribute($0, "val") }).flatMap(Int.init) { level = value }
                }
            }
            guard let numberId, numberId != "0" else { return "" }
            return numbering.next(numberId: numberId, level: level)
        }
    }

    /// Word's list definitions (`word/numbering.xml`) and the counters of a reading.
    struct Numbering {
        struct Level {
            var format = "decimal"
            var text = ""
            var start = 1
        }

        /// abstractNumId → levels.
        var abstract: [String: [Int: Level]] = [:]
        /// numId → abstractNumId.
        var instances: [String: String] = [:]
        /// Paragraph styles that carry numbering: styleId → (numId, level).
        var styles: [String: (numberId: String, level: Int)] = [:]
        /// Counters per abstract list, by level.
        var counters: [String: [Int: Int]] = [:]

        mutating func readDefinitions(_ xml: [UInt8]) {
            _ = withRoot(xml) { root in
                for node in children(root) {
                    if name(node) == "abstractNum", let id = attribute(node, "abstractNumId") {
                        var levels: [Int: Level] = [:]
                        for lvl in children(node) where name(lvl) == "lvl" {
                            guard let index = attribute(lvl, "ilvl").flatMap(Int.init) else { continue }
                            var level = Level()
                            if let format = child(lvl, "numFmt").flatMap({ attribute($0, "val") }) { level.format = format }
                            if let text = child(lvl, "lvlText").flatMap({ attribute($0, "val") }) { level.text = text }
                            if let start = child(lvl, "start").flatMap({ attribute($0, "val") }).flatMap(Int.init) { level.start = start }
                            levels[index] = level
                        }
                        abstract[id] = levels
                    } else if name(node) == "num", let id = attribute(node, "numId"),
                              let abstractId = child(node, "abstractNumId").flatMap({ attribute($0, "val") }) {
                        instances[id] = abstractId
                    }
                }
            }
        }

        mutating func readStyles(_ xml: [UInt8]) {
            _ = withRoot(xml) { root in
                for style in children(root) where name(style) == "style" {
                    guard let id = attribute(style, "styleId"), let properties = child(style, "pPr"),
                          let numPr = child(properties, "numPr"),
                          let numberId = child(numPr, "numId").flatMap({ attribute($0, "val") }) else { continue }
                    let level = child(numPr, "ilvl").flatMap { attribute($0, "val") }.flatMap(Int.init) ?? 0
                    styles[id] = (numberId, level)
                }
            }
        }

        /// Advances the counter of `level` (resetting the deeper ones) and renders the level text:
        /// `（%1）` at 2 in `chineseCounting` → `（二）`.
        mutating func next(numberId: String, level: Int) -> String {
            guard let abstractId = instances[numberId], let levels = abstract[abstractId], let definition = levels[level] else { return "" }
            var values = counters[abstractId] ?? [:]
            values[level] = (values[level] ?? (definition.start - 1)) + 1
            for deeper in values.keys where deeper > level { values[deeper] = nil }
            counters[abstractId] = values
            if definition.format == "bullet" || definition.format == "none" { return "" }
            var out = ""
            var scalars = definition.text.unicodeScalars[...]
            while let scalar = scalars.popFirst() {
                if scalar == "%", let digit = scalars.first, let index = Int(String(digit)), index >= 1 {
                    scalars.removeFirst()
                    let referenced = index - 1
                    let format = levels[referenced]?.format ?? "decimal"
                    let value = values[referenced] ?? levels[referenced]?.start ?? 1
                    out += Self.render(value, format: format)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }

        /// One counter value in a Word number format.
        static func render(_ value: Int, format: String) -> String {
            switch format {
            case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting", "taiwaneseCounting", "chineseLegalSimplified":
                return ChineseNumerals.spelled(value)
            case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
                return (1...20).contains(value) ? String(Character(Unicode.Scalar(0x2460 + UInt32(value - 1))!)) : String(value)
            case "decimalFullWidth", "decimalFullWidth2":
                return String(String(value).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0)!) })
            case "lowerLetter", "upperLetter":
                let letter = Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8((value - 1) % 26)))
                return format == "upperLetter" ? letter.uppercased() : String(letter)
            case "lowerRoman", "upperRoman":
                let roman = Self.roman(value)
                return format == "upperRoman" ? roman : roman.lowercased()
            case "decimalZero":
                return value < 10 ? "0\(value)" : String(value)
            default:
                return String(value)
            }
        }

        static func roman(_ value: Int) -> String {
            let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
            var rest = max(0, min(value, 3999))
            var out = ""
            for (unit, letters) in table {
                while rest >= unit {
                    out += letters
                    rest -= unit
                }
            }
            return out
        }
    }
}
