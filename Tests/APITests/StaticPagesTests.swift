import Foundation
import JSON
import Server
import TestSupport
import Testing

@testable import API

/// The web pages (`/docs`, `/reader`) served from memory: types, the gzip variant and its negotiation, validators,
/// caching, the CSP, methods and queries. The files are the repository's `Resources/web`, read here with Foundation
/// as the executable reads them.
@Suite struct StaticPagesTests {
    static let webDirectory = RepositoryPaths.resources.appendingPathComponent("web")

    static let contents: [String: [UInt8]] = {
        let root = webDirectory.path
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []
        var contents: [String: [UInt8]] = [:]
        for relative in paths {
            if let data = FileManager.default.contents(atPath: root + "/" + relative),
                !((try? URL(fileURLWithPath: root + "/" + relative).resourceValues(forKeys: [.isDirectoryKey]))?
                    .isDirectory ?? true)
            {
                contents[relative] = [UInt8](data)
            }
        }
        return contents
    }()

    static let client: APITestClient = {
        do {
            return APITestClient(options: BundledStore.options, assets: try StaticAssets(contents: contents))
        } catch {
            fatalError("Resources/web must load: \(error)")
        }
    }()

    static let bundle = "/docs/assets/5.31.0/swagger-ui-bundle.js"

    @Test(arguments: [
        ("/docs", "text/html; charset=utf-8"),
        ("/reader", "text/html; charset=utf-8"),
        ("/reader/reader.js", "text/javascript; charset=utf-8"),
        ("/reader/reader.css", "text/css; charset=utf-8"),
        ("/docs/init.js", "text/javascript; charset=utf-8"),
        ("/docs/assets/5.31.0/swagger-ui.css", "text/css; charset=utf-8"),
        ("/docs/assets/5.31.0/favicon-32x32.png", "image/png"),
        ("/docs/assets/5.31.0/LICENSE", "text/plain; charset=utf-8"),
    ])
    func eachFile_isServedWithItsContentType(path: String, type: String) {
        let response = Self.client.get(path)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == type)
        #expect(response.header("X-Content-Type-Options") == "nosniff")
    }

    @Test func pages_carryTheCSP_andRevalidate_assetsDoNot() {
        for page in ["/docs", "/reader"] {
            let response = Self.client.get(page)
            let csp = response.header("Content-Security-Policy") ?? ""
            #expect(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), "\(page)")
            #expect(!csp.contains("unsafe-inline"), "\(page)")
            #expect(response.header("Cache-Control") == "no-cache", "\(page)")
        }
        let asset = Self.client.get(Self.bundle)
        #expect(asset.header("Content-Security-Policy") == nil)
        #expect(asset.header("Cache-Control") == "public, max-age=31536000, immutable")
    }

    @Test func theVendoredGzipVariant_isSentToClientsThatAcceptIt() throws {
        let identity = Self.client.get(Self.bundle)
        let gzip = Self.client.get(Self.bundle, headers: [("Accept-Encoding", "gzip, deflate, br")])
        #expect(identity.header("Content-Encoding") == nil)
        #expect(gzip.header("Content-Encoding") == "gzip")
        #expect(gzip.body == Self.contents["docs/assets/5.31.0/swagger-ui-bundle.js.gz"])
        #expect(identity.body == Self.contents["docs/assets/5.31.0/swagger-ui-bundle.js"])
        #expect(identity.body.count > 1_000_000)
        #expect(identity.header("Vary") == "Accept-Encoding" && gzip.header("Vary") == "Accept-Encoding")
        #expect(identity.header("ETag") != nil && gzip.header("ETag") != identity.header("ETag"))
        // The `.gz` file is a variant, never a URL of its own.
        #expect(Self.client.get(Self.bundle + ".gz").status == 404)
        // A file with no gzip variant does not vary.
        #expect(Self.client.get("/reader", headers: [("Accept-Encoding", "gzip")]).header("Vary") == nil)
    }

    @Test(arguments: [
        ("gzip", true), ("GZIP;q=0.5", true), ("x-gzip", true), ("*", true), ("br, *;q=0.1", true),
        ("gzip;q=0", false), ("gzip;q=0.000, *", false), ("*;q=0", false), ("identity", false), ("br", false),
        ("", false), ("gzip;q=2", false), ("gzip;q=abc", false), ("gzip;q=0.0001", false),
    ])
    func acceptEncoding_qValues(value: String, acceptsGzip: Bool) {
        var headers = Headers()
        headers.add(name: .acceptEncoding, value: value)
        #expect(AcceptEncoding.acceptsGzip(headers) == acceptsGzip, "\(value)")
        let response = Self.client.get(Self.bundle, headers: [("Accept-Encoding", value)])
        #expect((response.header("Content-Encoding") == "gzip") == acceptsGzip, "\(value)")
    }

    @Test func noAcceptEncoding_getsIdentity() {
        #expect(Self.client.get(Self.bundle).header("Content-Encoding") == nil)
    }

    @Test func ifNoneMatch_gives304_perVariant() throws {
        let gzip = Self.client.get(Self.bundle, headers: [("Accept-Encoding", "gzip")])
        let tag = try #require(gzip.header("ETag"))
        let again = Self.client.get(Self.bundle, headers: [("Accept-Encoding", "gzip"), ("If-None-Match", tag)])
        #expect(again.status == 304)
        #expect(again.body.isEmpty)
        #expect(again.header("Vary") == "Accept-Encoding")
        #expect(again.header("Content-Encoding") == nil)
        // The identity variant's tag differs: the gzip tag does not validate it.
        #expect(Self.client.get(Self.bundle, headers: [("If-None-Match", tag)]).status == 200)
        // The data's date means nothing for these files.
        let since = Self.client.get("/reader", headers: [("If-Modified-Since", "Fri, 31 Dec 2100 23:59:59 GMT")])
        #expect(since.status == 200)
    }

    @Test func head_hasTheFields_otherMethodsAreRefused() {
        let head = Self.client.request("HEAD", "/docs")
        #expect(head.status == 200)
        #expect(head.header("Content-Security-Policy") != nil)
        let options = Self.client.request("OPTIONS", "/reader")
        #expect(options.status == 204 && options.header("Allow") == "GET, HEAD, OPTIONS")
        let post = Self.client.request("POST", "/reader")
        #expect(post.status == 405 && post.header("Allow") == "GET, HEAD, OPTIONS")
    }

    /// People type `/docs/`; the page's relative URLs (`openapi.json`) only resolve from `/docs`, so the slash form
    /// is a 301 there, relative so that it stays under a proxy's prefix. Other paths with a slash stay 404.
    @Test(arguments: [("/docs/", "../docs"), ("/reader/", "../reader"), ("/reader/?x=1", "../reader?x=1")])
    func aPageWithATrailingSlash_redirectsToThePage(path: String, location: String) {
        let response = Self.client.get(path)
        #expect(response.status == 301)
        #expect(response.header("Location") == location)
        #expect(Self.client.get("/countries/").status == 404)
        #expect(Self.client.get("/nowhere/").status == 404)
    }

    @Test func aQuery_isA400NamingTheParameter() throws {
        let response = Self.client.get("/reader?page=2")
        #expect(response.status == 400)
        let errors = try #require(try response.object()["errors"] as? [[String: Any]])
        #expect(errors.map { $0["parameter"] as? String } == ["page"])
    }

    @Test func withoutAssets_thePagesAre404() {
        #expect(BundledStore.client.get("/docs").status == 404)
    }

    @Test func files_becomeURLs() throws {
        let assets = try StaticAssets(contents: [
            "docs/index.html": [1], "docs/a/1.2.3/x.js": [2], "docs/a/1.2.3/x.js.gz": [3], "r/y.css": [4],
        ])
        #expect(assets.paths == ["/docs", "/docs/a/1.2.3/x.js", "/r/y.css"])
        #expect(assets.files["/docs/a/1.2.3/x.js"]?.isVersioned == true)
        #expect(assets.files["/r/y.css"]?.isVersioned == false)
        #expect(throws: StaticAssets.LoadError.self) { try StaticAssets(contents: ["x.exe": [1]]) }
        #expect(throws: StaticAssets.LoadError.self) { try StaticAssets(contents: ["x.js.gz": [1]]) }
    }

    /// Swagger UI parses the document with a YAML parser that refuses an object with a key twice ("duplicated mapping
    /// key"): /docs then shows no operation at all.
    @Test func theOpenAPIDocument_hasNoDuplicateKeys() throws {
        let body = BundledStore.client.get("/openapi.json").body
        let value = try JSONParser.parse(body)
        var duplicates: [String] = []
        func walk(_ value: JSONValue, _ path: String) {
            switch value {
            case .object(let members):
                var seen: Set<String> = []
                for member in members {
                    if !seen.insert(member.key).inserted { duplicates.append(path + "/" + member.key) }
                    walk(member.value, path + "/" + member.key)
                }
            case .array(let items):
                for (index, item) in items.enumerated() { walk(item, path + "/\(index)") }
            default: break
            }
        }
        walk(value, "")
        #expect(duplicates.isEmpty, "\(duplicates.prefix(5))")
    }
}
