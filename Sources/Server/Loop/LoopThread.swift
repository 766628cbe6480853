import Glibc

/// A plain pthread running one closure. Event loops and log writers are long-lived and block (in epoll_wait, in a
/// write to a slow stdout), so they get real threads of their own rather than Dispatch or Swift concurrency workers.
final class LoopThread: @unchecked Sendable {
    // @unchecked: `handle` is written once by start() before any other thread can see it and read only by join().
    private var handle = pthread_t()
    private let body: @Sendable () -> Void

    init(_ body: @escaping @Sendable () -> Void) {
        self.body = body
    }

    func start() throws(SystemError) {
        let box = Unmanaged.passRetained(self)
        let rc = pthread_create(
            &handle, nil,
            { raw in
                // Safe: the pointer is the retained LoopThread passed below.
                let thread = Unmanaged<LoopThread>.fromOpaque(raw!).takeRetainedValue()
                thread.body()
                return nil
            }, box.toOpaque())
        if rc != 0 {
            box.release()
            throw SystemError("pthread_create", errno: rc)
        }
    }

    func join() {
        pthread_join(handle, nil)
    }
}
