import Testing
@Test func placeholder_targetBuilds() { #expect(1 + 1 == 2) }
