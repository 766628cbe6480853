import Testing

@testable import API

@Test func cacheControl_publicMaxAge_isRFC9111Syntax() {
    #expect(CacheControl.publicMaxAge(300) == "public, max-age=300")
    #expect(CacheControl.publicMaxAge(0) == "public, max-age=0")
}

@Test func cacheControl_negativeMaxAge_isSentAsZero() {
    #expect(CacheControl.publicMaxAge(-5) == "public, max-age=0")
}

@Test func cacheControl_noStore() {
    #expect(CacheControl.name == "Cache-Control")
    #expect(CacheControl.noStore == "no-store")
}
