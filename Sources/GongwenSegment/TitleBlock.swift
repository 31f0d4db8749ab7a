import GongwenModel
import GongwenText

/// The lines above the document proper (GB/T 9704's 版头): the issuer's header, the title (which may
/// span lines), doc numbers and notes under the title (occasion, speaker, date). The block is
/// found back from the anchor, the first line of the document proper.
///
/// For `巴中市民政局 / 对市政协第四届四次会议第110号提案 / 答复的函 / 民盟…委员会: / …` the anchor is the
/// recipient line, the header issuer `巴中市民政局` and the title `对市政协第四届四次会议第110号提案答复的函`.
struct TitleBlock {
    /// Longest line that can still be part of a title block.
    static let maxLine = 120

    /// The first line of the document proper.
    var anchor: Int?
    /// The lines of the block, in order.
    var lines: [Int] = []
    var title: Field?
    /// A footnote marker that ended the title (`统计公报[1]` → `[1]`).
    var footnote: Field?
    var headerIssuer: (String, Span)?
    /// A date in a note under the title: `(2023年12月28日在市六届人大常委会第六次会议上)`.
    var noteDate: (DateText, Span)?

    /// Finds the block and claims its lines.
    static func read(_ page: inout Page) -> TitleBlock {
        var block = TitleBlock()
        block.anchor = anchor(page)
        block.lines = lines(page, anchor: block.anchor)
        var titleLines: [Int] = []
        var inNotes = false
        let source = page.source
        // With the page's title bar above, a lone organisation line is the header, not the title.
        let blockStart = block.lines.first ?? block.anchor ?? page.lines.count
        let pageTitleAbove = page.unclaimed.contains { $0 < blockStart && isPageTitle(page.lines[$0].text) }
        for index in block.lines {
            let line = page.lines[index]
            let numbers = DocNumber.find(in: source.folded, range: line.content.start..<line.content.end)
            if numbers.count == 1, numbers[0] == line.content {
                page.roles[index] = .docNumber
            } else if TitleNote.matches(line.text) || DateText.parse(line.text)?.day != nil || inNotes {
                // A note under the title may wrap: what follows it in the block is note too.
                page.roles[index] = .titleNote
                inNotes = !titleLines.isEmpty
                if let date = embeddedDate(in: source, span: line.content) { block.noteDate = date }
            } else if let (header, span) = block.headerIssuer, titleLines.isEmpty, let names = Organization.names(in: line.text) {
                // Joint issuers on consecutive lines: `苏州市统计局` / `国家统计局苏州调查队`.
                page.roles[index] = .issuerHeader
                block.headerIssuer = (([header] + names).joined(separator: "、"), Span(start: span.start, end: line.content.end))
            } else if block.headerIssuer == nil, titleLines.isEmpty ? index != block.lines.last || pageTitleAbove : true, let names = Organization.names(in: line.text) {
                page.roles[index] = .issuerHeader
                block.headerIssuer = (names.joined(separator: "、"), line.content)
            } else {
                page.roles[index] = .title
                titleLines.append(index)
            }
        }
        guard let first = titleLines.first else { return block }
        // A footnote marker at the end (`统计公报[1]`) is a reference, not part of the title.
        var spans = titleLines.map { page.lines[$0].content }
        let last = spans.count - 1
        if let length = Notes.trailingMarker(in: source.folded, start: spans[last].start, end: spans[last].end) {
            spans[last].end -= length
            let marker = Span(start: spans[last].end, end: spans[last].end + length)
            block.footnote = Field(name: "footnote_ref", value: source.text(marker), span: marker)
        }
        let title = compactSpaces(spans.map { source.textWithoutLineBreaks($0) }.joined())
        block.title = Field(name: "title", value: title, span: Span(start: page.lines[first].content.start, end: spans[last].end))
        return block
    }

    /// The first line of the document proper: the recipient line if there is one before the first
    /// paragraph, else the first line that reads like a paragraph or a heading.
    static func anchor(_ page: Page) -> Int? {
        let content = page.unclaimed
        for index in content {
            let line = page.lines[index]
            if RecipientLine.matches(line) { return index }
            if line.length <= 80, TitleNote.matches(line.text) { continue }
            if isParagraphLike(index, page) { return index }
        }
        return content.first
    }

    static func isParagraphLike(_ index: Int, _ page: Page) -> Bool {
        let line = page.lines[index]
        if line.text.holds("。") || line.length > maxLine { return true }
        if let marker = page.marker(index), marker.kind != .attachment { return true }
        return false
    }

    /// The lines above the anchor that form the title block: short lines, no sentence, no chrome,
    /// at most six, contiguous apart from blank lines. While the block has only notes (a speech's
    /// date and speaker), a source note (`来源:北京日报`) above them is stepped over.
    static func lines(_ page: Page, anchor: Int?) -> [Int] {
        guard let anchor else { return [] }
        var block: [Int] = []
        var index = anchor - 1
        while index >= 0, block.count < 6 {
            let line = page.lines[index]
            if line.isBlank {
                index -= 1
                continue
            }
            if page.roles[index] != nil {
                guard page.chromeKinds[index] == "page_meta", block.allSatisfy({ TitleNote.matches(page.lines[$0].text) }) else { break }
                index -= 1
                continue
            }
            let note = line.length <= 80 && TitleNote.matches(line.text)
            if !note && (line.text.holds("。") || line.length > maxLine) || line.text.hasSuffix(":") { break }
            block.insert(index, at: 0)
            index -= 1
        }
        return block
    }

    /// Removes the spaces of letter-spaced titles (`政 府 工 作 报 告` → `政府工作报告`) and invisible
    /// characters (zero-width spaces and joiners, the byte-order mark, soft hyphens).
    static func compactSpaces(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if isInvisible(scalar) { continue }
            if scalar == " " || scalar == "\u{3000}" {
                let before = scalars[..<index].last { $0 != " " && $0 != "\u{3000}" }
                let after = scalars[(index + 1)...].first { $0 != " " && $0 != "\u{3000}" }
                if let before, let after, isCJK(before), isCJK(after) { continue }
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// Characters that take no room on the page: U+200B…U+200D, U+2060, U+FEFF, U+00AD.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        (0x200B...0x200D).contains(scalar.value) || scalar.value == 0x2060 || scalar.value == 0xFEFF || scalar.value == 0xAD
    }

    /// A date inside a line: `(2023年12月28日在市六届人大常委会第六次会议上)` → 2023-12-28.
    static func embeddedDate(in source: SourceText, span: Span) -> (DateText, Span)? {
        let s = source.folded
        var index = span.start
        while index < span.end {
            guard isASCIIDigit(s[index]) || ChineseNumerals.digit(s[index]) != nil else {
                index += 1
                continue
            }
            guard let dayEnd = (index..<min(span.end, index + 16)).first(where: { s[$0] == "日" }) else { return nil }
            let candidate = Span(start: index, end: dayEnd + 1)
            if let date = DateText.parse(source.foldedText(candidate)) { return (date, candidate) }
            index += 1
        }
        return nil
    }

    /// A line that reads like a document's title: short, no sentence, `关于…` or ending in a type.
    static func isPageTitle(_ text: String) -> Bool {
        text.count <= maxLine && !text.holds("。") && (text.holds("关于") || DocType.classify(title: text) != nil)
    }

    /// Lines above the block are the page's own title bar or navigation; returns the first page
    /// title (a line that reads like a document's title).
    func markPageTitle(_ page: inout Page) -> Field? {
        let blockStart = lines.first ?? anchor ?? page.lines.count
        var pageTitle: Field?
        for index in page.unclaimed where index < blockStart {
            let text = page.lines[index].text
            let isPageTitle = Self.isPageTitle(text)
            page.roles[index] = .boilerplate
            page.chromeKinds[index] = text == "附件" || text == "附件:" ? "attachment_stub" : isPageTitle ? "page_title" : "navigation"
            if isPageTitle, pageTitle == nil {
                pageTitle = Field(name: "page_title", value: page.source.text(page.lines[index].content), span: page.lines[index].content)
            }
        }
        return pageTitle
    }
}
