import Foundation
import GongwenModel
import GongwenText
#if canImport(Glibc)
import Glibc
#endif

/// Prints findings like a compiler: `path:line:col: severity: message [rule.id]`, the source line
/// (clipped to the terminal width, CJK characters two columns wide) and a marker under the span.
///
/// ```
/// corpus/000_842ce01806219f2e.txt:31:386: error: 日期“715日”缺少月份分隔(可能是7月15日) [date.malformed]
/// …仅1人。二是高位推动,凝聚共识。715日召开全市村级建制调整改革总结暨村民小组调整优化推进会议,924日又…
///                                ^~~~~
/// ```
struct DiagnosticPrinter {
    var width: Int
    var colour: Bool
    var english: Bool

    /// Colour only on a terminal and when `NO_COLOR` is unset; the width of the terminal, else
    /// `COLUMNS`, else 100.
    static func forStandardOutput(english: Bool) -> DiagnosticPrinter {
        let environment = ProcessInfo.processInfo.environment
        let terminal = isatty(STDOUT_FILENO) == 1
        var width = Int(environment["COLUMNS"] ?? "") ?? 100
        #if canImport(Glibc)
        var size = winsize()
        if terminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        #endif
        return DiagnosticPrinter(width: max(width, 20), colour: terminal && environment["NO_COLOR"] == nil, english: english)
    }

    func render(_ finding: Finding, path: String, source: SourceText) -> String {
        let message = english ? finding.messageEn : finding.message
        let heading = paint("\(path):\(finding.line):\(finding.column):", "1") + " "
            + paint("\(finding.severity.rawValue):", Self.code(finding.severity)) + " " + paint(message, "1") + " [\(finding.rule)]"
        let (line, marker) = excerpt(finding.span, source: source)
        return [heading, line, paint(marker, "1;32")].joined(separator: "\n")
    }

    /// The line holding the start of `span`, clipped around it to `width` columns, and the marker line.
    func excerpt(_ span: Span, source: SourceText) -> (String, String) {
        let lineSpan = source.lineSpan(source.line(at: min(span.start, max(0, source.count - 1))))
        let scalars = source.scalars[lineSpan.start..<lineSpan.end].map { $0 == "\t" ? " " : $0 }
        let widths = scalars.map(Self.columns)
        let spanStart = max(0, span.start - lineSpan.start)
        let spanEnd = max(spanStart + 1, min(span.end, lineSpan.end) - lineSpan.start)
        let spanWidth = widths[min(spanStart, widths.count)..<min(spanEnd, widths.count)].reduce(0, +)
        var first = spanStart
        var last = spanStart
        if widths.reduce(0, +) <= width {
            first = 0
            last = widths.count
        } else {
            let budget = width - 2
            var used = 0
            let leftContext = max(0, (budget - spanWidth) / 3)
            while first > 0, used + widths[first - 1] <= leftContext {
                first -= 1
                used += widths[first]
            }
            while last < widths.count, used + widths[last] <= budget {
                used += widths[last]
                last += 1
            }
        }
        let prefix = first > 0 ? "…" : ""
        let suffix = last < widths.count ? "…" : ""
        let text = prefix + SourceText.string(scalars[first..<last]) + suffix
        let lead = prefix.count + widths[first..<min(spanStart, last)].reduce(0, +)
        let shown = widths[min(spanStart, last)..<min(spanEnd, last)].reduce(0, +)
        let marker = String(repeating: " ", count: lead) + "^" + String(repeating: "~", count: max(0, shown - 1))
        return (text, marker)
    }

    func summary(path: String, findings: [Finding]) -> String {
        "\(path): " + Self.counts(findings)
    }

    /// `3 findings (2 errors, 1 warning, 0 infos)` or `no findings`.
    static func counts(_ findings: [Finding]) -> String {
        if findings.isEmpty { return "no findings" }
        func count(_ severity: Severity, _ name: String) -> String {
            let n = findings.filter { $0.severity == severity }.count
            return "\(n) \(name)\(n == 1 ? "" : "s")"
        }
        return "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(count(.error, "error")), \(count(.warning, "warning")), \(count(.info, "info")))"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    private static func code(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;35"
        case .info: return "1;36"
        }
    }

    /// Terminal columns of a scalar (East Asian Width): 2 for wide and full-width characters (CJK,
    /// Hangul, full-width forms, most emoji), 0 for combining marks and format characters, else 1.
    static func columns(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
