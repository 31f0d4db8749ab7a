import ArgumentParser
import GongwenCheck
import GongwenModel

/// `--kind` of `query`: the kinds a claim can have (`quantity`, `percent`, `permille`, `ratio`);
/// `--kind 人数` is a usage error that lists them.
extension NumberKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let kind = NumberKind(rawValue: argument), kind.isClaim else { return nil }
        self = kind
    }

    public static var allValueStrings: [String] { allCases.filter(\.isClaim).map(\.rawValue) }
}

/// A checker rule id on the command line (`--rule change.rate`); an id no rule has (`no.such.rule`)
/// is a usage error that lists the known ones.
struct RuleID: ExpressibleByArgument {
    var id: String

    init?(argument: String) {
        guard RuleRegistry.rule(id: argument) != nil else { return nil }
        id = argument
    }

    static var allValueStrings: [String] { RuleRegistry.ids }
}
