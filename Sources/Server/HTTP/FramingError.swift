/// Why a request's body framing is unacceptable. The connection answers `status` and closes:
/// after a framing error the message boundary is unknown (RFC 9112 §6.3).
public struct FramingError: Error, Sendable, Equatable {
    public var status: HTTPStatus
    /// Short human-readable detail for a problem+json body.
    public var reason: String

    public init(status: HTTPStatus, reason: String) {
        self.status = status
        self.reason = reason
    }
}
