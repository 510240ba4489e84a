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
}
