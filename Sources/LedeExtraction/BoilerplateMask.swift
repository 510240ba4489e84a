import LedeHTML

/// Which elements of a page are out of the main text before any block is scored.
///
/// Excluded elements (scripts, form controls, hidden parts) and sure boilerplate (comments,
/// cookie notices, related links) are dropped outright. Elements whose names only suggest
/// boilerplate (navigation, sidebars, share bars, meta lines) are remembered instead: such
/// names also appear on wrappers around the article (`content-with-sidebar`,
/// `paywall-container`), so they count against a container when the main text is looked for,
/// and are removed only inside the container finally chosen.
struct BoilerplateMask {
    /// Per node: the element's own hints (empty for text).
    let hints: [ElementHint]
    /// Per node: the node or one of its ancestors is excluded or sure boilerplate.
    let dropped: [Bool]
    /// Per node: the innermost ancestor-or-self named as likely boilerplate, or -1.
    let likelyBoilerplate: [Int32]

    init(tree: HTMLTree) {
        let count = tree.nodeCount
        var classifier = ElementClassifier()
        var hints = [ElementHint](repeating: [], count: count)
        var dropped = [Bool](repeating: false, count: count)
        var likelyBoilerplate = [Int32](repeating: -1, count: count)
        for node in 1..<count {
            let parent = tree.parent(of: node) ?? 0
            likelyBoilerplate[node] = likelyBoilerplate[parent]
            if dropped[parent] {
                dropped[node] = true
                continue
            }
            guard tree.tag(node) != .text else { continue }
            var hint = classifier.classify(tree, node)
            if tree.tag(node) == .noscript && BoilerplateMask.holdsText(tree, node) {
                // A fallback for readers without scripts, sometimes the only copy of the text.
                hint.remove(.excluded)
            }
            hints[node] = hint
            if hint.contains(.excluded) || hint.contains(.boilerplate) {
                dropped[node] = true
            } else if hint.contains(.likelyBoilerplate) {
                likelyBoilerplate[node] = Int32(node)
            }
        }
        self.hints = hints
        self.dropped = dropped
        self.likelyBoilerplate = likelyBoilerplate
    }

    /// Whether an element holds more than a few words of text.
    static func holdsText(_ tree: HTMLTree, _ node: Int) -> Bool {
        var characters = 0
        for descendant in node + 1..<tree.subtreeEnd(node) where tree.tag(descendant) == .text {
            characters += tree.textRange(of: descendant).count
            if characters >= 200 { return true }
        }
        return false
    }

    /// Whether `node` lies in likely boilerplate that starts below `root`.
    func isLikelyBoilerplate(_ node: Int, below root: Int) -> Bool {
        Int(likelyBoilerplate[node]) > root
    }
}
