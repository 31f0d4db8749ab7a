import ArgumentParser
import Foundation
import Gongwen

/// `gongwen evaluate KEYS... --split heldout`: the checker's figures against hand-made relation keys.
///
/// `gongwen evaluate Tests/Keys/relations/*.tsv --split heldout` prints how many keyed relations are
/// linked, how many links and error/warning findings are right, and how many seeded errors are found.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure linking and findings against relation keys (Tests/Keys).",
        discussion: "Documents are found under --root by the key's path: seeds/ in corpus/, corpus-public/ in corpus/public/, corpus-dev/ in Tests/Keys/corpus-dev/.")

    @Argument(help: "Relation key files (TSV).")
    var keys: [String]

    @Option(help: "The split file (file<TAB>dev|heldout).")
    var splitFile = "Tests/Keys/split.tsv"

    @Option(help: "Which documents: dev, heldout or all.")
    var split = "heldout"

    @Option(help: "Folder holding seeds/, corpus-public/, corpus-dev/ (default: the repository's corpus/).")
    var root: String?

    @Flag(help: "Mutate one digit of every operand of the relations that hold and count what is found.")
    var seeded = false

    @Flag(help: "List every miss.")
    var verbose = false

    func run() throws {
        guard ["dev", "heldout", "all"].contains(split) else { throw ValidationError("--split must be dev, heldout or all") }
        var rows: [KeyRow] = []
        for key in keys {
            guard let text = try? String(contentsOfFile: key, encoding: .utf8) else { throw ValidationError("\(key): cannot read") }
            rows += KeyRow.parse(text)
        }
        let splits = (try? String(contentsOfFile: splitFile, encoding: .utf8))?.split(separator: "\n").reduce(into: [String: String]()) { table, line in
            let fields = line.split(separator: "\t").map(String.init)
            if fields.count == 2 { table[fields[0]] = fields[1] }
        } ?? [:]
        rows = rows.filter { split == "all" || splits[$0.file] == split }
        let files = splits.keys.filter { split == "all" || splits[$0] == split }
        let fm = FileManager.default
        let evaluation = Evaluation.run(files: files, rows: rows, resolve: { file in
            let candidates: [String]
            if let root { candidates = [root + "/" + file] } else {
                candidates = [("seeds/", "corpus/"), ("corpus-public/", "corpus/public/"), ("corpus-dev/", "Tests/Keys/corpus-dev/")].compactMap { prefix, folder in
                    file.hasPrefix(prefix) ? folder + file.dropFirst(prefix.count) : nil
                }
            }
            return candidates.first { fm.fileExists(atPath: $0) }
        }, seeded: seeded)
        if verbose { evaluation.notes.forEach { print($0) } }
        let c = evaluation.counts
        func ratio(_ a: Int, _ b: Int) -> String { b == 0 ? "n/a" : String(format: "%.2f (%d/%d)", Double(a) / Double(b), a, b) }
        print("documents: \(evaluation.documents) (\(split))")
        print("relations linked (recall):        \(ratio(c.linked, c.keyed))")
        print("links that are keyed (precision): \(ratio(c.rightLinks, c.links))")
        print("error+warning findings real:      \(ratio(c.realAlarms, c.alarms))")
        print("real inconsistencies found:       \(ratio(c.inconsistenciesFound, c.inconsistencies))")
        if seeded { print("seeded errors detected:           \(ratio(c.seededFound, c.seeded))") }
    }
}
