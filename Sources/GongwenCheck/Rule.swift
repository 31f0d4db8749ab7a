import Foundation
import GongwenModel

/// One check: a stable id, a default severity, what it looks for and why, and the walk over a
/// document that finds it. Every rule is one type in one file under `Rules/`, listed in
/// `RuleRegistry.all`; `docs/rules.md` is generated from those lists.
///
/// `DateMalformedRule` has id `date.malformed`, severity `error`, and finds `715日召开` (a month-day
/// that lost its 月).
public protocol Rule: Sendable {
    /// `date.malformed`, `number.missing`: lower case, a family and a name.
    var id: String { get }
    var severity: Severity { get }
    /// One line: what the rule flags.
    var title: String { get }
    /// Why the flagged thing is a problem of the document, and what the rule does not flag.
    var rationale: String { get }
    /// A real example from a document, with what the rule reports.
    var example: String { get }
    /// The findings of this rule on one document. Rules leave `line` and `column` at 0;
    /// `Checker` fills them in.
    func check(_ context: CheckContext) -> [Finding]
}

extension Rule {
    /// A finding of this rule at `span`, with its message rendered from the catalog, of the rule's
    /// severity unless `severity` says otherwise (the arithmetic rules grade by verdict).
    public func finding(_ message: Message, at span: Span, evidence: [Span] = [], stated: Decimal? = nil, expected: Decimal? = nil, severity: Severity? = nil) -> Finding {
        Finding(rule: id, severity: severity ?? self.severity, message: message.zh, messageEn: message.en, span: span,
                line: 0, column: 0, stated: stated, expected: expected, evidence: evidence)
    }
}
