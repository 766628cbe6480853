/// Why a `--cors-origins` value was refused; the message names the offending entry.
struct CORSConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    let message: String
    var description: String { message }
}
