import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where effects carried out off the main thread leave their answers. Posting also writes a byte
/// to a pipe, whose read end joins the terminal loop's `poll`: the loop wakes when an answer
/// arrives and sleeps (no CPU) when none is due.
final class ActionInbox: @unchecked Sendable {
    private let lock = NSLock()
    private var actions: [Action] = []
    /// Effects handed out and not yet answered (so a caller can wait until all work is done).
    private var inFlight = 0
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    func began() { lock.lock(); inFlight += 1; lock.unlock() }

    /// An answer; `finishes` when it is the last answer of its effect.
    func post(_ action: Action, finishes: Bool = true) {
        lock.lock()
        actions.append(action)
        if finishes { inFlight -= 1 }
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)   // a full pipe already wakes the reader
    }

    /// An effect that ends without an answer.
    func finished() {
        lock.lock(); inFlight -= 1; lock.unlock()
        var byte: UInt8 = 0
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Every answer posted so far, in order; empties the pipe.
    func drain() -> [Action] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let taken = actions
        actions = []
        return taken
    }

    var isIdle: Bool {
        lock.lock()
        defer { lock.unlock() }
        return inFlight == 0 && actions.isEmpty
    }
}
