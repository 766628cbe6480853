import Foundation
import Testing

@testable import kazakhstan_api

/// `--forwarded-hosts` and `--cache-size`: validated at start-up, and refused in combinations that would do nothing.
extension ConfigurationTests {
    func message(_ arguments: [String], _ environment: [String: String] = [:]) -> String? {
        do {
            _ = try parse(arguments, environment)
            return nil
        } catch let error as Configuration.ConfigurationError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func defaults_noForwardedHost_and32MiBOfCache() throws {
        let c = try parse([])
        #expect(c.api.forwardedHosts.isEmpty)
        #expect(c.api.cacheSize == 32 << 20)
    }

    @Test func forwardedHosts_areReadFromTheFlagOrTheEnvironment_lowercased() throws {
        let flag = try parse([
            "--trusted-proxies", "10.0.0.1", "--forwarded-hosts", "API.example.com, 127.0.0.1:8080,[2001:db8::1]:443",
        ])
        #expect(flag.api.forwardedHosts == ["api.example.com", "127.0.0.1:8080", "[2001:db8::1]:443"])
        let env = try parse([], ["TRUSTED_PROXIES": "unix", "FORWARDED_HOSTS": "api.example.com"])
        #expect(env.api.forwardedHosts == ["api.example.com"])
    }

    @Test(arguments: [
        "https://api.example.com", "api.example.com/v1", "api.example.com:0", "api.example.com:99999",
        "api.example.com:", "*.example.com", "a,,b", "", "2001:db8::1", "[2001:db8::zz]", "-bad.example",
        "user@host", "host name",
    ])
    func aBadForwardedHost_isRejected_namingTheOptionAndTheEntry(entry: String) {
        let text = message(["--trusted-proxies", "127.0.0.1", "--forwarded-hosts", entry])
        #expect(text?.contains("--forwarded-hosts") == true, "\(entry): \(text ?? "accepted")")
    }

    @Test func forwardedHosts_withPublicURL_isRefused() {
        let text = message([
            "--trusted-proxies", "127.0.0.1", "--forwarded-hosts", "a.example", "--public-url", "https://b.example",
        ])
        #expect(text?.contains("--public-url") == true)
    }

    @Test func forwardedHosts_withoutTrustedProxies_isRefused() {
        #expect(message(["--forwarded-hosts", "a.example"])?.contains("--trusted-proxies") == true)
    }

    @Test func cacheSize_takesBytes_andZeroDisables() throws {
        #expect(try parse(["--cache-size", "1048576"]).api.cacheSize == 1 << 20)
        #expect(try parse([], ["CACHE_SIZE": "0"]).api.cacheSize == 0)
        for bad in ["-1", "1MB", "", "1e6"] {
            #expect(message(["--cache-size", bad])?.contains("--cache-size") == true, "\(bad)")
        }
    }

    @Test func theBinary_exits2_onABadForwardedHost() throws {
        let run = try ServerProcess(
            arguments: ["--port", "0"],
            environment: ["TRUSTED_PROXIES": "127.0.0.1", "FORWARDED_HOSTS": "api.example.com,https://x"]
        ).finish()
        #expect(run.status == 2)
        #expect(run.stderr.contains("FORWARDED_HOSTS") && run.stderr.contains("https://x"), "\(run.stderr)")
    }
}
