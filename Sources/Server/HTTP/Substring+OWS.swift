extension Substring {
    /// Strips optional whitespace (SP / HTAB, RFC 9110 §5.6.3) from both ends, as `ByteClass.trimmingOWS` does.
    /// Public: the API's field parsers (CORS configuration, If-None-Match) trim with the engine's one trimmer.
    public func trimmingOWS() -> Substring {
        Substring(ByteClass.trimmingOWS(utf8))
    }
}
