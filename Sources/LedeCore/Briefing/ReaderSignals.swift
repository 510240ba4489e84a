/// What a reader told Lede through feedback, turned into what ranking can use: the stories
/// they muted, and the names and terms of stories they wanted more or less of.
public struct ReaderSignals: Sendable, Hashable {
    public var mutedStories: Set<Int64>
    public var moreStories: Set<Int64>
    public var lessStories: Set<Int64>
    /// Entity keys and strongest terms of the stories the reader asked more of.
    public var liked: Set<String>
    /// The same for stories they asked less of.
    public var disliked: Set<String>

    public init(mutedStories: Set<Int64> = [], moreStories: Set<Int64> = [], lessStories: Set<Int64> = [], liked: Set<String> = [], disliked: Set<String> = []) {
        self.mutedStories = mutedStories
        self.moreStories = moreStories
        self.lessStories = lessStories
        self.liked = liked
        self.disliked = disliked
    }

    /// Builds signals from feedback and the signatures of the stories it was about.
    public init(feedback: [Feedback], stories: [Int64: StorySignature]) {
        self.init()
        for item in feedback {
            let features = stories[item.storyID].map(Self.features) ?? []
            switch item.kind {
            case .mute: mutedStories.insert(item.storyID)
            case .more:
                moreStories.insert(item.storyID)
                liked.formUnion(features)
            case .less:
                lessStories.insert(item.storyID)
                disliked.formUnion(features)
            }
        }
    }

    /// The names and strongest content terms that characterise a story.
    static func features(_ signature: StorySignature) -> Set<String> {
        let names = signature.entities.filter { !$0.key.hasPrefix("~") }.sorted { $0.value > $1.value }.prefix(5).map { "e:" + $0.key }
        let terms = signature.contentTerms.sorted { $0.value > $1.value }.prefix(8).map { "t:" + $0.key }
        return Set(names).union(terms)
    }

    /// How much a story resembles what the reader liked (positive) or disliked (negative).
    func affinity(_ signature: StorySignature) -> Double {
        guard !liked.isEmpty || !disliked.isEmpty else { return 0 }
        let features = Self.features(signature)
        let likedShare = liked.isEmpty ? 0 : Double(features.intersection(liked).count) / Double(max(1, features.count))
        let dislikedShare = disliked.isEmpty ? 0 : Double(features.intersection(disliked).count) / Double(max(1, features.count))
        return likedShare - dislikedShare
    }
}
