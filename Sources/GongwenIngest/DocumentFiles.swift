import Foundation

/// The files an ingest reads: every `.txt`, `.html` and `.htm` below the given paths, sorted,
/// with every other path it passes over and why.
///
/// `DocumentFiles(["corpus", "extra/reply.html", "notes.xlsx"])` lists the five corpus files and
/// `extra/reply.html`; `notes.xlsx` is skipped as not a document; a path that does not exist is
/// missing. Links are followed — a linked folder once: a link back to a folder already walked
/// (`corpus/loop -> ..`) is skipped as a cycle. A name that ends in `.txt` but is a FIFO or a
/// device is listed: reading it is what refuses it, as an error of that file.
public struct DocumentFiles: Sendable {
    public static let extensions: Set<String> = ["txt", "html", "htm", "pdf", "docx", "doc", "wps"]

    /// A path passed over: `notes.xlsx` (not a document), `private/` (permission denied).
    public struct Skipped: Sendable, Equatable {
        public var path: String
        public var reason: String
    }

    public var paths: [String] = []
    public var skipped: [Skipped] = []
    public var missing: [String] = []

    public init(_ arguments: [String]) {
        var found: [String] = []
        var walked: Set<FileIdentity> = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0 else {
                if lstat(argument, &info) == 0 {
                    skipped.append(Skipped(path: argument, reason: "broken link"))
                } else {
                    missing.append(argument)
                }
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(argument, identity: FileIdentity(info), walked: &walked, into: &found)
            } else if Self.isDocument(argument) {
                found.append(argument)
            } else {
                skipped.append(Skipped(path: argument, reason: "not .txt, .html, .htm, .pdf or .docx"))
            }
        }
        paths = found.sorted()
        skipped.sort { $0.path < $1.path }
    }

    public static func isDocument(_ path: String) -> Bool {
        extensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// A file as the system knows it, whatever the path that leads to it.
    private struct FileIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    /// Walks one folder, depth first, each folder at most once.
    private mutating func walk(_ folder: String, identity: FileIdentity, walked: inout Set<FileIdentity>, into found: inout [String]) {
        guard walked.insert(identity).inserted else {
            skipped.append(Skipped(path: folder, reason: "folder already read (a link cycle)"))
            return
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            skipped.append(Skipped(path: folder, reason: access(folder, R_OK | X_OK) == 0 ? "cannot list the folder" : "permission denied"))
            return
        }
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        for name in names.sorted() {
            let path = base + name
            var info = stat()
            guard stat(path, &info) == 0 else {
                skipped.append(Skipped(path: path, reason: lstat(path, &info) == 0 ? "broken link" : "vanished while listed"))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, identity: FileIdentity(info), walked: &walked, into: &found)
            } else if Self.isDocument(path) {
                found.append(path)
            } else {
                skipped.append(Skipped(path: path, reason: "not .txt, .html, .htm, .pdf or .docx"))
            }
        }
    }
}
