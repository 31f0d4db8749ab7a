import GongwenModel
import GongwenText

/// Segments a decoded document (GB/T 9704-2012 vocabulary) by running named recognisers over its
/// lines in turn: page chrome (`PageChrome`), the title block (`TitleBlock`), the recipient
/// (`RecipientLine`), the sign-off (`SignOff`), the issuer (`IssuerChain`), doc numbers
/// (`DocNumber`), the type (`DocType`), and the body's sections (`SectionBuilder`).
///
/// `segment(SourceText("国务院办公厅关于…的复函\n国办函〔2004〕80号\n湖北省人民政府:\n…"))` finds the title,
/// the doc number `国办函〔2004〕80号` and the recipient `湖北省人民政府`.
public enum Segmenter {
    public static func segment(_ source: SourceText, chrome: [Boilerplate] = [], pageMeta: [String: String] = [:]) -> Segmentation {
        var result = Segmentation()
        var page = Page(source)
        let metadata = PageChrome.mark(&page, markup: chrome)

        let block = TitleBlock.read(&page)
        let pageTitle = block.markPageTitle(&page)
        if let title = block.title {
            result.title = title.value
            result.fields.append(title)
            if let footnote = block.footnote { result.fields.append(footnote) }
        } else if let pageTitle {
            // A page whose title bar is the only title (`哈密市2025年…统计公报` above its metadata lines).
            let title = TitleBlock.compactSpaces(pageTitle.value)
            result.title = title
            result.fields.append(Field(name: "title", value: title, span: pageTitle.span))
        } else if let (value, span) = metadata.values["标题"] ?? pageMeta["ArticleTitle"].map({ ($0, Span(start: 0, end: 0)) }) {
            result.title = value
            if !span.isEmpty { result.fields.append(Field(name: "title", value: value, span: span)) }
        }
        if let pageTitle { result.fields.append(pageTitle) }

        var bodyStart = block.anchor ?? page.lines.count
        if let recipient = RecipientLine.read(&page, at: block.anchor) {
            result.recipient = recipient.value
            result.fields.append(recipient)
            bodyStart += 1
        }

        let signOff = SignOff.find(page, from: bodyStart)
        var signature: (String, Span)?
        if let signOff {
            let (date, issuer) = signOff.claim(&page)
            result.date = signOff.date
            result.fields.append(date)
            signature = issuer
        }
        if let (name, span) = IssuerChain.choose(signature: signature, header: block.headerIssuer, title: block.title, metadata: metadata, page: page) {
            result.issuer = name
            if !span.isEmpty { result.fields.append(Field(name: "issuer", value: name, span: span)) }
        }
        if result.date == nil, let (date, span) = block.noteDate ?? metadata.date("成文日期") ?? metadata.dates["成文日期"] ?? metadata.dates["发布日期"] {
            result.date = date
            result.fields.append(Field(name: "date", value: date.iso, span: span))
        }
        if let (value, span) = metadata.values["发布日期"] ?? pageMeta["PubDate"].map({ ($0, Span(start: 0, end: 0)) }),
           let date = DateText.parse(String(value.prefix(while: { $0 != " " }))) {
            result.fields.append(Field(name: "published", value: date.iso, span: span))
        }

        let numbers = DocNumber.collect(page, block: block, metadata: metadata)
        result.docNumbers = numbers.map(\.value)
        result.fields += numbers

        let bodyEnd = signOff?.firstLine ?? page.lines.count
        if let title = result.title {
            result.docType = DocType.classify(title: title)
        }
        if result.docType == nil, let first = (bodyStart..<bodyEnd).first(where: page.isUnclaimed) {
            result.docType = DocType.classify(opening: page.lines[first].text)
        }

        // Body and appended parts: headings, the section tree and inline enumerations.
        var regions: [Range<Int>] = [bodyStart..<bodyEnd]
        if let appended = signOff?.appendedRegion(&page) { regions.append(appended) }
        var builder = SectionBuilder(source: source, lines: page.lines)
        for region in regions where !region.isEmpty {
            builder.collect(region: region, roles: &page.roles)
        }
        result.sections = builder.build()
        if !regions[0].isEmpty {
            result.body = Span(start: page.lines[regions[0].lowerBound].span.start, end: page.lines[regions[0].upperBound - 1].span.end)
        }
        addParagraphs(page, bodyStart: bodyStart, to: &result)
        return result
    }

    /// The role and section of every non-blank line, and the boilerplate spans (runs of one kind
    /// merged). The section tree is built by then.
    static func addParagraphs(_ page: Page, bodyStart: Int, to result: inout Segmentation) {
        var previousChrome: Int?
        for (index, line) in page.lines.enumerated() where !line.isBlank {
            let role = page.roles[index] ?? (index < bodyStart ? .preamble : .body)
            result.paragraphs.append(
                Paragraph(span: line.content, line: line.number, role: role, section: result.sectionPath(at: line.content.start)))
            guard role == .boilerplate, let kind = page.chromeKinds[index] else {
                previousChrome = nil
                result.boilerplate += pageNumbers(joinedInto: line, page.source)
                continue
            }
            if let previous = previousChrome, page.chromeKinds[previous] == kind {
                result.boilerplate[result.boilerplate.count - 1].end = line.content.end
            } else {
                result.boilerplate.append(Boilerplate(span: line.content, kind: kind))
            }
            previousChrome = index
        }
    }

    /// The page numbers a page break set inside a sentence that `BrokenLines` joined across them (`…综合应用示⏎— 7 —⏎范中心
    /// 项目`): page furniture still, inside the line.
    static func pageNumbers(joinedInto line: Line, _ source: SourceText) -> [Boilerplate] {
        var found: [Boilerplate] = []
        var number = line.number + 1
        while number <= source.lineCount, source.lineSpan(number).start < line.span.end {
            let span = source.lineSpan(number)
            // Only furniture reads blank in the folded view of a joined line.
            if source.folded[span.start..<span.end].allSatisfy(isSpace), PageFurniture.isPageNumber(source.text(span)) {
                var content = span
                while content.start < content.end, isSpace(source.scalars[content.start]) { content.start += 1 }
                while content.end > content.start, isSpace(source.scalars[content.end - 1]) { content.end -= 1 }
                found.append(Boilerplate(span: content, kind: "page_number"))
            }
            number += 1
        }
        return found
    }
}
