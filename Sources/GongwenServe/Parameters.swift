import Foundation

/// A request the pages cannot answer: a bad parameter (400), an unknown id or path (404), a
/// method other than GET (405). The message is shown to the user as text.
struct PageError: Error, Equatable {
    var status: Int
    var message: String

    static func badRequest(_ message: String) -> PageError { PageError(status: 400, message: message) }
    static func notFound(_ message: String) -> PageError { PageError(status: 404, message: message) }
}

/// The query string of a request, decoded as a browser's form encodes it (`+` is a space), with
/// typed readers that turn a malformed value into a 400 naming the parameter.
///
/// `?unit=%E4%BA%BA&min=1000&page=2` gives `string("unit")` `人`, `double("min")` 1000.
struct Parameters {
    private(set) var values: [(name: String, value: String)] = []

    init(query: String?) {
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let spaced = part.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            values.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
    }

    /// The value of `name`, trimmed; `nil` when absent or empty (an empty form field).
    func string(_ name: String) -> String? {
        guard let value = values.last(where: { $0.name == name })?.value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count > 200 { return String(trimmed.prefix(200)) }
        return trimmed.isEmpty ? nil : trimmed
    }

    func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw PageError.badRequest("\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not “\(text)”.")
        }
        return value
    }

    func double(_ name: String) throws -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), value.isFinite else {
            throw PageError.badRequest("\(name) must be a finite number, not “\(text)”.")
        }
        return value
    }

    /// `1`, `true`, `on` (a ticked checkbox) or `yes`; `0`, `false`, `no`.
    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name)?.lowercased() else { return nil }
        switch text {
        case "1", "true", "on", "yes": return true
        case "0", "false", "off", "no": return false
        default: throw PageError.badRequest("\(name) must be true or false, not “\(text)”.")
        }
    }

    /// One of `choices`, or a 400 that lists them.
    func choice(_ name: String, of choices: [String]) throws -> String? {
        guard let text = string(name) else { return nil }
        guard choices.contains(text) else {
            throw PageError.badRequest("\(name) must be one of \(choices.joined(separator: ", ")), not “\(text)”.")
        }
        return text
    }

    /// `page` (from 1) and `limit` (rows per page, 1…1000, default 50).
    func paging() throws -> Paging {
        Paging(page: try int("page", in: 1...1_000_000) ?? 1, size: try int("limit", in: 1...1000) ?? 50)
    }

    /// The query string with `changes` applied (`nil` removes a parameter): links to other pages
    /// and facet values that keep the other filters.
    func with(_ changes: [String: String?]) -> String {
        var kept = values.filter { changes[$0.name] == nil && !$0.value.isEmpty }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) {
            if let value { kept.append((name, value)) }
        }
        guard !kept.isEmpty else { return "" }
        return "?" + kept.map { Self.encode($0.name) + "=" + Self.encode($0.value) }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}

/// Which rows of a table a page shows.
struct Paging: Equatable {
    var page: Int
    var size: Int
    var offset: Int { (page - 1) * size }
}
