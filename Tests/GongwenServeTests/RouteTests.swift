import Foundation
import GongwenStore
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
@testable import GongwenServe

/// The routes of `gongwen serve` through Hummingbird's router test client: status, content type,
/// JSON shape, escaping, the security headers, 400 and 404; on SQLite, and on PostgreSQL when the
/// test server is there (the same pages from either store).
@Suite("serve routes")
struct RouteTests {
    func withClient(_ backend: Backend, _ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let store = try await ServeFixture.store(backend)
        let app = Application(responder: Site(store: store))
        try await app.test(.router) { client in try await body(client) }
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    static func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text(response).utf8))
    }

    @Test(arguments: Backend.available, ["/", "/documents", "/findings", "/claims", "/measures", "/search?q=网格化治理", "/documents/1"])
    func htmlPages(backend: Backend, path: String) async throws {
        try await withClient(backend) { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let csp = try #require(response.headers[.contentSecurityPolicy])
            #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
            #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(Self.text(response).hasPrefix("<!DOCTYPE html>"))
        }
    }

    @Test(arguments: Backend.available) func jsonBySuffixAndByAccept(backend: Backend) async throws {
        try await withClient(backend) { client in
            let suffix = try await client.execute(uri: "/claims.json?unit=人&min=1000", method: .get)
            #expect(suffix.status == .ok)
            #expect(suffix.headers[.contentType] == "application/json; charset=utf-8")
            let rows = try #require(try Self.json(suffix) as? [[String: Any]])
            #expect(!rows.isEmpty)
            // The shape of `gongwen query --format json` (absent optionals are left out).
            let keys: Set<String> = [
                "source", "title", "issuer", "date", "section", "section_titles", "text", "value", "unit", "kind", "subject",
                "predicate", "qualifier", "start", "end", "sentence", "sentence_start", "sentence_end", "findings",
            ]
            #expect(Set(rows[0].keys).isSubset(of: keys))
            #expect(Set(["source", "text", "value", "kind", "start", "end", "sentence", "sentence_start", "sentence_end"]).isSubset(of: rows[0].keys))
            #expect(rows.allSatisfy { ($0["unit"] as? String) == "人" })
            let accept = try await client.execute(uri: "/claims?unit=人&min=1000", method: .get, headers: [.accept: "application/json"])
            #expect(accept.headers[.contentType] == "application/json; charset=utf-8")
            #expect(Self.text(accept) == Self.text(suffix))
        }
    }

    @Test(arguments: Backend.available) func documentsListHasFacetsAndSearch(backend: Backend) async throws {
        try await withClient(backend) { client in
            let all = try #require(try Self.json(try await client.execute(uri: "/documents.json", method: .get)) as? [String: Any])
            #expect(all["total"] as? Int == 6)
            let facets = try #require(all["facets"] as? [String: Any])
            #expect(Set(facets.keys) == ["issuer", "year", "doc_type", "has_errors"])
            let errors = try #require(facets["has_errors"] as? [[String: Any]])
            #expect(errors.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == 6)
            let found = try #require(try Self.json(try await client.execute(uri: "/documents.json?q=网格化治理", method: .get)) as? [String: Any])
            let rows = try #require(found["rows"] as? [[String: Any]])
            #expect(rows.map { $0["issuer"] as? String } == ["江苏省民政厅"])
            let page = Self.text(try await client.execute(uri: "/documents?q=网格化治理", method: .get))
            #expect(page.contains("<mark>网格化治理</mark>"))
        }
    }

    @Test(arguments: Backend.available) func findingIsUnderlinedAndAnchored(backend: Backend) async throws {
        try await withClient(backend) { client in
            let found = try #require(try Self.json(try await client.execute(uri: "/findings.json?rule=magnitude.implausible", method: .get)) as? [[String: Any]])
            let finding = try #require(found.first { ($0["message"] as? String)?.contains("29275") == true })
            let id = try #require(finding["id"] as? Int)
            let document = try #require(finding["document_id"] as? Int)
            let page = Self.text(try await client.execute(uri: "/documents/\(document)", method: .get))
            #expect(page.contains("<a class=\"finding sev-\(finding["severity"] as? String ?? "")\" id=\"finding-\(id)\" href=\"#finding-\(id)-detail\""))
            #expect(page.contains("id=\"finding-\(id)-detail\""))
            #expect(page.contains("29275万人</span></a>") || page.contains("29275万人</a>"))
        }
    }

    @Test(arguments: Backend.available) func csvOfTables(backend: Backend) async throws {
        try await withClient(backend) { client in
            let response = try await client.execute(uri: "/measures.csv?match=网格", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = Self.text(response).split(separator: "\n")
            #expect(lines.first == "source,issuer,date,section,start,end,measure")
            #expect(lines.count > 1)
        }
    }

    @Test(arguments: Backend.available) func hostileDocumentIsEscaped(backend: Backend) async throws {
        try await withClient(backend) { client in
            let list = try #require(try Self.json(try await client.execute(uri: "/documents.json", method: .get)) as? [String: Any])
            let rows = try #require(list["rows"] as? [[String: Any]])
            let hostile = try #require(rows.first { ($0["source"] as? String)?.hasSuffix("hostile.txt") == true })
            let id = try #require(hostile["id"] as? Int)
            for path in ["/documents/\(id)", "/documents", "/claims?doc=hostile", "/measures?doc=hostile", "/search?q=onerror", "/findings?doc=hostile"] {
                let page = Self.text(try await client.execute(uri: path, method: .get))
                #expect(!page.contains("<script>alert"), "\(path)")
                #expect(!page.contains("<img src=x"), "\(path)")
                #expect(!page.contains("<svg onload"), "\(path)")
                #expect(!page.contains("<iframe"), "\(path)")
                #expect(!page.contains("<b onmouseover"), "\(path)")
            }
            let page = Self.text(try await client.execute(uri: "/documents/\(id)", method: .get))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
            #expect(page.contains("&amp;lt;script&amp;gt;"))
            // The only scripts are the server's own file.
            #expect(page.components(separatedBy: "<script").count == 2)
            #expect(page.contains("<script src=\"/static/gongwen.js\" defer></script>"))
        }
    }

    @Test(arguments: Backend.available, [
        ("/claims?min=abc", 400), ("/claims?kind=人数", 400), ("/claims?min=5&max=1", 400), ("/claims?rule=no.such.rule", 400),
        ("/findings?severity=fatal", 400), ("/documents?year=20x", 400), ("/claims?page=0", 400), ("/claims?limit=100000", 400),
        ("/documents/1?mark=9-2", 400), ("/search", 400), ("/documents?errors=maybe", 400),
        ("/documents/999999", 404), ("/documents/abc", 404), ("/nowhere", 404), ("/static/evil.js", 404), ("/documents/1/x", 404),
    ])
    func badRequestsAndUnknownIds(backend: Backend, request: (path: String, status: Int)) async throws {
        let (path, status) = request
        try await withClient(backend) { client in
            let html = try await client.execute(uri: path, method: .get)
            #expect(html.status.code == status, "\(path)")
            #expect(html.headers[.contentSecurityPolicy] != nil)
            let json = try await client.execute(uri: path, method: .get, headers: [.accept: "application/json"])
            #expect(json.status.code == status, "\(path)")
            let body = try #require(try Self.json(json) as? [String: Any])
            #expect(body["status"] as? Int == status)
            #expect((body["error"] as? String)?.isEmpty == false)
        }
    }

    @Test(arguments: Backend.available) func noRouteWrites(backend: Backend) async throws {
        try await withClient(backend) { client in
            for method in [HTTPRequest.Method.post, .put, .delete, .patch] {
                let response = try await client.execute(uri: "/documents", method: method)
                #expect(response.status.code == 405)
            }
        }
    }

    @Test(arguments: Backend.available) func pagingLinksTheNextPage(backend: Backend) async throws {
        try await withClient(backend) { client in
            let first = try await client.execute(uri: "/claims.json?limit=5", method: .get)
            let next = try #require(first.headers[HTTPField.Name("Link")!])
            #expect(next == "</claims.json?limit=5&page=2>; rel=\"next\"")
            let firstRows = try #require(try Self.json(first) as? [[String: Any]])
            let second = try #require(try Self.json(try await client.execute(uri: "/claims.json?limit=5&page=2", method: .get)) as? [[String: Any]])
            #expect(firstRows.count == 5 && second.count == 5)
            #expect(firstRows.map { $0["start"] as? Int } != second.map { $0["start"] as? Int })
        }
    }

    /// The store tests ask for it: a run that requires PostgreSQL must not pass with SQLite alone.
    @Test func theServerIsThereWhenRequired() {
        if PostgresServer.isRequired { #expect(PostgresServer.isRunning, "GONGWEN_REQUIRE_POSTGRES is set but GONGWEN_TEST_POSTGRES is not") }
    }

    /// The same pages, byte for byte, from the SQLite file and from PostgreSQL; full-text search finds the
    /// same paragraphs on both, ranked by each database's own score (bm25 on SQLite, occurrences on PostgreSQL).
    @Test(.enabled(if: PostgresServer.isRunning)) func bothStoresServeTheSamePages() async throws {
        let sqlite = Application(responder: Site(store: try await ServeFixture.store(.sqlite)))
        let postgres = Application(responder: Site(store: try await ServeFixture.store(.postgres)))
        let paths = [
            "/", "/.json", "/documents", "/documents.json?q=网格化治理", "/documents.csv?errors=true", "/documents.json?year=2020",
            "/documents/1", "/documents/2.json", "/findings", "/findings.json?severity=error", "/claims.json?unit=人&min=1000",
            "/claims.csv?limit=50&page=3", "/claims?with_findings=1", "/measures.json?match=网格",
            "/documents/999999.json",
        ]
        try await sqlite.test(.router) { fromFile in
            try await postgres.test(.router) { fromServer in
                for path in paths {
                    let file = try await fromFile.execute(uri: path, method: .get)
                    let server = try await fromServer.execute(uri: path, method: .get)
                    #expect(file.status == server.status, "\(path)")
                    #expect(Self.text(file) == Self.text(server), "\(path)")
                }
                for term in ["教育", "网格化治理"] {
                    let hits = { (response: TestResponse) throws -> Set<String> in
                        let rows = try #require(try JSONSerialization.jsonObject(with: Data(Self.text(response).utf8)) as? [[String: Any]])
                        return Set(rows.map { "\($0["source"] ?? "") \($0["start"] ?? "") \($0["end"] ?? "")" })
                    }
                    let file = try hits(try await fromFile.execute(uri: "/search.json?q=\(term)&limit=1000", method: .get))
                    let server = try hits(try await fromServer.execute(uri: "/search.json?q=\(term)&limit=1000", method: .get))
                    #expect(!file.isEmpty && file == server, "\(term)")
                }
            }
        }
    }

    @Test func escapingHelper() {
        let hostile = "\"><img src=x onerror=alert(1)>"
        let html: HTML = "<p title=\"\(hostile)\">\(hostile)</p>"
        #expect(html.markup == "<p title=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>")
    }

    @Test func precisionInterval() {
        #expect(Precision.interval(of: "39.54")! == ("39.535", "39.545"))
        #expect(Precision.interval(of: "861") == nil)
    }
}
