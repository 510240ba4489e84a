import LedeHTML

/// Chooses, among the blocks inside the main text's container, those that are the text:
/// not in boilerplate named below the container, not a short run of links, not a bare date
/// line, not a heading left with nothing under it.
struct BlockSelector {
    let tree: HTMLTree
    let finder: ContentRootFinder
    let segmenter: BlockSegmenter

    /// Blocks mostly of links and shorter than this are navigation ("Next article", a tag
    /// list); longer ones are text that happens to be linked (a quoted address, a title).
    static let shortLinkLength = 100

    /// Indices into `segmenter.blocks` of the blocks kept, in document order (images included).
    func select(roots: [Int]) -> [Int] {
        let blocks = segmenter.blocks
        guard let root = roots.first else { return [] }
        var kept: [Int] = []
        // Blocks inside the container dropped as links or boilerplate: a title or label
        // right before one of them introduces it, and goes with it.
        var droppedBoxes: Set<Int> = []
        for (index, block) in blocks.enumerated() {
            guard let container = roots.first(where: { tree.contains($0, block.owner) }) else { continue }
            if finder.isLikelyBoilerplate(block.owner, inside: container) {
                droppedBoxes.insert(index)
                continue
            }
            if block.kind == .image {
                kept.append(index)
                continue
            }
            if block.linkDensity >= 0.5 && block.characters < BlockSelector.shortLinkLength {
                droppedBoxes.insert(index)
                continue
            }
            if block.kind == .caption { continue }
            let text = segmenter.text(of: block)
            if block.characters <= 60 && DateLine.isDateLine(text) { continue }
            if block.characters <= 160 && BoilerplateLines.isCreditLine(text) { continue }
            if block.characters <= 200 && BoilerplateLines.isFigureCaption(text) { continue }
            if BoilerplateLines.isAdvertisementLabel(text) { continue }
            kept.append(index)
        }
        kept = leadBlocks(before: root) + kept
        kept = removingLinkRuns(kept)
        kept = removingBoxTitles(kept, droppedBoxes: droppedBoxes)
        kept = removingOrphanHeadings(kept)
        kept = removingTrailingPromotions(kept)
        return kept
    }

    /// Drops headings and short labels ("Mehr zum Thema", "See also:") whose next block was
    /// dropped as a link box.
    private func removingBoxTitles(_ kept: [Int], droppedBoxes: Set<Int>) -> [Int] {
        let blocks = segmenter.blocks
        return kept.filter { index in
            let block = blocks[index]
            let isLabel =
                (block.isHeading && block.characters <= 50)
                || (block.characters <= 40 && segmenter.lastCharacter(of: block).map { $0 == ":" || $0 == "?" } == true)
            guard isLabel else { return true }
            var next = index + 1
            while next < blocks.count, blocks[next].kind == .image { next += 1 }
            return !droppedBoxes.contains(next)
        }
    }

    /// Drops the calls to action that close many articles ("Subscribe to our newsletter",
    /// "Follow us on Telegram"), from the end back to the last block of real text.
    private func removingTrailingPromotions(_ kept: [Int]) -> [Int] {
        let blocks = segmenter.blocks
        var result = kept
        while let last = result.last {
            let block = blocks[last]
            if block.kind == .image || block.isHeading
                || (block.characters <= 300 && BoilerplateLines.isPromotion(segmenter.text(of: block)))
            {
                result.removeLast()
                continue
            }
            break
        }
        return result
    }

    /// Running text between the headline and the container: the lead or standfirst that
    /// many pages set apart from the body. Only when the headline and the container share a
    /// part of the page below `<body>` and little but text lies between them.
    private func leadBlocks(before root: Int) -> [Int] {
        let blocks = segmenter.blocks
        guard let first = blocks.firstIndex(where: { $0.owner >= root }) else { return [] }
        var titleIndex: Int?
        var index = first - 1
        while index >= max(0, first - 40) {
            if case .heading(let level) = blocks[index].kind, level == 1 {
                titleIndex = index
                break
            }
            index -= 1
        }
        guard let titleIndex else { return [] }
        // The headline and the text usually share a section below `<body>`; when a page sets
        // the headline in a banner of its own, it must at least come right before the text.
        let adjacent = first - titleIndex <= 6
        guard adjacent || finder.sharesSection(blocks[titleIndex].owner, root) else { return [] }
        // The headline itself is the article's title, not part of its text.
        var adopted: [Int] = []
        var linkCharacters = 0
        for candidate in titleIndex + 1..<first {
            let block = blocks[candidate]
            if block.kind == .image || block.kind == .caption { continue }
            let likely = Int(finder.mask.likelyBoilerplate[block.owner])
            if likely >= 0 && !tree.contains(likely, root) { continue }
            linkCharacters += block.linkCharacters
            if block.characters >= 40 && block.linkDensity < 0.2
                && !DateLine.isDateLine(segmenter.text(of: block))
            {
                adopted.append(candidate)
            }
        }
        return linkCharacters > (adjacent ? 100 : 300) ? [] : adopted
    }

    /// Drops runs of short blocks that each lead somewhere else: a list of related articles
    /// or a link box inside the text's container ("Mehr zum Thema", "Read next").
    private func removingLinkRuns(_ kept: [Int]) -> [Int] {
        let blocks = segmenter.blocks
        func isLinkLine(_ block: TextBlock) -> Bool {
            block.kind != .image && block.linkDensity >= 0.15 && block.characters < 150
        }
        var result: [Int] = []
        var position = 0
        while position < kept.count {
            var end = position
            while end < kept.count, isLinkLine(blocks[kept[end]]) { end += 1 }
            let run = kept[position..<end].map { blocks[$0] }
            let runCharacters = run.reduce(0) { $0 + $1.characters }
            let runLinks = run.reduce(0) { $0 + $1.linkCharacters }
            if end - position >= 3, 10 * runLinks >= 3 * runCharacters
            {
                // The run's title goes with it.
                if let last = result.last, blocks[last].isHeading { result.removeLast() }
                position = end
                continue
            }
            result.append(contentsOf: kept[position..<max(end, position + 1)])
            position = max(end, position + 1)
        }
        return result
    }

    /// Drops headings followed by no kept text before the next heading of the same or a
    /// higher level (or the end): the title of a link box whose links were dropped.
    private func removingOrphanHeadings(_ kept: [Int]) -> [Int] {
        let blocks = segmenter.blocks
        var result: [Int] = []
        for (position, index) in kept.enumerated() {
            guard case .heading(let level) = blocks[index].kind else {
                result.append(index)
                continue
            }
            var hasText = false
            for next in kept[(position + 1)...] {
                if case .heading(let nextLevel) = blocks[next].kind {
                    if nextLevel <= level { break }
                    continue
                }
                if blocks[next].kind != .image {
                    hasText = true
                    break
                }
            }
            if hasText { result.append(index) }
        }
        return result
    }
}
