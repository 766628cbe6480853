/// The `Date:` line, formatted once per second per event loop rather than once per request
/// (Hummingbird's DateCache does the same). Owned by one loop, so it needs no lock.
struct DateCache {
    private(set) var second = -1
    private(set) var line: [UInt8] = []

    /// Reformats only when the wall-clock second changed.
    mutating func update(nowSeconds: Int) {
        guard nowSeconds != second else { return }
        second = nowSeconds
        line = Array("Date: \(HTTPDate.format(secondsSince1970: nowSeconds))\r\n".utf8)
    }
}
