import FoundationEssentials
import Glibc
import JSON

/// Loads a data directory (`sources/`, `data/`) into a `Store`, or fails with every problem.
enum StoreLoader {
    static func load(from directory: String) throws(StoreLoadError) -> Store {
        let files = DataFiles(root: directory)
        var log = ProblemLog()
        guard files.isDirectory("") else {
            throw StoreLoadError(problems: [
                LoadProblem(file: directory, path: "$", message: "data directory is missing")
            ])
        }
        for folder in ["sources", "data"] where !files.isDirectory(folder) {
            log.add(folder, "$", "directory is missing")
        }
        guard log.isEmpty else { throw StoreLoadError(problems: log.problems) }

        let sources = loadSources(files, log: &log)
        let collections = readCollections(files, log: &log)
        let context = Validator.Context(
            ids: collectIDs(collections, log: &log),
            paragraphs: Dictionary(
                sources.loaded.map { ($0.id, $0.paragraphs.map { Array($0.unicodeScalars) }) },
                uniquingKeysWith: { a, _ in a }),
            unreadableSources: sources.unreadable
        )
        for collection in collections {
            var validator = Validator(file: collection.file, context: context, log: log)
            let spec = collection.kind.descriptor.spec
            for (i, entity) in collection.entities.enumerated() {
                validator.validate(entity, against: spec, at: JSONPath.root.key(collection.kind.rawValue).index(i))
            }
            log = validator.log
        }
        // A half-loaded store is worse than none: any problem anywhere refuses the whole load.
        guard log.isEmpty, collections.count == EntityKind.allCases.count else {
            throw StoreLoadError(problems: log.problems)
        }

        let entities = decodeTyped(collections, log: &log)
        guard log.isEmpty else { throw StoreLoadError(problems: log.problems) }
        let alternates = AlternateNamesLoader.load(files, context: context, entities: entities, log: &log)
        guard log.isEmpty else { throw StoreLoadError(problems: log.problems) }
        var digests = sources.fileDigests
        if let bytes = alternates.bytes { digests.append((AlternateNamesLoader.file, bytes)) }
        return Store(
            sources: sources.loaded,
            entities: entities,
            alternateNames: alternates.names,
            datasetVersion: datasetVersion(sources: digests, collections: collections)
        )
    }

    // MARK: - Sources

    struct LoadedSources {
        var loaded: [Source] = []
        var unreadable: Set<String> = []
        /// (relative path, bytes) of every source file, for the dataset version.
        var fileDigests: [(String, [UInt8])] = []
    }

    static func loadSources(_ files: DataFiles, log: inout ProblemLog) -> LoadedSources {
        var result = LoadedSources()
        let metadataFiles = files.list("sources").filter { $0.hasSuffix(".json") }
        if metadataFiles.isEmpty { log.add("sources", "$", "no source metadata file (<source-id>.json)") }
        for name in metadataFiles {
            let file = "sources/" + name
            guard let (bytes, json) = files.readJSON(file, log: &log) else { continue }
            result.fileDigests.append((file, bytes))
            var validator = Validator(file: file, context: .init(ids: [:], paragraphs: [:]), log: log)
            validator.validate(json, against: Schema.sourceMetadata, at: .root)
            let schemaOK = validator.log.problems.count == log.problems.count
            log = validator.log
            guard schemaOK,
                let id = json["id"]?.stringValue,
                let textFile = json["text_file"]?.stringValue,
                let language = json["language"]?.stringValue,
                let sha = json["sha256"]?.stringValue,
                case .number(let count, _)? = json["paragraph_count"],
                let modifiedText = json["modified"]?.stringValue,
                let modified = UTCTimestamp.secondsSince1970(modifiedText),
                let title = json["title"], let ar = title["ar"]?.stringValue, let en = title["en"]?.stringValue
            else { continue }
            if modified > Int(time(nil)) {
                // Last-Modified may not be later than the response's Date (RFC 9110 §8.8.2.1).
                log.add(file, JSONPath.root.key("modified"), "is in the future by this machine's clock")
            }
            let stem = String(name.dropLast(".json".count))
            if id != stem {
                log.add(file, JSONPath.root.key("id"), "id '\(id)' does not match the file name '\(stem)'")
            }
            if textFile != stem + ".txt" {
                log.add(file, JSONPath.root.key("text_file"), "expected '\(stem).txt', found '\(textFile)'")
            }
            let textPath = "sources/" + textFile
            guard !textFile.contains("/"), let text = files.readText(textPath, log: &log) else {
                result.unreadable.insert(id)
                continue
            }
            result.fileDigests.append((textPath, text))
            let actualSHA = SHA256.hex(text)
            if actualSHA != sha {
                log.add(file, JSONPath.root.key("sha256"), "does not match the text file's sha256 \(actualSHA)")
            }
            let paragraphs = splitParagraphs(text)
            if paragraphs.count != Int(count) {
                log.add(
                    file, JSONPath.root.key("paragraph_count"),
                    "metadata says \(Int(count)), the text has \(paragraphs.count) paragraphs")
            }
            let notes =
                (json["notes"].map { value -> [LocalizedText] in
                    guard case .array(let items) = value else { return [] }
                    return items.compactMap { item in
                        guard let ar = item["ar"]?.stringValue, let en = item["en"]?.stringValue else { return nil }
                        return LocalizedText(ar: ar, en: en)
                    }
                }) ?? []
            result.loaded.append(
                Source(
                    id: id, language: language, title: LocalizedText(ar: ar, en: en),
                    paragraphCount: paragraphs.count, sha256: actualSHA, paragraphs: paragraphs, text: text,
                    notes: notes, modified: modifiedText, modifiedSince1970: modified))
        }
        return result
    }

    /// Paragraphs are lines. A final newline ends the last line rather than starting an empty one.
    static func splitParagraphs(_ text: [UInt8]) -> [String] {
        var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { String(decoding: $0, as: UTF8.self) }
    }

    // MARK: - Collections

    struct RawCollection {
        var kind: EntityKind
        var file: String
        var bytes: [UInt8]
        var entities: [JSONValue]
    }

    /// Each file is `{"<collection>": [ … ]}`; entity objects are validated later, with all ids known.
    static func readCollections(_ files: DataFiles, log: inout ProblemLog) -> [RawCollection] {
        var result: [RawCollection] = []
        for kind in EntityKind.allCases {
            let file = "data/\(kind.rawValue).json"
            guard let (bytes, json) = files.readJSON(file, log: &log) else { continue }
            guard case .object(let members) = json else {
                log.add(file, "$", "expected an object with the key '\(kind.rawValue)', found \(json.typeName)")
                continue
            }
            var entities: [JSONValue]?
            for member in members {
                if member.key == kind.rawValue, case .array(let items) = member.value, entities == nil {
                    entities = items
                } else if member.key == kind.rawValue, entities == nil {
                    log.add(file, JSONPath.root.key(member.key), "expected array, found \(member.value.typeName)")
                    entities = []
                } else {
                    log.add(
                        file, JSONPath.root.key(member.key),
                        member.key == kind.rawValue ? "duplicate key" : "unknown field")
                }
            }
            if entities == nil { log.add(file, JSONPath.root.key(kind.rawValue), "required field is missing") }
            result.append(RawCollection(kind: kind, file: file, bytes: bytes, entities: entities ?? []))
        }
        return result
    }

    static func collectIDs(_ collections: [RawCollection], log: inout ProblemLog) -> [EntityKind: Set<String>] {
        var ids: [EntityKind: Set<String>] = [:]
        for collection in collections {
            var firstIndex: [String: Int] = [:]
            for (i, entity) in collection.entities.enumerated() {
                guard let id = entity["id"]?.stringValue else { continue }
                if let first = firstIndex[id] {
                    let path = JSONPath.root.key(collection.kind.rawValue)
                    log.add(
                        collection.file, path.index(i).key("id"),
                        "duplicate id '\(id)' (first at \(path.index(first).key("id")))")
                } else {
                    firstIndex[id] = i
                }
            }
            ids[collection.kind] = Set(firstIndex.keys)
        }
        return ids
    }

    // MARK: - Typed decoding

    /// Each collection decoded into its kind's model (`EntityKind.entityType`).
    static func decodeTyped(_ collections: [RawCollection], log: inout ProblemLog) -> [EntityKind: [any Entity]] {
        var entities: [EntityKind: [any Entity]] = [:]
        for collection in collections {
            do {
                entities[collection.kind] = try decode(collection.kind.entityType, collection)
            } catch {
                // Validation should make this unreachable; if the two ever disagree, report it
                // like any other problem instead of crashing.
                log.add(collection.file, "$", "cannot decode: \(error)")
            }
        }
        return entities
    }

    private static func decode<E: Entity>(_ type: E.Type, _ collection: RawCollection) throws -> [any Entity] {
        let wrapper = try JSONDecoder().decode([String: [E]].self, from: Data(collection.bytes))
        return wrapper[collection.kind.rawValue] ?? []
    }

    // MARK: - Version

    /// sha256 over each file's path and digest, in a fixed order, so the version (and the ETags
    /// derived from it) is the same on every machine that has the same bytes.
    static func datasetVersion(sources: [(String, [UInt8])], collections: [RawCollection]) -> String {
        var manifest = ""
        let files = sources.sorted { $0.0 < $1.0 } + collections.map { ($0.file, $0.bytes) }
        for (path, bytes) in files { manifest += "\(path)\t\(SHA256.hex(bytes))\n" }
        return SHA256.hex(Array(manifest.utf8))
    }
}
