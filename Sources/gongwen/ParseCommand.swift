import ArgumentParser
import Foundation
import Gongwen
import GongwenModel
import GongwenText

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse documents into JSON: metadata, sections, numbers, claims, lists, findings.",
        discussion: """
            Examples:
              gongwen parse corpus/000_842ce01806219f2e.txt
              gongwen parse corpus/* --format outline
              find corpus -name '*.txt' | gongwen parse --format jsonl -

            With `-`, each line of standard input is a path or a JSON record {"id": …, "text": …};
            one JSON line is written per input line, in order: the document, or an error record
            {"type":"error","source":…,"message":…}. The exit status is then 0 unless the
            arguments are wrong, so that a cluster engine (Spark RDD.pipe, Hadoop Streaming) can drive it.
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

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file, or - for standard input.") }
        if files.contains("-") && files.count > 1 { throw ValidationError("- reads standard input and takes no other files.") }
    }

    func run() throws {
        if files == ["-"] {
            streamStandardInput()
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
            case .jsonl: Output.line(try Output.json(analysis.document))
            case .outline: Output.line(Outline.render(analysis))
            case .summary: Output.line(Outline.summary(analysis.document))
            }
        }
        if format == .json {
            if documents.count == 1 {
                Output.line(try Output.json(documents[0], pretty: true))
            } else if !documents.isEmpty || files.count > 1 {
                Output.line(try Output.json(documents, pretty: true))
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// The stream mode: one JSON line out per line in, errors as records, never a non-zero exit.
    private func streamStandardInput() {
        while let line = readLine(strippingNewline: true) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let source: String
            let result: Result<Analysis, DecodeError>
            if trimmed.hasPrefix("{") {
                guard let record = try? JSONDecoder().decode(StreamRecord.self, from: Data(trimmed.utf8)) else {
                    Output.line(Output.errorRecord(source: "", message: "not a JSON record with \"text\""))
                    continue
                }
                source = record.id ?? ""
                result = Result { () throws(DecodeError) in try Analysis.run(text: record.text, source: source) }
            } else {
                source = trimmed
                result = Result { () throws(DecodeError) in try Analysis.run(path: trimmed, options: input.pipelineOptions) }
            }
            switch result {
            case .success(let analysis):
                if let json = try? Output.json(analysis.document) {
                    Output.line(json)
                } else {
                    Output.line(Output.errorRecord(source: source, message: "cannot encode document"))
                }
            case .failure(let error):
                Output.line(Output.errorRecord(source: source, message: error.reason))
            }
        }
    }
}

/// A record of the stream mode: `{"id": "doc-1", "text": "…"}`.
struct StreamRecord: Decodable {
    var id: String?
    var text: String

    enum CodingKeys: String, CodingKey { case id, text }

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
