import Foundation
import LedeHTML

extension ArticleExtractor {
    /// A listing of every block of a page and what the extractor made of it, for tuning by
    /// hand (`lede-extract-dev blocks`). Not a stable format.
    @_spi(Diagnostics)
    public func diagnose(_ bytes: some Collection<UInt8>, url: URL?) -> String {
        let tree = HTMLTree(bytes: bytes)
        guard let body = tree.firstElement(.body) else { return "no body" }
        let mask = BoilerplateMask(tree: tree)
        var segmenter = BlockSegmenter(tree: tree, dropped: mask.dropped)
        segmenter.segment(body)
        var finder = ContentRootFinder(tree: tree, mask: mask, blocks: segmenter.blocks)
        let roots = finder.root(in: body).map { [$0] } ?? []
        var everything = BlockSegmenter(
            tree: tree, dropped: (0..<tree.nodeCount).map { mask.hints[$0].contains(.excluded) })
        everything.segment(body)
        func describe(_ node: Int) -> String {
            var label = tree.name(of: node)
            if let id = tree.attribute("id", of: node) { label += "#" + id }
            if let classes = tree.attribute("class", of: node) { label += "." + classes.prefix(40) }
            return label
        }
        var lines: [String] = ["roots: " + roots.map { "\($0) \(describe($0)) score \(finder.candidateScore($0))" }.joined(separator: ", ")]
        if let best = finder.bestCandidate(in: body) {
            var ancestors: [String] = []
            var current: Int? = best
            while let node = current, node > 0 {
                ancestors.append("\(node):\(describe(node)):\(Int(finder.candidateScore(node)))")
                current = tree.parent(of: node)
            }
            lines.append("path: " + ancestors.joined(separator: " < "))
        }
        for block in everything.blocks where block.kind != .image {
            var status = "    "
            if mask.dropped[block.owner] {
                var culprit = block.owner
                var current: Int? = block.owner
                while let node = current, node > 0 {
                    let hint = mask.hints[node]
                    if hint.contains(.excluded) || hint.contains(.boilerplate) {
                        culprit = node
                    }
                    current = tree.parent(of: node)
                }
                status = "DROP[\(describe(culprit))]"
            } else if let root = roots.first, tree.contains(root, block.owner) {
                status = finder.isLikelyBoilerplate(block.owner, inside: root)
                    ? "LIKE[\(describe(Int(mask.likelyBoilerplate[block.owner])))]" : "ROOT"
            } else if mask.likelyBoilerplate[block.owner] >= 0 {
                status = "like[\(describe(Int(mask.likelyBoilerplate[block.owner])))]"
            }
            let text = everything.text(of: block)
            lines.append(
                "\(status) \(block.owner):\(describe(block.owner)) c=\(block.characters) ld=\(String(format: "%.2f", block.linkDensity)) | \(text.prefix(100))"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// The ancestors of the text nodes containing `needle`, with their hints, for tuning by hand.
    @_spi(Diagnostics)
    public func diagnosePath(_ bytes: some Collection<UInt8>, containing needle: String) -> String {
        let tree = HTMLTree(bytes: bytes)
        let mask = BoilerplateMask(tree: tree)
        var lines: [String] = ["nodes \(tree.nodeCount)"]
        for node in 0..<tree.nodeCount where tree.tag(node) == .text && tree.text(of: node).contains(needle) {
            var current: Int? = node
            while let element = current {
                let classes = tree.attribute("class", of: element).map { "." + $0.prefix(40) } ?? ""
                lines.append("\(element) \(tree.name(of: element))\(classes) hint=\(mask.hints[element].rawValue) dropped=\(mask.dropped[element])")
                current = tree.parent(of: element)
            }
            for element in 0..<node where tree.isElement(element) && tree.subtreeEnd(element) > node && mask.dropped[element] {
                lines.append("covering dropped: \(element) \(tree.name(of: element)) end \(tree.subtreeEnd(element))")
            }
            break
        }
        return lines.joined(separator: "\n")
    }
}
