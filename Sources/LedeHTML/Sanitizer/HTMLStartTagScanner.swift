/// Finds start tags in an HTML page without building a tree: what feed discovery needs from a
/// page (its `<link>` and `<base>` elements), with the sanitizer's tokenizer, so scripts,
/// styles and comments are skipped as a browser would skip them.
public enum HTMLStartTagScanner {
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    public struct StartTag: Sendable, Hashable {
        /// Lowercased.
        public var name: String
        /// Names lowercased, values with character references decoded, in document order.
        public var attributes: [Attribute]

        /// The value of the first attribute called `name` (lowercase).
        public func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    /// The start tags named in `names` (lowercase), in document order.
    public static func startTags(named names: Set<String>, in html: some Collection<UInt8>) -> [StartTag] {
        let bytes = Array(html)
        var found: [StartTag] = []
        bytes.withUnsafeBufferPointer { buffer in
            var tokenizer = HTMLFragmentTokenizer(buffer)
            while let token = tokenizer.next() {
                guard case .startTag(let tag) = token, names.contains(tag.name) else { continue }
                found.append(
                    StartTag(name: tag.name, attributes: tag.attributes.map { Attribute(name: $0.name, value: $0.value) }))
            }
        }
        return found
    }
}
