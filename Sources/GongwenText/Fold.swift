/// Folds full-width forms to their ASCII twins one scalar for one scalar, so that the folded view
/// keeps the offsets of the source: `２０２０` → `2020`, `（` → `(`, `，` → `,`, `：` → `:`,
/// `％` → `%`, the ideographic space and no-break spaces → ` `. Chinese punctuation with no
/// ASCII twin (`。`, `、`, `“”`, `〔〕`) is left as it is. A text in traditional script is folded to
/// simplified forms as well (`simplifyIfTraditional`).
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

extension Fold {
    /// The simplified form of each traditional character of the CJK Unified Ideographs, indexed from
    /// U+4E00 (0 where a character has none): `長` → `长`, `萬` → `万`, `從` → `从` (`Resources/hant-hans.tsv`).
    static let simplified: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 0xA000 - 0x4E00)
        for line in String(decoding: PackageResources.hant_hans_tsv, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let pair = Array(line.unicodeScalars)
            guard pair.count == 3, (0x4E00..<0xA000).contains(pair[0].value) else { continue }
            table[Int(pair[0].value) - 0x4E00] = pair[2].value
        }
        return table
    }()

    /// Whether each character of the CJK Unified Ideographs, indexed from U+4E00, is the simplified form of
    /// another (`长`, `万`, `这`): found in simplified text only.
    static let isSimplifiedForm: [Bool] = {
        var table = [Bool](repeating: false, count: 0xA000 - 0x4E00)
        for value in simplified where (0x4E00..<0xA000).contains(value) { table[Int(value) - 0x4E00] = true }
        return table
    }()

    /// For each scalar up to U+A000 (the last entry stands for every scalar above): 1 for a traditional
    /// form (`長`), -1 for the simplified form of another (`长`), else 0: what `simplifyIfTraditional` adds up.
    static let traditionalWeight: [Int8] = [Int8](repeating: 0, count: 0x4E00)
        + zip(simplified, isSimplifiedForm).map { mapped, isSimplified in mapped != 0 ? 1 : isSimplified ? -1 : 0 } + [0]

    /// Folds a traditional-script text (`據快報統計,全市地方公共財政預算收入…增長32.62%`) to simplified forms,
    /// one character for one, so that the word lists of every stage (`增长`, `万元`, `从`) read it; offsets
    /// do not move. A text is traditional when it holds more traditional forms than simplified ones: a
    /// simplified text keeps the few traditional forms it uses in its own right (`显著`, `乾隆`).
    public static func simplifyIfTraditional(_ scalars: inout [Unicode.Scalar]) {
        // One table read into a local (a global read in the loop is a `swift_once` check per scalar)
        // and added without a branch: a test per scalar (Han or not, traditional or not) mispredicts.
        let weight = Self.traditionalWeight
        var balance = 0
        weight.withUnsafeBufferPointer { weight in
            let last = UInt32(weight.count - 1)
            for scalar in scalars { balance &+= Int(weight[Int(min(scalar.value, last))]) }
        }
        guard balance > 0 else { return }
        for index in scalars.indices where (0x4E00..<0xA000).contains(scalars[index].value) {
            let mapped = simplified[Int(scalars[index].value) - 0x4E00]
            if mapped != 0, let scalar = Unicode.Scalar(mapped) { scalars[index] = scalar }
        }
    }
}
