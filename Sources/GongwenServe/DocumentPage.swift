import Foundation
import GongwenModel
import GongwenStore
import Hummingbird

/// A span of the text drawn on the document page: a claim (coloured by kind), a finding
/// (underlined by severity) or the span a link asked to mark (`?mark=START-END`).
struct TextMark {
    enum Role {
        case claim(ClaimRecord)
        case finding(FindingRecord)
        case highlight
    }

    var start: Int
    var end: Int
    var role: Role
}

extension Pages {
    /// `/documents/ID`: metadata, the outline as a table of contents, the text with every claim
    /// and finding in place, the findings with stated and recomputed values, the links between
    /// claims, the lists beside their sections. JSON: the stored document (`DocumentDetail`).
    func document(id: Int64) async throws -> Response {
        let highlight = try markParameter()
        guard let detail = try await store.document(id: id) else { throw PageError.notFound("No document has the id \(id).") }
        return try answer(html: DocumentPage(detail: detail, highlight: highlight).page, json: detail)
    }

    /// `mark=START-END`: the span to mark, in code points.
    func markParameter() throws -> (start: Int, end: Int)? {
        guard let text = parameters.string("mark") else { return nil }
        let parts = text.split(separator: "-").map { Int($0) }
        guard parts.count == 2, let start = parts[0], let end = parts[1], start >= 0, end >= start else {
            throw PageError.badRequest("mark must be START-END (code points, START ≤ END), not “\(text)”.")
        }
        return (start, end)
    }
}

/// The document page itself.
struct DocumentPage {
    let detail: DocumentDetail
    let highlight: (start: Int, end: Int)?

    var claimsById: [Int64: ClaimRecord] { Dictionary(detail.claims.compactMap { claim in claim.id.map { ($0, claim) } }, uniquingKeysWith: { first, _ in first }) }

    var page: HTML {
        let document = detail.document
        let title = document.title ?? document.source
        let body: HTML = """
            <h1>\(title)</h1>
            <div class="document">
            <nav class="toc" aria-label="Outline"><h2>Outline</h2>\(outline)</nav>
            <article class="text">\(metadata)
            <p class="legend snippet"><span class="claim k-quantity">quantity</span><span class="claim k-percent">percent</span><span class="claim k-permille">permille</span><span class="claim k-ratio">ratio</span><a class="finding sev-error" href="#findings">error</a> <a class="finding sev-warning" href="#findings">warning</a> <a class="finding sev-info" href="#findings">info</a></p>
            \(text)</article>
            <aside class="aside">\(findings)\(links)\(lists)</aside>
            </div>
            <div id="popover" hidden></div>
            """
        return Layout.page(title: title, current: "/documents", body: body, alternates: [("JSON", "/documents/\(document.id ?? 0).json")])
    }

    var metadata: HTML {
        let document = detail.document
        let numbers = (try? JSONDecoder().decode([String].self, from: Data(document.docNumbers.utf8))) ?? []
        let rows: [(String, String?)] = [
            ("source", document.source), ("issuer", document.issuer), ("document type", document.docType), ("date", document.date),
            ("recipient", document.recipient), ("document numbers", numbers.isEmpty ? nil : numbers.joined(separator: "、")),
            ("encoding", "\(document.encoding), \(document.format), \(document.characters) characters"), ("SHA-256", document.sha256),
            ("counted", "\(detail.claims.count) claims, \(detail.findings.count) findings, \(detail.lists.count) lists"),
        ]
        let cells = rows.compactMap { name, value -> HTML? in value.map { "<tr><th>\(name)</th><td>\($0)</td></tr>" } }
        return "<table class=\"meta\">\(cells)</table>"
    }

    /// The section tree as nested lists, each title a link to the paragraph that holds it.
    var outline: HTML {
        guard !detail.sections.isEmpty else { return "<p class=\"snippet\">No sections.</p>" }
        var children: [Int64?: [SectionRecord]] = [:]
        for section in detail.sections { children[section.parentId, default: []].append(section) }
        func list(_ parent: Int64?, depth: Int) -> HTML {
            guard let sections = children[parent], depth < 12 else { return "" }
            let items = sections.map { section -> HTML in
                "<li><a href=\"#p\(paragraphStart(holding: section.titleStart))\">\(section.marker ?? "")\(section.title)</a>\(list(section.id, depth: depth + 1))</li>"
            }
            return "<ol>\(items)</ol>"
        }
        return list(nil, depth: 0)
    }

    /// The start of the paragraph holding `offset` (the anchor `#pSTART` of a paragraph).
    func paragraphStart(holding offset: Int) -> Int {
        let paragraphs = detail.paragraphs
        guard let index = paragraphIndex(holding: offset) else { return paragraphs.first?.start ?? 0 }
        return paragraphs[index].start
    }

    /// The paragraph holding `offset`, or the first after it (by binary search: paragraphs are in
    /// document order and do not overlap).
    func paragraphIndex(holding offset: Int) -> Int? {
        let paragraphs = detail.paragraphs
        var low = 0, high = paragraphs.count
        while low < high {
            let middle = (low + high) / 2
            if paragraphs[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low < paragraphs.count ? low : nil
    }

    /// Every mark, by the paragraphs it falls in.
    var marksByParagraph: [Int: [TextMark]] {
        var marks: [TextMark] = detail.claims.map { TextMark(start: $0.start, end: $0.end, role: .claim($0)) }
        marks += detail.findings.map { TextMark(start: $0.start, end: $0.end, role: .finding($0)) }
        if let highlight { marks.append(TextMark(start: highlight.start, end: highlight.end, role: .highlight)) }
        var byParagraph: [Int: [TextMark]] = [:]
        let paragraphs = detail.paragraphs
        for mark in marks {
            guard var index = paragraphIndex(holding: mark.start) else { continue }
            if mark.start == mark.end {
                if paragraphs[index].start <= mark.start { byParagraph[index, default: []].append(mark) }
                continue
            }
            while index < paragraphs.count && paragraphs[index].start < mark.end {
                byParagraph[index, default: []].append(mark)
                index += 1
            }
        }
        return byParagraph
    }

    var text: HTML {
        var placed = Set<String>()
        let marks = marksByParagraph
        let paragraphs = detail.paragraphs.enumerated().map { index, paragraph -> HTML in
            "<p id=\"p\(paragraph.start)\" class=\"\(paragraph.role)\">\(render(paragraph, marks: marks[index] ?? [], placed: &placed))</p>"
        }
        // A finding outside the stored paragraphs (in a part the page does not show) is anchored
        // at its entry in the list, so that its URL still scrolls to it.
        return "\(paragraphs)"
    }

    static func severityOrder(_ severity: String) -> Int {
        switch severity {
        case "error": return 0
        case "warning": return 1
        default: return 2
        }
    }

    /// One paragraph cut at every mark boundary; each piece wrapped in the claim, highlight and
    /// finding that cover it. `placed` holds the ids given out, so each goes to one element.
    func render(_ paragraph: ParagraphRecord, marks: [TextMark], placed: inout Set<String>) -> HTML {
        let scalars = Array(paragraph.text.unicodeScalars)
        let count = scalars.count
        func local(_ offset: Int) -> Int { min(count, max(0, offset - paragraph.start)) }
        var cuts = Set([0, count])
        for mark in marks {
            cuts.insert(local(mark.start))
            cuts.insert(local(mark.end))
        }
        let boundaries = cuts.sorted()
        var out = ""
        for (lower, upper) in zip(boundaries, boundaries.dropFirst()) {
            for mark in marks where mark.start == mark.end && local(mark.start) == lower {
                out += point(mark, placed: &placed).markup
            }
            let covering = marks.filter { $0.start < $0.end && local($0.start) <= lower && local($0.end) >= upper }
            var piece = HTML.escape(String(String.UnicodeScalarView(scalars[lower..<upper])))
            let claim = covering.compactMap { mark -> ClaimRecord? in
                if case .claim(let claim) = mark.role { return claim }
                return nil
            }.min { ($0.end - $0.start) < ($1.end - $1.start) }
            if let claim {
                let id = "c\(claim.start)-\(claim.end)"
                let anchor = placed.insert(id).inserted ? " id=\"\(id)\"" : ""
                let tip = [claim.subject, claim.predicate, claim.value + (claim.unit ?? "")].compactMap { $0 }.joined(separator: " · ")
                piece = "<span class=\"claim k-\(HTML.escape(claim.kind))\"\(anchor) title=\"\(HTML.escape(tip))\">\(piece)</span>"
            }
            if covering.contains(where: { if case .highlight = $0.role { return true } else { return false } }) {
                let anchor = placed.insert("mark").inserted ? " id=\"mark\"" : ""
                piece = "<span class=\"marked\"\(anchor)>\(piece)</span>"
            }
            let findings = covering.compactMap { mark -> FindingRecord? in
                if case .finding(let finding) = mark.role { return finding }
                return nil
            }.sorted { (Self.severityOrder($0.severity), $0.id ?? 0) < (Self.severityOrder($1.severity), $1.id ?? 0) }
            if let finding = findings.first, let id = finding.id {
                // Anchors of the other findings that start here, then the most severe one's link.
                for other in findings.dropFirst() where placed.insert("finding-\(other.id ?? 0)").inserted {
                    out += "<span id=\"finding-\(other.id ?? 0)\"></span>"
                }
                let anchor = placed.insert("finding-\(id)").inserted ? " id=\"finding-\(id)\"" : ""
                piece = """
                    <a class="finding sev-\(HTML.escape(finding.severity))"\(anchor) href="#finding-\(id)-detail" data-finding="\(id)" title="\(HTML.escape(finding.message))">\(piece)</a>
                    """
            }
            out += piece
        }
        for mark in marks where mark.start == mark.end && local(mark.start) == count && count > 0 {
            out += point(mark, placed: &placed).markup
        }
        return .trusted(out)
    }

    /// A mark of an empty span (a number that is missing): a small sign at its place.
    func point(_ mark: TextMark, placed: inout Set<String>) -> HTML {
        guard case .finding(let finding) = mark.role, let id = finding.id else { return "" }
        let anchor: HTML = placed.insert("finding-\(id)").inserted ? " id=\"finding-\(id)\"" : ""
        return "<a class=\"finding sev-\(finding.severity)\"\(anchor) href=\"#finding-\(id)-detail\" data-finding=\"\(id)\" title=\"\(finding.message)\">⌃</a>"
    }

    /// The findings with what was stated and what the numbers give, the precision the stated
    /// value was printed with, and the evidence spans.
    var findings: HTML {
        guard !detail.findings.isEmpty else { return "<h2 id=\"findings\">Findings</h2><p class=\"snippet\">None.</p>" }
        let shown = Set(detail.findings.compactMap(\.id)).subtracting(anchoredInText)
        let items = detail.findings.sorted { (Self.severityOrder($0.severity), $0.start) < (Self.severityOrder($1.severity), $1.start) }.map { finding -> HTML in
            let id = finding.id ?? 0
            let extra: HTML = shown.contains(id) ? "<span id=\"finding-\(id)\"></span>" : ""
            var numbers: [HTML] = []
            if let stated = finding.stated {
                numbers.append("stated <b>\(stated)</b>\(Precision.interval(of: stated).map { " (printed precision: [\($0.lower), \($0.upper)))" })")
            }
            if let expected = finding.expected { numbers.append("recomputed <b>\(expected)</b>") }
            let evidence = evidenceSpans(finding).map { span -> HTML in
                "<a href=\"#p\(paragraphStart(holding: span.start))\">\(excerpt(span.start, span.end))</a>"
            }
            return """
                <li id="finding-\(id)-detail">\(extra)<span class="sev \(finding.severity)">\(finding.severity)</span> <b>\(finding.rule)</b> line \(finding.line):\(finding.column)<br>\(finding.message)\
                \(numbers.isEmpty ? "" : "<div class=\"numbers\">\(numbers.joined("; "))</div>" as HTML)\
                \(evidence.isEmpty ? "" : "<div>evidence: \(evidence.joined("、"))</div>" as HTML)\
                <div><a href="#finding-\(id)">in the text ↑</a></div></li>
                """
        }
        return "<h2 id=\"findings\">Findings (\(detail.findings.count))</h2><ul class=\"finding-list\">\(items)</ul>"
    }

    /// The ids of the findings the text anchors (those with a span inside a stored paragraph).
    var anchoredInText: Set<Int64> {
        var ids = Set<Int64>()
        for (index, marks) in marksByParagraph {
            let paragraph = detail.paragraphs[index]
            for mark in marks {
                guard case .finding(let finding) = mark.role, let id = finding.id else { continue }
                if mark.start == mark.end ? (paragraph.start <= mark.start && mark.start <= paragraph.end) : true { ids.insert(id) }
            }
        }
        return ids
    }

    struct Evidence: Decodable {
        var start: Int
        var end: Int
    }

    func evidenceSpans(_ finding: FindingRecord) -> [Evidence] {
        ((try? JSONDecoder().decode([Evidence].self, from: Data(finding.evidence.utf8))) ?? []).prefix(12).map { $0 }
    }

    /// The text of `start..<end` from the paragraphs that hold it, cut to 40 characters.
    func excerpt(_ start: Int, _ end: Int) -> String {
        guard let index = paragraphIndex(holding: start) else { return "[\(start), \(end))" }
        let paragraph = detail.paragraphs[index]
        let scalars = Array(paragraph.text.unicodeScalars)
        let lower = min(scalars.count, max(0, start - paragraph.start))
        let upper = min(scalars.count, max(lower, min(end, start + 40) - paragraph.start))
        let text = String(String.UnicodeScalarView(scalars[lower..<upper]))
        return text.isEmpty ? "[\(start), \(end))" : text
    }

    func claimLink(_ id: Int64?) -> HTML {
        guard let id, let claim = claimsById[id] else { return "—" }
        return "<a href=\"#c\(claim.start)-\(claim.end)\">\(claim.text)</a>"
    }

    /// Changes (from → to, delta, rate), breakdowns (total = parts), rates (numerator / denominator).
    var links: HTML {
        var items: [HTML] = []
        for change in detail.changes {
            items.append("change: \(claimLink(change.fromClaimId)) → \(claimLink(change.toClaimId)), delta \(claimLink(change.deltaClaimId)), rate \(claimLink(change.rateClaimId))\(change.direction.map { " (\($0))" })")
        }
        for breakdown in detail.breakdowns {
            items.append("breakdown: \(claimLink(breakdown.record.totalClaimId)) = \(breakdown.partClaimIds.map { claimLink($0) }.joined(" + "))")
        }
        for rate in detail.rates {
            let whole: HTML = rate.record.denominatorClaimId.map { claimLink($0) }
                ?? (rate.denominatorPartClaimIds.isEmpty ? "—" : "(\(rate.denominatorPartClaimIds.map { claimLink($0) }.joined(" + ")))")
            items.append("\(rate.record.kind): \(claimLink(rate.record.rateClaimId)) = \(claimLink(rate.record.numeratorClaimId)) / \(whole)")
        }
        guard !items.isEmpty else { return "" }
        return "<h2>Links between claims (\(items.count))</h2><ul>\(items.map { item -> HTML in "<li>\(item)</li>" })</ul>"
    }

    /// The lists and measures by section.
    var lists: HTML {
        guard !detail.lists.isEmpty else { return "" }
        let items = detail.lists.map { list -> HTML in
            let label: HTML = "\(list.record.label ?? list.record.style)\(list.record.statedCount.map { " (stated \($0))" })"
            let entries = list.items.map { item -> HTML in "<li><a href=\"#p\(paragraphStart(holding: item.start))\">\(item.marker ?? "")\(item.text)</a></li>" }
            return "<li><b>\(list.record.section ?? "")</b> \(label)<ol>\(entries)</ol></li>"
        }
        return "<h2>Lists and measures (\(detail.lists.count))</h2><ul>\(items)</ul>"
    }
}

/// The interval a printed decimal stands for: `39.54` covers [39.535, 39.545); `861` is exact.
enum Precision {
    static func interval(of printed: String) -> (lower: String, upper: String)? {
        guard let value = Decimal(string: printed), printed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return nil }
        // An integer written in full is exact; a decimal stands for ±½ of its last printed digit.
        let decimals = printed.split(separator: ".").dropFirst().first?.count ?? 0
        guard decimals > 0 else { return nil }
        var half = Decimal(5)
        for _ in 0...decimals { half /= 10 }
        return ((value - half).description, (value + half).description)
    }
}
