import GongwenModel

/// A human-readable dump of a parsed document (swift-markdown's tree dumper habit): metadata,
/// chrome, and the section tree with marker, level, line and span; the format of the reviewed
/// golden files under `Tests/EndToEndTests/Snapshots`.
///
/// ```
/// 一、 L1 line 21 [380, 3799) 全面完成乡镇行政区划和村级建制调整两项改革“前半篇”文章,重塑基层治理框架
///   (一) L2 line 25 [641, 1264) “三个强化”全面完成乡镇行政区划调整改革
/// ```
public enum Outline {
    public static func render(_ analysis: Analysis) -> String {
        let document = analysis.document
        var out: [String] = []
        out.append("source: \(document.source) (\(document.encoding), \(document.format.rawValue), \(document.characters) characters)")
        for field in document.fields {
            out.append("\(field.name): \(field.value) [\(field.start), \(field.end))")
        }
        out.append("doc_type: \(document.docType ?? "-")")
        for mark in document.boilerplate {
            out.append("boilerplate \(mark.kind) line \(analysis.source.line(at: mark.start)) [\(mark.start), \(mark.end)) \(clip(analysis.source.text(mark.span), 24))")
        }
        for warning in document.warnings {
            out.append("warning: \(warning)")
        }
        out.append("sections:")
        for root in document.sections {
            root.forEach { section, path in
                let indent = String(repeating: "  ", count: path.count)
                let marker = section.marker ?? "·"
                out.append("\(indent)\(marker) L\(section.level) line \(section.line) [\(section.start), \(section.end)) \(clip(section.title, 40))")
            }
        }
        return out.joined(separator: "\n")
    }

    /// One line: the source, encoding, counts and the main metadata.
    public static func summary(_ document: Document) -> String {
        var count = 0
        for root in document.sections { root.forEach { _, _ in count += 1 } }
        let parts = [
            document.source, document.encoding, "sections=\(count)", "claims=\(document.claims.count)",
            "findings=\(document.findings.count)", document.docType ?? "-", document.issuer ?? "-", document.date ?? "-",
            clip(document.title ?? "-", 30),
        ]
        return parts.joined(separator: "\t")
    }

    static func clip(_ text: String, _ length: Int) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "⏎")
        return flat.count <= length ? flat : String(flat.prefix(length)) + "…"
    }
}
