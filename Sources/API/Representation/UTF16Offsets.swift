import JSON
import Store

/// The unit of every offset the API gives (`offsets=`): Unicode scalars, as the data records them, or UTF-16 code
/// units, what JavaScript strings index. They differ only after a character outside the Basic Multilingual Plane
/// (an emoji, «𝕏»), which is two UTF-16 units and one scalar.
enum OffsetUnit: String, Sendable, CaseIterable {
    case scalar, utf16
}

/// Scalar offsets into one text as UTF-16 offsets. A text with no character outside the Basic Multilingual Plane
/// has no table: its offsets are the same in both units.
struct UTF16Offsets: Sendable {
    /// UTF-16 offset of each scalar offset, 0 through the scalar count; nil when every offset maps to itself.
    private let table: [Int]?

    init(_ text: String) {
        guard text.utf16.count != text.unicodeScalars.count else {
            table = nil
            return
        }
        var table: [Int] = [0]
        table.reserveCapacity(text.unicodeScalars.count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            offset += UTF16.width(scalar)
            table.append(offset)
        }
        self.table = table
    }

    /// Whether any offset into the text differs between the units.
    var differs: Bool { table != nil }

    /// The UTF-16 offset of scalar offset `n` (clamped to the text, so a bad offset cannot trap).
    func callAsFunction(_ n: Int) -> Int {
        guard let table else { return n }
        return table[min(max(n, 0), table.count - 1)]
    }

    /// The tables of every paragraph of every source, by source id, paragraph n at index n - 1.
    static func paragraphs(of store: Store) -> [String: [UTF16Offsets]] {
        Dictionary(
            store.sources.map { ($0.id, $0.paragraphs.map(UTF16Offsets.init)) }, uniquingKeysWith: { a, _ in a })
    }

    /// `value` with every text span in it (an object with `source`, `paragraph`, `start` and `end`: a citation, an
    /// uncited mention) in UTF-16 units; nil when no span changes, so rows of BMP-only text keep one representation.
    static func converting(_ value: JSONValue, paragraphs: [String: [UTF16Offsets]]) -> JSONValue? {
        var changed = false
        func convert(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let items): return .array(items.map(convert))
            case .object(let members):
                var out = members.map { (key: $0.key, value: convert($0.value)) }
                guard let source = value["source"]?.stringValue, case .number(let p, _)? = value["paragraph"],
                    let table = paragraphs[source].flatMap({ $0.indices.contains(Int(p) - 1) ? $0[Int(p) - 1] : nil }),
                    table.differs
                else { return .object(out) }
                for i in out.indices where out[i].key == "start" || out[i].key == "end" {
                    guard case .number(let n, true) = out[i].value else { continue }
                    let units = table(Int(n))
                    if units != Int(n) { changed = true }
                    out[i].value = .integer(units)
                }
                return .object(out)
            default: return value
            }
        }
        let converted = convert(value)
        return changed ? converted : nil
    }
}
