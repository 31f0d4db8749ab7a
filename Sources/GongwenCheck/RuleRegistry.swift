/// Every checker rule, in the order `docs/rules.md` lists them. A new rule is added here and
/// nowhere else; the catalog test then asks for `docs/rules.md` to be regenerated.
///
/// `RuleRegistry.rule(id: "date.malformed")` is the `DateMalformedRule`.
public enum RuleRegistry {
    public static let all: [any Rule] = [
        DateMalformedRule(),
        DocNumberMalformedRule(),
        NumberMissingRule(),
        NumberMergedRule(),
        SignDoubledRule(),
        MagnitudeImplausibleRule(),
        ChangeDeltaRule(),
        ChangeRateRule(),
        AnnualRateRule(),
        SumPartsRule(),
        SharePercentRule(),
        ShareWholeRule(),
        IdentityRule(),
        IntensityRule(),
        RateBoundsRule(),
        RateWeightedRule(),
        SharesSumRule(),
        PerCapitaRule(),
        StructureRatioRule(),
        RateRatioRule(),
        DaysShareRule(),
        RepeatInconsistentRule(),
        AverageConsistencyRule(),
        CountItemsRule(),
        StructureNumberingRule(),
        TextDuplicateRule(),
    ]

    public static func rule(id: String) -> (any Rule)? {
        all.first { $0.id == id }
    }

    public static var ids: [String] { all.map(\.id) }
}
