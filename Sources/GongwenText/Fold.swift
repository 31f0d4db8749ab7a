/// Folds full-width forms to their ASCII twins one scalar for one scalar, so that the folded view
/// keeps the offsets of the source: `２０２０` → `2020`, `（` → `(`, `，` → `,`, `：` → `:`,
/// `％` → `%`, the ideographic space and no-break spaces → ` `. Chinese punctuation with no
/// ASCII twin (`。`, `、`, `“”`, `〔〕`) is left as it is.
public enum Fold {
    public static func fold(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out = scalars
        for index in out.indices {
            out[index] = fold(out[index])
        }
        return out
    }

    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 { return scalar }
        switch value {
        case 0xFF01...0xFF5E:
            return Unicode.Scalar(value - 0xFEE0)!
        case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F, 0xFEFF:
            return " "
        default:
            return scalar
        }
    }
}
