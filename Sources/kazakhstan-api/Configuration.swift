import API
import FoundationEssentials
import Server

/// The executable's settings: every option is a flag and an environment variable (the flag wins), with a default.
struct Configuration: Sendable {
    var server = ServerConfiguration()
    var dataDirectory: String?
    var api = APIOptions()
    /// After SIGTERM, how long to keep serving (with /readyz at 503) before the graceful shutdown begins.
    var drainDelay: Duration = .zero
    /// Where `server.threads` came from: an option, or the CPU budget it defaults to.
    var threadsFrom = ThreadCountSource.processors

    struct Option: Sendable {
        let flag: String
        let variable: String
        let valueName: String
        let defaultDescription: String
        let help: String
        let apply: @Sendable (inout Configuration, String) throws(ConfigurationError) -> Void
    }

    struct ConfigurationError: Error, CustomStringConvertible, Equatable {
        let message: String
        var description: String { message }
    }

    enum Outcome {
        case run(Configuration)
        case help(String)
    }

    /// Parses with a processor count standing for the CPU budget (what the tests give).
    static func parse(arguments: [String], environment: [String: String], processorCount: Int)
        throws(ConfigurationError) -> Outcome
    {
        try parse(
            arguments: arguments, environment: environment,
            cpuBudget: CPUBudget(cpus: max(1, processorCount), source: .processors))
    }

    /// Flags may be given as `--name value` or `--name=value`. `cpuBudget` is the default of `--threads`.
    static func parse(arguments: [String], environment: [String: String], cpuBudget: CPUBudget)
        throws(ConfigurationError) -> Outcome
    {
        var configuration = Configuration()
        configuration.server.threads = cpuBudget.cpus
        configuration.threadsFrom = cpuBudget.source
        let options = Configuration.options
        // Environment first, so flags override it.
        for option in options {
            if let value = environment[option.variable] {
                try apply(option, value, source: "environment variable \(option.variable)", to: &configuration)
            }
        }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" { return .help(usage(cpuBudget: cpuBudget)) }
            guard argument.hasPrefix("--") else {
                throw ConfigurationError(message: "unexpected argument '\(argument)' (see --help)")
            }
            var name = argument
            var value: String?
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                value = String(argument[argument.index(after: eq)...])
            }
            guard let option = options.first(where: { $0.flag == name }) else {
                throw ConfigurationError(message: "unknown option '\(name)' (see --help)")
            }
            if value == nil {
                guard index < arguments.count else {
                    throw ConfigurationError(message: "option \(name) needs a value (\(option.valueName))")
                }
                value = arguments[index]
                index += 1
            }
            try apply(option, value ?? "", source: "option \(option.flag)", to: &configuration)
        }
        try configuration.checkCombinations()
        return .run(configuration)
    }

    private static func apply(_ option: Option, _ value: String, source: String, to configuration: inout Configuration)
        throws(ConfigurationError)
    {
        do {
            try option.apply(&configuration, value)
        } catch {
            throw ConfigurationError(message: "invalid value '\(value)' for \(source): \(error.message)")
        }
    }

    static func usage(cpuBudget: CPUBudget) -> String {
        var lines = [
            "kazakhstan-api — an HTTP/1.1 JSON API over one Arabic source document on Kazakhstan's foreign relations.",
            "",
            "Usage: kazakhstan-api [options]",
            "       kazakhstan-api healthcheck [--url URL]   (GET /healthz; exit 0 on 200, else 1)",
            "",
            "Every option can also be set by its environment variable; a flag wins over the variable.",
            "",
        ]
        let rows = options.map { o in
            (
                "\(o.flag) \(o.valueName)", o.variable,
                o.flag == "--threads" ? "\(cpuBudget.cpus) (\(cpuBudget.source.rawValue))" : o.defaultDescription,
                o.help
            )
        }
        let w0 = rows.map(\.0.count).max() ?? 0
        let w1 = rows.map(\.1.count).max() ?? 0
        let w2 = rows.map(\.2.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        lines.append("  \(pad("OPTION", w0))  \(pad("VARIABLE", w1))  \(pad("DEFAULT", w2))  MEANING")
        for r in rows { lines.append("  \(pad(r.0, w0))  \(pad(r.1, w1))  \(pad(r.2, w2))  \(r.3)") }
        lines.append("  \(pad("--help", w0))  \(pad("", w1))  \(pad("", w2))  Print this help and exit.")
        return lines.joined(separator: "\n")
    }
}
