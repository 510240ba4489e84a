/// Writes the reader-facing text of an answer from what the finder chose.
public enum AnswerWriter {
    public static func answer(for finding: AnswerFinder.Finding, question: String, conversation: String) -> Answer {
        let citations = finding.sentences.map {
            AnswerCitation(outlet: $0.passage.outlet, url: $0.passage.url, sentence: $0.sentence)
        }
        let quoted = finding.sentences.map { "\($0.sentence) (\($0.passage.outlet))" }.joined(separator: " ")
        let text: String
        if finding.answered {
            text = (finding.lead.map { "\($0). " } ?? "") + quoted
        } else if finding.sentences.isEmpty {
            text = "Your sources don't say. None of the articles Lede has read mentions what “\(question)” asks about."
        } else {
            text = "Your sources don't say. None of the articles Lede has read answers “\(question)”. The closest passages: " + quoted
        }
        return Answer(
            answer: text, answered: finding.answered, citations: citations, conversation: conversation, question: question,
            storyID: finding.answered ? finding.sentences.first?.passage.storyID : nil)
    }
}
