import Foundation
import GongwenIngest
import Testing
import TestSupport

/// The inputs of `Tests/Fuzz/seeds` — the hostile grammar's seeds and every input `make fuzz`
/// found — through the fuzz target's checks: no crash, spans inside the text, valid JSON.
@Suite("fuzz regressions")
struct FuzzRegressionTests {
    static let seeds = Repository.root.appendingPathComponent("Tests/Fuzz/seeds")

    static let names: [String] = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()) ?? []

    @Test func thereAreSeeds() {
        #expect(Self.names.count == 7)
    }

    @Test(arguments: names)
    func seedPassesTheFuzzChecks(_ name: String) throws {
        let input = try [UInt8](Data(contentsOf: Self.seeds.appendingPathComponent(name)))
        #expect(PipelineProbe.violations(ofFuzzInput: input) == [])
    }

    @Test func theGrammarRepeatsItsPieces() {
        #expect(String(decoding: PipelineProbe.expand([0, 2, 10, 0]), as: UTF8.self) == "一一一1")
    }
}
