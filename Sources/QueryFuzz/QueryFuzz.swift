import API
import FoundationEssentials
import FuzzSupport
import JSON
import Server
import Store

// libFuzzer target for the query layer: percent-decoding (invalid UTF-8 included), huge or negative numbers in
// limit/offset, long and repeated parameters, every filter and sort of every collection — through the real
// APIHandler, so routing, the query grammar, rendering and the response cache are all in play. Properties: no crash;
// only the statuses a GET can get; JSON bodies for JSON types; the same request twice gives the same bytes (a cached
// answer equals the computed one). Built like ParserFuzz (see .ci/fuzz.sh); without FUZZING it replays files.

enum QueryProperties {
    /// Loaded once per process: DATA_DIR, else the bundled data found next to the executable like the server does.
    static let handler: APIHandler = {
        guard let directory = ProcessInfo.processInfo.environment["DATA_DIR"] ?? DataDirectory.locateDefault(),
            let store = try? Store.load(from: directory), let handler = try? APIHandler(store: store)
        else {
            fatalError("QueryFuzz: cannot load the data; run it inside the repository or set DATA_DIR")
        }
        return handler
    }()

    static let paths = [
        "/", "/countries", "/countries/kz", "/countries/KAZ", "/countries/kz/visits", "/organizations",
        "/organizations/oic",
        "/organizations/oic/members", "/visits", "/initiatives", "/people", "/places", "/events", "/declarations",
        "/facts",
        "/search", "/sources", "/sources/kazakhstan-foreign-relations",
        "/sources/kazakhstan-foreign-relations/paragraphs",
        "/sources/kazakhstan-foreign-relations/paragraphs/3", "/healthz", "/readyz", "/metrics", "/openapi.json",
        "/nowhere",
    ]

    static let statuses: Set<Int> = [200, 301, 400, 404]

    /// First byte: the path. The rest: the query, every byte outside the plain query characters percent-encoded, so
    /// decoding it yields arbitrary bytes while the target stays one the engine's parser would pass.
    static func check(_ input: [UInt8]) {
        guard let first = input.first else { return }
        let path = paths[Int(first) % paths.count]
        var query: [UInt8] = []
        for b in input.dropFirst() {
            if isPlainQueryByte(b) {
                query.append(b)
            } else {
                query += Array("%".utf8) + hex(b)
            }
        }
        let queryText = String(decoding: query, as: UTF8.self)
        let target = path + "?" + queryText
        let head = RequestHead(
            method: "GET", target: target, path: path, query: queryText, version: .http1_1,
            headers: Headers([("Host", "fuzz")]))
        let first1 = handler.handle(Request(head: head))
        let second = handler.handle(Request(head: head))
        precondition(statuses.contains(first1.status.code), "status \(first1.status.code) for \(target)")
        // /metrics reports the process's CPU time and memory, which change from one call to the next.
        precondition(
            first1.status == second.status && (first1.body == second.body || path == "/metrics"),
            "same request, different answers: \(target)")
        let type = first1.headers["Content-Type"] ?? ""
        if type.hasPrefix("application/json") || type.hasPrefix("application/problem+json") {
            precondition(first1.body.first == UInt8(ascii: "{"), "JSON body expected for \(target)")
        }
        if first1.status.code == 400 {
            precondition(type == "application/problem+json", "400 must be a problem for \(target)")
        }
    }

    /// Characters a query may carry unencoded, minus `%` (which must start an escape) and `#`.
    static func isPlainQueryByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
            || "-._~!$&'()*+,;=:@/?".utf8.contains(b)
    }

    static func hex(_ b: UInt8) -> [UInt8] {
        var out: [UInt8] = []
        ASCIIDigits.appendHex(byte: b, uppercase: true, to: &out)
        return out
    }
}

@main
struct QueryFuzzMain {
    static func main() {
        FuzzEntry.main(name: "QueryFuzz", check: QueryProperties.check)
    }
}

#if FUZZING
    /// The callback libFuzzer's own `main` looks for, should the linker pick that one over ours.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        guard let data, size > 0 else { return 0 }
        QueryProperties.check(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
#endif
