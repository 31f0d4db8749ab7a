import Foundation
import GongwenIngest

/// The libFuzzer entry point over the whole pipeline (`make fuzz` builds it with
/// `-sanitize=fuzzer -DFUZZING`). The first byte picks how the rest is read: as text, as HTML, or
/// as a program of `PipelineProbe`'s hostile grammar, laid out as text or as HTML
/// (`PipelineProbe.violations(ofFuzzInput:)`). A violated invariant (a span outside the text,
/// JSON with NaN) stops the run like a crash.
///
/// An input `0x02 0x00 0xC7` expands to `一` × 200 and parses as text: a mention of kind
/// `identifier`, no NaN.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

func check(_ input: [UInt8]) {
    let problems = PipelineProbe.violations(ofFuzzInput: input)
    if !problems.isEmpty { fatalError("pipeline invariant broken: \(problems.joined(separator: "; "))") }
}

#if FUZZING
/// libFuzzer's driver, called from our own `main` (SwiftPM gives every executable one, so
/// libFuzzer's `main` is never linked).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
) -> Int32
#endif

/// With libFuzzer: its driver, with the command line of `make fuzz`. Without: replays the inputs
/// given as files, as one does with a crash `make fuzz` found.
@main
struct FuzzMain {
    static func main() throws {
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runDriver(&argc, &argv, fuzzOne))
        #else
        for path in CommandLine.arguments.dropFirst() {
            check(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            print("ok \(path)")
        }
        #endif
    }
}
