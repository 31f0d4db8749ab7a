import GongwenModel
import GongwenText

/// The close of a letter (GB/T 9704's 发文机关署名 and 成文日期): the date line and the issuer lines
/// above it — the first date-only line after the body starts that follows an organisation line, or
/// that only chrome, attachments or an appended document follow.
///
/// `…特此函复。\n巴中市民政局\n2020年9月14日` signs off with issuer line `巴中市民政局` and date 2020-09-14.
struct SignOff {
    var firstLine: Int
    var issuerLines: [Int]
    var dateLine: Int
    var date: DateText

    static func find(_ page: Page, from start: Int) -> SignOff? {
        let lines = page.lines
        guard start < lines.count else { return nil }
        let last = page.lastContentLine
        for index in start..<lines.count where page.isUnclaimed(index) {
            guard lines[index].length <= 20, let date = DateText.parse(lines[index].text), date.day != nil else { continue }
            var issuers: [Int] = []
            var above = index - 1
            while above >= start, issuers.count < 3 {
                if lines[above].isBlank {
                    above -= 1
                    continue
                }
                guard page.roles[above] == nil, Organization.names(in: lines[above].text) != nil || isBareName(lines[above]) else { break }
                issuers.insert(above, at: 0)
                above -= 1
            }
            let onlyTrailing = index == last || ((index + 1)...last).allSatisfy { line in
                lines[line].isBlank || page.roles[line] != nil || page.marker(line)?.kind == .attachment
            }
            let attachmentFollows = index < last && ((index + 1)...last).contains { page.marker($0)?.kind == .attachment }
            if !issuers.isEmpty && (onlyTrailing || attachmentFollows || index + 3 >= last || appendedTitle(after: index, page) != nil) || onlyTrailing {
                return SignOff(firstLine: issuers.first ?? index, issuerLines: issuers, dateLine: index, date: date)
            }
        }
        return nil
    }

    /// Claims the date and issuer lines; returns the date field and the issuer with its span.
    func claim(_ page: inout Page) -> (date: Field, issuer: (String, Span)?) {
        page.roles[dateLine] = .date
        let date = Field(name: "date", value: self.date.iso, span: page.lines[dateLine].content)
        guard let first = issuerLines.first, let last = issuerLines.last else { return (date, nil) }
        for index in issuerLines { page.roles[index] = .signature }
        let names = issuerLines.flatMap { Organization.names(in: page.lines[$0].text) ?? [page.lines[$0].text] }
        return (date, (names.joined(separator: "、"), Span(start: page.lines[first].content.start, end: page.lines[last].content.end)))
    }

    /// The title of a document appended after a sign-off without an `附件` label: the next line is
    /// short, has no sentence end and names a document type (`城市更新行动方案`).
    static func appendedTitle(after dateLine: Int, _ page: Page) -> Int? {
        guard let next = ((dateLine + 1)..<page.lines.count).first(where: page.isUnclaimed) else { return nil }
        let text = page.lines[next].text
        guard page.lines[next].length <= 60, !text.holds("。"), DocType.classify(title: text) != nil else { return nil }
        return next
    }

    /// A short line with no punctuation: an issuer the suffix list does not know.
    static func isBareName(_ line: Line) -> Bool {
        line.length >= 2 && line.length <= 20 && !line.text.unicodeScalars.contains { isPunctuation($0) || isASCIIDigit($0) }
    }

    /// The parts appended after the sign-off (from an `附件` heading, or the body of an appended
    /// document whose title line is claimed as `attachment`), to the last line of content.
    func appendedRegion(_ page: inout Page) -> Range<Int>? {
        let trailingEnd = page.lastContentLine
        if let attachment = ((dateLine + 1)..<max(dateLine + 1, trailingEnd + 1)).first(where: { page.isUnclaimed($0) && page.marker($0)?.kind == .attachment }) {
            return attachment..<(trailingEnd + 1)
        }
        if let appended = Self.appendedTitle(after: dateLine, page) {
            page.roles[appended] = .attachment
            return (appended + 1)..<max(appended + 1, trailingEnd + 1)
        }
        return nil
    }
}
