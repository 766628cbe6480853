import CSystem
import Glibc

/// What a listener does while the server drains and shuts down: every connection whose connect succeeded is accepted
/// and answered, and the ones that come after are turned away, never taken in and then reset.
extension Socket {
    /// Accepts at the end of the handshake rather than at the first request bytes (TCP_DEFER_ACCEPT off): when the
    /// listener closes, a client whose connect succeeded is then in the accept queue, however late it sends.
    static func acceptAtHandshake(_ listener: Int32) {
        // Best effort: failing, the listener still defers, and only a client slower than the quiet period to send
        // after its connect can be reset.
        try? setOption(listener, Int32(IPPROTO_TCP), TCP_DEFER_ACCEPT, 0)
    }

    /// Drops new TCP handshakes (a SYN without ACK) with a classic BPF socket filter, while packets of handshakes
    /// already answered still complete them. Closing a listener resets every connection the kernel completed and we
    /// did not accept yet; with this, the ones that can still complete do so within a round trip, the last accept
    /// takes them all, and the close resets none. A dropped SYN is sent again a second later and then refused.
    /// Connections accepted after this inherit the filter; it never matches their packets.
    static func ignoreNewHandshakes(_ listener: Int32) {
        // A TCP socket's filter sees the segment from its TCP header: byte 13 holds the flags (SYN 0x02, ACK 0x10).
        var program: [sock_filter] = [
            sock_filter(code: UInt16(BPF_LD | BPF_B | BPF_ABS), jt: 0, jf: 0, k: 13),
            sock_filter(code: UInt16(BPF_JMP | BPF_JSET | BPF_K), jt: 2, jf: 0, k: 0x10),  // ACK: keep
            sock_filter(code: UInt16(BPF_JMP | BPF_JSET | BPF_K), jt: 0, jf: 1, k: 0x02),  // SYN alone: drop
            sock_filter(code: UInt16(BPF_RET | BPF_K), jt: 0, jf: 0, k: 0),  // drop
            sock_filter(code: UInt16(BPF_RET | BPF_K), jt: 0, jf: 0, k: 0xFFFF_FFFF),  // keep the whole segment
        ]
        program.withUnsafeMutableBufferPointer { instructions in
            var filter = sock_fprog(len: UInt16(instructions.count), filter: instructions.baseAddress)
            // Best effort: failing, new connections are taken in until the listener closes, as without a drain.
            _ = setsockopt(
                listener, SOL_SOCKET, SO_ATTACH_FILTER, &filter, socklen_t(MemoryLayout<sock_fprog>.size))
        }
    }

    /// A Unix-socket listener refuses connects (ECONNREFUSED) once shut down for reading, and keeps those already
    /// queued for `accept`: the same clean edge `ignoreNewHandshakes` gives TCP.
    static func refuseNewConnections(_ listener: Int32) {
        _ = Glibc.shutdown(listener, Int32(SHUT_RD))
    }

    /// Whether a listener was shut down for reading (by another loop sharing it): it then polls readable for good.
    static func isShutDownForReading(_ listener: Int32) -> Bool {
        // POLLRDHUP is declared only under _GNU_SOURCE; the kernel gives it the same bit as EPOLLRDHUP.
        let readHangUp = Int16(truncatingIfNeeded: EPOLLRDHUP.rawValue)
        var entry = pollfd(fd: listener, events: readHangUp, revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents & readHangUp != 0
    }
}
