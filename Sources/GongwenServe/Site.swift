import Foundation
import GongwenModel
import GongwenStore
import HTTPTypes
import Hummingbird

/// What a page answers with: the HTML page, its JSON (`Accept: application/json` or a `.json`
/// suffix) or, for tables, CSV (`Accept: text/csv` or `.csv`).
enum Format: String, Equatable {
    case html, json, csv

    var contentType: String {
        switch self {
        case .html: return "text/html; charset=utf-8"
        case .json: return "application/json; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8"
        }
    }
}

/// The web page over the store: every route of `gongwen serve`, answered from a read-only
/// store through the same queries as the CLI. Only GET and HEAD; no route writes.
///
/// `GET /documents?q=网格化治理` lists 江苏省民政厅's report; `GET /documents/1.json` is the
/// stored document as JSON; `GET /claims.csv?unit=人` the claims in people as CSV.
public struct Site: HTTPResponder {
    public typealias Context = BasicRequestContext
    let store: any DocumentStore

    public init(store: any DocumentStore) {
        self.store = store
    }

    /// The headers of every answer: a Content-Security-Policy that allows the server's own
    /// stylesheet and script only (no inline script, no inline style, nothing from elsewhere).
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (.contentSecurityPolicy,
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
        (HTTPField.Name("X-Content-Type-Options")!, "nosniff"),
        (HTTPField.Name("Referrer-Policy")!, "no-referrer"),
        (HTTPField.Name("X-Frame-Options")!, "DENY"),
        (.cacheControl, "no-store"),
    ]

    public func respond(to request: Request, context: Context) async throws -> Response {
        let format = Self.format(of: request)
        var response: Response
        do {
            guard request.method == .get || request.method == .head else {
                throw PageError(status: 405, message: "\(request.method.rawValue) is not allowed: the server only reads (GET).")
            }
            response = try await route(path: format.path, query: request.uri.query, format: format.format)
        } catch let error as PageError {
            response = Self.error(error, format: format.format)
        } catch {
            context.logger.error("\(request.uri.path): \(error)")
            response = Self.error(PageError(status: 500, message: "The page could not be made: \(error)"), format: format.format)
        }
        for (name, value) in Self.securityHeaders { response.headers[name] = value }
        return response
    }

    /// The format a request asks for and its path without the `.json`/`.csv` suffix.
    static func format(of request: Request) -> (format: Format, path: String) {
        let path = request.uri.path
        for format in [Format.json, .csv] where path.hasSuffix("." + format.rawValue) {
            return (format, String(path.dropLast(format.rawValue.count + 1)))
        }
        let accept = request.headers[.accept] ?? ""
        if accept.contains("application/json") && !accept.contains("text/html") { return (.json, path) }
        if accept.contains("text/csv") && !accept.contains("text/html") { return (.csv, path) }
        return (.html, path)
    }

    /// Renders the page at `target` (a path with its query, `/claims?unit=人`) without HTTP: what
    /// `bench-store` times. Returns the status and the size of the body in bytes.
    public func render(_ target: String) async throws -> (status: Int, bytes: Int) {
        let parts = target.split(separator: "?", maxSplits: 1).map(String.init)
        do {
            let response = try await route(path: parts.first ?? "/", query: parts.count > 1 ? parts[1] : nil, format: .html)
            return (response.status.code, response.body.contentLength ?? 0)
        } catch let error as PageError {
            return (error.status, 0)
        }
    }

    func route(path: String, query: String?, format: Format) async throws -> Response {
        let parameters = Parameters(query: query)
        let components = path.split(separator: "/").map(String.init)
        switch components.first {
        case nil: return try await Pages(store: store, parameters: parameters, format: format).overview()
        case "documents" where components.count == 1:
            return try await Pages(store: store, parameters: parameters, format: format).documents()
        case "documents" where components.count == 2:
            guard let id = Int64(components[1]), id > 0 else {
                throw PageError.notFound("No document has the id “\(components[1])”: ids are whole numbers.")
            }
            return try await Pages(store: store, parameters: parameters, format: format).document(id: id)
        case "findings" where components.count == 1:
            return try await Pages(store: store, parameters: parameters, format: format).findings()
        case "claims" where components.count == 1:
            return try await Pages(store: store, parameters: parameters, format: format).claims()
        case "measures" where components.count == 1:
            return try await Pages(store: store, parameters: parameters, format: format).measures()
        case "search" where components.count == 1:
            return try await Pages(store: store, parameters: parameters, format: format).search()
        case "static" where components.count == 2 && format == .html:
            return try Assets.response(components[1])
        default:
            throw PageError.notFound("There is no page at \(path).")
        }
    }

    static func response(_ body: Data, format: Format, status: HTTPResponse.Status = .ok, headers: [(HTTPField.Name, String)] = []) -> Response {
        var fields: HTTPFields = [.contentType: format.contentType]
        for (name, value) in headers { fields[name] = value }
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func error(_ error: PageError, format: Format) -> Response {
        let status = HTTPResponse.Status(code: error.status)
        switch format {
        case .json:
            struct Body: Encodable { var error: String; var status: Int }
            let data = (try? GongwenJSON.encode(Body(error: error.message, status: error.status))) ?? Data("{}".utf8)
            return response(data, format: .json, status: status)
        case .csv, .html:
            let page = Layout.page(title: "\(error.status) \(status.reasonPhrase)", current: "", body: """
                <h1>\(String(error.status)) \(status.reasonPhrase)</h1><p class="error-message">\(error.message)</p>
                """)
            return response(Data(page.markup.utf8), format: .html, status: status)
        }
    }
}

/// Builds the application of `gongwen serve`: the site over `store` on `host`:`port`.
public enum Server {
    public static func application(
        store: any DocumentStore, host: String, port: Int, onRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            responder: Site(store: store),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let shown = host.contains(":") ? "[\(host)]" : host
                await onRunning("http://\(shown):\(bound)/")
            })
    }
}
