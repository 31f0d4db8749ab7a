import Foundation
import GongwenModel

/// Writing to standard output and standard error.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("gongwen: " + text + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        String(decoding: try GongwenJSON.encode(value, pretty: pretty), as: UTF8.self)
    }

    /// The line of the stream mode for an input line that gave no document: `source` is the
    /// record's `id` or the path, `line` the input line (from 1).
    static func errorRecord(source: String, line: Int, code: String, message: String) -> String {
        let record = StreamError(source: source, line: line, code: code, message: message)
        return (try? json(record)) ?? #"{"type":"error"}"#
    }
}
