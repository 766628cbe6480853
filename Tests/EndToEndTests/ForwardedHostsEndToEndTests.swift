import Foundation
import TestSupport
import Testing

/// Forwarded hosts against the real binary: links follow only the hosts an operator allowed, however many junk
/// hosts a trusted proxy passes on. The allow-list is given in the environment (`FORWARDED_HOSTS`), the way
/// docker-compose does.
@Suite(.serialized) struct ForwardedHostsEndToEndTests {
    static let allowed = "api.example.com"

    func start() throws -> ServerProcess {
        let server = try ServerProcess(
            arguments: [
                "--host", "127.0.0.1", "--port", "0", "--threads", "1", "--access-log", "off", "--trusted-proxies",
                "127.0.0.1",
            ],
            environment: ["FORWARDED_HOSTS": Self.allowed])
        try server.waitForListening()
        return server
    }

    /// GET through "a proxy" (we are 127.0.0.1, trusted) that forwards `host`, `proto` and the `/api` prefix.
    func get(_ client: RawHTTPClient, _ target: String, host: String, proto: String = "https") throws -> Any {
        try client.send(
            "GET \(target) HTTP/1.1\r\nHost: t\r\nX-Forwarded-Host: \(host)\r\nX-Forwarded-Proto: \(proto)\r\n"
                + "X-Forwarded-Prefix: /api\r\n\r\n")
        let response = try client.readResponse()
        #expect(response.status == 200, "\(target) for \(host)")
        return try JSONSerialization.jsonObject(with: Data(response.body))
    }

    func links(_ body: Any) -> [String] { allLinks(in: body) }

    func href(_ body: Any) -> String? {
        ((body as? [String: Any])?["data"] as? [String: Any])?["href"] as? String
    }

    static let paths = [
        "/countries", "/organizations", "/facts?limit=200", "/events", "/places", "/initiatives", "/countries/kz",
        "/sources/kazakhstan-foreign-relations/paragraphs",
    ]

    /// 50 junk hosts (what 50 junk `Host` headers become through a proxy that passes `Host` on) each ask for 8
    /// answers: they get relative links under the prefix, take no base of their own (a new base of the allowed host
    /// still gets one afterwards) and cost no memory per host.
    @Test func junkForwardedHosts_getRelativeLinksUnderThePrefix_takeNoSlot_andNoMemory() throws {
        let server = try start()
        defer {
            server.signal(SIGTERM)
            _ = server.finish()
        }
        let client = try server.client()
        let absolute = "https://\(Self.allowed)/api/"
        #expect(href(try get(client, "/countries/kz", host: Self.allowed)) == absolute + "countries/kz")
        let baseline = server.steadyResidentKiB()
        for i in 0..<50 {
            for path in Self.paths {
                let found = links(try get(client, path, host: "junk\(i).attacker.example"))
                let stray = found.filter { !$0.hasPrefix("/api/") }
                #expect(!found.isEmpty && stray.isEmpty, "junk\(i) \(path): \(stray.prefix(2))")
                if !stray.isEmpty { return }
            }
        }
        let grown = server.residentKiB - baseline
        // The allowed host still gets its links, for a path not asked before (computed now) and for a base of its
        // own that did not exist before the junk (plain http).
        let after = try get(client, "/organizations/oic", host: Self.allowed)
        #expect(href(after) == absolute + "organizations/oic")
        #expect(links(after).allSatisfy { $0.hasPrefix(absolute) })
        #expect(
            href(try get(client, "/countries/kz", host: Self.allowed, proto: "http"))
                == "http://\(Self.allowed)/api/countries/kz")
        // All junk shares the one `/api` base: its answers for these paths are a few hundred KB. 8 MiB leaves room
        // for the allocator's arenas; per-host copies would be 50 × ~250 KB.
        let slack = ServerProcess.underAddressSanitizer ? 300 * 1024 : 8 * 1024
        #expect(grown < slack, "RSS grew by \(grown) KiB over 400 junk-host requests (baseline \(baseline) KiB)")
        print("junk forwarded hosts: RSS \(baseline) KiB → \(baseline + grown) KiB (+\(grown) KiB)")
    }
}
