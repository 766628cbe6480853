import Foundation
import Testing

@testable import Store

/// One broken copy of the valid fixture per validation rule; each asserts file, JSON path and message.
@Suite struct ValidationTests {
    private let orgs = "data/organizations.json"

    // MARK: Required and unknown fields, types

    @Test func entity_missingRequiredField_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"acronym\": \"UN\",", with: "")
        #expect(
            fixture.problems() == [
                LoadProblem(file: orgs, path: "$.organizations[0].acronym", message: "required field is missing")
            ])
    }

    @Test func entity_unknownField_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"acronym\": \"UN\",", with: "\"acronym\": \"UN\", \"founded\": 1945,")
        #expect(
            fixture.problems() == [
                LoadProblem(file: orgs, path: "$.organizations[0].founded", message: "unknown field")
            ])
    }

    @Test func field_ofWrongType_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/countries.json", "\"alpha3\": \"KAZ\"", with: "\"alpha3\": 3")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "data/countries.json", path: "$.countries[0].alpha3",
                    message: "expected string, found integer")
            ])
    }

    @Test func entity_thatIsNotAnObject_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.write("data/facts.json", "{\"facts\": [1]}")
        #expect(
            fixture.problems() == [
                LoadProblem(file: "data/facts.json", path: "$.facts[0]", message: "expected object, found integer")
            ])
    }

    @Test func dataFile_withoutItsCollectionKey_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"organizations\": [", with: "\"organisations\": [")
        #expect(fixture.problems().contains(LoadProblem(file: orgs, path: "$.organisations", message: "unknown field")))
        #expect(
            fixture.problems().contains(
                LoadProblem(file: orgs, path: "$.organizations", message: "required field is missing")))
    }

    @Test func object_withDuplicateKey_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"acronym\": \"UN\",", with: "\"acronym\": \"UN\", \"acronym\": \"ONU\",")
        #expect(
            fixture.problems() == [
                LoadProblem(file: orgs, path: "$.organizations[0].acronym", message: "duplicate key")
            ])
    }

    @Test func emptyCitationList_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.write(
            "data/facts.json",
            try fixture.read("data/facts.json").replacingOccurrences(
                of: #""citations": \[[\s\S]*\]\s*\}\s*\]\s*\}"#, with: "\"citations\": []}]}",
                options: .regularExpression))
        #expect(
            fixture.problems() == [
                LoadProblem(file: "data/facts.json", path: "$.facts[0].citations", message: "must not be empty")
            ])
    }

    // MARK: Ids and references

    @Test func duplicateID_withinAKind_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/countries.json", "\"id\": \"qa\"", with: "\"id\": \"kz\"")
        #expect(
            fixture.problems().contains(
                LoadProblem(
                    file: "data/countries.json", path: "$.countries[1].id",
                    message: "duplicate id 'kz' (first at $.countries[0].id)")))
    }

    @Test func countryID_thatIsNotAnISOCode_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/countries.json", "\"id\": \"kz\"", with: "\"id\": \"kaz\"")
        #expect(
            fixture.problems().contains(
                LoadProblem(
                    file: "data/countries.json", path: "$.countries[0].id",
                    message: "invalid country id 'kaz': expected ISO 3166-1 alpha-2 or ISO 3166-3 code in lowercase")))
    }

    @Test func slugID_withUppercase_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/facts.json", "\"id\": \"joined-un\"", with: "\"id\": \"Joined_UN\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "data/facts.json", path: "$.facts[0].id",
                    message: "invalid id 'Joined_UN': expected a lowercase slug")
            ])
    }

    @Test func plainReference_toMissingEntity_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/visits.json", "\"host_country\": \"kz\"", with: "\"host_country\": \"zz\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "data/visits.json", path: "$.visits[0].host_country", message: "unknown countries id 'zz'")
            ])
    }

    @Test func typedReference_toMissingEntity_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/initiatives.json", "\"id\": \"un\"", with: "\"id\": \"unesco\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "data/initiatives.json", path: "$.initiatives[0].related[0].id",
                    message: "unknown organizations id 'unesco'")
            ])
    }

    @Test func typedReference_toUnknownCollection_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/initiatives.json", "\"type\": \"organizations\"", with: "\"type\": \"planets\"")
        let message =
            "invalid value 'planets': expected one of " + EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(
            fixture.problems() == [
                LoadProblem(file: "data/initiatives.json", path: "$.initiatives[0].related[0].type", message: message)
            ])
    }

    // MARK: Language maps

    @Test func languageMap_withUnknownKeyAndMissingEnglish_reportsBoth() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"en\": \"United Nations\"", with: "\"english\": \"United Nations\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].name.english",
                    message: "unknown language 'english': expected 'ar' and 'en'"),
                LoadProblem(file: orgs, path: "$.organizations[0].name.en", message: "missing language 'en'"),
            ])
    }

    @Test func languageMap_withBlankText_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"en\": \"An organization.\"", with: "\"en\": \"  \"")
        #expect(
            fixture.problems() == [
                LoadProblem(file: orgs, path: "$.organizations[0].description.en", message: "must not be empty")
            ])
    }

    @Test func aliasList_withNonStringElement_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"UN\"\n", with: "7\n")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].aliases.en[0]", message: "expected string, found integer")
            ])
    }

    // MARK: Citations

    @Test func citation_whoseParagraphIsOutOfRange_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"paragraph\": 2", with: "\"paragraph\": 9")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].citations[0].paragraph",
                    message: "paragraph 9 out of range 1...2")
            ])
    }

    @Test func citation_whoseStartIsNotBeforeEnd_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"end\": 39", with: "\"end\": 20")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].citations[0]", message: "start 20 must be less than end 20")
            ])
    }

    @Test func citation_whoseEndIsBeyondTheParagraph_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"end\": 39", with: "\"end\": 500")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].citations[0].end",
                    message: "end 500 beyond paragraph 2 length 61")
            ])
    }

    @Test func citation_withNegativeStart_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"start\": 20", with: "\"start\": -1")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].citations[0].start", message: "must be at least 0, found -1")
            ])
    }

    @Test func citation_whoseQuoteDiffersFromText_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"quote\": \"منظمة الأمم المتحدة\"", with: "\"quote\": \"منظمة الأمم المتحده\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].citations[0].quote",
                    message:
                        "quote does not match the text at paragraph 2 [20, 39): the text there is «منظمة الأمم المتحدة»"
                )
            ])
    }

    @Test func citation_whoseOffsetsAreShifted_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"start\": 20", with: "\"start\": 19")
        try fixture.replace(orgs, "\"end\": 39", with: "\"end\": 38")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].citations[0].quote",
                    message:
                        "quote does not match the text at paragraph 2 [19, 38): the text there is « منظمة الأمم المتحد»"
                )
            ])
    }

    @Test func citation_ofUnknownSource_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"source\": \"fixture-doc\"", with: "\"source\": \"other-doc\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].citations[0].source", message: "unknown source 'other-doc'")
            ])
    }

    @Test func translation_notMarkedAsTranslation_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"kind\": \"translation\"", with: "\"kind\": \"original\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].citations[0].translation.kind",
                    message: "invalid value 'original': expected 'translation'")
            ])
    }

    /// `"acronym": "UN",` followed by an uncited mention of «كازاخستان» (fixture ¶2 [6, 15)) quoting `quote`.
    private func addUncitedMention(to fixture: FixtureCopy, quote: String, reason: String) throws {
        let mention =
            #"{"source": "fixture-doc", "paragraph": 2, "start": 6, "end": 15, "quote": "\#(quote)""#
            + (reason.isEmpty ? "" : #", "reason": \#(reason)"#) + "}"
        try fixture.replace(
            orgs, "\"acronym\": \"UN\",", with: "\"acronym\": \"UN\", \"uncited_mentions\": [\(mention)],")
    }

    @Test func uncitedMention_thatQuotesTheText_loads() throws {
        let fixture = try FixtureCopy()
        try addUncitedMention(to: fixture, quote: "كازاخستان", reason: #"{"ar": "سبب", "en": "a reason"}"#)
        let store = try Store.load(from: fixture.root)
        let un = try #require(store.entity(.organizations, id: "un"))
        #expect(un.uncitedMentions?.map(\.quote) == ["كازاخستان"])
        #expect(un.uncitedMentions?.first?.reason.en == "a reason")
    }

    @Test func uncitedMention_whoseQuoteDiffersFromText_isReported() throws {
        let fixture = try FixtureCopy()
        try addUncitedMention(to: fixture, quote: "قطر", reason: #"{"ar": "سبب", "en": "a reason"}"#)
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].uncited_mentions[0].quote",
                    message: "quote does not match the text at paragraph 2 [6, 15): the text there is «كازاخستان»")
            ])
    }

    @Test func uncitedMention_withoutAReason_isReported() throws {
        let fixture = try FixtureCopy()
        try addUncitedMention(to: fixture, quote: "كازاخستان", reason: "")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: orgs, path: "$.organizations[0].uncited_mentions[0].reason",
                    message: "required field is missing")
            ])
    }

    // MARK: Formats and enumerations

    @Test func externalKnowledge_notMarkedExternal_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/places.json", "\"source\": \"external\"", with: "\"source\": \"text\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "data/places.json", path: "$.places[0].external[0].source",
                    message: "invalid value 'text': expected 'external'")
            ])
    }

    @Test func enumeratedField_withUnknownValue_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/places.json", "\"place_type\": \"city\"", with: "\"place_type\": \"village\"")
        let problems = fixture.problems()
        #expect(problems.count == 1)
        #expect(problems.first?.path == "$.places[0].place_type")
        #expect(problems.first?.message.hasPrefix("invalid value 'village': expected one of city, sea,") == true)
    }

    @Test func alpha3_inLowercase_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/countries.json", "\"alpha3\": \"KAZ\"", with: "\"alpha3\": \"kaz\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "data/countries.json", path: "$.countries[0].alpha3",
                    message: "invalid alpha-3 code 'kaz': expected three uppercase letters")
            ])
    }

    @Test func eventDate_withImpossibleMonth_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("data/events.json", "\"value\": \"2002-06\"", with: "\"value\": \"2002-13\"")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "data/events.json", path: "$.events[0].date.value",
                    message: "invalid date '2002-13': expected YYYY, YYYY-MM or YYYY-MM-DD")
            ])
    }

    // MARK: Source text and metadata

    @Test func sourceText_changedAfterMetadata_reportsSHA256Mismatch() throws {
        let fixture = try FixtureCopy()
        let textPath = "sources/fixture-doc.txt"
        let changed = Array(try fixture.read(textPath).utf8) + Array(" نعم".utf8)
        try fixture.writeBytes(textPath, changed)
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "sources/fixture-doc.json", path: "$.sha256",
                    message: "does not match the text file's sha256 \(SHA256.hex(changed))")
            ])
    }

    @Test func paragraphCount_differentFromText_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("sources/fixture-doc.json", "\"paragraph_count\": 2", with: "\"paragraph_count\": 3")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "sources/fixture-doc.json", path: "$.paragraph_count",
                    message: "metadata says 3, the text has 2 paragraphs")
            ])
    }

    @Test func sourceMetadata_whoseIDDiffersFromFileName_isReported() throws {
        let fixture = try FixtureCopy()
        try fixture.replace("sources/fixture-doc.json", "\"id\": \"fixture-doc\"", with: "\"id\": \"other-doc\"")
        #expect(
            fixture.problems().contains(
                LoadProblem(
                    file: "sources/fixture-doc.json", path: "$.id",
                    message: "id 'other-doc' does not match the file name 'fixture-doc'")))
    }

    @Test func sourceTextFile_missing_isReportedOnce() throws {
        let fixture = try FixtureCopy()
        try FileManager.default.removeItem(atPath: fixture.path("sources/fixture-doc.txt"))
        // Citations into an unreadable source are not checked: one root cause, one message.
        #expect(
            fixture.problems() == [LoadProblem(file: "sources/fixture-doc.txt", path: "$", message: "file is missing")])
    }

    // MARK: Files and encodings

    @Test func dataFile_withInvalidUTF8_isReportedWithByteOffset() throws {
        let fixture = try FixtureCopy()
        try fixture.writeBytes("data/facts.json", Array("{\"facts\": [\"".utf8) + [0xC3, 0x28] + Array("\"]}".utf8))
        #expect(
            fixture.problems() == [LoadProblem(file: "data/facts.json", path: "$", message: "invalid UTF-8 at byte 12")]
        )
    }

    @Test func dataFile_withInvalidJSON_isReportedWithPosition() throws {
        let fixture = try FixtureCopy()
        try fixture.write("data/facts.json", "{\n  \"facts\": [,]\n}")
        #expect(
            fixture.problems() == [
                LoadProblem(
                    file: "data/facts.json", path: "$",
                    message: "invalid JSON at line 2, column 13: unexpected character")
            ])
    }

    @Test func dataFile_missing_isReported() throws {
        let fixture = try FixtureCopy()
        try FileManager.default.removeItem(atPath: fixture.path("data/facts.json"))
        #expect(fixture.problems() == [LoadProblem(file: "data/facts.json", path: "$", message: "file is missing")])
    }

    @Test func dataDirectory_missing_isReported() throws {
        let fixture = try FixtureCopy()
        try FileManager.default.removeItem(atPath: fixture.path("data"))
        #expect(fixture.problems() == [LoadProblem(file: "data", path: "$", message: "directory is missing")])
    }

    @Test func nonexistentRoot_isReported() {
        let root = "/nonexistent-\(UUID().uuidString)"
        #expect(throws: StoreLoadError.self) { try Store.load(from: root) }
        do {
            _ = try Store.load(from: root)
        } catch {
            #expect(error.problems == [LoadProblem(file: root, path: "$", message: "data directory is missing")])
        }
    }

    // MARK: All at once

    @Test func problemsInSeveralFiles_areAllReportedInOneLoad() throws {
        let fixture = try FixtureCopy()
        try fixture.replace(orgs, "\"acronym\": \"UN\",", with: "")
        try fixture.replace("data/visits.json", "\"host_country\": \"kz\"", with: "\"host_country\": \"zz\"")
        try fixture.replace("sources/fixture-doc.json", "\"paragraph_count\": 2", with: "\"paragraph_count\": 3")
        let problems = fixture.problems()
        #expect(
            Set(problems) == [
                LoadProblem(
                    file: "sources/fixture-doc.json", path: "$.paragraph_count",
                    message: "metadata says 3, the text has 2 paragraphs"),
                LoadProblem(file: orgs, path: "$.organizations[0].acronym", message: "required field is missing"),
                LoadProblem(
                    file: "data/visits.json", path: "$.visits[0].host_country", message: "unknown countries id 'zz'"),
            ])
        #expect(problems.count == 3)
    }

    @Test func loadError_description_isOneLinePerProblem() {
        let error = StoreLoadError(problems: [
            LoadProblem(file: "data/a.json", path: "$.a[0]", message: "x"),
            LoadProblem(file: "data/b.json", path: "$", message: "y"),
        ])
        #expect(error.description == "data/a.json: $.a[0]: x\ndata/b.json: $: y")
    }
}
