import Foundation

/// The CPU time of the calling thread: what one core spent on it, whatever else the machine was
/// doing, so that figures measured on a busy machine still compare.
///
/// `let start = ThreadCPUClock.seconds()` before writing 128 documents (江苏省民政厅 …), and
/// `ThreadCPUClock.seconds() - start` after: 1.9 s of the writer's thread.
public enum ThreadCPUClock {
    public static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
