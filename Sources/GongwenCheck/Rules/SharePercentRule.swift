import GongwenModel

/// `share.percent`: a share (`占比r%`) that is not its part over the whole.
///
/// Reads the rates of kind `share` in `document.rates`: the part's count over the whole, which is a
/// stated total or the sum of the parallel counts the sentence lists (`城市社区150个,集镇社区353个`),
/// ×100, on the operands' printed precision; graded by the precision contract.
///
/// A share whose whole the text does not name (`其中A 258件，占38.8%`, read as a share of the
/// partition's total) is `info` unless another share of the same whole holds.
///
/// Real example that holds (巴中市民政局, 2020): `全市城市社区150个,集镇社区353个,城市社区占比(29.8%)`:
/// 150/(150+353) = 29.82%. With `占比(31.8%)` it reports `占比 31.8% 与 150/(150+353) = 29.821% 不符(应为29.8%)`.
public struct SharePercentRule: Rule {
    public let id = "share.percent"
    public let severity = Severity.error
    public let title = "A share that is not its part over the whole"
    public let rationale = """
        A share (`占比`, `比重`) names a part of a whole the text also counts. The rule divides the part by \
        the whole (the stated total, or the sum of the parallel counts of the same unit in the sentence) on \
        their printed precision and compares the stated percent at its own precision: an integer percent \
        (`91%`) stands for [90.5%, 91.5%].
        """
    public let example = "`全市城市社区150个,集镇社区353个,城市社区占比(31.8%)` → 占比 31.8% 与 150/(150+353) = 29.821% 不符(应为29.8%)"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let shares = context.document.rates.filter { $0.kind == .share }
        let claims = context.document.claims
        // A whole the text does not name is a reading; a sibling share that holds over it confirms it.
        var confirmed = Set<Int>()
        for share in shares where share.inferredWhole == true {
            if let whole = share.denominator, ratioFinding(share, claims: claims) == nil { confirmed.insert(whole) }
        }
        return shares.compactMap { share in
            guard var found = ratioFinding(share, claims: claims) else { return nil }
            if share.inferredWhole == true, let whole = share.denominator, !confirmed.contains(whole) { found.severity = .info }
            return found
        }
    }
}
