import Foundation
import GongwenModel

/// `share.whole`: shares of one whole the text does not name, which no single whole can give.
///
/// A series of parts each with its share (`已经解决或基本解决的20件，占29.8%；正在解决的37件，占55.2%；…
/// 难以解决的7件，占9.8%`) shares one whole, said or not: each share with its part gives that whole
/// (20件 / 29.8% is 67.0 to 67.2), and two shares whose wholes cannot meet contradict one another,
/// whatever the whole is (7件 / 9.8% is 70.7 to 71.8). The rule reads the shares whose whole the
/// linker inferred (`Rate.inferredWhole`) in groups of one whole and one section, and compares the
/// wholes their parts and shares give on the printed precision; a share may be truncated rather
/// than rounded (9.8% for 9.86%), so each share may be up to a whole unit of its last digit higher.
/// Whether the inferred whole itself holds is `share.percent`'s business (`info` there).
///
/// Made-up example (the shape of a 办理情况 summary): `立案71件…解决的20件,占29.8%;…难以解决的7件,占9.8%` →
/// `20件占29.8%(总数约67.1件)与7件占9.8%(总数约71.4件)不能是同一总数的占比`.
public struct ShareWholeRule: Rule {
    public let id = "share.whole"
    public let severity = Severity.warning
    public let title = "Shares of one unsaid whole that no single whole gives"
    public let rationale = """
        Parts listed each with its share (`20件，占29.8%；…7件，占9.8%`) are shares of one whole even when the \
        text does not say which: each part over its share gives the whole, on the printed precision (a share \
        may be truncated, so up to one unit of its last digit higher). When two parts give wholes that cannot \
        meet, a share or a part is misprinted, whatever the whole is.
        """
    public let example = "`解决的20件,占29.8%;…难以解决的7件,占9.8%` → 20件占29.8%(总数约67.1件)与7件占9.8%(总数约71.4件)不能是同一总数的占比"

    public init() {}

    /// A share of a series with the whole its part and percent give.
    struct Implied {
        var share: Rate
        var whole: Interval
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        var groups: [String: [Implied]] = [:]
        var order: [String] = []
        for share in context.document.rates where share.kind == .share && share.inferredWhole == true {
            guard let whole = share.denominator, let implied = Self.impliedWhole(share, claims: claims) else { continue }
            let key = "\(whole)|\(claims[share.rate].section ?? "")"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(Implied(share: share, whole: implied))
        }
        return order.compactMap { key in
            let series = groups[key]!
            // A share that holds over the inferred whole confirms it: `share.percent` then reports the others.
            guard !series.contains(where: { ratioFinding($0.share, claims: claims) == nil }) else { return nil }
            // The share whose whole is smallest at most, and the one whose whole is largest at least.
            guard series.count >= 2,
                  let low = series.min(by: { $0.whole.upper! < $1.whole.upper! }),
                  let high = series.max(by: { $0.whole.lower! < $1.whole.lower! }),
                  low.whole.upper! < high.whole.lower! else { return nil }
            let described = { (implied: Implied) -> (String, String) in
                let part = claims[implied.share.numerator], rate = claims[implied.share.rate]
                let scale = part.scale
                let whole = Decimal.written(part.value / scale.value / rate.value * 100, places: 1)
                return ("\(part.text)占\(rate.text)", whole + scale.word + (part.unit ?? ""))
            }
            let (first, firstWhole) = described(low), (second, secondWhole) = described(high)
            let later = [low, high].max { claims[$0.share.rate].start < claims[$1.share.rate].start }!
            let evidence = series.flatMap { [claims[$0.share.numerator].span, claims[$0.share.rate].span] }
                .filter { $0 != claims[later.share.rate].span }
            return finding(.sharesOfNoWhole(first: first, firstWhole: firstWhole, second: second, secondWhole: secondWhole),
                           at: claims[later.share.rate].span, evidence: evidence)
        }
    }

    /// The whole a part and its share give: the part's interval over the share's, where the share
    /// may also be truncated (one more unit of its last digit above). Nil for a share that is not a
    /// plain percent of a count, or is unbounded.
    static func impliedWhole(_ share: Rate, claims: [Claim]) -> Interval? {
        let part = claims[share.numerator], rate = claims[share.rate]
        guard rate.kind == .percent, part.kind == .quantity, rate.value > 0 else { return nil }
        var percent = Interval(claim: rate)
        if let upper = percent.upper, let step = rate.step, !rate.isApproximate { percent.upper = upper + step / 2 }
        guard let whole = Interval(claim: part).divided(by: percent.scaled(by: Decimal(string: "0.01")!)),
              whole.lower != nil, whole.upper != nil else { return nil }
        return whole
    }
}
