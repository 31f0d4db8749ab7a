import ArgumentParser
import Gongwen
import GongwenText

/// Options shared by every command that reads documents.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("max-size"), parsing: .unconditional, help: "Refuse files larger than this many megabytes.")
    var maxSize: Int = SourceDecoder.defaultMaxBytes / 1_048_576

    func validate() throws {
        if maxSize < 0 { throw ValidationError("--max-size must be ≥ 0 (megabytes).") }
    }

    var pipelineOptions: PipelineOptions { PipelineOptions(maxBytes: maxSize * 1_048_576) }
}
