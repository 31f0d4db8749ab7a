import Foundation
import GongwenModel

/// Writing to standard output and standard error.
enum Output {
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Writes `bytes` to standard output as they are, in one go.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("gongwen: " + text + "\n").utf8))
    }

    static func json<T: Encodable>(_ value: T, pretty: Bool = false) throws -> String {
        String(decoding: try GongwenJSON.encode(value, pretty: pretty), as: UTF8.self)
    }

    /// The line of the stream mode, with its line feed, for an input line that gave no document:
    /// `source` is the record's `id` or the path, `line` the input line (from 1).
    static func errorRecord(source: String, line: Int, code: String, message: String) -> [UInt8] {
        var bytes: [UInt8] = []
        try? JSONWriter.appendLine(StreamError(source: source, line: line, code: code, message: message), to: &bytes)
        return bytes
    }
}
