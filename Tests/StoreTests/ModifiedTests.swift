import Foundation
import Testing

@testable import Store

/// `modified` in a source's metadata: the time the data records for itself, which every replica sends as
/// `Last-Modified`. Strict RFC 3339 UTC, never in the future.
@Suite struct ModifiedTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0),
        ("2023-11-14T22:13:20Z", 1_700_000_000),
        ("2000-02-29T12:00:00Z", 951_825_600),
        ("2026-11-29T05:32:23Z", 1_795_930_343),
        ("2026-12-31T23:59:59Z", 1_798_761_599),
    ])
    func utcTimestamp_readsRFC3339UTCSeconds(text: String, seconds: Int) {
        #expect(UTCTimestamp.secondsSince1970(text) == seconds)
    }

    @Test(arguments: [
        "", "2026-11-29", "2026-11-29T05:32:23", "2026-11-29T05:32:23+00:00", "2026-11-29T05:32:23.5Z",
        "2026-11-29 05:32:23Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
        "2026-04-31T00:00:00Z", "2026-11-29T24:00:00Z", "2026-11-29T05:60:00Z", "2026-11-29T05:32:60Z",
        "1969-12-31T23:59:59Z", "2026-11-29t05:32:23z", "２026-11-29T05:32:23Z", "2026-1a-29T05:32:23Z",
    ])
    func utcTimestamp_refusesAnythingElse(text: String) {
        #expect(UTCTimestamp.secondsSince1970(text) == nil)
    }

    @Test func store_modified_isTheSourcesRecordedTime() throws {
        let store = try Store.load(from: ValidFixture.path)
        #expect(store.sources.map(\.modified) == ["2024-01-02T03:04:05Z"])
        #expect(store.modified == UTCTimestamp.secondsSince1970("2024-01-02T03:04:05Z"))
    }

    @Test func missingModified_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("sources/fixture-doc.json", ",\n  \"modified\": \"2024-01-02T03:04:05Z\"", with: "")
        // A source whose metadata breaks its schema is not loaded, so its citations are reported too: look for ours.
        #expect(
            fixture.problems().contains(
                LoadProblem(file: "sources/fixture-doc.json", path: "$.modified", message: "required field is missing"))
        )
    }

    @Test func anInvalidModified_isReportedWithTheExpectedForm() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("sources/fixture-doc.json", "2024-01-02T03:04:05Z", with: "2024-01-02")
        #expect(
            fixture.problems().contains(
                LoadProblem(
                    file: "sources/fixture-doc.json", path: "$.modified",
                    message: "invalid time '2024-01-02': expected YYYY-MM-DDTHH:MM:SSZ (UTC, a real date and time)")))
    }

    /// `Last-Modified` may not be later than the response's `Date` (RFC 9110 §8.8.2.1): data that claims a future
    /// change is refused rather than served with a validator every client would distrust.
    @Test func aModifiedInTheFuture_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("sources/fixture-doc.json", "2024-01-02T03:04:05Z", with: "2999-01-01T00:00:00Z")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "sources/fixture-doc.json", path: "$.modified",
                    message: "is in the future by this machine's clock")
            ])
    }
}
