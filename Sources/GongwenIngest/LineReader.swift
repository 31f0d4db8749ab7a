import Foundation
import GongwenText

/// The lines of a file or of standard input, numbered from 1, read a megabyte at a time: what
/// `gongwen load` and the stream mode of `gongwen parse` walk, however long the file. A line is handed out without its `\n`; a read
/// error ends the lines and is kept in `error`.
///
/// For a file holding `{"source":"a.txt",…}\n{"type":"error",…}\n` the lines are
/// `(1, {"source":"a.txt",…})` and `(2, {"type":"error",…})`.
public final class LineReader: Sequence, IteratorProtocol {
    public static let chunkSize = 1 << 20

    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`, and where the search for its end goes on.
    private var start = 0
    private var scanned = 0
    private var atEnd = false
    private var number = 0
    public private(set) var error: DecodeError?

    private init(handle: FileHandle, path: String) {
        self.handle = handle
        self.path = path
    }

    /// Opens `path`, `-` for standard input; a missing file, a folder or a file that cannot be
    /// opened is an error naming it.
    public static func open(_ path: String) -> Result<LineReader, DecodeError> {
        if path == "-" { return .success(LineReader(handle: .standardInput, path: path)) }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .failure(.notFound(source: path)) }
        if isDirectory.boolValue { return .failure(.isDirectory(source: path)) }
        guard let handle = FileHandle(forReadingAtPath: path) else { return .failure(.unreadable(source: path, reason: "permission denied")) }
        return .success(LineReader(handle: handle, path: path))
    }

    public func next() -> (number: Int, bytes: [UInt8])? {
        while true {
            if let end = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                return take(upTo: end, skipping: 1)
            }
            scanned = buffer.count
            if atEnd { return start < buffer.count ? take(upTo: buffer.count, skipping: 0) : nil }
            fill()
        }
    }

    /// The line from `start` to `end`; the next one starts `skipping` bytes after it.
    private func take(upTo end: Int, skipping: Int) -> (number: Int, bytes: [UInt8]) {
        let line = Array(buffer[start..<end])
        start = end + skipping
        scanned = start
        number += 1
        return (number, line)
    }

    /// Reads the next chunk, first dropping the lines already handed out.
    private func fill() {
        buffer.removeSubrange(0..<start)
        scanned -= start
        start = 0
        // One read(2) takes what is there (a pipe's lines as the driver writes them) and waits only
        // when nothing is: FileHandle.read(upToCount:) waits for a full megabyte or the end.
        let count = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: Self.chunkSize))
        var got = -1
        var failure: Int32 = 0
        while got < 0 {
            got = buffer.withUnsafeMutableBytes { Foundation.read(handle.fileDescriptor, $0.baseAddress! + count, Self.chunkSize) }
            failure = errno
            if got < 0, failure != EINTR { break }
        }
        buffer.removeSubrange((count + Swift.max(0, got))...)
        if got < 0 {
            error = .unreadable(source: path, reason: String(cString: strerror(failure)))
            atEnd = true
        } else if got == 0 {
            atEnd = true
        }
    }
}
