/// Where an object written in code lands: a `JSONValue` tree (`JSONTreeSink`) or canonical bytes
/// (`JSONByteSink`). A representation written once, generic over its sink, is both the tree that `lang`, `fields`
/// and rebasing reshape and the bytes `JSONWriter` would write for that tree, without the tree.
///
/// Members are given in their keys' UTF-8 byte order (the order `JSONWriter` writes): the byte sink writes them as
/// they come. Keys are `JSONKey`s, made once.
public protocol JSONObjectSink {
    mutating func member(_ key: JSONKey, _ value: String)
    mutating func member(_ key: JSONKey, _ value: Int)
    /// A value encoded once (`EncodedJSON`).
    mutating func member(_ key: JSONKey, encoded value: EncodedJSON)
    /// A value held as a tree (written as `JSONWriter` writes it).
    mutating func member(_ key: JSONKey, json value: JSONValue)
    /// A nested object, its members written by `members`.
    mutating func member(_ key: JSONKey, object members: (inout Self) -> Void)
    /// An array of objects, one per element, each object's members written by `members`.
    mutating func member<Elements: Collection>(
        _ key: JSONKey, objects elements: Elements, _ members: (Elements.Element, inout Self) -> Void)
}
