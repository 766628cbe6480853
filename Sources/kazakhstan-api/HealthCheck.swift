import Glibc
import Server

/// `kazakhstan-api healthcheck [--url URL]`: GET the server's /healthz and exit 0 on 200, else 1 — the container's
/// HEALTHCHECK, so the image needs no curl. The default URL follows PORT (or UNIX_SOCKET) like the server does.
enum HealthCheck {
    static func run(arguments: [String], environment: [String: String]) -> Int32 {
        var url: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" {
                print(
                    "Usage: kazakhstan-api healthcheck [--url URL]\n\nGETs URL (default http://127.0.0.1:$PORT/healthz, or unix:$UNIX_SOCKET) and exits 0 on 200, 1 otherwise."
                )
                return 0
            } else if argument == "--url", index < arguments.count {
                url = arguments[index]
                index += 1
            } else if argument.hasPrefix("--url=") {
                url = String(argument.dropFirst(6))
            } else {
                Log.error(
                    "kazakhstan-api healthcheck: unexpected argument '\(argument)' (usage: healthcheck [--url URL])")
                return 2
            }
        }
        let defaultURL =
            environment["UNIX_SOCKET"].map { "unix:" + $0 }
            ?? "http://127.0.0.1:\(environment["PORT"] ?? "8080")/healthz"
        let text = url ?? defaultURL
        guard let target = HealthProbe.parse(text) else {
            Log.error(
                "kazakhstan-api healthcheck: invalid URL '\(text)': expected http://HOST:PORT/PATH with a numeric host or localhost, or unix:PATH"
            )
            return 2
        }
        switch HealthProbe.status(of: target) {
        case .success(200):
            return 0
        case .success(let code):
            Log.error("kazakhstan-api healthcheck: \(text) answered \(code)")
            return 1
        case .failure(let error):
            Log.error("kazakhstan-api healthcheck: \(text): \(error)")
            return 1
        }
    }
}
