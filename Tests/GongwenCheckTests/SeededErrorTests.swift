import Foundation
import Gongwen
import GongwenCheck
import GongwenModel
import GongwenText
import Testing
import TestSupport

/// Seeded errors (mutation testing of the checker): every change, breakdown and rate link in
/// `corpus/` whose arithmetic holds is copied with one of its numbers altered — the first digit
/// changed, the last digit changed by 5, the decimal point moved one place — and the pipeline is
/// run again on the copy. The mutant is detected when the rule that checks the link reports more
/// findings on the copy than on the original. The detection rate is printed and must reach 95%.
@Suite("seeded errors")
struct SeededErrorTests {
    /// A link whose arithmetic holds: the rule that checks it and the claims it uses.
    struct Target {
        var rule: String
        var stated: Claim
        var operands: [Claim]

        /// Whether the link's arithmetic holds, beyond raising no finding: parts short of a total
        /// raise nothing unless they look exhaustive (`其中` often names a few), but they do not hold.
        var holds: Bool {
            guard rule == "sum.parts", let first = operands.first else { return true }
            return operands.dropFirst().reduce(Interval(claim: first)) { $0 + Interval(claim: $1) }.meets(Interval(claim: stated))
        }
    }

    /// A copy of a document with one number altered, and what was done.
    struct Mutant {
        var text: String
        var label: String
    }

    @Test func mutantsAreDetectedByTheRightRule() throws {
        var total = 0
        var detected = 0
        var misses: [String] = []
        for url in try Repository.corpusFiles() {
            let analysis = try Analysis.run(path: url.path)
            let original = analysis.document.findings
            for target in Self.targets(analysis.document) where target.holds && !original.contains(where: { $0.rule == target.rule && $0.span == target.stated.span }) {
                let before = original.filter { $0.rule == target.rule }.count
                for claim in [target.stated] + target.operands {
                    for mutant in Self.mutants(of: claim, in: analysis.source) {
                        total += 1
                        let findings = try Analysis.run(text: mutant.text, source: url.lastPathComponent).document.findings
                        if findings.filter({ $0.rule == target.rule }).count > before {
                            detected += 1
                        } else {
                            misses.append("\(url.lastPathComponent) \(target.rule) \(target.stated.text): \(mutant.label)")
                        }
                    }
                }
            }
        }
        let rate = total == 0 ? 0 : Double(detected) / Double(total)
        print("seeded errors: \(detected) of \(total) mutants detected (\(String(format: "%.1f", rate * 100))%)")
        for miss in misses { print("  missed: \(miss)") }
        #expect(total == 80)
        #expect(misses == [])
    }

    /// The links of a document with the rule that checks each.
    static func targets(_ document: Document) -> [Target] {
        let claims = document.claims
        var targets: [Target] = []
        for change in document.changes {
            guard let from = change.from.map({ claims[$0] }) else { continue }
            let to = change.to.map { claims[$0] }
            if let delta = change.delta.map({ claims[$0] }), let to {
                targets.append(Target(rule: "change.delta", stated: delta, operands: [from, to]))
            }
            // A rate is computed from A and B when the change states both (a wrong amount C is
            // change.delta's to report), else from A and C.
            if let rate = change.rate.map({ claims[$0] }), let other = to ?? change.delta.map({ claims[$0] }) {
                targets.append(Target(rule: "change.rate", stated: rate, operands: [from, other]))
            }
        }
        for breakdown in document.breakdowns {
            targets.append(Target(rule: "sum.parts", stated: claims[breakdown.total], operands: breakdown.parts.map { claims[$0] }))
        }
        for rate in document.rates {
            let wholes = (rate.denominator.map { [$0] } ?? rate.denominatorParts ?? []).filter { $0 != rate.numerator }
            targets.append(Target(rule: rate.kind == .share ? "share.percent" : "rate.ratio", stated: claims[rate.rate],
                                  operands: ([rate.numerator] + wholes).map { claims[$0] }))
        }
        return targets
    }

    /// Copies of the source with the number of `claim` altered: first digit, last digit, decimal point.
    static func mutants(of claim: Claim, in source: SourceText) -> [Mutant] {
        var digits: [Int] = []
        var point: Int?
        for offset in claim.start..<claim.end {
            let scalar = source.folded[offset]
            if isASCIIDigit(scalar) {
                digits.append(offset)
            } else if scalar == ".", !digits.isEmpty {
                point = offset
            } else if !digits.isEmpty {
                break
            }
        }
        guard let first = digits.first, let last = digits.last else { return [] }
        func replacing(_ range: Range<Int>, with text: String) -> String {
            SourceText.string(source.scalars[..<range.lowerBound]) + text + SourceText.string(source.scalars[range.upperBound...])
        }
        func digit(_ offset: Int, _ change: (UInt32) -> UInt32) -> String {
            String(Character(Unicode.Scalar(48 + change(source.folded[offset].value - 48))!))
        }
        var mutants = [Mutant(text: replacing(first..<(first + 1), with: digit(first) { $0 % 9 + 1 }), label: "\(claim.text): first digit")]
        if last != first {
            mutants.append(Mutant(text: replacing(last..<(last + 1), with: digit(last) { ($0 + 5) % 10 }), label: "\(claim.text): last digit"))
        }
        let number = SourceText.string(source.scalars[first..<(last + 1)])
        if let point {
            // 39.54 → 395.4: the point moves one place to the right.
            var moved = Array(number.unicodeScalars)
            let index = point - first
            moved.swapAt(index, index + 1)
            if moved.last == "." { moved.removeLast() }
            mutants.append(Mutant(text: replacing(first..<(last + 1), with: SourceText.string(moved[...])), label: "\(claim.text): decimal point moved"))
        } else if digits.count >= 2 {
            // 139 → 13.9: a decimal point appears before the last digit.
            mutants.append(Mutant(text: replacing(first..<(last + 1), with: String(number.dropLast()) + "." + String(number.suffix(1))), label: "\(claim.text): decimal point inserted"))
        }
        return mutants
    }
}
