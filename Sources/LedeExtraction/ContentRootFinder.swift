import Foundation
import LedeHTML

/// Finds the element that holds the main text.
///
/// First every block of running text votes for the containers around it, most for the
/// nearest (as in Arc90's Readability), so that the container whose children are the
/// article's paragraphs collects the most votes. Then the choice widens to ancestors for as
/// long as that brings in clearly more running text than boilerplate: an article split by an
/// ad slot, a lead paragraph in its own wrapper, a heading outside the text's container.
struct ContentRootFinder {
    let tree: HTMLTree
    let mask: BoilerplateMask
    let blocks: [TextBlock]

    /// Per node: characters and link characters of all blocks in the subtree.
    private(set) var characters: [Int32] = []
    private(set) var linkCharacters: [Int32] = []
    private(set) var scores: [Float] = []
    /// The best-scored container of the page (see `root(in:)`).
    var best: Int?
    /// Per node: characters of running text (blocks long enough, few links) in the subtree.
    private(set) var runningText: [Int32] = []

    static let minimumBlockCharacters = 25
    /// How much less a container counts inside an element named as likely boilerplate.
    static let likelyPenalty: Float = 0.5
    private static let levelDivisors: [Float] = [1, 2, 6, 9, 12]

    init(tree: HTMLTree, mask: BoilerplateMask, blocks: [TextBlock]) {
        self.tree = tree
        self.mask = mask
        self.blocks = blocks
        let count = tree.nodeCount
        var characters = [Int32](repeating: 0, count: count)
        var linkCharacters = [Int32](repeating: 0, count: count)
        var scores = [Float](repeating: 0, count: count)
        var runningText = [Int32](repeating: 0, count: count)
        for block in blocks where block.kind != .image {
            characters[block.owner] += Int32(block.characters)
            linkCharacters[block.owner] += Int32(block.linkCharacters)
            guard block.characters >= ContentRootFinder.minimumBlockCharacters, block.linkDensity < 0.5 else {
                continue
            }
            runningText[block.owner] += Int32(block.characters)
            let score = 1 + Float(min(block.commas, 50)) + min(Float(block.characters) / 100, 3)
            var element: Int? =
                ContentRootFinder.isParagraphLike(tree.tag(block.owner))
                ? tree.parent(of: block.owner) : block.owner
            var level = 0
            while let current = element, level < ContentRootFinder.levelDivisors.count,
                current != HTMLTree.documentNode
            {
                scores[current] += score / ContentRootFinder.levelDivisors[level]
                element = tree.parent(of: current)
                level += 1
            }
        }
        for node in stride(from: count - 1, through: 1, by: -1) where characters[node] > 0 {
            let parent = tree.parent(of: node) ?? 0
            characters[parent] += characters[node]
            linkCharacters[parent] += linkCharacters[node]
            runningText[parent] += runningText[node]
        }
        self.runningText = runningText
        self.characters = characters
        self.linkCharacters = linkCharacters
        self.scores = scores
    }

    static func isParagraphLike(_ tag: HTMLTag) -> Bool {
        switch tag {
        case .p, .li, .dt, .dd, .pre, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .figcaption, .caption,
            .address, .summary:
            true
        default: false
        }
    }

    func linkDensity(_ node: Int) -> Float {
        characters[node] == 0 ? 0 : Float(linkCharacters[node]) / Float(characters[node])
    }

    /// The final score of a candidate container.
    func candidateScore(_ node: Int) -> Float {
        var score = scores[node] * (1 - linkDensity(node))
        let hint = mask.hints[node]
        if hint.contains(.content) { score *= 1.5 }
        if hint.contains(.articleElement) { score *= 1.2 }
        if mask.likelyBoilerplate[node] >= 0 { score *= ContentRootFinder.likelyPenalty }
        return score
    }

    /// The best-scored container under `scope`, or `nil` when there is no running text.
    func bestCandidate(in scope: Int) -> Int? {
        var best: Int?
        var bestScore: Float = 0
        for node in scope..<tree.subtreeEnd(scope) where scores[node] > 0 && !mask.dropped[node] {
            let score = candidateScore(node)
            if score > bestScore {
                bestScore = score
                best = node
            }
        }
        return best
    }

    /// The element holding the main text under `scope`, or `nil` when there is none.
    mutating func root(in scope: Int) -> Int? {
        var best = bestCandidate(in: scope)
        if best.map({ candidateScore($0) < 5 }) ?? true, let named = namedContainer(in: scope) {
            // Little running text anywhere (a page of short lines, lists or links): trust the
            // container the page itself names as its text.
            best = named
        }
        guard let best else { return nil }
        self.best = best
        // Widen to the ancestor that adds the most running text net of twice the junk.
        var root = best
        var bestValue = 0
        var ancestor = best
        while let parent = tree.parent(of: ancestor), parent != scope, tree.contains(scope, parent) {
            ancestor = parent
            let (gain, cost) = widening(from: best, to: ancestor)
            let value = gain - 2 * cost
            if value > bestValue {
                bestValue = value
                root = ancestor
            }
        }
        return root
    }

    /// Whether `node`, inside `root`, lies in an element named as likely boilerplate. Such an
    /// element that holds most of the root's running text is a wrapper of the text
    /// (`paywall-container`, `content-sidebar`) and does not count.
    func isLikelyBoilerplate(_ node: Int, inside root: Int) -> Bool {
        var likely = Int(mask.likelyBoilerplate[node])
        while likely > root {
            let wrapsBest = best.map { tree.contains(likely, $0) } ?? false
            let insideBest = best.map { tree.contains($0, likely) && runningText[likely] * 2 >= runningText[$0] } ?? false
            if !(wrapsBest && runningText[likely] * 2 >= runningText[root]) && !insideBest { return true }
            guard let parent = tree.parent(of: likely) else { break }
            likely = Int(mask.likelyBoilerplate[parent])
        }
        return false
    }

    /// Elements of the same kind as `root` (same tag and class) elsewhere in its part of the
    /// page: the other pieces of an article that the page builds from repeated text
    /// components with sidebars or ads between them.
    func companions(of root: Int, in scope: Int) -> [Int] {
        guard let classes = tree.attribute("class", of: root), !classes.isEmpty else { return [] }
        let tag = tree.tag(root)
        var found: [Int] = []
        var node = scope
        let end = tree.subtreeEnd(scope)
        while node < end {
            if node == root || mask.dropped[node] {
                node = tree.subtreeEnd(node)
                continue
            }
            if tree.tag(node) == tag, runningText[node] >= 100, linkDensity(node) < 0.2, !tree.contains(node, root),
                tree.attribute("class", of: node) == classes, mask.likelyBoilerplate[node] < 0,
                sharesSection(node, root)
            {
                found.append(node)
                node = tree.subtreeEnd(node)
                continue
            }
            node += 1
        }
        return found
    }

    /// Whether the lowest common ancestor of `node` and `root` is below `<body>`.
    func sharesSection(_ node: Int, _ root: Int) -> Bool {
        var ancestor = tree.parent(of: root)
        while let current = ancestor {
            let tag = tree.tag(current)
            if tag == .body || tag == .html || tag == .document { return false }
            if tree.contains(current, node) { return true }
            ancestor = tree.parent(of: current)
        }
        return false
    }

    /// The element with the most text among those named as the text's container
    /// (`itemprop="articleBody"`, `class="entry-content"`).
    func namedContainer(in scope: Int) -> Int? {
        var best: Int?
        for node in scope..<tree.subtreeEnd(scope)
        where mask.hints[node].contains(.content) && !mask.dropped[node] && characters[node] >= 50 {
            if best.map({ characters[node] > characters[$0] }) ?? true { best = node }
        }
        return best
    }

    /// What widening the choice from `inner` to its ancestor `outer` adds: characters of
    /// running text, and characters of links, short lines and likely boilerplate.
    func widening(from inner: Int, to outer: Int) -> (gain: Int, cost: Int) {
        var gain = 0
        var cost = 0
        for block in blocks where block.kind != .image && tree.contains(outer, block.owner) {
            if tree.contains(inner, block.owner) { continue }
            if isLikelyBoilerplate(block.owner, inside: outer) || block.linkDensity >= 0.5 {
                cost += block.characters
            } else if block.characters >= ContentRootFinder.minimumBlockCharacters {
                gain += block.characters
            } else if !block.isHeading {
                cost += block.characters
            }
        }
        return (gain, cost)
    }
}
