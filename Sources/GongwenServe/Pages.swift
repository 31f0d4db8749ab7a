import Foundation
import GongwenCheck
import GongwenModel
import GongwenStore
import HTTPTypes
import Hummingbird

/// The pages of the site, one method each: the data from the store's queries, then the page in
/// the format asked for. Tables answer JSON in the shapes of the CLI's `--format json` (a bare
/// array of rows; the next page is in the `Link` header) and CSV with the CLI's columns (`TableRow`).
struct Pages {
    let store: any DocumentStore
    let parameters: Parameters
    let format: Format

    // MARK: Answers

    func answer<Value: Encodable>(
        html: @autoclosure () throws -> HTML, json: Value, csv: @autoclosure () -> String? = nil,
        next: String? = nil, total: Int? = nil
    ) throws -> Response {
        var headers: [(HTTPField.Name, String)] = []
        if let next { headers.append((HTTPField.Name("Link")!, "<\(next)>; rel=\"next\"")) }
        if let total { headers.append((HTTPField.Name("X-Total-Count")!, String(total))) }
        switch format {
        case .html:
            return Site.response(Data(try html().markup.utf8), format: .html, headers: headers)
        case .json:
            return Site.response(try GongwenJSON.encode(json, pretty: true) + Data("\n".utf8), format: .json, headers: headers)
        case .csv:
            guard let csv = csv() else { throw PageError.notFound("This page has no CSV; ask for .json.") }
            return Site.response(Data((csv + "\n").utf8), format: .csv, headers: headers)
        }
    }

    /// The document filters of the CLI (`--doc`, `--issuer`, `--year`).
    func documentFilter() throws -> DocumentFilter {
        DocumentFilter(document: parameters.string("doc"), issuer: parameters.string("issuer"), year: try parameters.int("year", in: 1000...9999))
    }

    /// The link to the next page, for the `Link` header of JSON and CSV.
    func nextLink(_ path: String, paging: Paging, hasNext: Bool) -> String? {
        guard hasNext else { return nil }
        let suffix = format == .html ? "" : "." + format.rawValue
        return path + suffix + parameters.with(["page": String(paging.page + 1)])
    }

    /// A link to a span of a document: the page marks it and scrolls to it.
    static func place(_ id: Int64?, start: Int, end: Int) -> String? {
        id.map { "/documents/\($0)?mark=\(start)-\(end)#mark" }
    }

    static func link(_ text: String, _ href: String?) -> HTML {
        href.map { "<a href=\"\($0)\">\(text)</a>" } ?? "\(text)"
    }

    // MARK: Overview

    func overview() async throws -> Response {
        let statistics = try await store.statistics()
        let findings: [Chart.Bar] = statistics.findingsByRule.map { count in
            let severity = count.key?.split(separator: "(").last.map { String($0.dropLast()) } ?? ""
            return Chart.Bar(label: count.key ?? "(none)", value: count.count, href: "/findings?rule=\(Parameters.encode(count.key?.split(separator: " ").first.map(String.init) ?? ""))&severity=\(severity)", kind: severity)
        }
        let units = statistics.claimsByUnit.prefix(15).map {
            Chart.Bar(label: $0.key ?? "(none)", value: $0.count, href: $0.key.map { "/claims?unit=\(Parameters.encode($0))" })
        }
        let years = statistics.byYear.map {
            Chart.Bar(label: $0.key ?? "(none)", value: $0.count, href: $0.key.map { "/documents?year=\($0)" })
        }
        let body: HTML = """
            <h1>Overview</h1>
            <p><span class="stat"><b>\(statistics.documents)</b>documents</span>
            <span class="stat"><b>\(statistics.claimsByUnit.reduce(0) { $0 + $1.count })</b>claims</span>
            <span class="stat"><b>\(statistics.findingsByRule.reduce(0) { $0 + $1.count })</b>findings</span>
            <span class="stat"><b>\(statistics.ingestErrors)</b>ingest errors</span></p>
            <form class="filters" action="/documents" method="get"><label>Full-text search <input type="search" name="q" size="30"></label><button>Search</button></form>
            <div class="charts">
            <section><h2>Findings by rule</h2>\(Chart.bars(findings, title: "Findings by rule"))</section>
            <section><h2>Claims by unit (top 15)</h2>\(Chart.bars(Array(units), title: "Claims by unit"))</section>
            <section><h2>Documents by year</h2>\(Chart.bars(years, title: "Documents by year"))</section>
            </div>
            """
        return try answer(
            html: Layout.page(title: "Overview", current: "/", body: body, alternates: [("JSON", "/.json")]), json: statistics)
    }

    // MARK: Documents

    func documents() async throws -> Response {
        let paging = try parameters.paging()
        let text = parameters.string("q")
        let query = DocumentListQuery(
            text: text.map(SearchTerm.init), issuer: parameters.string("issuer"), year: try parameters.int("year", in: 1000...9999),
            docType: parameters.string("type"), hasErrors: try parameters.bool("errors"), limit: paging.size, offset: paging.offset)
        let list = try await store.documents(query)
        let hasNext = paging.offset + list.rows.count < list.total
        var snippets: [String: String] = [:]
        if let text, !list.rows.isEmpty {
            let search = TextSearch(term: SearchTerm(text), open: Self.open, close: Self.close, width: 40, limit: 500)
            for hit in try await store.search(search) where snippets[hit.source] == nil { snippets[hit.source] = hit.snippet }
        }
        let rows = list.rows.map { row -> [HTML] in
            let title: HTML = "<a href=\"/documents/\(row.id)\">\(row.title ?? row.source)</a>"
            let snippet: HTML = snippets[row.source].map { "<div class=\"snippet\">\(Self.marked($0))</div>" } ?? ""
            return [
                "\(title)<div class=\"snippet\">\(row.source)</div>\(snippet)", "\(row.issuer)", "\(row.docType)", "\(row.date)",
                "\(row.claims)", "\(row.findings)", row.errors > 0 ? "<span class=\"sev error\">\(row.errors)</span>" : "0",
            ]
        }
        func facet(_ name: String, _ label: String, _ counts: [Statistics.Count], title: (String) -> String = { $0 }) -> HTML {
            let chosen = parameters.string(name)
            let items = counts.map { count -> HTML in
                guard let key = count.key else { return "<li><span>(none)</span><span class=\"count\">\(count.count)</span></li>" }
                let href = "/documents" + parameters.with([name: chosen == key ? nil : key, "page": nil])
                return "<li><a class=\"\(chosen == key ? "chosen" : "")\" href=\"\(href)\">\(title(key))\(chosen == key ? " ✕" : "")</a><span class=\"count\">\(count.count)</span></li>"
            }
            return "<h3>\(label)</h3><ul>\(items)</ul>"
        }
        let body: HTML = """
            <h1>Documents</h1>
            <form class="filters" action="/documents" method="get">
            <label>Full-text search <input type="search" name="q" value="\(text)" size="30"></label>
            \(["issuer", "year", "type", "errors"].compactMap { name -> HTML? in parameters.string(name).map { "<input type=\"hidden\" name=\"\(name)\" value=\"\($0)\">" } })
            <button>Search</button></form>
            <div class="columns"><aside class="facets">
            \(facet("issuer", "Issuer", list.facets.issuer))
            \(facet("year", "Year", list.facets.year))
            \(facet("type", "Document type", list.facets.docType))
            \(facet("errors", "Has errors", list.facets.hasErrors) { $0 == "true" ? "with errors" : "without errors" })
            </aside><section>
            <p>\(list.total) documents\(text.map { " holding “\($0)”" })</p>
            \(Layout.table(["document", "issuer", "type", "date", "claims", "findings", "errors"], rows))
            \(Layout.pager("/documents", parameters, paging: paging, hasNext: hasNext, total: list.total))
            </section></div>
            """
        return try answer(
            html: Layout.page(title: "Documents", current: "/documents", body: body, alternates: Layout.alternates("/documents", parameters)),
            json: list,
            csv: CSV.lines(list.rows),
            next: nextLink("/documents", paging: paging, hasNext: hasNext), total: list.total)
    }

    /// Marks put around hits by the search, replaced by `<mark>` after escaping: characters of the
    /// Private Use Area, which the text of a government document does not hold.
    static let open = "\u{E000}"
    static let close = "\u{E001}"

    static func marked(_ snippet: String) -> HTML {
        .trusted(HTML.escape(snippet).replacingOccurrences(of: open, with: "<mark>").replacingOccurrences(of: close, with: "</mark>"))
    }

    // MARK: Search

    func search() async throws -> Response {
        guard let text = parameters.string("q") else { throw PageError.badRequest("q (the text to find) is missing.") }
        let paging = try parameters.paging()
        var search = TextSearch(term: SearchTerm(text), documents: try documentFilter(), limit: paging.offset + paging.size + 1)
        if format == .html { (search.open, search.close) = (Self.open, Self.close) }
        let all = try await store.search(search)
        let hits = Array(all.dropFirst(paging.offset).prefix(paging.size))
        let hasNext = all.count > paging.offset + paging.size
        let ids = try await store.documentIds(sources: hits.map(\.source))
        let rows = hits.map { hit -> [HTML] in
            [Self.link(hit.title ?? hit.source, Self.place(ids[hit.source], start: hit.start, end: hit.end)), "\(hit.section)", "\(hit.line)", Self.marked(hit.snippet)]
        }
        let body: HTML = """
            <h1>Search “\(text)”</h1>
            \(Layout.table(["document", "section", "line", "snippet"], rows))
            \(Layout.pager("/search", parameters, paging: paging, hasNext: hasNext))
            """
        return try answer(
            html: Layout.page(title: "Search", current: "/documents", body: body, alternates: Layout.alternates("/search", parameters)),
            json: hits,
            csv: CSV.lines(hits),
            next: nextLink("/search", paging: paging, hasNext: hasNext))
    }

    // MARK: Findings

    static let severities = ["error", "warning", "info"]

    func findings() async throws -> Response {
        let paging = try parameters.paging()
        let query = FindingQuery(
            rule: try parameters.choice("rule", of: RuleRegistry.ids), severity: try parameters.choice("severity", of: Self.severities),
            documents: try documentFilter(), limit: paging.size, offset: paging.offset)
        let (found, total) = try await store.findings(query)
        let hasNext = paging.offset + found.count < total
        let rows = found.map { finding -> [HTML] in
            [
                "<span class=\"sev \(finding.severity)\">\(finding.severity)</span>",
                "<a href=\"/findings\(parameters.with(["rule": finding.rule, "page": nil]))\">\(finding.rule)</a>",
                "<a href=\"/documents/\(finding.documentId)#finding-\(finding.id)\">\(finding.message)</a>",
                "<span class=\"numbers\">\(finding.stated ?? "")\(finding.expected.map { " → \($0)" })</span>",
                "<a href=\"/documents/\(finding.documentId)\">\(finding.title ?? finding.source)</a><div class=\"snippet\">\(finding.source):\(finding.line):\(finding.column)</div>",
                "\(finding.issuer)", "\(finding.date)",
            ]
        }
        let rules = try await store.findingRules().compactMap { count in count.key.map { (value: $0, label: "\($0) (\(count.count))") } }
        let body: HTML = """
            <h1>Findings</h1>
            <form class="filters" action="/findings" method="get">
            <label>Rule <select name="rule"><option value="">any</option>\(Layout.options(rules, selected: parameters.string("rule")))</select></label>
            <label>Severity <select name="severity"><option value="">any</option>\(Layout.options(Self.severities.map { ($0, $0) }, selected: parameters.string("severity")))</select></label>
            \(Layout.field("Issuer", "issuer", parameters))
            \(Layout.field("Year", "year", parameters, size: 5))
            \(Layout.field("Document", "doc", parameters))
            <button>Filter</button></form>
            <p>\(total) findings</p>
            \(Layout.table(["severity", "rule", "message", "stated → recomputed", "document", "issuer", "date"], rows))
            \(Layout.pager("/findings", parameters, paging: paging, hasNext: hasNext, total: total))
            """
        return try answer(
            html: Layout.page(title: "Findings", current: "/findings", body: body, alternates: Layout.alternates("/findings", parameters)),
            json: found,
            csv: CSV.lines(found),
            next: nextLink("/findings", paging: paging, hasNext: hasNext), total: total)
    }

    // MARK: Claims

    static let claimKinds = NumberKind.allCases.filter(\.isClaim).map(\.rawValue)

    func claims() async throws -> Response {
        let paging = try parameters.paging()
        let minimum = try parameters.double("min")
        let maximum = try parameters.double("max")
        if let minimum, let maximum, minimum > maximum {
            throw PageError.badRequest("min \(minimum) is greater than max \(maximum): no claim can match.")
        }
        var query = ClaimQuery(
            subject: parameters.string("subject"), unit: parameters.string("unit"), kind: try parameters.choice("kind", of: Self.claimKinds),
            minimum: minimum, maximum: maximum, documents: try documentFilter(), section: parameters.string("section"),
            withFindings: try parameters.bool("with_findings") ?? false, rule: try parameters.choice("rule", of: RuleRegistry.ids),
            limit: paging.size + 1)
        query.offset = paging.offset
        let fetched = try await store.claims(query)
        let rows = Array(fetched.prefix(paging.size))
        let hasNext = fetched.count > paging.size
        let ids = try await store.documentIds(sources: rows.map(\.source))
        let cells = rows.map { claim -> [HTML] in
            [
                "<span class=\"claim k-\(claim.kind)\">\(claim.text)</span>", "<span class=\"numbers\">\(claim.value)</span>", "\(claim.unit)",
                "\(claim.kind)", "\(claim.subject)",
                Self.link(claim.sentence, Self.place(ids[claim.source], start: claim.start, end: claim.end)),
                "\(claim.findings)", "\(claim.title ?? claim.source)<div class=\"snippet\">\(claim.section)</div>",
            ]
        }
        let rules = RuleRegistry.ids.map { (value: $0, label: $0) }
        let body: HTML = """
            <h1>Claims</h1>
            <form class="filters" action="/claims" method="get">
            \(Layout.field("Subject", "subject", parameters))
            \(Layout.field("Unit", "unit", parameters, size: 4))
            <label>Kind <select name="kind"><option value="">any</option>\(Layout.options(Self.claimKinds.map { ($0, $0) }, selected: parameters.string("kind")))</select></label>
            \(Layout.field("Min", "min", parameters, size: 7))
            \(Layout.field("Max", "max", parameters, size: 7))
            \(Layout.field("Section", "section", parameters, size: 8))
            \(Layout.field("Issuer", "issuer", parameters, size: 8))
            \(Layout.field("Year", "year", parameters, size: 5))
            \(Layout.field("Document", "doc", parameters, size: 8))
            <label>Rule <select name="rule"><option value="">any</option>\(Layout.options(rules, selected: parameters.string("rule")))</select></label>
            <label><input type="checkbox" name="with_findings" value="1"\((try? parameters.bool("with_findings")) == true ? " checked" : "" as HTML)> with findings</label>
            <button>Filter</button></form>
            \(Layout.table(["claim", "value", "unit", "kind", "subject", "sentence", "findings", "document"], cells))
            \(Layout.pager("/claims", parameters, paging: paging, hasNext: hasNext))
            """
        return try answer(
            html: Layout.page(title: "Claims", current: "/claims", body: body, alternates: Layout.alternates("/claims", parameters)),
            json: rows,
            csv: CSV.lines(rows),
            next: nextLink("/claims", paging: paging, hasNext: hasNext))
    }

    // MARK: Measures

    func measures() async throws -> Response {
        let paging = try parameters.paging()
        var query = MeasureQuery(match: parameters.string("match").map(SearchTerm.init), documents: try documentFilter(), limit: paging.size + 1)
        query.offset = paging.offset
        let fetched = try await store.measures(query)
        let rows = Array(fetched.prefix(paging.size))
        let hasNext = fetched.count > paging.size
        let ids = try await store.documentIds(sources: rows.map(\.source))
        let cells = rows.map { measure -> [HTML] in
            [
                Self.link((measure.marker ?? "") + measure.text, Self.place(ids[measure.source], start: measure.start, end: measure.end)),
                "\(measure.section)", "\(measure.title ?? measure.source)", "\(measure.issuer)", "\(measure.date)",
            ]
        }
        let body: HTML = """
            <h1>Measures</h1>
            <form class="filters" action="/measures" method="get">
            \(Layout.field("Text", "match", parameters, size: 16))
            \(Layout.field("Issuer", "issuer", parameters))
            \(Layout.field("Year", "year", parameters, size: 5))
            \(Layout.field("Document", "doc", parameters))
            <button>Filter</button></form>
            \(Layout.table(["measure", "section", "document", "issuer", "date"], cells))
            \(Layout.pager("/measures", parameters, paging: paging, hasNext: hasNext))
            """
        return try answer(
            html: Layout.page(title: "Measures", current: "/measures", body: body, alternates: Layout.alternates("/measures", parameters)),
            json: rows,
            csv: CSV.lines(rows),
            next: nextLink("/measures", paging: paging, hasNext: hasNext))
    }
}
