import Foundation
import GongwenText
import Synchronization

/// What one document may cost: its size (`maxBytes`, checked on the bytes read) and its time.
/// A document past its time budget becomes an error record — `budget exceeded in extract (over
/// 60 s)` — and the batch goes on, however the text is shaped.
///
/// `DocumentBudget(time: .seconds(60))`: a 5 MB line of numbers (`12 7 3056 …`) that a stage
/// could not finish in a minute is reported and skipped instead of holding the ingest.
public struct DocumentBudget: Sendable, Equatable {
    /// The longest one document may take through all its stages.
    public var time: Duration

    /// Generous: an ordinary 20 MB document takes well under a tenth of it in a release build.
    public static let standard = DocumentBudget(time: .seconds(300))

    public init(time: Duration) {
        self.time = time
    }
}

/// The stage a document is in, watched against its budget: `enter` is called at the start of each
/// stage and throws once the time is spent or the watchdog gave up on the document, so a document
/// abandoned by its watchdog stops at its next stage instead of running to the end.
///
/// `watch.enter("extract")` after segmenting `巴中市民政局…` in 3 ms of a 60 s budget goes on.
final class StageWatch: Sendable {
    private struct State {
        var stage: String
        var abandoned = false
    }

    private let state: Mutex<State>
    private let deadline: ContinuousClock.Instant
    private let budget: DocumentBudget
    private let source: String

    init(source: String, budget: DocumentBudget, first: String) {
        self.source = source
        self.budget = budget
        deadline = .now + budget.time
        state = Mutex(State(stage: first))
    }

    /// The error of a document whose budget ran out in `stage`.
    func exceeded(in stage: String) -> DecodeError {
        .budgetExceeded(source: source, stage: stage, limit: "over \(budget.time.formatted()) per document")
    }

    /// Ends the current stage and starts `stage`, unless the budget is spent (the error names the
    /// stage that spent it) or the document was abandoned.
    func enter(_ stage: String) throws(DecodeError) {
        let previous = state.withLock { state -> String? in
            if state.abandoned { return state.stage }
            guard ContinuousClock.now < deadline else { return state.stage }
            state.stage = stage
            return nil
        }
        if let previous { throw exceeded(in: previous) }
    }

    /// Gives up on the document: returns the stage it is in.
    func abandon() -> String {
        state.withLock { state in
            state.abandoned = true
            return state.stage
        }
    }

    /// Runs `body` on a thread of its own and waits for it until the deadline: a stage that runs
    /// past it makes this throw at once, while `body` stops at its next `enter`. (A thread, not a
    /// Dispatch queue: callers on Dispatch's pool block here, and a pool whose threads all wait for
    /// work queued behind them would never run it.) The thread is one of `BudgetThread`'s, kept
    /// for the next document once `body` returns.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws(DecodeError) -> T) throws(DecodeError) -> T {
        let result = Mutex<Result<T, DecodeError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        BudgetThread.run {
            let outcome = Result { () throws(DecodeError) in try body() }
            result.withLock { $0 = outcome }
            done.signal()
        }
        let remaining = deadline - .now
        let nanoseconds = max(0, remaining.components.seconds * 1_000_000_000 + remaining.components.attoseconds / 1_000_000_000)
        if done.wait(timeout: .now() + .nanoseconds(Int(clamping: nanoseconds))) == .timedOut {
            throw exceeded(in: abandon())
        }
        return try result.withLock { $0! }.get()
    }
}

/// A thread that runs one document's stages at a time and then waits for the next: starting a
/// thread per document (its 16 MB stack mapped, touched and unmapped) cost about 3% of the stream
/// mode's CPU. A thread whose document was abandoned goes back to the idle ones when its work
/// stops at its next stage, so there are never more threads than documents in flight.
///
/// `BudgetThread.run { analyse("通知.txt") }` runs on an idle thread, or a new one if all are busy.
final class BudgetThread: Sendable {
    private static let idle = Mutex<[BudgetThread]>([])
    private let wake = DispatchSemaphore(value: 0)
    private let work = Mutex<(@Sendable () -> Void)?>(nil)

    /// Runs `work` on an idle thread, or on a new one.
    static func run(_ work: @escaping @Sendable () -> Void) {
        let thread = idle.withLock { $0.popLast() } ?? BudgetThread()
        thread.work.withLock { $0 = work }
        thread.wake.signal()
    }

    private init() {
        let thread = Thread { [self] in loop() }
        thread.stackSize = 16 << 20
        thread.start()
    }

    private func loop() -> Never {
        while true {
            wake.wait()
            if let next = work.withLock({ work in defer { work = nil }; return work }) { next() }
            Self.idle.withLock { $0.append(self) }
        }
    }
}

extension Duration {
    /// `300 s`, `1.5 s`, `20 ms`: how a budget is printed.
    func formatted() -> String {
        let (seconds, attoseconds) = components
        if seconds == 0 { return "\(attoseconds / 1_000_000_000_000_000) ms" }
        let tenths = attoseconds / 100_000_000_000_000_000
        return tenths == 0 ? "\(seconds) s" : "\(seconds).\(tenths) s"
    }
}
