import Store
import Testing

@testable import API

/// The links every representation carries: path segments percent-encoded (RFC 3986 §3.3), under the base.
@Suite struct LinkBuilderTests {
    @Test func pathSegmentBitmasks_matchThePredicate_forEveryByte() {
        for b in 0...255 { #expect(PathSegment.kept.contains(UInt8(b)) == PathSegment.isKept(UInt8(b)), "\(b)") }
    }

    @Test func aSegmentOfKeptBytes_isUnchanged_andOthersAreEscaped() {
        #expect(PathSegment.encode("kazakhstan-independence") == "kazakhstan-independence")
        #expect(PathSegment.encode("a:b@c!$&'()*+,;=~._") == "a:b@c!$&'()*+,;=~._")
        #expect(PathSegment.encode("a/b c?#%") == "a%2Fb%20c%3F%23%25")
        #expect(PathSegment.encode("قطر") == "%D9%82%D8%B7%D8%B1")
    }

    @Test func entityAndParagraphLinks_joinTheBaseAndSegments() {
        let relative = LinkBuilder(publicURL: nil)
        let absolute = LinkBuilder(publicURL: "https://api.example.com/v1/")
        #expect(relative.entity(.countries, "kz") == "/countries/kz")
        #expect(relative.entity(.organizations, "a b") == "/organizations/a%20b")
        #expect(absolute.entity(.people, "nazarbayev") == "https://api.example.com/v1/people/nazarbayev")
        #expect(relative.paragraph("doc", 3) == "/sources/doc/paragraphs/3")
        #expect(absolute.source("d/1") == "https://api.example.com/v1/sources/d%2F1")
        #expect(absolute.paragraph("d/1", 12) == "https://api.example.com/v1/sources/d%2F1/paragraphs/12")
    }
}
