import Gongwen
import GongwenCheck
import GongwenModel

/// A fixture text with position markers `1️⃣`…`9️⃣` (swift-format's habit): the markers are removed
/// and their offsets, in code points of the clean text, kept by number.
///
/// `Fixture("二是高位推动。1️⃣715日2️⃣召开会议。")` has text `二是高位推动。715日召开会议。`, marker 1 at 7 and 2 at 11.
struct Fixture {
    var text: String
    var markers: [Int: Int] = [:]

    init(_ marked: String) {
        let scalars = Array(marked.unicodeScalars)
        var clean = String.UnicodeScalarView()
        var index = 0
        var offset = 0
        while index < scalars.count {
            if index + 2 < scalars.count, scalars[index + 1] == "\u{FE0F}", scalars[index + 2] == "\u{20E3}",
               let digit = Int(String(scalars[index])) {
                markers[digit] = offset
                index += 3
                continue
            }
            clean.append(scalars[index])
            offset += 1
            index += 1
        }
        text = String(clean)
    }

    /// The span from marker `from` to marker `to`.
    func span(_ from: Int, _ to: Int) -> Span {
        Span(start: markers[from] ?? -1, end: markers[to] ?? -1)
    }

    /// The span of the first occurrence of `needle` in the clean text, in code points.
    func span(of needle: String) -> Span {
        guard let range = text.range(of: needle) else { return Span(start: -1, end: -1) }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        return Span(start: start, end: start + needle.unicodeScalars.count)
    }

    /// The analysis of the clean text, as `gongwen parse` would see it.
    func analysis() throws -> Analysis {
        try Analysis.run(text: text, source: "fixture")
    }

    /// The context a rule sees, with `claims` when a test builds them by hand (and then no links),
    /// else the claims and links the extractor found.
    func context(claims: [Claim]? = nil, bounds: Bounds = .bundled) throws -> CheckContext {
        let analysis = try analysis()
        var document = analysis.document
        if let claims {
            document.claims = claims
            (document.changes, document.breakdowns, document.rates) = ([], [], [])
        }
        return CheckContext(source: analysis.source, segmentation: analysis.segmentation, document: document, bounds: bounds)
    }

    /// The findings of one rule on the fixture.
    func findings(_ rule: some Rule) throws -> [Finding] {
        rule.check(try context())
    }
}
