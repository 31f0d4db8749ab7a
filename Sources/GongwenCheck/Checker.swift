import GongwenModel

/// Which rules run and which findings are kept: `--rule`, `--no-rule`, `--min-severity`, and the
/// plausibility bounds (`--bounds`).
///
/// `CheckOptions(only: ["date.malformed"], minimumSeverity: .warning)` keeps the `date.malformed`
/// findings of severity warning or error.
public struct CheckOptions: Sendable, Equatable {
    /// When not empty, only these rules run.
    public var only: Set<String>
    /// These rules do not run.
    public var excluded: Set<String>
    public var minimumSeverity: Severity
    public var bounds: Bounds
    public var identities: Identities

    public init(only: Set<String> = [], excluded: Set<String> = [], minimumSeverity: Severity = .info, bounds: Bounds = .bundled,
                identities: Identities = .bundled) {
        self.only = only
        self.excluded = excluded
        self.minimumSeverity = minimumSeverity
        self.bounds = bounds
        self.identities = identities
    }

    /// Rule ids named in `only` or `excluded` that no rule has.
    public var unknownRuleIDs: [String] {
        let known = Set(RuleRegistry.ids)
        return (only.union(excluded)).subtracting(known).sorted()
    }

    func runs(_ rule: any Rule) -> Bool {
        (only.isEmpty || only.contains(rule.id)) && !excluded.contains(rule.id)
    }
}

/// Runs the registered rules over one document: filters them by the options, walks the text once
/// for all the text rules (`TextWalk`), sorts the findings by offset and fills in their line and
/// column from the source.
///
/// On the reply letter of 巴中市民政局 (`corpus/000_…`) it reports `715日` and `924日` (`date.malformed`)
/// on line 31, before `川财社20191166号` (`docnum.malformed`) on line 37.
public enum Checker {
    public static func check(_ context: CheckContext, options: CheckOptions = CheckOptions()) -> [Finding] {
        let rules = registry.filter { options.runs($0.rule) }
        var walked = TextWalk.run(rules.compactMap(\.text), context).makeIterator()
        var findings: [Finding] = []
        for (rule, text) in rules {
            let found = text != nil ? walked.next() ?? [] : rule.check(context)
            findings += found.filter { $0.severity >= options.minimumSeverity }
        }
        findings.sort { ($0.start, $0.end, $0.rule) < ($1.start, $1.end, $1.rule) }
        for index in findings.indices {
            let start = min(findings[index].start, max(0, context.source.count - 1))
            findings[index].line = context.source.line(at: start)
            findings[index].column = context.source.column(at: start)
        }
        return findings
    }

    /// The registry's rules, each with itself as a text rule when it is one: cast once, not twice per
    /// rule and document (the runtime's conformance lookup behind `as?` and `is` cost about 1.5% of
    /// the pipeline's instructions).
    private static let registry: [(rule: any Rule, text: (any TextRule)?)] = RuleRegistry.all.map { ($0, $0 as? any TextRule) }
}
