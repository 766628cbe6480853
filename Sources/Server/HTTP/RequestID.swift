/// `X-Request-ID`: accepted from the client (or the proxy in front) when it is a sane token, otherwise generated,
/// so every request can be followed from the proxy's log through ours to the client.
enum RequestID {
    static let maxLength = 128

    /// A client's id is kept when it is 1–128 characters of letters, digits and `-_.:+/=@` (UUIDs, W3C trace ids,
    /// base64); anything else — empty, too long, spaces, quotes, control bytes — is replaced, so a hostile value can
    /// never reach the log or a response unescaped.
    static func isAcceptable(_ value: String) -> Bool {
        let bytes = value.utf8
        guard !bytes.isEmpty, bytes.count <= maxLength else { return false }
        return bytes.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || "-_.:+/=@".utf8.contains(b)
        }
    }
}
