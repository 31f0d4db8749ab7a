import GongwenModel

/// A rule that links claims itself, across sentences, from data (identities between indicators,
/// per-head figures, growth rates of a total and its parts), and can say which relations it read.
///
/// `IdentityRule` reads `人口出生率6.53‰，死亡率8.79‰，人口自然增长率-2.26‰` as the relation
/// 自然增长率 = 出生率 − 死亡率 over those three claims.
public protocol RelationRule: Rule {
    func relations(_ context: CheckContext) -> [StatedRelation]
}

/// A relation a rule read between claims, in the vocabulary of the relation keys.
///
/// `identity` over the claims of 出生率, 死亡率 and 自然增长率.
public struct StatedRelation: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case identity
        case perCapita = "per_capita"
        case rateBounds = "rate_bounds"
        case ppDiff = "pp_diff"
        case sum100
        /// A quotient of named indicators (`城镇化率 = 城镇常住人口 / 常住人口`).
        case rate
    }

    public var kind: Kind
    public var claims: [Int]

    public init(kind: Kind, claims: [Int]) {
        self.kind = kind
        self.claims = claims
    }
}
