extension Substring {
    /// Strips optional whitespace (SP / HTAB, RFC 9110 §5.6.3) from both ends, as `ByteClass.trimmingOWS` does.
    func trimmingOWS() -> Substring {
        Substring(ByteClass.trimmingOWS(utf8))
    }
}
