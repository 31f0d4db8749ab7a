import Foundation
import GongwenModel
import GongwenText

/// `intensity.change`: an energy intensity whose change the growth of energy use and of output do not give.
///
/// Energy use per unit of output (`万元GDP能耗`, `万元规模以上工业增加值能耗`) changes as energy use over output:
/// (1 + e) / (1 + g) − 1, where e is the growth of energy use (`能源消费总量`, `规模以上工业综合能源消费量`) and g
/// the real growth of output (`地区生产总值`, `规模以上工业增加值`), both stated in the document. Each is the first
/// growth rate the document states for it: a rate named by it (`规模以上工业增加值增长7.1%`) or the rate of a
/// level named by it (`能源消费总量50.3万吨标准煤，比上年增长5.6%`). Rounding of the three rates is allowed for;
/// beyond it, `info`: offices compute the intensity from revised or differently scoped data (one public
/// communiqué states an industrial intensity 3 points off its own rates while its GDP intensity holds), so a
/// difference is a question for the reader, not yet an error.
///
/// Real example that holds (江西省, 2022): `规模以上工业综合能源消费量…比上年增长3.5%；万元规模以上工业增加值能耗
/// 下降3.4%`, `规模以上工业增加值比上年增长7.1%`: 1.035 / 1.071 − 1 = −3.36%.
public struct IntensityRule: RelationRule {
    public let id = "intensity.change"
    public let severity = Severity.info
    public let title = "An energy intensity whose change the growth of energy use and of output do not give"
    public let rationale = """
        Energy use per unit of output is energy use over output, so its rate of change is (1 + e)/(1 + g) − 1 \
        with e the growth of energy use and g the real growth of output. The rule reads the intensity, energy \
        use and output the document names (GDP or industry above designated size), takes the first growth rate \
        stated for each, and allows for the rounding of all three. Offices compute intensities from revised or \
        differently scoped data, so a difference is `info`.
        """
    public let example = "`能源消费量增长3.5%；万元规模以上工业增加值能耗下降5.4%`, `规模以上工业增加值增长7.1%` → 能耗下降 5.4% 与 (1+3.5%)/(1+7.1%) − 1 = −3.361% 不符"

    /// One intensity: the names of the intensity, of the energy it counts and of the output it is per.
    struct Measure {
        var intensity: [String]
        var energy: [String]
        var output: [String]
        /// Words that make a name another measure (`规模以上工业` energy is not all energy; `人均` GDP is no GDP).
        var blockers: [String]
    }

    static let measures = [
        Measure(intensity: ["万元GDP能耗", "单位GDP能耗", "万元地区生产总值能耗", "单位地区生产总值能耗", "万元生产总值能耗", "单位生产总值能耗"],
                energy: ["能源消费总量", "能源消费量"], output: ["地区生产总值", "生产总值", "GDP"],
                blockers: ["工业", "规上", "人均", "每", "单位", "万元"]),
        Measure(intensity: ["万元规模以上工业增加值能耗", "单位规模以上工业增加值能耗", "规模以上工业单位增加值能耗", "万元规上工业增加值能耗",
                            "规上工业单位增加值能耗"],
                energy: ["规模以上工业综合能源消费量", "规上工业综合能源消费量", "规模以上工业能源消费量"],
                output: ["规模以上工业增加值", "规上工业增加值"], blockers: ["单位", "万元", "轻工业", "重工业"]),
    ]

    public init() {}

    struct Instance {
        var intensity: (claim: Int, falls: Bool)
        var energy: (claim: Int, falls: Bool)
        var output: (claim: Int, falls: Bool)
    }

    public func relations(_ context: CheckContext) -> [StatedRelation] {
        instances(context).map { StatedRelation(kind: .identity, claims: [$0.intensity.claim, $0.energy.claim, $0.output.claim]) }
    }

    public func check(_ context: CheckContext) -> [Finding] {
        let claims = context.document.claims
        return instances(context).compactMap { instance in
            // A rate as a signed fraction: `下降3.2%` is [−0.0325, −0.0315].
            let rate = { (found: (claim: Int, falls: Bool)) -> Interval in
                let interval = Interval(claim: claims[found.claim]).scaled(by: Decimal(1) / 100)
                return found.falls ? Interval(lower: interval.upper.map { -$0 }, upper: interval.lower.map { -$0 }) : interval
            }
            let (energy, output) = (rate(instance.energy), rate(instance.output))
            guard let energyLow = energy.lower, let energyHigh = energy.upper, let outputLow = output.lower, let outputHigh = output.upper,
                  outputLow > -1 else { return nil }
            // In the stated claim's own sense: a fall is stated as a positive percent after `下降`.
            let sense = Decimal(instance.intensity.falls ? -1 : 1)
            let bounds = [((1 + energyLow) / (1 + outputHigh) - 1) * 100 * sense, ((1 + energyHigh) / (1 + outputLow) - 1) * 100 * sense]
            let stated = claims[instance.intensity.claim]
            let exactEnergy = claims[instance.energy.claim].value * (instance.energy.falls ? -1 : 1) / 100
            let exactOutput = claims[instance.output.claim].value * (instance.output.falls ? -1 : 1) / 100
            let exact = ((1 + exactEnergy) / (1 + exactOutput) - 1) * 100 * sense
            let signed = { (found: (claim: Int, falls: Bool)) in (found.falls ? "−" : "+") + claims[found.claim].numeral + "%" }
            guard var found = arithmeticFinding(stated, label: stated.predicate.map { "能耗" + $0 } ?? "能耗",
                                                formula: "(1\(signed(instance.energy)))/(1\(signed(instance.output))) − 1",
                                                recomputed: Interval(lower: bounds.min(), upper: bounds.max()), exact: exact,
                                                evidence: [claims[instance.energy.claim], claims[instance.output.claim]]) else { return nil }
            found.severity = min(found.severity, severity)
            return found
        }
    }

    func instances(_ context: CheckContext) -> [Instance] {
        Self.measures.compactMap { measure in
            guard let intensity = growth(of: measure.intensity, blockers: [], context),
                  let energy = growth(of: measure.energy, blockers: measure.blockers, context),
                  let output = growth(of: measure.output, blockers: measure.blockers, context) else { return nil }
            return Instance(intensity: intensity, energy: energy, output: output)
        }
    }

    /// The first growth rate the document states for a measure of one of these names: a percent named by it
    /// with a verb of change, or the rate of a level named by it; and whether it is a fall.
    private func growth(of names: [String], blockers: [String], _ context: CheckContext) -> (claim: Int, falls: Bool)? {
        let claims = context.document.claims
        // A claim by its index, its fields read in place: a claim passed by value was copied (its strings retained and released).
        let named = { (index: Int) -> Bool in
            guard let name = claims[index].name else { return false }
            return names.contains(where: name.endsWith) && !blockers.contains { blocker in
                name.holds(blocker) && !names.contains { $0.holds(blocker) && name.endsWith($0) }
            }
        }
        var found: [(claim: Int, falls: Bool)] = []
        for change in context.document.changes where change.from == nil && change.annual != true {
            guard let to = change.to, let rate = change.rate, claims[rate].kind == .percent, named(to) else { continue }
            found.append((rate, change.direction == .decrease))
            break
        }
        let direction = { (index: Int) in claims[index].predicate.flatMap(ChangeDirection.init(word:)) }
        if let index = claims.indices.first(where: { claims[$0].kind == .percent && named($0) && direction($0) != nil }) {
            found.append((claims[index].id, direction(index) == .decrease))
        }
        return found.min { $0.claim < $1.claim }
    }
}
