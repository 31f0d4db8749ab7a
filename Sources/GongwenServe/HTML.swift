/// Markup built by string interpolation in which every interpolated `String` is escaped: the one
/// escaping helper of the pages. Documents are hostile input (a scraped page may carry
/// `<script>alert(1)</script>` as text); only an interpolated `HTML` value goes in as markup, and
/// an `HTML` value is made from literals and escaped text only.
///
/// `let title = "<script>"; let page: HTML = "<h1>\(title)</h1>"` renders `<h1>&lt;script&gt;</h1>`.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var markup: String

    public init(stringLiteral value: String) {
        markup = value
    }

    public init(stringInterpolation: StringInterpolation) {
        markup = stringInterpolation.markup
    }

    public var description: String { markup }

    /// Markup written here, in the server's own code, never taken from a document.
    static func trusted(_ markup: String) -> HTML {
        var html: HTML = ""
        html.markup = markup
        return html
    }

    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { markup += literal }
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        public mutating func appendInterpolation(_ text: String?) { markup += HTML.escape(text ?? "") }
        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        public mutating func appendInterpolation(_ number: Int64) { markup += String(number) }
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { markup += part.markup } }
    }
}

extension Array where Element == HTML {
    func joined(_ separator: HTML = "") -> HTML {
        var out: HTML = ""
        for (index, part) in enumerated() {
            if index > 0 { out = "\(out)\(separator)" }
            out = "\(out)\(part)"
        }
        return out
    }
}
