/// A response as a test sees it: the status line, the fields in order (duplicates kept), and the decoded body.
public struct RawHTTPResponse: Sendable {
    public var status: Int
    public var reason: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    /// The first value of a field (names compared case-insensitively); nil when absent.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// Every value of a field, in order.
    public func headers(named name: String) -> [String] {
        headers.filter { $0.0.lowercased() == name.lowercased() }.map(\.1)
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}
