import CSystem
import Glibc

/// A level-triggered epoll instance plus an eventfd to wake it from another thread.
/// Level-triggered on purpose: a connection that stops reading (backpressure) simply drops EPOLLIN
/// from its interest set, and nothing is lost if a handler reads less than what is available.
final class Epoll: @unchecked Sendable {
    // @unchecked: the fds are immutable after init; only wake() is called from other threads, and eventfd writes are thread-safe.
    let fd: Int32
    let wakeFD: Int32
    /// epoll data of the wake fd; connection tokens never take this value.
    static let wakeToken: UInt64 = .max

    init() throws(SystemError) {
        fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw SystemError("epoll_create1") }
        wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else {
            let e = SystemError("eventfd")
            Glibc.close(fd)
            throw e
        }
        do throws(SystemError) { try add(wakeFD, events: UInt32(EPOLLIN.rawValue), token: Epoll.wakeToken) } catch {
            Glibc.close(wakeFD)
            Glibc.close(fd)
            throw error
        }
    }

    deinit {
        Glibc.close(wakeFD)
        Glibc.close(fd)
    }

    func add(_ target: Int32, events: UInt32, token: UInt64) throws(SystemError) {
        try control(EPOLL_CTL_ADD, target, events: events, token: token)
    }

    func modify(_ target: Int32, events: UInt32, token: UInt64) throws(SystemError) {
        try control(EPOLL_CTL_MOD, target, events: events, token: token)
    }

    /// Removing is best effort: closing the fd removes it anyway.
    func remove(_ target: Int32) {
        var event = epoll_event()
        _ = epoll_ctl(fd, EPOLL_CTL_DEL, target, &event)
    }

    private func control(_ op: Int32, _ target: Int32, events: UInt32, token: UInt64) throws(SystemError) {
        var event = epoll_event()
        event.events = events
        event.data.u64 = token
        guard epoll_ctl(fd, op, target, &event) == 0 else { throw SystemError("epoll_ctl") }
    }

    /// Waits for events into `buffer`; returns how many (0 on timeout or EINTR).
    func wait(into buffer: UnsafeMutableBufferPointer<epoll_event>, timeoutMilliseconds: Int32) -> Int {
        let n = epoll_wait(fd, buffer.baseAddress, Int32(buffer.count), timeoutMilliseconds)
        return n < 0 ? 0 : Int(n)
    }

    /// Safe from any thread: eventfd writes are atomic.
    func wake() {
        var one: UInt64 = 1
        _ = Glibc.write(wakeFD, &one, 8)
    }

    func drainWake() {
        var value: UInt64 = 0
        _ = Glibc.read(wakeFD, &value, 8)
    }
}
