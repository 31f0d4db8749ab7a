import GongwenModel
import GongwenSegment
import GongwenText

/// A rule that reads the characters of the text (`715日召开`, `集中整顿个软弱涣散村`, `68.3%1500人`) rather
/// than the extracted claims. It has no loop over the text of its own: `TextWalk` goes over the text
/// paragraphs once for all text rules and calls each rule's visitor at the tokens it asked for.
///
/// `NumberMissingRule` asks for the scalars `个 万 萬 亿 億 . 年`; on `在个村开展` the walk calls it at `个`.
public protocol TextRule: Rule {
    /// A visitor of this rule for one document.
    func visitor(_ context: CheckContext) -> any TextVisitor
}

extension TextRule {
    /// The findings of this rule alone (the checker walks the text once for all text rules).
    public func check(_ context: CheckContext) -> [Finding] {
        TextWalk.run([self], context)[0]
    }
}

/// What one text rule does at the tokens of one document: a paragraph's start and end, each maximal
/// run of ASCII digits in it, each scalar of its `triggers`. A visitor is made for one document and
/// may keep state across its paragraphs (`text.duplicate` remembers the sentences it has seen).
///
/// In `2019年715日召开`, a visitor that reads digits is called with the runs `2019` and `715`; one
/// whose triggers hold `年` is called at `年`.
public protocol TextVisitor: AnyObject {
    /// Scalars, not ASCII digits, at which `scalar(at:in:)` is called: `个`, `年`, `。`.
    var triggers: Set<Unicode.Scalar> { get }
    /// Whether `digits(_:in:)` is called.
    var readsDigits: Bool { get }
    /// What the visitor found so far, in the order found.
    var findings: [Finding] { get }
    /// The start of a text paragraph (page chrome is never walked): whether to read it.
    func begin(_ paragraph: Paragraph) -> Bool
    /// A maximal run of ASCII digits in the folded view: `715` in `,715日`.
    func digits(_ run: Span, in paragraph: Paragraph)
    /// One of the trigger scalars at `offset` of the folded view.
    func scalar(at offset: Int, in paragraph: Paragraph)
    /// The end of a paragraph the visitor read.
    func end(_ paragraph: Paragraph)
}

extension TextVisitor {
    public var triggers: Set<Unicode.Scalar> { [] }
    public var readsDigits: Bool { false }
    public func begin(_ paragraph: Paragraph) -> Bool { true }
    public func digits(_ run: Span, in paragraph: Paragraph) {}
    public func scalar(at offset: Int, in paragraph: Paragraph) {}
    public func end(_ paragraph: Paragraph) {}
}

/// The one walk over the text for every text rule (swift-format's `LintPipeline` visits each node
/// once and calls every rule interested in it): each text paragraph, scalar by scalar, once. A run
/// of digits is read once and handed to every visitor that reads digits; a scalar is looked up in
/// one bit set of all the visitors' triggers, and only the visitors that asked for it are called.
///
/// `TextWalk.run([DateMalformedRule(), NumberMissingRule()], context)` is the findings of each rule,
/// in the order of the rules.
public enum TextWalk {
    public static func run(_ rules: [any TextRule], _ context: CheckContext) -> [[Finding]] {
        let visitors = rules.map { $0.visitor(context) }
        guard !visitors.isEmpty else { return [] }
        let triggers = Triggers(visitors)
        let folded = context.source.folded
        var active = [Bool](repeating: false, count: visitors.count)
        for paragraph in context.textParagraphs {
            var reading = false
            var digits = false
            for (index, visitor) in visitors.enumerated() {
                active[index] = visitor.begin(paragraph)
                reading = reading || active[index]
                digits = digits || active[index] && visitor.readsDigits
            }
            guard reading else { continue }
            let end = min(paragraph.span.end, folded.count)
            var offset = paragraph.span.start
            // Through a buffer: this loop reads every scalar of the text, and an array's checks cost more than its tests.
            folded.withUnsafeBufferPointer { s in
                while offset < end {
                    let scalar = s[offset]
                    if isASCIIDigit(scalar) {
                        var runEnd = offset + 1
                        while runEnd < end, isASCIIDigit(s[runEnd]) { runEnd += 1 }
                        if digits {
                            let run = Span(start: offset, end: runEnd)
                            for (index, visitor) in visitors.enumerated() where active[index] && visitor.readsDigits {
                                visitor.digits(run, in: paragraph)
                            }
                        }
                        offset = runEnd
                        continue
                    }
                    if triggers.contains(scalar) {
                        var mask = triggers.visitors(of: scalar)
                        while mask != 0 {
                            let index = mask.trailingZeroBitCount
                            mask &= mask &- 1
                            if active[index] { visitors[index].scalar(at: offset, in: paragraph) }
                        }
                    }
                    offset += 1
                }
            }
            for (index, visitor) in visitors.enumerated() where active[index] { visitor.end(paragraph) }
        }
        return visitors.map(\.findings)
    }

    /// The trigger scalars of all visitors: a bit per scalar of the Basic Multilingual Plane (a test
    /// per scalar walked), then which visitors asked for it, a bit per visitor (a handful of trigger
    /// scalars, looked up in a short list: no hashing per trigger met).
    struct Triggers {
        private var bits = [UInt64](repeating: 0, count: 0x10000 / 64)
        private var scalars: [Unicode.Scalar] = []
        private var masks: [UInt64] = []

        init(_ visitors: [any TextVisitor]) {
            precondition(visitors.count <= 64, "at most 64 text visitors")
            for (index, visitor) in visitors.enumerated() {
                for scalar in visitor.triggers {
                    precondition(scalar.value < 0x10000 && !isASCIIDigit(scalar), "a trigger is a scalar of the BMP other than a digit")
                    bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
                    if let slot = scalars.firstIndex(of: scalar) {
                        masks[slot] |= 1 << UInt64(index)
                    } else {
                        scalars.append(scalar)
                        masks.append(1 << UInt64(index))
                    }
                }
            }
        }

        @inline(__always)
        func contains(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x10000 && bits[Int(scalar.value >> 6)] & (1 << UInt64(scalar.value & 63)) != 0
        }

        /// The visitors that asked for `scalar`, bit `i` for visitor `i`.
        @inline(__always)
        func visitors(of scalar: Unicode.Scalar) -> UInt64 {
            for slot in scalars.indices where scalars[slot] == scalar { return masks[slot] }
            return 0
        }
    }
}
