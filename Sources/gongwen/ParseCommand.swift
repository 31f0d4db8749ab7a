import ArgumentParser
import Foundation
import Gongwen
import GongwenIngest
import GongwenModel
import GongwenText

struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse documents into JSON: metadata, sections, numbers, claims, lists, findings.",
        discussion: """
            Examples:
              gongwen parse corpus/000_842ce01806219f2e.txt
              gongwen parse corpus/* --format outline
              find corpus -name '*.txt' | gongwen parse --format jsonl -

            With `-`, each line of standard input is a path or a JSON record {"id": …, "text": …};
            exactly one JSON line is written per input line, in order: the document, or an error
            record {"type":"error","source":…,"line":…,"code":…,"message":…} whose source is the
            record's id or the path (a blank line is an error record too) and whose code is that of
            ingest_errors (not_found, empty …) or blank_line, bad_record. The exit status is then 0
            unless the arguments are wrong, so that a cluster engine (Spark RDD.pipe, Hadoop
            Streaming) can drive it; gongwen load stores what it writes. The stream mode parses --jobs
            documents at once and reads ahead of what it has written by at most twice that many
            lines; each answer is written as soon as the lines before it are, so a driver may also
            write one line and wait for its answer.
            Otherwise the exit status is 2 when any file could not be read.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl, outline, summary
    }

    @Argument(help: "Files to parse (.txt, .html, .htm, .pdf, .docx), or - to read paths or JSON records from standard input.")
    var files: [String]

    @Option(help: "Output format: json (one document or an array), jsonl, outline, summary.")
    var format: Format = .json

    @OptionGroup var input: InputOptions

    @Option(parsing: .unconditional, help: "With -, how many documents to parse at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file, or - for standard input.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more.") }
        if files.contains("-") && files.count > 1 { throw ValidationError("- reads standard input and takes no other files.") }
    }

    func run() async throws {
        if files == ["-"] {
            try await streamStandardInput()
            return
        }
        var documents: [Document] = []
        var failed = false
        for path in files {
            let analysis: Analysis
            do throws(DecodeError) {
                analysis = try Analysis.run(path: path, options: input.pipelineOptions)
            } catch {
                failed = true
                Output.error(error.description)
                continue
            }
            switch format {
            case .json: documents.append(analysis.document)
            case .jsonl: Output.write(try JSONWriter.encode(analysis.document) + [UInt8(ascii: "\n")])
            case .outline: Output.line(Outline.render(analysis))
            case .summary: Output.line(Outline.summary(analysis.document))
            }
        }
        if format == .json {
            if documents.count == 1 {
                Output.write(try JSONWriter.encode(documents[0], pretty: true) + [UInt8(ascii: "\n")])
            } else if !documents.isEmpty || files.count > 1 {
                Output.write(try JSONWriter.encode(documents, pretty: true) + [UInt8(ascii: "\n")])
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// The stream mode: exactly one JSON line out per line in, blank and broken lines included
    /// (as error records that echo the record's `id` or the path, and the line number), never a
    /// non-zero exit: a cluster engine pairs outputs with inputs by position. `jobs` lines are
    /// parsed at once and written in input order.
    private func streamStandardInput() async throws {
        guard case .success(let lines) = LineReader.open("-") else { return }
        let options = input.pipelineOptions
        try await inParallel(
            lines, width: jobs ?? ProcessInfo.processInfo.activeProcessorCount, inOrder: true,
            work: { line in
                await onWorkerThread {
                    Self.streamLine(String(decoding: line.bytes, as: UTF8.self), number: line.number, options: options)
                }
            },
            consume: { Output.write($0) })
    }

    /// The output line for input line `number`, with its line feed.
    static func streamLine(_ line: String, number: Int, options: PipelineOptions) -> [UInt8] {
        var trimmed = line.trimmingLineWhitespace()
        if trimmed.hasSuffix("\r") { trimmed = trimmed.dropLast().trimmingLineWhitespace() }
        if trimmed.isEmpty { return Output.errorRecord(source: "", line: number, code: "blank_line", message: "blank input line") }
        let source: String
        let result: Result<Analysis, DecodeError>
        if trimmed.hasPrefix("{") {
            let record: StreamRecord
            do {
                record = try JSONDecoder().decode(StreamRecord.self, from: Data(trimmed.utf8))
            } catch {
                return Output.errorRecord(
                    source: StreamRecord.id(in: trimmed) ?? "", line: number, code: "bad_record", message: "not a JSON record with \"text\"")
            }
            source = record.id ?? ""
            result = Result { () throws(DecodeError) in try Analysis.run(text: record.text, source: source, options: options) }
        } else {
            source = trimmed
            result = Result { () throws(DecodeError) in try Analysis.run(path: trimmed, options: options) }
        }
        switch result {
        case .success(let analysis):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(4 * analysis.document.text.utf8.count + 4096)
            do {
                try JSONWriter.appendLine(analysis.document, to: &bytes)
                return bytes
            } catch {
                return Output.errorRecord(source: source, line: number, code: "not_encodable", message: "cannot encode the document: \(error)")
            }
        case .failure(let error):
            return Output.errorRecord(source: source, line: number, code: error.code, message: error.reason)
        }
    }
}

/// A record of the stream mode: `{"id": "doc-1", "text": "…"}`.
struct StreamRecord: Decodable {
    var id: String?
    var text: String

    enum CodingKeys: String, CodingKey { case id, text }

    /// The `id` of a record that is JSON but no valid record (no `text`): what its error echoes.
    static func id(in line: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        if let id = object["id"] as? String { return id }
        if let id = object["id"] as? NSNumber { return id.stringValue }
        return nil
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        if let string = try? container.decode(String.self, forKey: .id) {
            id = string
        } else if let number = try? container.decode(Int.self, forKey: .id) {
            id = String(number)
        }
    }
}
