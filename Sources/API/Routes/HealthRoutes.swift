import Server

/// `/healthz`: liveness. It answers as soon as the server accepts requests, and is never cached.
enum HealthRoutes {
    static let body = Array(#"{"status":"ok"}"#.utf8)

    static func register(in router: inout Router) {
        router.get("/healthz") { _ in
            Response(status: .ok, headers: Headers([
                ("Content-Type", "application/json; charset=utf-8"),
                ("Cache-Control", "no-store"),
            ]), body: body)
        }
    }
}
