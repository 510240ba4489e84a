/// A run of text that a browser would show as one block: a paragraph, a heading, a list
/// item, a table cell, or text sitting directly in a container between such blocks.
struct TextBlock {
    enum Kind: Equatable {
        case paragraph, heading(level: Int), listItem, quote, preformatted, tableCell, caption, image
    }

    /// The innermost block-level element holding the text.
    var owner: Int
    /// The nodes the block was made from: `firstNode ..< endNode` in document order.
    var firstNode: Int
    var endNode: Int
    /// The whitespace-normalised text, in `BlockSegmenter`'s buffer.
    var text: Range<Int>
    var characters: Int
    var linkCharacters: Int
    var commas: Int
    var kind: Kind

    var linkDensity: Double { characters == 0 ? 0 : Double(linkCharacters) / Double(characters) }

    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }
}
