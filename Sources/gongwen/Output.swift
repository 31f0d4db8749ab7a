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
        String(decoding: try GongwenJSON.encoder(pretty: pretty).encode(value), as: UTF8.self)
    }

    static func errorRecord(source: String, message: String) -> String {
        struct Record: Encodable {
            var type = "error"
            var source: String
            var message: String
        }
        return (try? json(Record(source: source, message: message))) ?? #"{"type":"error"}"#
    }
}
