import Foundation

/// Wakes the run loop when the terminal has input, without polling: a thread sleeps in poll(2) on stdin and on
/// the resize pipe (written by the SIGWINCH handler), calls `wake` once, then sleeps until the loop says it read
/// everything (`drained()`). It never calls ncurses: the keys are read on the main actor.
final class InputWatcher: @unchecked Sendable {
    private let inputDescriptor: Int32
    private let resizeDescriptor: Int32
    /// Written once to end the thread.
    private let stopPipe: (read: Int32, write: Int32)
    private let drainedSignal = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var stopped = false

    init?(input: Int32, resize: Int32, wake: @escaping @Sendable () -> Void) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return nil }
        inputDescriptor = input
        resizeDescriptor = resize
        stopPipe = (fds[0], fds[1])
        let thread = Thread { [self] in watch(wake) }
        thread.name = "authpi-console input"
        thread.start()
    }

    deinit {
        close(stopPipe.read)
        close(stopPipe.write)
    }

    /// The loop read every waiting key: watch again.
    func drained() { drainedSignal.signal() }

    func stop() {
        let wasStopped = lock.withLock {
            defer { stopped = true }
            return stopped
        }
        guard !wasStopped else { return }
        var byte: UInt8 = 1
        _ = write(stopPipe.write, &byte, 1)
        drainedSignal.signal()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func watch(_ wake: @Sendable () -> Void) {
        // Ends with stop(); each round sleeps in the kernel until input, a resize or the stop arrives.
        while !isStopped {
            var descriptors = [
                pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: stopPipe.read, events: Int16(POLLIN), revents: 0),
                pollfd(fd: resizeDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let count = poll(&descriptors, resizeDescriptor >= 0 ? 3 : 2, -1)
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            if descriptors[1].revents != 0 || isStopped { break }
            if resizeDescriptor >= 0, descriptors[2].revents != 0 { drainResizePipe() }
            if descriptors[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                // Stdin is gone (terminal closed): wake the loop once more so it reads the end, then stop.
                wake()
                return
            }
            wake()
            drainedSignal.wait()
        }
    }

    private func drainResizePipe() {
        var buffer = [UInt8](repeating: 0, count: 64)
        // The pipe is non-blocking: bounded by its content.
        for _ in 0..<1024 where read(resizeDescriptor, &buffer, buffer.count) > 0 {}
    }
}
