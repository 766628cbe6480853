/// The `method` label of the request counter. The methods this API answers have their own value; every other token,
/// standard or made up, is `other`, so a client cannot create label values (and so time series) without bound. A
/// one-byte enum in the metrics key: no string is kept or hashed per request.
public enum MethodLabel: UInt8, Sendable, CaseIterable, Comparable {
    case get, head, options, other

    init(_ method: String) {
        switch method {
        case "GET": self = .get
        case "HEAD": self = .head
        case "OPTIONS": self = .options
        default: self = .other
        }
    }

    /// The label value: the method as sent (methods are case-sensitive, RFC 9110 §9.1), or `other`.
    public var name: String {
        switch self {
        case .get: "GET"
        case .head: "HEAD"
        case .options: "OPTIONS"
        case .other: "other"
        }
    }

    public static func < (a: MethodLabel, b: MethodLabel) -> Bool { a.rawValue < b.rawValue }
}
