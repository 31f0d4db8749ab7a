/// One line of `gongwen parse --format jsonl -` (the stream mode), and so one line that
/// `gongwen load` reads: a document, or an error record for an input line that gave none.
///
/// `{"source":"corpus/004_8b0ea43be8e85885.txt","sha256":…,"text":"首页 |\n…",…}` is a document;
/// `{"code":"not_found","line":3,"message":"no such file","source":"corpus/missing.txt","type":"error"}`
/// an error.
public enum StreamLine: Decodable, Sendable, Equatable {
    case document(Document)
    case error(StreamError)

    private enum Keys: String, CodingKey { case type }

    /// An object whose `type` is `error` is an error record, any other a document.
    public init(from decoder: any Decoder) throws {
        if try decoder.container(keyedBy: Keys.self).decodeIfPresent(String.self, forKey: .type) == StreamError.type {
            self = .error(try StreamError(from: decoder))
        } else {
            self = .document(try Document(from: decoder))
        }
    }
}

/// The line the stream mode writes for an input line that gave no document: the record's `id` or
/// the path as `source` (empty for a blank line), the input line from 1, and why, as a code
/// (`DecodeError.code` for a file: `not_found`, `empty` …; `blank_line`, `bad_record`) and a
/// message.
///
/// `{"code":"empty","line":4,"message":"empty file","source":"8","type":"error"}` answers the record
/// `{"id": 8, "text": ""}` on line 4.
public struct StreamError: Codable, Sendable, Equatable {
    public static let type = "error"

    public var type = StreamError.type
    public var source: String
    public var line: Int
    public var code: String
    public var message: String

    public init(source: String, line: Int, code: String, message: String) {
        self.source = source
        self.line = line
        self.code = code
        self.message = message
    }
}
