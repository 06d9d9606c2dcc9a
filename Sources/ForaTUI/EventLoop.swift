import Foundation

/// Results of background work, handed to the UI thread through a locked queue plus a wake
/// pipe, so the loop sleeps in `poll()` (no busy-waiting) until input or a result arrives.
public final class UIMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [@MainActor () -> Void] = []
    let readEnd: Int32
    let writeEnd: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        _ = pipe(&fds)
        readEnd = fds[0]
        writeEnd = fds[1]
        for fd in [readEnd, writeEnd] {
            // Close-on-exec: `$EDITOR` and `$BROWSER` must not inherit the pipe (it is made
            // before any child is spawned; `pipe2` is not visible from Swift's Glibc).
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        }
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// The pipe's write end: a signal handler writes a byte here to wake the loop.
    public var wakeDescriptor: Int32 { writeEnd }

    /// Safe from any thread: queues `work` for the UI thread and wakes the loop.
    public func post(_ work: @escaping @MainActor () -> Void) {
        lock.lock()
        pending.append(work)
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Blocks until stdin is readable, a result was posted, or a signal (e.g. SIGWINCH) arrives.
    public func waitForActivity() {
        var fds = [
            pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, 2, -1)
    }

    /// Runs everything posted so far, on the calling (UI) thread.
    @MainActor public func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        lock.lock()
        let work = pending
        pending = []
        lock.unlock()
        for item in work { item() }
    }
}
