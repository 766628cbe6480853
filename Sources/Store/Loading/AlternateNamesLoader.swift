import FoundationEssentials
import JSON

/// `lexicon/alternate-names.json`: names people use that the text does not (`AlternateName`). Optional: a data
/// directory without it has none. Validated like the data files (every reference must name an entity), and a name
/// that is already the entity's name or alias (after normalization) is refused as a duplicate.
enum AlternateNamesLoader {
    static let file = "lexicon/alternate-names.json"

    struct Loaded {
        var names: [AlternateName] = []
        /// The file's bytes, for the dataset version; nil without the file.
        var bytes: [UInt8]?
    }

    static func load(
        _ files: DataFiles, context: Validator.Context, entities: [EntityKind: [any Entity]], log: inout ProblemLog
    ) -> Loaded {
        guard files.isDirectory("lexicon") else { return Loaded() }
        guard let (bytes, json) = files.readJSON(file, log: &log) else { return Loaded() }
        var validator = Validator(file: file, context: context, log: log)
        validator.validate(json, against: Schema.lexicon, at: .root)
        let valid = validator.log.problems.count == log.problems.count
        log = validator.log
        guard valid else { return Loaded(bytes: bytes) }
        let names: [AlternateName]
        do {
            names = try JSONDecoder().decode([String: [AlternateName]].self, from: Data(bytes))["alternate_names"] ?? []
        } catch {
            log.add(file, "$", "cannot decode: \(error)")
            return Loaded(bytes: bytes)
        }
        checkDuplicates(names, entities: entities, log: &log)
        return Loaded(names: names, bytes: bytes)
    }

    private static func checkDuplicates(
        _ names: [AlternateName], entities: [EntityKind: [any Entity]], log: inout ProblemLog
    ) {
        var known: [EntityReference: Set<String>] = [:]
        for entity in entities.values.joined() {
            let own = [entity.name.ar, entity.name.en] + entity.aliases.ar + entity.aliases.en
            known[entity.reference] = Set(own.map(TextNormalizer.normalize))
        }
        for (i, alternate) in names.enumerated() {
            let key = TextNormalizer.normalize(alternate.name)
            let path = JSONPath.root.key("alternate_names").index(i).key("name")
            if key.isEmpty {
                log.add(file, path, "'\(alternate.name)' has no letters or digits")
            } else if known[alternate.entity, default: []].contains(key) {
                log.add(
                    file, path, "'\(alternate.name)' is already a name, alias or alternate name of \(alternate.entity)")
            }
            known[alternate.entity, default: []].insert(key)
        }
    }
}
