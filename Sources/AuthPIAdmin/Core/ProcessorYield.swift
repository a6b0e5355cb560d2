#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Offers this thread's CPU to another runnable thread (`sched_yield`), returning at once when there is none.
///
/// A read-ahead hands the next page's request to the transport's I/O thread and then parses the current page. When
/// both threads share one CPU and the scheduler does not preempt the parser (real-time priority, a CPU-limited
/// container, a busy machine), the request would wait for the whole parse and the server for the request: the walk
/// ran at the sum of both sides' costs instead of the larger one. Yielding once, right after the hand-over, puts the
/// request on the wire first. One system call per page; nothing else changes.
enum ProcessorYield {
    static func now() {
        _ = sched_yield()
    }
}
