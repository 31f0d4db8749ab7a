@preconcurrency import CLibXML2
import Foundation
import GongwenModel

/// The readable text of an HTML page, as a browser would lay it out in lines, read with libxml2's
/// HTML parser in recover mode: block elements (`p`, `div`, `br`, `li`, `tr`, headings) end lines,
/// table cells are separated by a tab, `script`/`style`/`head` are dropped, runs of white space
/// collapse to one space. Text under navigation, header, footer and share markup is kept and
/// marked as boilerplate.
///
/// `<p>一、总体要求</p><p>（一）指导思想</p>` becomes `一、总体要求\n（一）指导思想`.
public enum HTMLText {
    public struct Page: Sendable {
        public var text: String
        public var boilerplate: [Boilerplate]
        public var meta: [String: String]
        /// What went wrong on the way: the parser stopped before the end, text was lost.
        public var warnings: [String] = []
    }

    /// Whether a file name says HTML: `.html` or `.htm`, in any case.
    public static func isHTMLPath(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    /// Whether the bytes start like an HTML document or fragment: `<!DOCTYPE html`, `<html`,
    /// `<div`, a comment ... after optional white space and BOM.
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "<") else { return false }
        let head = String(decoding: bytes[index..<min(bytes.count, index + 16)], as: UTF8.self).lowercased()
        let openers = ["<!doctype html", "<html", "<head", "<body", "<div", "<p>", "<p ", "<table", "<meta", "<!--", "<span", "<article", "<section", "<title"]
        return openers.contains { head.hasPrefix($0) }
    }

    /// The charset a page declares in its first 4 KB (`<meta charset="gb2312">` or
    /// `content="text/html; charset=GBK"`), if any.
    public static func declaredCharset(_ bytes: [UInt8]) -> String? {
        // On the bytes, ASCII letters lower-cased: `charset=` and the name are ASCII, and the bytes of any other
        // character (or of a broken one) are not. Lower-casing the decoded head as Unicode and Foundation's
        // `range(of:)` cost more than the rest of decoding a page.
        let head = bytes.prefix(4096)
        let key = Array("charset=".utf8)
        func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        guard head.count >= key.count,
              let start = (head.startIndex...(head.endIndex - key.count)).first(where: { at in
                  key.indices.allSatisfy { lower(head[at + $0]) == key[$0] }
              }) else { return nil }
        var name = ""
        for byte in head[(start + key.count)...].lazy.map(lower) {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { if name.isEmpty { continue } else { break } }
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") else { break }
            name.unicodeScalars.append(Unicode.Scalar(byte))
        }
        return name.isEmpty ? nil : name
    }

    private static let dropped: Set<String> = ["script", "style", "head", "noscript", "template", "iframe", "svg", "object", "select", "button", "input", "textarea"]
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "tr", "table", "tbody", "thead", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "header", "footer", "nav", "aside", "dd", "dt", "dl", "blockquote", "pre", "form",
        "hr", "center", "address", "figure", "figcaption", "main", "caption",
    ]
    private static let chromeTags: Set<String> = ["nav", "header", "footer", "aside"]
    private static let chromeTokens = ["nav", "menu", "footer", "foot", "header", "breadcrumb", "crumb", "share", "sidebar", "copyright", "toolbar", "position", "location", "topbar", "banner"]

    /// libxml2 sets up its globals on first use without a lock: two threads that parsed their first
    /// documents at once could each make the dictionaries' lock and leave it held, and every later
    /// parse waited on it for ever (the stream mode hung with `--jobs 2`: all its threads in
    /// `xmlRMutexLock` under `xmlDictCreate`). `xmlInitParser` sets them up once, before any parse
    /// (HTML here, Word's XML in `DOCXText`): a `static let` runs once, other threads waiting.
    static let libxml2Ready: Void = xmlInitParser()

    /// Parses `html` (already decoded) and lays out its text. `XML_PARSE_HUGE` lifts libxml2's
    /// depth limit (256 open elements, which 300 unclosed `<font>` tags reach), and the tree is
    /// walked with a stack of its own, so the depth of a page costs no call stack. Should the
    /// parser still stop before the end, a warning says the rest of the page is lost.
    public static func extract(_ html: String) -> Page {
        _ = libxml2Ready
        var utf8 = Array(html.utf8)
        utf8.append(0)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_NOIMPLIED.rawValue | XML_PARSE_HUGE.rawValue)
        var warnings: [String] = []
        var layout = Layout()
        var meta: [String: String] = [:]
        guard let context = htmlNewParserCtxt() else {
            return Page(text: "", boilerplate: [], meta: [:], warnings: ["the HTML parser could not start (out of memory)"])
        }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.options |= Int32(XML_PARSE_HUGE.rawValue)
        let document = utf8.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlCtxtReadMemory(context, chars.baseAddress, Int32(chars.count - 1), "page.html", "UTF-8", options)
            }
        }
        if context.pointee.disableSAX != 0 {
            let line = context.pointee.input.map { Int($0.pointee.line) } ?? 0
            warnings.append("the HTML parser stopped at line \(line) (\(lastError(context))): the text after it is lost")
        }
        if let document {
            walk(document.pointee.children, into: &layout, meta: &meta)
            xmlFreeDoc(document)
        }
        layout.endLine()
        return Page(text: layout.finish(), boilerplate: layout.boilerplate, meta: meta, warnings: warnings)
    }

    /// The message of the parser's last error, trimmed.
    private static func lastError(_ context: htmlParserCtxtPtr) -> String {
        guard let message = context.pointee.lastError.message else { return "error \(context.pointee.errNo)" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// One step of the walk: a node to lay out, or the end of an element to close.
    private enum Step {
        case enter(xmlNodePtr, chrome: Bool)
        case leave(isBlock: Bool)
    }

    /// Lays out `first` and its siblings, depth first, with an explicit stack.
    private static func walk(_ first: xmlNodePtr?, into layout: inout Layout, meta: inout [String: String]) {
        var stack: [Step] = siblings(from: first).reversed().map { .enter($0, chrome: false) }
        while let step = stack.popLast() {
            guard case .enter(let node, let chrome) = step else {
                if case .leave(isBlock: true) = step { layout.endLine() }
                continue
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content {
                    layout.appendText(String(cString: content), chrome: chrome)
                }
            case XML_ELEMENT_NODE:
                let name = String(cString: node.pointee.name).lowercased()
                if name == "meta" { readMeta(node, into: &meta) }
                if dropped.contains(name) {
                    if name == "head" { visitChildren(node, meta: &meta) }
                    continue
                }
                let isChrome = chrome || chromeTags.contains(name) || hasChromeAttribute(node) && !holdsMainContent(node)
                let isBlock = blocks.contains(name)
                if name == "br" { layout.breakLine() } else if isBlock { layout.endLine() }
                if name == "td" || name == "th" { layout.separateCell() }
                if name == "img" { layout.appendImage(attribute(node, "alt") ?? "", chrome: isChrome) }
                stack.append(.leave(isBlock: isBlock))
                stack += siblings(from: node.pointee.children).reversed().map { .enter($0, chrome: isChrome) }
            default:
                continue
            }
        }
    }

    private static func siblings(from first: xmlNodePtr?) -> [xmlNodePtr] {
        var nodes: [xmlNodePtr] = []
        var node = first
        while let current = node {
            nodes.append(current)
            node = current.pointee.next
        }
        return nodes
    }

    /// Collects `<meta>` tags inside a dropped `<head>`, at any depth.
    private static func visitChildren(_ node: xmlNodePtr, meta: inout [String: String]) {
        var stack = Array(siblings(from: node.pointee.children).reversed())
        while let current = stack.popLast() {
            guard current.pointee.type == XML_ELEMENT_NODE else { continue }
            if String(cString: current.pointee.name).lowercased() == "meta" { readMeta(current, into: &meta) }
            stack += siblings(from: current.pointee.children).reversed()
        }
    }

    private static func readMeta(_ node: xmlNodePtr, into meta: inout [String: String]) {
        guard let name = attribute(node, "name"), let content = attribute(node, "content") else { return }
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmed.isEmpty, meta[name] == nil { meta[name] = trimmed }
    }

    private static func hasChromeAttribute(_ node: xmlNodePtr) -> Bool {
        hasToken(node, in: chromeTokens)
    }

    /// Whether a class or id of `node` has a token starting with one of `prefixes`.
    private static func hasToken(_ node: xmlNodePtr, in prefixes: [String]) -> Bool {
        for key in ["class", "id"] {
            guard let value = attribute(node, key) else { continue }
            if let found = value.utf8.withContiguousStorageIfAvailable({ asciiHasToken($0, in: prefixes) }), let found {
                if found { return true }
                continue
            }
            let tokens = value.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            if tokens.contains(where: { token in prefixes.contains { token.hasPrefix($0) } }) { return true }
        }
        return false
    }

    /// `hasToken` on an ASCII value (nearly every class and id), byte for byte: its tokens are its runs
    /// of letters and digits, compared lower-cased with the `prefixes` (lower-case ASCII), without
    /// the grapheme clusters and Unicode properties of `isLetter`. `nil` when the value is not ASCII.
    private static func asciiHasToken(_ bytes: UnsafeBufferPointer<UInt8>, in prefixes: [String]) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isLetterOrDigit(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) || (0x30...0x39).contains(byte) }
        var start = 0
        while start < bytes.count {
            guard isLetterOrDigit(bytes[start]) else { start += 1; continue }
            var end = start + 1
            while end < bytes.count, isLetterOrDigit(bytes[end]) { end += 1 }
            for prefix in prefixes where prefix.utf8.count <= end - start {
                if prefix.utf8.enumerated().allSatisfy({ bytes[start + $0.offset] | 0x20 == $0.element }) { return true }
            }
            start = end
        }
        return false
    }

    /// Class and id tokens of the element that holds a page's article.
    private static let mainTokens = ["main", "content", "contant", "article", "detail", "zoom"]

    /// Whether an element marked as chrome wraps the article (`<div class="nav_background">` around
    /// `<div id="main">…`): then it is layout, not chrome. Looks at most 4,000 elements deep.
    private static func holdsMainContent(_ node: xmlNodePtr) -> Bool {
        var budget = 4000
        func search(_ node: xmlNodePtr) -> Bool {
            var child = node.pointee.children
            while let current = child, budget > 0 {
                if current.pointee.type == XML_ELEMENT_NODE {
                    budget -= 1
                    if hasToken(current, in: mainTokens) || search(current) { return true }
                }
                child = current.pointee.next
            }
            return false
        }
        return search(node)
    }

    private static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }
}

/// Lines of text being laid out; a line whose first text came from chrome markup is boilerplate.
private struct Layout {
    /// The text's UTF-8, made a string once at the end: appending to a string scalar by scalar
    /// cost hundreds of instructions a scalar.
    var utf8: [UInt8] = []
    var count = 0
    var lineStart = 0
    var lineHasText = false
    var lineIsChrome = false
    var pendingSpace = false
    var pendingTab = false
    var blankLines = 0
    var boilerplate: [Boilerplate] = []

    mutating func appendText(_ text: String, chrome: Bool) {
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                if lineHasText { pendingSpace = true }
                continue
            }
            if pendingTab || pendingSpace {
                append(pendingTab ? "\t" : " ")
                pendingSpace = false
                pendingTab = false
            }
            if !lineHasText {
                lineStart = count
                lineIsChrome = chrome
            }
            append(scalar)
            lineHasText = true
        }
    }

    mutating func appendImage(_ alt: String, chrome: Bool) {
        let trimmed = alt.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        appendText(trimmed, chrome: chrome)
    }

    mutating func separateCell() {
        if lineHasText { pendingTab = true }
    }

    /// `<br>`: ends the line, and on an empty line leaves one blank line (never more).
    mutating func breakLine() {
        if lineHasText {
            endLine()
        } else if count > 0, blankLines == 0 {
            append("\n")
            blankLines = 1
        }
    }

    /// The end of a block element: ends the line if it has text.
    mutating func endLine() {
        if lineHasText {
            if lineIsChrome {
                if let last = boilerplate.last, last.end + 1 == lineStart {
                    boilerplate[boilerplate.count - 1].end = count
                } else {
                    boilerplate.append(Boilerplate(span: Span(start: lineStart, end: count), kind: "navigation"))
                }
            }
            append("\n")
            blankLines = 0
        }
        lineHasText = false
        pendingSpace = false
        pendingTab = false
    }

    private mutating func append(_ scalar: Unicode.Scalar) {
        if scalar.isASCII { utf8.append(UInt8(scalar.value)) } else { utf8.append(contentsOf: UTF8.encode(scalar)!) }
        count += 1
    }

    /// The text without its trailing line breaks, cut off before the string is made (removed from
    /// the string afterwards, the first one copied the whole page).
    func finish() -> String {
        var end = utf8.count
        while end > 0, utf8[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        return String(decoding: utf8[..<end], as: UTF8.self)
    }
}
