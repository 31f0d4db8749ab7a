import Foundation
import GongwenText

/// The number grammar on a plain string that is one number as a whole.
///
/// `ChineseNumber.parse("一千三百一十六")` is 1316, `parse("1.84万")` 18400,
/// `parse("参萬肆仟伍佰陆拾柒")` 34567, `parse("三分之一")` 0.3333333333; `parse("一些")` is `nil`.
public enum ChineseNumber {
    /// The value of `text` when the whole of it (spaces around it aside) is one number. A trailing
    /// classifier `个`/`個` is allowed (`一个`, `半个`), as are the SI suffixes `K`, `M`, `G` and the
    /// halves `一半`, `1半`, `半`.
    public static func parse(_ text: String) -> Decimal? {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        if let last = scalars.last, last == "个" || last == "個", scalars.count > 1 { scalars.removeLast() }
        guard !scalars.isEmpty else { return nil }
        if isHalf(scalars) { return Exact.half }
        let source = SourceText(String(String.UnicodeScalarView(scalars)))
        let grammar = Grammar(
            s: source.folded, source: source.scalars, bounds: 0..<source.count, lexicon: .shared, whole: true)
        guard case .numeral(let numeral) = grammar.scan(at: 0), numeral.end == source.count else { return nil }
        if let exponent = numeral.perExponent {
            return Exact.quotient(numeral.value, Exact.power10(exponent))
        }
        return numeral.value
    }

    /// `半`, `一半`, `1半`, `一半半`: a half, as Duckling reads them.
    private static func isHalf(_ scalars: [Unicode.Scalar]) -> Bool {
        var rest = scalars[...]
        if let first = rest.first, first == "一" || first == "1" { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0 == "半" }
    }
}
