import JSON
import Store

/// Turns a stored entity into its API representation: the curated fields as they are, plus `type` and `href`,
/// every reference as `{"id", "type", "href"}`, every citation with the `href` of its paragraph, the paragraphs that
/// cite it (`cited_in`), and `links` to itself and its sub-collections.
struct EntityRepresenter: Sendable {
    let links: LinkBuilder
    let sourceID: String

    /// `stored` is the entity's own encoding (`JSONValue(encoding:)`), computed once by the caller.
    func represent(_ entity: any Entity, stored: JSONValue, citedIn paragraphs: [Int], relations: [String]) -> JSONValue
    {
        let ref = entity.reference
        guard case .object(let members) = stored else { return .null }
        // Plain-id fields link to the kind their descriptor names; typed `{"type","id"}` references name their own.
        let table = ref.type.descriptor.referenceFields
        var out = members.map { (key: $0.key, value: transform($0.value, key: $0.key, table: table)) }
        out.append((key: "type", value: .string(ref.type.rawValue)))
        out.append((key: "href", value: .string(links.entity(ref))))
        out.append(
            (
                key: "cited_in",
                value: .array(
                    paragraphs.map { n in
                        .object([
                            (key: "paragraph", value: .integer(n)),
                            (key: "href", value: .string(links.paragraph(sourceID, n))),
                        ])
                    })
            ))
        var linkMembers: [(key: String, value: JSONValue)] = [(key: "self", value: .string(links.entity(ref)))]
        for name in relations { linkMembers.append((key: name, value: .string(links.relation(ref, name)))) }
        out.append((key: "links", value: .object(linkMembers)))
        return .object(out)
    }

    /// `{"id", "type", "href"}`: how one entity points at another.
    func reference(_ ref: EntityReference) -> JSONValue {
        .object([
            (key: "href", value: .string(links.entity(ref))), (key: "id", value: .string(ref.id)),
            (key: "type", value: .string(ref.type.rawValue)),
        ])
    }

    private func transform(_ value: JSONValue, key: String, table: [String: EntityKind]) -> JSONValue {
        if let target = table[key] {
            switch value {
            case .string(let id): return reference(EntityReference(type: target, id: id))
            case .array(let items):
                return .array(
                    items.map { item in
                        item.stringValue.map { reference(EntityReference(type: target, id: $0)) } ?? item
                    })
            default: break
            }
        }
        switch value {
        case .array(let items):
            return .array(items.map { transform($0, key: key, table: table) })
        case .object(let members):
            // A typed reference `{"type", "id"}` gains its href.
            if members.count == 2, let type = value["type"]?.stringValue.flatMap(EntityKind.init(rawValue:)),
                let id = value["id"]?.stringValue
            {
                return reference(EntityReference(type: type, id: id))
            }
            var out = members.map { (key: $0.key, value: transform($0.value, key: $0.key, table: table)) }
            // A citation gains the href of the paragraph it quotes, for highlighting.
            if key == "citations", let n = value["paragraph"], case .number(let p, _) = n,
                let source = value["source"]?.stringValue
            {
                out.append((key: "href", value: .string(links.paragraph(source, Int(p)))))
            }
            return .object(out)
        default:
            return value
        }
    }
}
