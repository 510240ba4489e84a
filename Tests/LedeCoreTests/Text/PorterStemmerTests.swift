import LedeCore
import Testing

@Suite struct PorterStemmerTests {
    @Test(arguments: [
        ("caresses", "caress"), ("ponies", "poni"), ("cats", "cat"), ("feed", "feed"), ("agreed", "agre"),
        ("plastered", "plaster"), ("motoring", "motor"), ("sing", "sing"), ("conflated", "conflat"),
        ("hopping", "hop"), ("filing", "file"), ("happy", "happi"), ("relational", "relat"),
        ("electrical", "electr"), ("adjustment", "adjust"), ("fined", "fine"), ("fines", "fine"),
        ("investing", "invest"), ("investments", "invest"), ("gigawatts", "gigawatt"),
    ])
    func stemsAsPorterDoes(word: String, stem: String) {
        #expect(PorterStemmer.stem(word) == stem)
    }

    @Test func leavesShortWordsAndNumbersAlone() {
        #expect(PorterStemmer.stem("us") == "us")
        #expect(PorterStemmer.stem("5gw") == "5gw")
    }
}
