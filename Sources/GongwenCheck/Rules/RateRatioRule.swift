import GongwenModel

/// `rate.ratio`: a rate of a count (`化解率`, `办结率`) that is not the count over the total it names.
///
/// Reads the rates of kind `rate` in `document.rates`: the count the rate word names (`化解52.04万件`
/// for 化解率) over the other count of the same unit (`排查53.21万件`), ×100, on their printed
/// precision. `52.04万` is [52.035万, 52.045万], so 97.8% holds, and so does `92.56%` for 49.25万/53.21万
/// (92.5578%; the operands' intervals give [92.540%, 92.576%], which holds the stated [92.555%, 92.565%]).
///
/// Real example that holds (重庆市人民政府, 2023): `累计排查矛盾纠纷53.21万件、化解52.04万件,化解率97.8%`; with
/// `化解率96.8%` it reports `化解率 96.8% 与 52.04万/53.21万 = 97.801% 不符(应为97.8%)`.
public struct RateRatioRule: Rule {
    public let id = "rate.ratio"
    public let severity = Severity.error
    public let title = "A rate that is not the count over the total it names"
    public let rationale = """
        A rate word ending in 率 (`化解率`, `办结率`, `结案率`) names the count it is computed from (`化解`) and \
        stands beside the total (`排查`). The rule divides the two on their printed precision: with numbers \
        written in 万 a difference in the last digits of the rate is often rounding, not error, and only \
        what no rounding explains is reported.
        """
    public let example = "`累计排查矛盾纠纷53.21万件、化解52.04万件,化解率96.8%` → 化解率 96.8% 与 52.04万/53.21万 = 97.801% 不符(应为97.8%)"

    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        context.document.rates.filter { $0.kind == .rate }.compactMap { ratioFinding($0, claims: context.document.claims) }
    }
}
