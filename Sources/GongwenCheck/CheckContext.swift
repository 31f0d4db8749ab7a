import GongwenExtract
import GongwenModel
import GongwenSegment
import GongwenText
import Synchronization

/// Everything a rule may read about one document: the source text (with its folded view), the
/// segmentation (paragraph roles, section tree, chrome) and the document as extracted so far
/// (numbers, claims, changes, breakdowns, rates, lists), plus the plausibility bounds in force.
/// Rules that need extraction read `document`; they find nothing until the extractor fills it.
///
/// For `715日召开全市村级建制调整改革总结暨村民小组调整优化推进会议` the context holds the text, the
/// paragraph with role `body` that carries it and the section `一、/(四)/二是` around it.
///
/// A class, not a struct: rules hand it to helpers for every scalar they look at, and copying a
/// whole `Document` each time cost more than the rules themselves. Everything in it is immutable but
/// the relations several rules read, each kept once it is read.
public final class CheckContext: Sendable {
    public let source: SourceText
    public let segmentation: Segmentation
    public let document: Document
    public let bounds: Bounds
    /// The identities between indicators in force (`identities.tsv`, `--identities`).
    public let identities: Identities
    /// The paragraphs that are part of the document proper (title, headings, body, sign-off),
    /// in order: every paragraph except page chrome.
    public let textParagraphs: [Paragraph]
    /// Claims that are no level of their own: the amounts and rates of changes and the values they start
    /// from (`比上年增加1894元，增长9.3%`, `由上年的46亿元`).
    public let changeOperands: Set<Int>
    private let chrome: [Span]
    private let identityInstances = Mutex<[IdentityRule.Instance]?>(nil)
    private let rateBoundsInstances = Mutex<[RateBoundsRule.Instance]?>(nil)

    public init(source: SourceText, segmentation: Segmentation, document: Document, bounds: Bounds = .bundled,
                identities: Identities = .bundled) {
        self.source = source
        self.segmentation = segmentation
        self.document = document
        self.bounds = bounds
        self.identities = identities
        self.textParagraphs = segmentation.paragraphs.filter { $0.role != .boilerplate }
        self.chrome = segmentation.boilerplate.map(\.span).sorted()
        var operands = Set<Int>()
        for change in document.changes {
            operands.formUnion([change.delta, change.rate].compactMap { $0 })
            if let from = change.from { operands.insert(from) }
        }
        self.changeOperands = operands
    }

    /// The identities of `identities.tsv` whose result and terms the document states (`IdentityRule.stated(in:)`), read
    /// once: `indicator.identity` checks them and `rate.bounds` bounds the rate of a sum by its terms'.
    var statedIdentities: [IdentityRule.Instance] { Self.once(identityInstances) { IdentityRule.stated(in: self) } }

    /// The totals whose rate (of change, or of a budget completed) lies between their parts' (`RateBoundsRule.stated(in:)`),
    /// read once: `rate.bounds` checks that it does and `rate.weighted` that it is their weighted mean.
    var rateBounds: [RateBoundsRule.Instance] { Self.once(rateBoundsInstances) { RateBoundsRule.stated(in: self) } }

    /// What `slot` holds, or else what `read` returns, kept there. `read` runs outside the lock: it may ask for another slot.
    private static func once<Value: Sendable>(_ slot: borrowing Mutex<Value?>, _ read: () -> Value) -> Value {
        if let known = slot.withLock({ $0 }) { return known }
        let value = read()
        slot.withLock { $0 = value }
        return value
    }

    /// Whether a breakdown's parts add up to its total within the printed precision: they are all of it.
    public func addsUp(_ breakdown: Breakdown) -> Bool {
        let claims = document.claims
        let average = IndicatorName.isAverage(claims[breakdown.total].name ?? "")
        let interval = { self.interval(of: claims[$0], inAverage: average) }
        return interval(breakdown.total).meets(breakdown.parts.reduce(.exact(0)) { $0 + interval($1) })
    }

    /// The values a figure of a breakdown stands for: its printed precision, or when the breakdown is of an average
    /// (`农村居民人均可支配收入33181元` by source: 12413 + 10343 + 3079 + 7345) ±½ of its last digit however it is
    /// written, for an average and its parts are quotients rounded there.
    public func interval(of claim: Claim, inAverage: Bool) -> Interval {
        inAverage && claim.step == nil && claim.qualifier == nil ? Interval(value: claim.value, step: 1) : Interval(claim: claim)
    }

    /// Whether `span` touches page chrome (ICP numbers, publication stamps, navigation).
    public func isBoilerplate(_ span: Span) -> Bool {
        var low = 0
        var high = chrome.count
        while low < high {
            let mid = (low + high) / 2
            if chrome[mid].end <= span.start { low = mid + 1 } else { high = mid }
        }
        return low < chrome.count && chrome[low].start < max(span.end, span.start + 1)
    }
}
