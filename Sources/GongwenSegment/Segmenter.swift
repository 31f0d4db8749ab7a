import Foundation
import GongwenModel
import GongwenText

/// Segments a decoded document (GB/T 9704-2012 vocabulary): page chrome, title block, recipient,
/// body with its heading hierarchy and inline enumerations, sign-off (issuer and date) and
/// appended attachments.
///
/// `segment(SourceText("国务院办公厅关于…的复函\n国办函〔2004〕80号\n湖北省人民政府:\n…"))` finds the title,
/// the doc number `国办函〔2004〕80号` and the recipient `湖北省人民政府`.
public enum Segmenter {
    /// Longest line that can still be part of a title block or a recipient line.
    static let maxTitleLine = 120
    static let maxRecipientLine = 60

    public static func segment(_ source: SourceText, chrome: [Boilerplate] = [], pageMeta: [String: String] = [:]) -> Segmentation {
        var result = Segmentation()
        let lines = Line.lines(of: source)
        var roles = [Paragraph.Role?](repeating: nil, count: lines.count)
        var chromeKinds = [String?](repeating: nil, count: lines.count)
        var metaValues: [String: (String, Span)] = [:]
        var labelledDates: [String: (DateText, Span)] = [:]

        // Page chrome: from the markup (HTML) and from the words of each line. A metadata label on a
        // line of its own (`索 引 号:`) takes the next line as its value.
        var pendingLabel: (label: String, line: Int)?
        for (index, line) in lines.enumerated() where !line.isBlank {
            if let mark = chrome.first(where: { $0.span.contains(line.content) }) {
                chromeKinds[index] = mark.kind
            }
            let pairs = Chrome.metaPairs(of: line.text)
            if let (label, labelLine) = pendingLabel, labelLine + 1 == index, Chrome.metaLabel(line.text) == nil, line.length <= 60 {
                chromeKinds[index] = "page_meta"
                if metaValues[label] == nil { metaValues[label] = (line.text, line.content) }
                pendingLabel = nil
            } else if let label = Chrome.metaLabel(line.text) {
                chromeKinds[index] = "page_meta"
                pendingLabel = (label, index)
            } else if !pairs.isEmpty {
                chromeKinds[index] = "page_meta"
                for (label, value) in pairs where !value.isEmpty && metaValues[label] == nil {
                    metaValues[label] = (value, line.content)
                }
            } else if chromeKinds[index] == nil, let kind = Chrome.kind(of: line.text) {
                chromeKinds[index] = kind
            }
            if chromeKinds[index] != nil { roles[index] = .boilerplate }
            if chromeKinds[index] == "page_meta" {
                for (key, date) in Chrome.labelledDates(in: line.text) where labelledDates[key] == nil { labelledDates[key] = (date, line.content) }
            }
            if chromeKinds[index] != "page_meta" { pendingLabel = nil }
        }

        let content = lines.indices.filter { !lines[$0].isBlank && roles[$0] == nil }
        let anchor = findAnchor(lines, content: content, source: source)
        let block = titleBlock(lines, roles: roles, chromeKinds: chromeKinds, anchor: anchor)

        // Title block: issuer header, title lines, doc numbers, a parenthesised note.
        var titleLines: [Int] = []
        var headerIssuer: (String, Span)?
        var noteDate: (DateText, Span)?
        var inNotes = false
        for index in block {
            let line = lines[index]
            let numbers = DocNumber.find(in: source.folded, range: line.content.start..<line.content.end)
            if numbers.count == 1, numbers[0] == line.content {
                roles[index] = .docNumber
            } else if TitleNote.matches(line.text) || DateText.parse(line.text)?.day != nil || inNotes {
                // A note under the title may wrap: what follows it in the block is note too.
                roles[index] = .titleNote
                inNotes = !titleLines.isEmpty
                if let date = embeddedDate(in: source, span: line.content) { noteDate = date }
            } else if headerIssuer == nil, titleLines.isEmpty ? index != block.last : true, let names = Organization.names(in: line.text) {
                roles[index] = .issuerHeader
                headerIssuer = (names.joined(separator: "、"), line.content)
            } else {
                roles[index] = .title
                titleLines.append(index)
            }
        }
        if let first = titleLines.first, let last = titleLines.last {
            // A footnote marker at the end (`统计公报[1]`) is a reference, not part of the title.
            var spans = titleLines.map { lines[$0].content }
            var footnote: Span?
            if let length = Notes.trailingMarker(in: source.folded, start: spans[spans.count - 1].start, end: spans[spans.count - 1].end) {
                spans[spans.count - 1].end -= length
                footnote = Span(start: spans[spans.count - 1].end, end: spans[spans.count - 1].end + length)
            }
            let title = compactSpaces(spans.map { source.text($0) }.joined().replacingOccurrences(of: "\n", with: ""))
            result.title = title
            result.fields.append(Field(name: "title", value: title, span: Span(start: lines[first].content.start, end: spans[spans.count - 1].end)))
            if let footnote { result.fields.append(Field(name: "footnote_ref", value: source.text(footnote), span: footnote)) }
        } else if let (value, span) = metaValues["标题"] ?? pageMeta["ArticleTitle"].map({ ($0, Span(start: 0, end: 0)) }) {
            result.title = value
            if !span.isEmpty { result.fields.append(Field(name: "title", value: value, span: span)) }
        }

        // Lines above the title block are the page's own title bar or navigation.
        let blockStart = block.first ?? anchor ?? lines.count
        for index in content where index < blockStart && roles[index] == nil {
            let text = lines[index].text
            let isPageTitle = text.count <= maxTitleLine && !text.contains("。") && (text.contains("关于") || DocType.classify(title: text) != nil)
            roles[index] = .boilerplate
            chromeKinds[index] = text == "附件" || text == "附件:" ? "attachment_stub" : isPageTitle ? "page_title" : "navigation"
            if isPageTitle, !result.fields.contains(where: { $0.name == "page_title" }) {
                result.fields.append(Field(name: "page_title", value: source.text(lines[index].content), span: lines[index].content))
            }
        }

        // Recipient and the start of the body.
        var bodyStartLine = anchor ?? lines.count
        if let anchor, isRecipient(lines[anchor]) {
            roles[anchor] = .recipient
            var span = lines[anchor].content
            while span.end > span.start, source.folded[span.end - 1] == ":" { span.end -= 1 }
            let value = source.text(span)
            result.recipient = value
            result.fields.append(Field(name: "recipient", value: value, span: span))
            bodyStartLine = anchor + 1
        }

        // Sign-off: issuer lines and the date line that close the letter; attachments after it.
        let signOff = findSignOff(lines, roles: roles, from: bodyStartLine, source: source)
        var bodyEndLine = lines.count
        var signatureIssuer: (String, Span)?
        if let signOff {
            bodyEndLine = signOff.firstLine
            roles[signOff.dateLine] = .date
            result.date = signOff.date
            result.fields.append(Field(name: "date", value: signOff.date.iso, span: lines[signOff.dateLine].content))
            if !signOff.issuerLines.isEmpty {
                for index in signOff.issuerLines { roles[index] = .signature }
                let names = signOff.issuerLines.flatMap { Organization.names(in: lines[$0].text) ?? [lines[$0].text] }
                let span = Span(start: lines[signOff.issuerLines[0]].content.start, end: lines[signOff.issuerLines.last!].content.end)
                signatureIssuer = (names.joined(separator: "、"), span)
            }
        }
        let issuer = signatureIssuer ?? headerIssuer ?? titlePrefixIssuer(result.fields.first { $0.name == "title" })
            ?? metaValues["发文机关"] ?? sourceNoteIssuer(lines, chromeKinds: chromeKinds, source: source)
        if let (name, span) = issuer {
            result.issuer = name
            if !span.isEmpty { result.fields.append(Field(name: "issuer", value: name, span: span)) }
        }
        if result.date == nil, let (date, span) = noteDate ?? metaValues["成文日期"].flatMap({ value, span in DateText.parse(value).map { ($0, span) } })
            ?? labelledDates["成文日期"] ?? labelledDates["发布日期"] {
            result.date = date
            result.fields.append(Field(name: "date", value: date.iso, span: span))
        }
        if let (value, span) = metaValues["发布日期"] ?? pageMeta["PubDate"].map({ ($0, Span(start: 0, end: 0)) }) {
            let day = String(value.prefix(while: { $0 != " " }))
            if let date = DateText.parse(day) { result.fields.append(Field(name: "published", value: date.iso, span: span)) }
        }

        // Doc numbers: of the title block and the title itself.
        var numberSpans: [Span] = []
        for index in block where roles[index] == .docNumber || roles[index] == .title {
            numberSpans += DocNumber.find(in: source.folded, range: lines[index].content.start..<lines[index].content.end)
        }
        if numberSpans.isEmpty, let (_, span) = metaValues["发文字号"] {
            numberSpans += DocNumber.find(in: source.folded, range: span.start..<span.end)
        }
        for span in numberSpans {
            let value = source.foldedText(span).replacingOccurrences(of: " ", with: "")
            if !result.docNumbers.contains(value) {
                result.docNumbers.append(value)
                result.fields.append(Field(name: "doc_number", value: value, span: span))
            }
        }

        if let title = result.title {
            result.docType = DocType.classify(title: title)
        }
        if result.docType == nil, let first = (bodyStartLine..<bodyEndLine).first(where: { !lines[$0].isBlank && roles[$0] == nil }) {
            result.docType = DocType.classify(opening: lines[first].text)
        }

        // Body and attachments: headings, the section tree and inline enumerations.
        let trailingEnd = lastContentLine(lines, roles: roles)
        var regions: [Range<Int>] = [bodyStartLine..<bodyEndLine]
        if let signOff, let attachment = ((signOff.dateLine + 1)..<max(signOff.dateLine + 1, trailingEnd + 1)).first(where: {
            roles[$0] == nil && !lines[$0].isBlank && Marker.heading(in: source.folded, at: lines[$0].content.start, end: lines[$0].content.end)?.kind == .attachment
        }) {
            regions.append(attachment..<(trailingEnd + 1))
        } else if let signOff, let appended = appendedTitle(after: signOff.dateLine, lines, roles: roles) {
            roles[appended] = .attachment
            regions.append((appended + 1)..<max(appended + 1, trailingEnd + 1))
        }
        var builder = SectionBuilder(source: source, lines: lines)
        for region in regions where !region.isEmpty {
            builder.collect(region: region, roles: &roles)
        }
        result.sections = builder.build()
        if let first = regions.first, !first.isEmpty {
            result.body = Span(start: lines[first.lowerBound].span.start, end: lines[max(first.lowerBound, first.upperBound - 1)].span.end)
        }

        // Roles of what is left, and the boilerplate spans (runs of one kind merged).
        var previousChrome: Int?
        for index in lines.indices where !lines[index].isBlank {
            let role = roles[index] ?? (index < bodyStartLine ? .preamble : .body)
            result.paragraphs.append(Paragraph(span: lines[index].content, line: lines[index].number, role: role))
            guard role == .boilerplate, let kind = chromeKinds[index] else {
                previousChrome = nil
                continue
            }
            if let previous = previousChrome, chromeKinds[previous] == kind {
                result.boilerplate[result.boilerplate.count - 1].end = lines[index].content.end
            } else {
                result.boilerplate.append(Boilerplate(span: lines[index].content, kind: kind))
            }
            previousChrome = index
        }
        return result
    }

    /// The first line of the document proper: the recipient line if there is one before the first
    /// paragraph, else the first line that reads like a paragraph or a heading.
    static func findAnchor(_ lines: [Line], content: [Int], source: SourceText) -> Int? {
        for index in content {
            let line = lines[index]
            if isRecipient(line) { return index }
            if line.length <= 80, TitleNote.matches(line.text) { continue }
            if isParagraphLike(line, source: source) { return index }
        }
        return content.first
    }

    /// Labels that end in a colon but address nobody.
    static let nonRecipientLabels: Set<String> = ["附件:", "抄送:", "主题词:", "关键词:", "联系人:", "附:"]

    static func isRecipient(_ line: Line) -> Bool {
        line.length <= maxRecipientLine && line.length >= 3 && line.text.hasSuffix(":") && !line.text.contains("。")
            && !nonRecipientLabels.contains(line.text)
    }

    static func isParagraphLike(_ line: Line, source: SourceText) -> Bool {
        if line.text.contains("。") || line.length > maxTitleLine { return true }
        if let marker = Marker.heading(in: source.folded, at: line.content.start, end: line.content.end), marker.kind != .attachment {
            return true
        }
        return false
    }

    /// The lines above the anchor that form the title block: short lines, no sentence, no chrome,
    /// at most six, contiguous apart from blank lines. While the block has only notes (a speech's
    /// date and speaker), a source note (`来源:北京日报`) above them is stepped over.
    static func titleBlock(_ lines: [Line], roles: [Paragraph.Role?], chromeKinds: [String?], anchor: Int?) -> [Int] {
        guard let anchor else { return [] }
        var block: [Int] = []
        var index = anchor - 1
        while index >= 0, block.count < 6 {
            let line = lines[index]
            if line.isBlank {
                index -= 1
                continue
            }
            if roles[index] != nil {
                guard chromeKinds[index] == "page_meta", block.allSatisfy({ TitleNote.matches(lines[$0].text) }) else { break }
                index -= 1
                continue
            }
            let note = line.length <= 80 && TitleNote.matches(line.text)
            if !note && (line.text.contains("。") || line.length > maxTitleLine) || line.text.hasSuffix(":") { break }
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

    struct SignOff {
        var firstLine: Int
        var issuerLines: [Int]
        var dateLine: Int
        var date: DateText
    }

    /// The closing date line (成文日期) and the issuer lines above it: the first date-only line after
    /// the body start that follows an organisation line or that only chrome and attachments follow.
    static func findSignOff(_ lines: [Line], roles: [Paragraph.Role?], from start: Int, source: SourceText) -> SignOff? {
        guard start < lines.count else { return nil }
        let last = lastContentLine(lines, roles: roles)
        for index in start..<lines.count where !lines[index].isBlank && roles[index] == nil {
            guard lines[index].length <= 20, let date = DateText.parse(lines[index].text), date.day != nil else { continue }
            var issuers: [Int] = []
            var above = index - 1
            while above >= start, issuers.count < 3 {
                if lines[above].isBlank {
                    above -= 1
                    continue
                }
                guard roles[above] == nil, Organization.names(in: lines[above].text) != nil || isBareName(lines[above]) else { break }
                issuers.insert(above, at: 0)
                above -= 1
            }
            let onlyTrailing = index == last || ((index + 1)...last).allSatisfy { line in
                lines[line].isBlank || roles[line] != nil
                    || Marker.heading(in: source.folded, at: lines[line].content.start, end: lines[line].content.end)?.kind == .attachment
            }
            let attachmentFollows = index < last && ((index + 1)...last).contains { line in
                Marker.heading(in: source.folded, at: lines[line].content.start, end: lines[line].content.end)?.kind == .attachment
            }
            if !issuers.isEmpty && (onlyTrailing || attachmentFollows || index + 3 >= last || appendedTitle(after: index, lines, roles: roles) != nil) || onlyTrailing {
                return SignOff(firstLine: issuers.first ?? index, issuerLines: issuers, dateLine: index, date: date)
            }
        }
        return nil
    }

    /// The title of a document appended after a sign-off without an `附件` label: the next line is
    /// short, has no sentence end and names a document type (`城市更新行动方案`).
    static func appendedTitle(after dateLine: Int, _ lines: [Line], roles: [Paragraph.Role?]) -> Int? {
        guard let next = ((dateLine + 1)..<lines.count).first(where: { !lines[$0].isBlank && roles[$0] == nil }) else { return nil }
        let text = lines[next].text
        guard lines[next].length <= 60, !text.contains("。"), DocType.classify(title: text) != nil else { return nil }
        return next
    }

    /// A short line with no punctuation: an issuer the suffix list does not know.
    private static func isBareName(_ line: Line) -> Bool {
        line.length >= 2 && line.length <= 20 && !line.text.unicodeScalars.contains { isPunctuation($0) || isASCIIDigit($0) }
    }

    /// The last line that is not blank and not chrome.
    static func lastContentLine(_ lines: [Line], roles: [Paragraph.Role?]) -> Int {
        var index = lines.count - 1
        while index > 0, lines[index].isBlank || roles[index] == .boilerplate { index -= 1 }
        return index
    }

    /// `重庆市人民政府关于…的报告` → `重庆市人民政府`.
    static func titlePrefixIssuer(_ title: Field?) -> (String, Span)? {
        guard let title, let range = title.value.range(of: "关于") else { return nil }
        let prefix = String(title.value[..<range.lowerBound])
        guard Organization.isName(prefix) else { return nil }
        let length = prefix.unicodeScalars.count
        return (prefix, Span(start: title.start, end: title.start + length))
    }

    /// `来源:市委政法委` under an article: the author when nothing else names one.
    static func sourceNoteIssuer(_ lines: [Line], chromeKinds: [String?], source: SourceText) -> (String, Span)? {
        for (index, line) in lines.enumerated() where chromeKinds[index] == "page_meta" && line.text.hasPrefix("来源:") {
            let name = String(line.text.dropFirst(3)).trimmingCharacters(in: .whitespaces)
            if Organization.isName(name) {
                return (name, Span(start: line.content.end - name.unicodeScalars.count, end: line.content.end))
            }
        }
        return nil
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
}
