@preconcurrency import CPoppler
import GongwenModel
import Synchronization

/// The text layer of a PDF read page by page through poppler's GLib API. Pages are joined by a
/// line holding a form feed (`\u{0C}`), so page boundaries stay in the text; running headers and
/// footers repeated on most pages and page numbers are tagged boilerplate.
///
/// A 22-page budget report reads as `各位代表:\n受市人民政府委托,…\n\u{0C}\n…`, with `— 2 —` at the foot
/// of page 2 tagged `page_number`.
public enum PDFText {
    /// The text of every page and what was recognised as page furniture.
    public struct Pages: Sendable, Equatable {
        public var text: String
        /// The span of each page's text, in page order.
        public var pages: [Span]
        public var boilerplate: [Boilerplate]
    }

    /// Poppler keeps global state; documents are opened one at a time.
    private static let lock = Mutex(())

    /// `%PDF-` within the first kilobyte, as readers accept it.
    public static func sniff(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(1024)
        let magic = Array("%PDF-".utf8)
        return head.indices.contains { head[$0...].starts(with: magic) }
    }

    /// Reads the text layer of `bytes`; `source` names the file in errors.
    public static func extract(_ bytes: [UInt8], source: String) throws(DecodeError) -> Pages {
        guard sniff(bytes) else { throw .malformed(source: source, format: "PDF", reason: "no %PDF- header") }
        let pageTexts = try lock.withLock { _ throws(DecodeError) -> [String] in try readPages(bytes, source: source) }
        if pageTexts.allSatisfy({ $0.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }) {
            throw .noTextLayer(source: source)
        }
        return assemble(pageTexts)
    }

    private static func readPages(_ bytes: [UInt8], source: String) throws(DecodeError) -> [String] {
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
            let code = error?.pointee.code ?? 0
            let message = error.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "unknown error"
            if error != nil { g_error_free(error) }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) { throw .encrypted(source: source) }
            throw .malformed(source: source, format: "PDF", reason: message)
        }
        defer { g_object_unref(UnsafeMutableRawPointer(document)) }
        var pages: [String] = []
        for index in 0..<poppler_document_get_n_pages(document) {
            guard let page = poppler_document_get_page(document, index) else {
                pages.append("")
                continue
            }
            defer { g_object_unref(UnsafeMutableRawPointer(page)) }
            guard let text = poppler_page_get_text(page) else {
                pages.append("")
                continue
            }
            let scalars = Array(String(cString: text).unicodeScalars)
            g_free(text)
            var rectangles: UnsafeMutablePointer<PopplerRectangle>?
            var count: guint = 0
            var glyphs: [Glyph] = []
            if poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles {
                if Int(count) == scalars.count {
                    glyphs = scalars.indices.map { index in
                        let box = rectangles[index]
                        return Glyph(scalar: scalars[index], left: box.x1, top: box.y1, right: box.x2, bottom: box.y2)
                    }
                }
                g_free(rectangles)
            }
            let laidOut = glyphs.isEmpty ? String(String.UnicodeScalarView(scalars)) : rows(glyphs)
            pages.append(SourceDecoder.normalizeLineBreaks(laidOut))
        }
        return pages
    }

    /// One character of a page's text and its box on the page (points, y growing downwards), as
    /// poppler lays the text out.
    struct Glyph {
        var scalar: Unicode.Scalar
        var left, top, right, bottom: Double
        var height: Double { bottom - top }
        var isSpace: Bool { scalar.properties.isWhitespace }
    }

    /// How wide a gap between two characters of one row must be, against their height, to part two
    /// cells: a space is half an em, a table's columns stand an em or more apart.
    static let cellGap = 0.75

    /// The page's text in rows, from poppler's lines and the boxes of their characters. A line that
    /// continues the one before it on the same baseline, to its right, is the same row (a table's
    /// cells, a line poppler broke where punctuation was squeezed: `…减少 1.4%。` and
    /// `公路旅客运输周转量 5.09` side by side); within a row, a gap of `cellGap` of the characters'
    /// height or more with no space character to account for it parts two cells with a tab
    /// (`全市常住人口` `346.7` `100.0` → `全市常住人口\t346.7\t100.0`).
    static func rows(_ glyphs: [Glyph]) -> String {
        var lines: [[Glyph]] = [[]]
        for glyph in glyphs {
            if glyph.scalar == "\n" { lines.append([]) } else { lines[lines.count - 1].append(glyph) }
        }
        var rows: [[Glyph]] = []
        var previous: [Glyph]?
        for line in lines {
            let ink = line.filter { !$0.isSpace }
            if let last = previous?.last(where: { !$0.isSpace }), let first = ink.first, continues(last, first), !rows.isEmpty {
                rows[rows.count - 1] += line
            } else {
                rows.append(line)
            }
            previous = ink.isEmpty ? nil : line
        }
        return rows.map(cells).joined(separator: "\n")
    }

    /// Whether `next` stands on the baseline of `last`, to its right (an overlap of up to
    /// `cellGap` of its height allowed: squeezed punctuation).
    static func continues(_ last: Glyph, _ next: Glyph) -> Bool {
        let height = max(last.height, next.height)
        let overlap = min(last.bottom, next.bottom) - max(last.top, next.top)
        return overlap >= min(last.height, next.height) / 2 && next.left >= last.right - cellGap * height
    }

    /// The text of a row, a tab between characters set a cell apart.
    static func cells(_ row: [Glyph]) -> String {
        var out = String.UnicodeScalarView()
        var spaces: [Glyph] = []
        var last: Glyph?
        for glyph in row {
            if glyph.isSpace {
                spaces.append(glyph)
                continue
            }
            if let last {
                let height = max(last.height, glyph.height)
                let gap = glyph.left - last.right - spaces.reduce(0) { $0 + max(0, $1.right - $1.left) }
                if gap >= cellGap * height {
                    spaces = [Glyph(scalar: "\t", left: 0, top: 0, right: 0, bottom: 0)]
                }
            }
            out += spaces.map(\.scalar)
            spaces = []
            out.append(glyph.scalar)
            last = glyph
        }
        out += spaces.map(\.scalar)
        return String(out)
    }

    /// Joins the pages with form-feed lines and tags the page furniture.
    static func assemble(_ pageTexts: [String]) -> Pages {
        var text = ""
        var offset = 0
        var pages: [Span] = []
        var pageLines: [[(Span, String)]] = []
        for (index, pageText) in pageTexts.enumerated() {
            if index > 0 {
                text += "\n\u{0C}\n"
                offset += 3
            }
            var trimmed = Substring(pageText)
            while trimmed.last == "\n" { trimmed.removeLast() }
            var lines: [(Span, String)] = []
            var lineStart = offset
            for line in trimmed.split(separator: "\n", omittingEmptySubsequences: false) {
                let length = line.unicodeScalars.count
                let content = String(line).filter { !$0.isWhitespace }
                if !content.isEmpty { lines.append((Span(start: lineStart, end: lineStart + length), content)) }
                lineStart += length + 1
            }
            let length = trimmed.unicodeScalars.count
            pages.append(Span(start: offset, end: offset + length))
            text += trimmed
            offset += length
            pageLines.append(lines)
        }
        return Pages(text: text, pages: pages, boilerplate: PageFurniture.find(pageLines))
    }
}

/// Lines that a printed page repeats: page numbers (`— 3 —`, `- 3 -`, `第3页`, `第 3 页 共 22 页`,
/// `3/22`, a bare `3` at the top or foot of a page) and running headers and footers (the same
/// words, a number at either end aside, at the top or foot of most pages: `银川市财政局`, `2025年预算报告`).
public enum PageFurniture {
    /// Lines at each end of a page that can be furniture.
    static let edgeLines = 2

    /// Whether `text` (white space removed) is a page number as printed: `—3—`, `-3-`, `第3页`,
    /// `第3页共22页`, `3/22`. A bare number counts only when `bare` is allowed (the line stands at
    /// the top or foot of a page).
    public static func isPageNumber(_ text: String, bare: Bool = false) -> Bool {
        var scalars = Array(text.unicodeScalars.lazy.filter { !ScalarClass.isWhitespace($0) })[...]
        guard !scalars.isEmpty, scalars.count <= 16 else { return false }
        func digits() -> Bool {
            let start = scalars.startIndex
            while let first = scalars.first, isASCIIDigit(Fold.fold(first)) { scalars.removeFirst() }
            return scalars.startIndex != start
        }
        if let first = scalars.first, isDash(first) {
            while let next = scalars.first, isDash(next) { scalars.removeFirst() }
            guard digits() else { return false }
            while let next = scalars.first, isDash(next) { scalars.removeFirst() }
            return scalars.isEmpty
        }
        if scalars.first == "第" {
            scalars.removeFirst()
            guard digits(), scalars.first == "页" else { return false }
            scalars.removeFirst()
            if scalars.isEmpty { return true }
            guard scalars.first == "共" || scalars.first == "," || scalars.first == "，" else { return false }
            scalars.removeFirst()
            if scalars.first == "共" { scalars.removeFirst() }
            return digits() && scalars.first == "页" && scalars.count == 1
        }
        guard digits() else { return false }
        if scalars.isEmpty { return bare }
        guard scalars.first == "/" else { return false }
        scalars.removeFirst()
        return digits() && scalars.isEmpty
    }

    /// The dashes around a page number: `— 3 —`, `-3-`.
    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "—", "-", "–", "－", "─", "‐", "―": true
        default: false
        }
    }

    /// The furniture among the non-blank lines of each page (span, text without white space).
    static func find(_ pages: [[(Span, String)]]) -> [Boilerplate] {
        // A running line: the same words (a number at either end masked), at an edge of at least half the pages
        // (three at least).
        var edgeCounts: [String: Int] = [:]
        for lines in pages {
            var seen = Set<String>()
            for (_, text) in edges(of: lines) where !isPageNumber(text, bare: true) {
                let key = masked(text)
                if seen.insert(key).inserted { edgeCounts[key, default: 0] += 1 }
            }
        }
        let threshold = max(3, (pages.count + 1) / 2)
        var marks: [Boilerplate] = []
        for lines in pages {
            let middle = lines.count / 2
            for (span, text) in edges(of: lines) {
                if isPageNumber(text, bare: true) {
                    marks.append(Boilerplate(span: span, kind: "page_number"))
                } else if pages.count >= 3, edgeCounts[masked(text), default: 0] >= threshold {
                    let isHeader = lines.prefix(max(1, middle)).contains { $0.0 == span }
                    marks.append(Boilerplate(span: span, kind: isHeader ? "running_header" : "running_footer"))
                }
            }
        }
        return marks.sorted { $0.start < $1.start }
    }

    /// The first and last `edgeLines` lines of a page, each once.
    private static func edges(of lines: [(Span, String)]) -> [(Span, String)] {
        if lines.count <= 2 * edgeLines { return lines }
        return Array(lines.prefix(edgeLines)) + Array(lines.suffix(edgeLines))
    }

    /// The line with a number at its start or end masked (`银川市财政局 3` → `银川市财政局#`), so that
    /// a footer that carries the page number matches itself on every page.
    private static func masked(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        var out = ""
        if let first = scalars.first, isASCIIDigit(Fold.fold(first)) {
            out = "#"
            while let next = scalars.first, isASCIIDigit(Fold.fold(next)) { scalars.removeFirst() }
        }
        var tail = ""
        if let last = scalars.last, isASCIIDigit(Fold.fold(last)) {
            tail = "#"
            while let next = scalars.last, isASCIIDigit(Fold.fold(next)) { scalars.removeLast() }
        }
        return out + String(scalars) + tail
    }
}
