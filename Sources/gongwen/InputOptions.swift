import ArgumentParser
import Gongwen
import GongwenText

/// Options shared by every command that reads documents.
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("max-size"), parsing: .unconditional, help: "Refuse files larger than this many megabytes (counted on the bytes read).")
    var maxSize: Int = SourceDecoder.defaultMaxBytes / 1_048_576

    @Option(
        name: .customLong("time-budget"), parsing: .unconditional,
        help: "Give up on a document after this many seconds: it becomes an error (budget exceeded in <stage>).")
    var timeBudget: Int = Int(DocumentBudget.standard.time.components.seconds)

    func validate() throws {
        if maxSize < 0 { throw ValidationError("--max-size must be ≥ 0 (megabytes).") }
        if timeBudget < 0 { throw ValidationError("--time-budget must be ≥ 0 (seconds).") }
    }

    var pipelineOptions: PipelineOptions {
        PipelineOptions(maxBytes: maxSize * 1_048_576, budget: DocumentBudget(time: .seconds(timeBudget)))
    }
}
