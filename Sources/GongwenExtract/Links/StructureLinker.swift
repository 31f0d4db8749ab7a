import GongwenModel
import GongwenText

/// A structure ratio and the values it summarises: the nearest run of levels before it, as many as the
/// ratio has terms, in one unit, whose names end alike (the same measure of different parts).
///
/// `第一产业增加值244.45亿元…第二产业增加值1093.17亿元…第三产业增加值1311.25亿元…三次产业结构比为9.2:41.3:49.5`
/// → the ratio's terms against 244.45 : 1093.17 : 1311.25.
struct StructureLinker {
    let readings: Readings

    /// How many claims back the values are looked for.
    static let window = 40

    func structures() -> [Structure] {
        var structures: [Structure] = []
        for index in readings.claims.indices where readings.claims[index].kind == .ratio {
            let claim = readings.claims[index]
            // `三次产业的比例由2.7:54.8:42.5调整为…`: a structure a change starts from is an earlier period's.
            guard let terms = claim.parts, terms.count >= 2, !readings.readings[index].comparison else { continue }
            // The nearest run of levels in one unit naming one measure, as long as the ratio.
            var values: [Int] = []
            var candidate = index - 1
            while candidate >= 0, index - candidate <= Self.window, values.count < terms.count {
                let value = readings.claims[candidate]
                defer { candidate -= 1 }
                guard value.kind == .quantity, readings.readings[candidate].isLevel, value.upper == nil else { continue }
                if let last = values.last,
                   value.unit != readings.claims[last].unit || !sameMeasure(readings.readings[candidate].name, readings.readings[last].name) {
                    values = []
                }
                values.append(candidate)
            }
            guard values.count == terms.count else { continue }
            values.reverse()
            // The values stand in the ratio's statement or the one before; a ratio of two, in its own.
            let reach = terms.count == 2 ? 0 : 1
            guard readings.statement[index] - readings.statement[values[0]] <= reach else { continue }
            structures.append(Structure(ratio: index, values: values, span: Span(start: readings.claims[values[0]].start, end: claim.end)))
        }
        return structures
    }

    /// Two names of one measure of different parts end in the same two characters or more and differ
    /// before: `第一产业增加值` and `第二产业增加值`.
    private func sameMeasure(_ a: String, _ b: String) -> Bool {
        guard a != b, a.count >= 3, b.count >= 3 else { return false }
        return a.unicodeScalars.suffix(2).elementsEqual(b.unicodeScalars.suffix(2))
    }
}
