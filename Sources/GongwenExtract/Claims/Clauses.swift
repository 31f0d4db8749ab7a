import GongwenModel
import GongwenText

/// Sentences and clauses of a text in the folded view: a sentence ends at `。`, `;`, `!`, `?`
/// or a line break; a clause also at `,`, `、`, `:` and brackets.
///
/// `全市城市社区150个,集镇社区353个,城市社区占比(29.8%)远低于全省(47.4%);` is one sentence of
/// three clauses.
struct Clauses {
    private let folded: [Unicode.Scalar]
    /// Sentence spans in order.
    let sentences: [Span]
    /// The offsets of the characters that end a clause, in order: a clause is found by binary
    /// search, not by walking the text, so a line of 100,000 numbers with no comma stays linear.
    private let clauseBreaks: [Int]

    init(_ source: SourceText) {
        folded = source.folded
        var spans: [Span] = []
        var breaks: [Int] = []
        var start = 0
        // One pass for both; a Han character (most of the text) ends neither and is passed over first.
        for (offset, scalar) in folded.enumerated() {
            if scalar.value &- 0x4E00 <= 0x9FFF - 0x4E00 || !Self.endsClause(scalar) { continue }
            breaks.append(offset)
            guard Self.endsSentence(scalar) else { continue }
            // A sentence keeps its `。` but not the line break that ends it.
            let end = scalar == "\n" ? offset : offset + 1
            if end > start { spans.append(Span(start: start, end: end)) }
            start = offset + 1
        }
        if start < folded.count { spans.append(Span(start: start, end: folded.count)) }
        sentences = spans
        clauseBreaks = breaks
    }

    @inline(__always)
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.endsSentence(scalar)
    }

    /// Brackets do not end a clause: they sit inside noun phrases (`乡镇(街道)`, `社区(村)`).
    @inline(__always)
    static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        endsSentence(scalar) || scalar == "," || scalar == "、" || scalar == ":" || scalar == "“" || scalar == "”"
            || scalar == "《" || scalar == "》"
    }

    /// The sentence holding `offset`.
    func sentence(at offset: Int) -> Span {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else if sentences[mid].start > offset { high = mid - 1 } else { return sentences[mid] }
        }
        return Span(start: offset, end: offset)
    }

    /// The index of the sentence holding `offset`.
    func sentenceIndex(at offset: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if sentences[mid].end <= offset { low = mid + 1 } else if sentences[mid].start > offset { high = mid - 1 } else { return mid }
        }
        return nil
    }

    /// Where the clause holding `offset` starts.
    func clauseStart(before offset: Int) -> Int {
        let next = clauseBreaks.partitionPoint { $0 >= offset }
        return next == 0 ? 0 : clauseBreaks[next - 1] + 1
    }

    /// Where the clause that starts at or after `offset` ends (exclusive, before its punctuation).
    func clauseEnd(after offset: Int) -> Int {
        let next = clauseBreaks.partitionPoint { $0 >= offset }
        return next == clauseBreaks.count ? max(offset, folded.count) : clauseBreaks[next]
    }
}
