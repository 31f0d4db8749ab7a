import GongwenText

/// The raw number grammar over a text: every numeral with its exact value, nothing classified.
/// This is what the conformance harness compares with Recognizers-Text's NumberModel; the
/// extractor builds its mentions on the same grammar.
///
/// In `全市乡镇(街道)从200个优化到139` the scanner finds `200` and `139`; in `一些`, `统一`,
/// `一起` it finds nothing.
///
/// A lone Chinese digit (`三`, `十`) is a number only when a measure word or non-money unit of the
/// lexicon follows (`三个`, `九台`; not `一元化`), after `第`, as an enumeration (`一是`), at the
/// start of a quoted label of two or more (`“三不变”`), before `大` + noun or `中全会`, or standing
/// alone as a word (`(一)`, `前三的`, `答案是四`). The financial digits that are also words
/// (`伍 陆 拾 肆 参`) are never read alone, a `一` bound to the word before it (`统一`, `唯一`,
/// `之一`) never, and a short list of idioms (`一起`, `十分`, `万一`) is skipped.
public struct NumberScanner: Sendable {
    private let text: SourceText

    public init(_ text: SourceText) {
        self.text = text
    }

    /// The numerals that start inside `range`, in order.
    public func numerals(in range: Range<Int>) -> [Numeral] {
        let bounds = range.clamped(to: 0..<text.count)
        let grammar = Grammar(
            s: text.folded, source: text.scalars, bounds: bounds, lexicon: .shared, whole: false)
        var numerals: [Numeral] = []
        var index = bounds.lowerBound
        while index < bounds.upperBound {
            if let end = grammar.urlEnd(at: index) {
                index = end
                continue
            }
            guard Trigger.startsNumber(text.folded[index]) else {
                index += 1
                continue
            }
            switch grammar.scan(at: index) {
            case .numeral(let numeral):
                numerals.append(numeral)
                index = max(numeral.end, index + 1)
            case .skip(let end):
                index = max(end, index + 1)
            case .none:
                index += 1
            }
        }
        return numerals
    }
}

/// Scalars at which the grammar may find a number.
enum Trigger {
    @inline(__always) static func startsNumber(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return ScalarClass.isASCIIDigit(scalar) || scalar == "." || scalar == "-"
        }
        return Glyph.of(scalar) != .none
    }
}

extension Grammar {
    /// The end of a web address starting at `index` (`http://…`, `https://…`, `www.…`): the
    /// digits in it are not numbers.
    func urlEnd(at index: Int) -> Int? {
        guard let first = at(index), first == "h" || first == "w" else { return nil }
        guard Words.webPrefixes.contains(where: { matches($0, at: index) }) else { return nil }
        var end = index
        while let scalar = at(end), scalar.value > 0x20, scalar.value < 0x7F, scalar != "\"" { end += 1 }
        return end
    }
}
