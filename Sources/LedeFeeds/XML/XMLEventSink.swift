/// What the forgiving XML reader reports to: the feed builder, or the OPML reader.
protocol XMLEventSink: AnyObject {
    /// A namespace declaration, reported before the element that carries it.
    func declareNamespace(prefix: String?, uri: String)
    func startElement(_ name: XMLElementName, attributes: [XMLAttribute])
    func endElement()
    func characters(_ bytes: UnsafeBufferPointer<UInt8>)
    /// The text of the `<!DOCTYPE …>` declaration.
    func documentType(declaration: String)
    /// Whether elements are currently read as markup inside text (where HTML's empty elements,
    /// like `<br>`, must close themselves).
    var isInsideMarkup: Bool { get }
}
