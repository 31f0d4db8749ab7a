/// Why a file could not be read as a document. Each case renders as one line naming the file.
///
/// `corpus/x.bin: not a text file (NUL bytes at byte 12)`; `scan.pdf: no text layer: scanned PDF`.
public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(source: String)
    case isDirectory(source: String)
    case unreadable(source: String, reason: String)
    case empty(source: String)
    case tooLarge(source: String, bytes: Int, limit: Int)
    case notText(source: String, reason: String)
    case encoding(source: String, reason: String)
    /// A FIFO, device or socket (`/dev/zero` behind a link named `x.txt`): only regular files are read.
    case notRegular(source: String, kind: String)
    /// The document cost more than its budget in one stage (`extract`), `limit` says which budget.
    case budgetExceeded(source: String, stage: String, limit: String)
    /// A PDF or DOCX that cannot be opened: truncated, damaged, not really of its format, a zip bomb.
    case malformed(source: String, format: String, reason: String)
    /// A PDF that needs a password.
    case encrypted(source: String)
    /// A PDF whose pages carry no text (a scan).
    case noTextLayer(source: String)
    /// A binary office format that is not read: `Word 97-2003 (.doc)`, `WPS (.wps)`.
    case unsupportedFormat(source: String, format: String)

    public var source: String {
        switch self {
        case .notFound(let source), .isDirectory(let source), .empty(let source),
             .unreadable(let source, _), .tooLarge(let source, _, _), .notText(let source, _),
             .encoding(let source, _), .notRegular(let source, _), .budgetExceeded(let source, _, _),
             .malformed(let source, _, _), .encrypted(let source), .noTextLayer(let source), .unsupportedFormat(let source, _):
            return source
        }
    }

    /// The cause without the file name.
    public var reason: String {
        switch self {
        case .notFound: return "no such file"
        case .isDirectory: return "is a directory"
        case .unreadable(_, let reason): return "cannot be read (\(reason))"
        case .empty: return "empty file"
        case .tooLarge(_, let bytes, let limit):
            return "file is \(megabytes(bytes)) MB, over the \(megabytes(limit)) MB limit (--max-size)"
        case .notText(_, let reason): return "not a text file (\(reason))"
        case .encoding(_, let reason): return "cannot decode (\(reason))"
        case .notRegular(_, let kind): return "not a regular file (\(kind))"
        case .budgetExceeded(_, let stage, let limit): return "budget exceeded in \(stage) (\(limit))"
        case .malformed(_, let format, let reason): return "not a readable \(format) file (\(reason))"
        case .encrypted: return "encrypted PDF (a password is needed)"
        case .noTextLayer: return "no text layer: scanned PDF"
        case .unsupportedFormat(_, let format): return "\(format) is a binary format that is not read; save it as .docx"
        }
    }

    /// A short machine-readable name of the case: `not_found`, `empty`, `not_text` ...
    public var code: String {
        switch self {
        case .notFound: return "not_found"
        case .isDirectory: return "is_directory"
        case .unreadable: return "unreadable"
        case .empty: return "empty"
        case .tooLarge: return "too_large"
        case .notText: return "not_text"
        case .encoding: return "encoding"
        case .notRegular: return "not_regular"
        case .budgetExceeded: return "budget"
        case .malformed: return "malformed"
        case .encrypted: return "encrypted"
        case .noTextLayer: return "no_text_layer"
        case .unsupportedFormat: return "unsupported_format"
        }
    }

    public var description: String { "\(source): \(reason)" }
}

private func megabytes(_ bytes: Int) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576
    return "\(tenths / 10).\(tenths % 10)"
}
