import Foundation

/// Paths of the repository's test data, found from this file's location: the seeds at the top of
/// `corpus/`, the public corpus in `corpus/public/`, the conformance cases in `Tests/Conformance/`.
public enum Repository {
    /// The repository root (the folder holding Package.swift).
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let corpus = root.appendingPathComponent("corpus")
    /// The public corpus (93 documents with their MANIFEST.tsv), below the seeds.
    public static let publicCorpus = corpus.appendingPathComponent("public")
    /// Other recognizers' number test data (Recognizers-Text, Duckling), with their licences.
    public static let conformance = root.appendingPathComponent("Tests/Conformance")

    /// The `gongwen` executable built beside the test bundle.
    public static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gongwen")
    }

    /// The five seed documents at the top of `corpus/` (not the public corpus below it), sorted.
    public static func corpusFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.path < $1.path }
    }

    /// Every `.txt`, `.html` or `.htm` file below `folder`, sorted.
    public static func files(in folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        for case let url as URL in walker where ["txt", "html", "htm"].contains(url.pathExtension.lowercased()) {
            found.append(url)
        }
        return found.sorted { $0.path < $1.path }
    }

    /// The path of `url` relative to the repository root, for stable names in snapshots.
    public static func relative(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// A fresh temporary folder.
    /// A new folder holding copies of the five seeds of `corpus/` and nothing else (no `public/`).
    public static func seedFolder() throws -> URL {
        let folder = try temporaryFolder()
        for file in try corpusFiles() {
            try FileManager.default.copyItem(at: file, to: folder.appendingPathComponent(file.lastPathComponent))
        }
        return folder
    }

    public static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The result of running a command.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `executable` with `arguments`, feeding `input` on standard input, from the repository root.
public func run(_ executable: URL, _ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> CommandResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = Repository.root
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    let inPipe = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inPipe
    try process.run()
    if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
    try inPipe.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
}
