import Glibc
import TestSupport
import Testing

@testable import Server

/// The real server on 127.0.0.1 port 0, spoken to with raw bytes.
@Suite(.serialized) struct EndToEndTests {
    @Test func keepAlive_servesSeveralRequestsOnOneConnection() throws {
        let server = try TestServer()
        let client = try server.client()
        for path in ["/a", "/b", "/c"] {
            try client.send("GET \(path) HTTP/1.1\r\nHost: t\r\n\r\n")
            let response = try client.readResponse()
            #expect(response.status == 200)
            #expect(response.bodyText == "ok \(path)")
            #expect(response.header("Connection") == nil)
        }
    }

    @Test func threePipelinedRequestsInOneWrite_areAnsweredInOrder() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send(
            "GET /1 HTTP/1.1\r\nHost: t\r\n\r\nGET /2 HTTP/1.1\r\nHost: t\r\n\r\nGET /3 HTTP/1.1\r\nHost: t\r\n\r\n")
        let bodies = try (0..<3).map { _ in try client.readResponse().bodyText }
        #expect(bodies == ["ok /1", "ok /2", "ok /3"])
    }

    @Test func http10_closesAfterTheResponse_unlessKeepAliveIsAsked() throws {
        let server = try TestServer()
        let plain = try server.client()
        try plain.send("GET /x HTTP/1.0\r\n\r\n")
        let first = try plain.readResponse()
        #expect(first.status == 200)
        #expect(first.header("Connection") == "close")
        #expect(plain.isClosedByPeer())

        let keepAlive = try server.client()
        try keepAlive.send("GET /x HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
        #expect(try keepAlive.readResponse().header("Connection") == "keep-alive")
        try keepAlive.send("GET /y HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n")
        #expect(try keepAlive.readResponse().bodyText == "ok /y")
    }

    @Test func connectionClose_isATokenList_andClosesAfterTheResponse() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /x HTTP/1.1\r\nHost: t\r\nConnection: keep-alive, CLOSE\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByPeer())
    }

    @Test func handlerAskingToClose_closesTheConnection() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /close HTTP/1.1\r\nHost: t\r\n\r\nGET /never HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().bodyText == "bye")
        #expect(client.isClosedByPeer())
    }

    @Test func head_getsTheGetHeadersAndNoBody() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /abc HTTP/1.1\r\nHost: t\r\n\r\n")
        let get = try client.readResponse()
        try client.send("HEAD /abc HTTP/1.1\r\nHost: t\r\n\r\nGET /after HTTP/1.1\r\nHost: t\r\n\r\n")
        let head = try client.readResponse(head: true)
        #expect(head.status == 200)
        #expect(head.header("Content-Length") == get.header("Content-Length"))
        #expect(head.header("Content-Type") == get.header("Content-Type"))
        #expect(head.body.isEmpty)
        // No stray body bytes: the next response starts right after HEAD's head.
        #expect(try client.readResponse().bodyText == "ok /after")
    }

    @Test func everyResponse_carriesDateServerAndContentLength() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /x HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.header("Server") == "kazakhstan-api")
        #expect(response.header("Content-Length") == "5")
        let date = try #require(response.header("Date"))
        let parsed = try #require(HTTPDate.parse(date))
        #expect(abs(parsed - WallClock.now().seconds) <= 2)
    }

    @Test func requestLineOverTheLimit_gets414AndClose() throws {
        let server = try TestServer { $0.limits.maxRequestLineLength = 100 }
        let client = try server.client()
        try client.send("GET /\(String(repeating: "a", count: 200)) HTTP/1.1\r\nHost: t\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 414)
        try expectProblem(response, status: 414)
        #expect(client.isClosedByPeer())
    }

    @Test func headerSectionOverTheLimit_gets431() throws {
        let server = try TestServer { $0.limits.maxHeaderSectionSize = 256 }
        let client = try server.client()
        try client.send("GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "b", count: 400))\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 431)
        try expectProblem(response, status: 431)
    }

    @Test func tooManyHeaderFields_gets431() throws {
        let server = try TestServer { $0.limits.maxHeaderCount = 10 }
        let client = try server.client()
        let fields = (0..<11).map { "X-F\($0): v\r\n" }.joined()
        try client.send("GET / HTTP/1.1\r\nHost: t\r\n\(fields)\r\n")
        #expect(try client.readResponse().status == 431)
    }

    @Test func bodyOverTheLimit_gets413WithoutReadingIt() throws {
        let server = try TestServer { $0.maxBodySize = 100 }
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 101\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 413)
        #expect(response.header("Connection") == "close")
    }

    @Test func contentLengthBody_isReadAndHandedToTheHandler() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\nhel")
        try client.send("loGET /x HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().bodyText == "POST 5 hello")
        #expect(try client.readResponse().bodyText == "ok /x")
    }

    @Test func chunkedBody_isDecoded() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send(
            "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n"
        )
        #expect(try client.readResponse().bodyText == "POST 11 hello world")
    }

    @Test func contentLengthWithTransferEncoding_isRejectedWith400AndClose() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send(
            "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: t\r\n\r\n"
        )
        let response = try client.readResponse()
        #expect(response.status == 400)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByPeer())
    }

    @Test func unsupportedTransferCoding_gets501() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
        #expect(try client.readResponse().status == 501)
    }

    @Test func unsupportedVersion_gets505() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET / HTTP/2.0\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 505)
    }

    @Test func expect100Continue_sendsContinueBeforeTheBody() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n")
        let interim = try client.readResponse()
        #expect(interim.status == 100)
        try client.send("ok")
        #expect(try client.readResponse().bodyText == "POST 2 ok")
    }

    @Test func expect100Continue_withoutABody_isAnsweredDirectly() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /x HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\n\r\n")
        #expect(try client.readResponse().status == 200)
    }

    @Test func unknownExpectation_gets417() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: teapot\r\n\r\nok")
        #expect(try client.readResponse().status == 417)
    }

    @Test func slowloris_getsA408AndIsClosed() throws {
        let server = try TestServer { $0.timeouts.header = .milliseconds(300) }
        let client = try server.client()
        try client.send("GET / HTTP/1.1\r\nHost: t\r\n")
        usleep(150_000)
        try client.send("X-Slow: 1\r\n")  // more bytes do not reset the header timer
        let response = try client.readResponse()
        #expect(response.status == 408)
        #expect(response.header("Connection") == "close")
        #expect(client.isClosedByPeer())
    }

    @Test func idleConnection_isClosedAfterTheIdleTimeout() throws {
        let server = try TestServer { $0.timeouts.idle = .milliseconds(300) }
        let client = try server.client()
        try client.send("GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try client.readResponse().status == 200)
        let start = Instant.now()
        #expect(client.isClosedByPeer())
        #expect(Instant.now() - start >= .milliseconds(200))
    }

    @Test func clientHalfClose_stillGetsTheAnswer() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /half HTTP/1.1\r\nHost: t\r\n\r\n")
        client.shutdownWrite()
        let response = try client.readResponse()
        #expect(response.bodyText == "ok /half")
        #expect(client.isClosedByPeer())
    }

    @Test func garbageBytes_get400AndClose() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send([0x16, 0x03, 0x01, 0x00, 0xA5, 0x01, 0x00, 0x00, 0xA1, 0x03, 0x03, 0x0D, 0x0A, 0x0D, 0x0A])
        let response = try client.readResponse()
        #expect(response.status == 400)
        try expectProblem(response, status: 400)
        #expect(client.isClosedByPeer())
    }

    @Test func fiveHundredConcurrentConnections_areAllServed() throws {
        let server = try TestServer()
        let clients = try (0..<500).map { _ in try server.client() }
        for (i, client) in clients.enumerated() { try client.send("GET /c\(i) HTTP/1.1\r\nHost: t\r\n\r\n") }
        for (i, client) in clients.enumerated() {
            #expect(try client.readResponse().bodyText == "ok /c\(i)")
        }
        #expect(server.server.openConnections == 500)
    }

    @Test func clientThatPipelinesAndNeverReads_isHeldAtTheWatermark_andLosesNothing() throws {
        let server = try TestServer()
        let client = try server.client()
        let count = 200  // 200 × 256 KiB of responses: far above what socket buffers hold
        let requests = String(repeating: "GET /big HTTP/1.1\r\nHost: t\r\n\r\n", count: count)
        try client.send(requests)
        usleep(200_000)
        var received = 0
        while received < count {
            let response = try client.readResponse()
            #expect(response.body.count == EchoHandler.bigBody.count)
            received += 1
        }
        #expect(received == count)
    }

    @Test func maxConnections_refusesConnectionsOverTheCap() throws {
        let server = try TestServer {
            $0.maxConnections = 2
            $0.threads = 1
        }
        let a = try server.client()
        let b = try server.client()
        try a.send("GET /a HTTP/1.1\r\nHost: t\r\n\r\n")
        try b.send("GET /b HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(try a.readResponse().status == 200)
        #expect(try b.readResponse().status == 200)
        let c = try server.client()
        try c.send("GET /c HTTP/1.1\r\nHost: t\r\n\r\n")  // listeners defer accept until the first bytes arrive
        #expect(c.isClosedByPeer())
    }

    @Test func ipv6Loopback_isServed() throws {
        let server = try TestServer { $0.host = "::1" }
        let client = try RawHTTPClient(port: server.port, host: "::1")
        try client.send("GET /v6 HTTP/1.1\r\nHost: [::1]\r\n\r\n")
        #expect(try client.readResponse().bodyText == "ok /v6")
    }

    @Test func gracefulShutdown_letsTheRequestInFlightFinishWithConnectionClose() throws {
        let server = try TestServer()
        let idle = try server.client()
        let busy = try server.client()
        try idle.send("GET /x HTTP/1.1\r\nHost: t\r\n\r\n")
        _ = try idle.readResponse()
        try busy.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 4\r\n\r\nab")
        usleep(50_000)
        let finished = ShutdownThread(server.server)
        usleep(100_000)
        #expect(idle.isClosedByPeer())
        try busy.send("cd")
        let response = try busy.readResponse()
        #expect(response.bodyText == "POST 4 abcd")
        #expect(response.header("Connection") == "close")
        finished.join()
        #expect(throws: RawHTTPClient.ClientError.self) { try RawHTTPClient(port: server.port) }
    }

    private func expectProblem(_ response: RawHTTPResponse, status: Int) throws {
        #expect(response.header("Content-Type") == "application/problem+json")
        #expect(response.bodyText.contains(#""status":\#(status)"#))
        #expect(response.bodyText.contains(#""title":"#))
        #expect(response.bodyText.contains(#""detail":"#))
    }
}

/// Runs `shutdown()` on another thread, as the signal path does, so the test can act while the server drains.
final class ShutdownThread: @unchecked Sendable {
    private let thread: LoopThread

    init(_ server: Server, grace: Duration = .seconds(5)) {
        thread = LoopThread { server.shutdown(grace: grace) }
        try? thread.start()
    }

    func join() { thread.join() }
}

/// X-Request-ID: echoed when acceptable, generated otherwise.
@Suite struct RequestIDTests {
    @Test func acceptableClientID_isEchoed() throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /x HTTP/1.1\r\nHost: t\r\nX-Request-ID: 3f2a-Trace_01:abc=\r\n\r\n")
        #expect(try client.readResponse().header("X-Request-ID") == "3f2a-Trace_01:abc=")
    }

    @Test(arguments: ["", "has space", "quote\"d", String(repeating: "a", count: 129), "ünïcode"])
    func unacceptableClientID_isReplaced(id: String) throws {
        let server = try TestServer()
        let client = try server.client()
        try client.send("GET /x HTTP/1.1\r\nHost: t\r\nX-Request-ID: \(id)\r\n\r\n")
        let echoed = try #require(try client.readResponse().header("X-Request-ID"))
        #expect(echoed != id)
        #expect(echoed.count == 32 && echoed.allSatisfy(\.isHexDigit))
    }

    @Test func missingID_isGenerated_uniquePerRequest() throws {
        let server = try TestServer()
        let client = try server.client()
        var seen: Set<String> = []
        for _ in 0..<20 {
            try client.send("GET /x HTTP/1.1\r\nHost: t\r\n\r\n")
            seen.insert(try #require(try client.readResponse().header("X-Request-ID")))
        }
        #expect(seen.count == 20)
    }
}
