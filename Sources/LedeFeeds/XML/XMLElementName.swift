/// An element as the XML readers report it to `FeedBuilder`.
struct XMLElementName {
    var element: FeedElement
    var namespace: FeedNamespace
    /// As written (case kept), without prefix.
    var localName: String
    var prefix: String?
    /// The namespace URI as declared, when there is one.
    var namespaceURI: String?
}

/// An attribute with its value already decoded (entities and character references replaced).
struct XMLAttribute {
    var namespace: FeedNamespace
    /// As written, without prefix.
    var localName: String
    /// `localName` lowercased, for the case-insensitive lookups feeds need (`isPermaLink`).
    var key: String
    var prefix: String?
    var value: String

    init(namespace: FeedNamespace, localName: String, key: String? = nil, prefix: String?, value: String) {
        self.namespace = namespace
        self.localName = localName
        self.key = key ?? localName.lowercased()
        self.prefix = prefix
        self.value = value
    }

    /// The qualified name as it appeared (`xml:lang`, `href`).
    var qualifiedName: String {
        guard let prefix else { return localName }
        return prefix + ":" + localName
    }
}

extension Array where Element == XMLAttribute {
    /// The value of an attribute without namespace (or in the feed's own namespace), by
    /// case-insensitive local name.
    func value(_ name: String) -> String? {
        for attribute in self where attribute.key == name && (attribute.prefix == nil || attribute.namespace.isCore) {
            return attribute.value
        }
        return nil
    }

    /// The value of a namespaced attribute (`xml:base`, `rdf:about`).
    func value(_ name: String, in namespace: FeedNamespace) -> String? {
        for attribute in self where attribute.namespace == namespace && attribute.key == name {
            return attribute.value
        }
        return nil
    }
}
