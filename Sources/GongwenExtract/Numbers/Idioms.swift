/// Words whose numeral is not a number although the grammar would read one: the numeral is
/// followed by a measure word (`一起`, `十分`, `一张网`, `三番五次`) or is a scale word before a
/// digit (`万一`). Most words with numerals need no entry — `一些`, `一般`, `统一`, `一体化`,
/// `千方百计` are never read because a lone digit needs a measure word after it (see
/// `NumberScanner`) — so this list holds only the ones that would otherwise slip through.
enum Idioms {
    static let words: [String] = [
        "一起", "一道", "一度", "一次性", "一票否决", "一条龙", "一张网", "一张蓝图", "十分",
        "一分为二", "一波三折", "最后一公里", "万一", "三番五次", "三天两头", "五花八门", "三次产业",
    ]

    /// For each scalar that starts a numeral, the idioms holding it and its offset in the idiom.
    private static let byScalar: [UInt32: [(word: [Unicode.Scalar], offset: Int)]] = {
        var table: [UInt32: [(word: [Unicode.Scalar], offset: Int)]] = [:]
        for word in words {
            let scalars = Array(word.unicodeScalars)
            for (offset, scalar) in scalars.enumerated() where Glyph.of(scalar) != .none {
                table[scalar.value, default: []].append((scalars, offset))
            }
        }
        return table
    }()

    /// The end of an idiom that covers the numeral starting at `index`, if there is one.
    static func end(in scalars: [Unicode.Scalar], numeralAt index: Int, bounds: Range<Int>) -> Int? {
        guard let candidates = byScalar[scalars[index].value] else { return nil }
        for (word, offset) in candidates {
            let start = index - offset
            guard start >= bounds.lowerBound, start + word.count <= bounds.upperBound else { continue }
            if word.indices.allSatisfy({ scalars[start + $0] == word[$0] }) { return start + word.count }
        }
        return nil
    }

    /// Characters that make a word with a following `一` (`统一`, `唯一`, `同一`, `逐一`, `之一`,
    /// `进一步`, `合一`, `归一`): such a `一` is never a number on its own.
    static func bindsFollowingOne(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "统", "唯", "惟", "同", "划", "专", "单", "逐", "之", "进", "合", "归", "如", "任", "不", "万":
            return true
        default:
            return false
        }
    }
}
