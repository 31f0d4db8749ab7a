import Foundation
import GongwenIngest

/// The progress of an ingest or a load on standard error: on a terminal one line redrawn in place
/// (`ingest 120/1000 files · 35.2 docs/s · ETA 0:25`; a load, whose total is unknown, `load 120
/// lines · 35.2 docs/s`), otherwise the same text as a plain line every few seconds, so that logs
/// stay readable.
final class IngestProgress: IngestProgressReporting {
    private let isTerminal: Bool
    private let interval: Duration
    /// `ingest` or `load`.
    private let command: String
    private var total: Int? = 0
    private var started = ContinuousClock.now
    private var lastDrawn = ContinuousClock.now
    private var done = 0

    init(command: String = "ingest", isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.command = command
        self.isTerminal = isTerminal
        self.interval = isTerminal ? .milliseconds(100) : .seconds(2)
    }

    func start(total: Int?) {
        self.total = total
        started = .now
        lastDrawn = .now
    }

    func update(done: Int) {
        self.done = done
        guard ContinuousClock.now - lastDrawn >= interval else { return }
        lastDrawn = .now
        draw()
    }

    /// Draws the final state and ends the line on a terminal.
    func finish() {
        guard total != 0 else { return }
        draw()
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    var line: String {
        let seconds = (ContinuousClock.now - started).seconds
        let rate = seconds > 0 ? Double(done) / seconds : 0
        guard let total else { return "\(command) \(done) lines · \(String(format: "%.1f", rate)) docs/s" }
        let remaining = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : nil
        let eta = remaining.map { String(format: "%d:%02d", $0 / 60, $0 % 60) } ?? "-"
        return "\(command) \(done)/\(total) files · \(String(format: "%.1f", rate)) docs/s · ETA \(eta)"
    }

    private func draw() {
        let text = isTerminal ? "\r\u{1B}[2K" + line : line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
