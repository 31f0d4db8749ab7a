import Foundation

/// How serious a finding is. `error`: arithmetic no rounding explains, an impossible magnitude,
/// a garbled date or number; `warning`: off by up to one unit of the last digit, likely garbling;
/// `info`: truncation instead of rounding, a duplicated paragraph.
public enum Severity: String, Codable, Sendable, Equatable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var order: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.order < rhs.order }
}

/// What a checker rule noticed, with the numbers it used.
///
/// `减幅 39.54% 与 861/2177 = 39.5498% 不符(截断而非四舍五入)` is a `change.rate` finding of severity
/// `info` with stated 39.54 and expected 39.5498.
public struct Finding: Codable, Sendable, Equatable {
    /// The stable rule id: `change.rate`, `sum.parts`, `date.malformed`.
    public var rule: String
    public var severity: Severity
    /// The message in Chinese.
    public var message: String
    /// The same message in English.
    public var messageEn: String
    public var start: Int
    public var end: Int
    /// 1-based line and column (in code points) of `start`.
    public var line: Int
    public var column: Int
    public var stated: Decimal?
    public var expected: Decimal?
    /// The other spans the rule used: the operands of a recomputation.
    public var evidence: [Span]

    public init(rule: String, severity: Severity, message: String, messageEn: String, span: Span, line: Int, column: Int, stated: Decimal? = nil, expected: Decimal? = nil, evidence: [Span] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.messageEn = messageEn
        self.start = span.start
        self.end = span.end
        self.line = line
        self.column = column
        self.stated = stated
        self.expected = expected
        self.evidence = evidence
    }

    @inlinable public var span: Span { Span(start: start, end: end) }
}
