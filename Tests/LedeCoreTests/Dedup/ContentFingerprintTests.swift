import Foundation
import LedeCore
import Testing

@Suite struct ContentFingerprintTests {
    static let wire = """
        The regional grid operator approved a plan on Tuesday to connect three new solar farms to the network by \
        the end of next year, adding 900 megawatts of capacity. The operator said the farms would be built in the \
        northern valley, where land is cheap and sunshine is abundant. Local officials welcomed the decision but \
        warned that transmission lines would need upgrades costing about $400 million. Construction is expected to \
        begin in the spring, and the developer has already secured financing from a group of regional banks.
        """

    @Test func exactHashIgnoresCaseSpacingAndPunctuation() {
        #expect(ContentFingerprint.exactHash(of: "Hello,  World!") == ContentFingerprint.exactHash(of: "hello world"))
    }

    @Test func syndicatedCopyWithSmallEditsIsNearDuplicate() {
        let copy = Self.wire.replacingOccurrences(of: " Construction is expected to begin in the spring, and the developer has already secured financing from a group of regional banks.", with: "") + " Editor's note: this story was provided by a wire service."
        let similarity = ContentFingerprint.minHash(of: Self.wire).similarity(to: ContentFingerprint.minHash(of: copy))
        #expect(similarity >= 0.6)
        let original = ContentFingerprint.minHash(of: Self.wire).bandKeys
        #expect(!Set(original).isDisjoint(with: ContentFingerprint.minHash(of: copy).bandKeys))
    }

    @Test func differentStoriesAreNotNearDuplicates() {
        let other = """
            A chip designer said on Monday it had raised $200 million from investors led by a sovereign fund, valuing \
            the company at $2 billion. The startup makes accelerators for inference workloads and plans to double its \
            engineering staff within a year, its chief executive said in an interview.
            """
        #expect(ContentFingerprint.minHash(of: Self.wire).similarity(to: ContentFingerprint.minHash(of: other)) < 0.2)
    }

    /// Stored fingerprints must not change: hashing the words one by one gives the hash of
    /// the joined text, as the fingerprints were first computed.
    @Test func hashingWordsInPlaceGivesTheHashOfTheJoinedText() {
        for words in [[], ["one"], ["grid", "operator", "approved", "plan"], ["é", "naïve", "", "x"]] {
            #expect(StableHash.fnv1a(joining: words[...]) == StableHash.fnv1a(words.joined(separator: " ")))
        }
        let words = Terms.words(in: Self.wire)
        #expect(ContentFingerprint.exactHash(of: Self.wire) == Int64(bitPattern: StableHash.fnv1a(words.joined(separator: " "))))
        let both = ContentFingerprint.fingerprints(of: Self.wire)
        #expect(both.exactHash == ContentFingerprint.exactHash(of: Self.wire))
        #expect(both.minHash == ContentFingerprint.minHash(of: Self.wire))
    }

    @Test func blankLinePartsAreTheComponentsBetweenBlankLines() {
        for text in ["", "one", "one\n\ntwo", "\n\none\n\n", "a\n\n\nb", "a\n\n\n\nb", "a\nb", "é\n\nüñ\n\n\n"] {
            #expect(Article.blankLineParts(of: text).map(String.init) == text.components(separatedBy: "\n\n"))
        }
    }
}
