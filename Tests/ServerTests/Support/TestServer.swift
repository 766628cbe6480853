import TestSupport

@testable import Server

/// A handler for engine tests: `/echo` answers with the request's body length and method, `/big` with a large body,
/// anything else with 200 "ok".
struct EchoHandler: RequestHandler {
    static let bigBody = [UInt8](repeating: 0x61, count: 256 * 1024)

    func handle(_ request: Request) -> Response {
        var headers = Headers()
        headers.add(name: "Content-Type", value: "text/plain")
        switch request.path {
        case "/echo":
            return Response(
                status: .ok, headers: headers,
                body: Array(
                    "\(request.method) \(request.body.count) \(String(decoding: request.body, as: UTF8.self))".utf8))
        case "/big":
            return Response(status: .ok, headers: headers, body: EchoHandler.bigBody)
        case "/close":
            headers.add(name: "Connection", value: "close")
            return Response(status: .ok, headers: headers, body: Array("bye".utf8))
        default:
            return Response(status: .ok, headers: headers, body: Array("ok \(request.path)".utf8))
        }
    }
}

/// Starts a real server on 127.0.0.1, port 0, and stops it when the test is done.
final class TestServer {
    let server: Server
    var port: Int { server.port }

    init(_ adjust: (inout ServerConfiguration) -> Void = { _ in }, handler: any RequestHandler = EchoHandler()) throws {
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = 2
        configuration.accessLog = .off
        // Tests that do not exercise the shutdown's quiet period stop at once, as servers without one did.
        configuration.shutdownQuietPeriod = .zero
        adjust(&configuration)
        server = Server(configuration: configuration, handler: handler)
        try server.start()
    }

    func client(readTimeoutSeconds: Int = 5) throws -> RawHTTPClient {
        try RawHTTPClient(port: port, readTimeoutSeconds: readTimeoutSeconds)
    }

    deinit {
        server.shutdown(grace: .milliseconds(200))
    }
}
