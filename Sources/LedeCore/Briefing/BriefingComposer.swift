import Foundation

/// Writes one story's explainer from its sources. Extractive: every statement is a sentence
/// of a source, quoted exactly and cited; only headlines and questions are composed.
public struct BriefingComposer: Sendable {
    public init() {}

    /// - Parameters:
    ///   - reason: why the story was picked, from the ranker.
    ///   - now: the moment the edition is written for ("since yesterday" is measured from it).
    /// - Returns: `nil` when the sources hold too little text to explain the story.
    public func compose(_ material: StoryMaterial, reason: String, now: Date, profile: Profile? = nil) -> StoryBriefing? {
        let originals = material.originals
        let pool = SentencePool(articles: originals)
        guard pool.sentences.count >= 3 else { return nil }
        var used = Set<Int>()  // indexes into pool.sentences
        let context = DevelopmentContext(material: material, now: now)

        let leadArticle = mostCentralArticle(pool)
        let intro = introSentences(pool, article: leadArticle)
        used.formUnion(intro)
        let keyPoints = pickKeyPoints(pool, excluding: used)
        used.formUnion(keyPoints)
        // Keep the bottom line back before the questions take the remaining sentences.
        let bottom = pickBottomLine(pool, used: used, introOutlet: pool.sentences[intro.first ?? 0].outlet)
        if let bottom { used.insert(bottom) }

        var sections: [BriefingSection] = []
        for topic in chosenTopics(pool, context: context, used: used) {
            let picked = pickAnswer(topic, pool, context: context, used: used)
            guard !picked.isEmpty else { continue }
            used.formUnion(picked)
            sections.append(BriefingSection(question: QuestionCatalog.question(topic, figures: picked.flatMap { pool.sentences[$0].figures }), paragraphs: paragraphs(picked, pool)))
            if sections.count == 6 { break }
        }
        if let profile, let forYou = pickForReader(pool, profile: profile, used: used) {
            used.formUnion(forYou)
            let section = BriefingSection(question: "Why it matters for you", paragraphs: paragraphs(forYou, pool))
            // Keep it after "Why does it matter?" when there is one, else after the first answers.
            let position = (sections.firstIndex { $0.question == QuestionCatalog.question(.matters, figures: []) }).map { $0 + 1 } ?? min(2, sections.count)
            sections.insert(section, at: position)
            if sections.count > 6 { sections.removeLast() }
        }
        while sections.count < 3, let extra = fallbackSection(pool, used: used, number: sections.count) {
            used.formUnion(extra.indexes)
            sections.append(extra.section)
        }
        var story = StoryBriefing(
            id: material.story.id,
            headline: headline(material, pool: pool),
            reason: reason,
            keyPoints: keyPoints.map { pool.sentences[$0].text },
            keyPointCitations: keyPoints.map { [pool.sentences[$0].citation] },
            intro: intro.map { pool.sentences[$0].text }.joined(separator: " "),
            introCitations: intro.isEmpty ? [] : [pool.sentences[intro[0]].citation],
            sections: sections,
            bottomLine: bottom.map { CitedText(text: pool.sentences[$0].text, citations: [pool.sentences[$0].citation]) }
                ?? CitedText(text: "", citations: []),
            figures: keyFigures(pool),
            disagreements: FigureDisagreementFinder.disagreements(
                in: pool.sentences.flatMap { sentence in
                    sentence.figures.map { FigureMention(figure: $0, sentence: sentence.text, outlet: sentence.outlet, url: sentence.url) }
                }),
            sources: material.articles.map { SourceReference(outlet: $0.outlet, url: $0.url, title: $0.title, published: $0.published) })
        verify(&story, against: material)
        return story
    }

    /// Runs the figure and name check and removes answer paragraphs and figures that fail it,
    /// so nothing unchecked is shown; whatever still fails (a key point, the intro) is reported.
    func verify(_ story: inout StoryBriefing, against material: StoryMaterial) {
        let texts = Dictionary(material.articles.map { ($0.url, $0.title + "\n\n" + $0.text) }, uniquingKeysWith: { first, _ in first })
        let checker = StatementChecker(sourceTexts: texts)
        story.sections = story.sections.compactMap { section in
            let kept = section.paragraphs.filter { checker.check($0.text, citing: $0.citations.map(\.url)).passed }
            return kept.isEmpty ? nil : BriefingSection(question: section.question, paragraphs: kept)
        }
        story.figures = story.figures.filter { checker.check($0.sentence, citing: [$0.url]).passed }
        story.check = checker.check(story)
    }

    /// Sentences that tie the story to the reader's role, industry and interests.
    private func pickForReader(_ pool: SentencePool, profile: Profile, used: Set<Int>) -> [Int]? {
        let vocabulary = Set(([profile.role, profile.industry] + profile.interests).flatMap { Terms.terms(in: $0) })
            .subtracting(Self.genericProfileWords)
        guard !vocabulary.isEmpty else { return nil }
        let scored = pool.sentences.indices.compactMap { index -> (Int, Double)? in
            let sentence = pool.sentences[index]
            guard !used.contains(index), !sentence.needsContext else { return nil }
            let hits = Set(sentence.terms.keys).intersection(vocabulary).count
            guard hits > 0 else { return nil }
            let matters = QuestionCatalog.cueScore(.matters, sentence)
            return (index, Double(min(hits, 3)) * 0.3 + 0.3 * matters + 0.4 * sentence.score)
        }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        guard let best = scored.first, best.1 >= 0.7 else { return nil }
        var picked = [best.0]
        for (index, score) in scored.dropFirst() where picked.count < 2 && score >= 0.7 {
            if pool.sentences[index].outlet == pool.sentences[best.0].outlet { continue }
            if SentencePool.overlap(pool.sentences[index], pool.sentences[best.0]) > 0.4 { continue }
            picked.append(index)
        }
        return picked
    }

    /// Words of roles and industries too general to tie a sentence to a reader.
    static let genericProfileWords: Set<String> = Set(["analyst", "strategist", "industry", "market", "general", "news", "reader", "lead", "chief", "officer", "engineer"].map(Terms.stem))

    // MARK: - Headline and intro

    /// The title closest to what all the sources say.
    func headline(_ material: StoryMaterial, pool: SentencePool) -> String {
        let articles = material.originals
        guard articles.count > 1 else { return articles.first?.title ?? material.story.headline }
        let best = articles.indices.max { first, second in
            titleScore(articles[first].title, in: pool) < titleScore(articles[second].title, in: pool)
        }
        return best.map { articles[$0].title } ?? material.story.headline
    }

    /// How well a title says what all the sources say: its terms appear across the outlets,
    /// it names the story's main players and states a figure (a news headline rather than a
    /// column's angle).
    private func titleScore(_ title: String, in pool: SentencePool) -> Double {
        let terms = Set(Terms.terms(in: title))
        guard !terms.isEmpty else { return 0 }
        let articles = Double(max(1, Set(pool.sentences.map(\.article)).count))
        let articlesMentioning = terms.map { term in
            Set(pool.sentences.filter { $0.terms[term] != nil }.map(\.article)).count
        }
        let coverage = Double(articlesMentioning.reduce(0, +)) / Double(terms.count) / articles
        var nameCounts: [String: Int] = [:]
        for sentence in pool.sentences { for entity in sentence.entities { nameCounts[entity, default: 0] += 1 } }
        let mainNames = Set(nameCounts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(2).map(\.key))
        let titleNames = Set(EntityExtractor.entities(inSentences: [title]).map(\.key))
        let namesShare = mainNames.isEmpty ? 0 : Double(mainNames.intersection(titleNames).count) / Double(mainNames.count)
        let hasFigure = FigureExtractor.figures(in: title).contains { $0.kind != .date } ? 1.0 : 0
        return coverage + 0.5 * namesShare + 0.3 * hasFigure
    }

    /// The article whose sentences are most central overall.
    private func mostCentralArticle(_ pool: SentencePool) -> Int {
        var totals: [Int: (sum: Double, count: Int)] = [:]
        for sentence in pool.sentences where sentence.paragraph < 3 {
            totals[sentence.article, default: (0, 0)].sum += sentence.score
            totals[sentence.article, default: (0, 0)].count += 1
        }
        return totals.max { ($0.value.sum / Double($0.value.count), $1.key) < ($1.value.sum / Double($1.value.count), $0.key) }?.key ?? 0
    }

    /// The opening: the first one or two sentences of the lead article's first paragraph.
    private func introSentences(_ pool: SentencePool, article: Int) -> [Int] {
        let lead = pool.sentences.indices.filter { pool.sentences[$0].article == article }
        guard let first = lead.first else { return [] }
        var picked = [first]
        if lead.count > 1, pool.sentences[lead[1]].paragraph == pool.sentences[first].paragraph,
            pool.sentences[first].wordCount + pool.sentences[lead[1]].wordCount <= 60
        {
            picked.append(lead[1])
        }
        return picked
    }

    // MARK: - Key points

    /// Three sentences stating three distinct facts, from different outlets where possible.
    private func pickKeyPoints(_ pool: SentencePool, excluding used: Set<Int>) -> [Int] {
        let ranked = pool.sentences.indices.filter { !used.contains($0) && !pool.sentences[$0].needsContext }
            .sorted { (pool.sentences[$0].score, $1) > (pool.sentences[$1].score, $0) }
        var picked: [Int] = []
        // First pass demands distinct outlets and new figures; later passes relax.
        for strictness in [2, 1, 0] where picked.count < 3 {
            for index in ranked where picked.count < 3 && !picked.contains(index) {
                let candidate = pool.sentences[index]
                if picked.contains(where: { SentencePool.overlap(pool.sentences[$0], candidate) > 0.35 }) { continue }
                if strictness >= 1 {
                    let knownFigures = Set(picked.flatMap { pool.sentences[$0].figures.map(\.key) })
                    if !candidate.figures.isEmpty && candidate.figures.allSatisfy({ knownFigures.contains($0.key) }) { continue }
                    if candidate.figures.isEmpty && candidate.entities.isEmpty { continue }
                }
                if strictness == 2, picked.contains(where: { pool.sentences[$0].outlet == candidate.outlet }),
                    Set(pool.sentences.map(\.outlet)).count >= 3
                {
                    continue
                }
                picked.append(index)
            }
        }
        return picked
    }

    // MARK: - Sections

    private func chosenTopics(_ pool: SentencePool, context: DevelopmentContext, used: Set<Int>) -> [QuestionCatalog.Topic] {
        var topics: [QuestionCatalog.Topic] = [.happened]
        for topic in [QuestionCatalog.Topic.numbers, .exchange, .matters, .changed, .next, .risks] {
            let best = pool.sentences.indices.filter { !used.contains($0) }
                .map { cue(topic, pool.sentences[$0], context: context) }.max() ?? 0
            if best >= 0.5 { topics.append(topic) }
        }
        return topics
    }

    private func cue(_ topic: QuestionCatalog.Topic, _ sentence: CandidateSentence, context: DevelopmentContext) -> Double {
        guard topic == .changed else { return QuestionCatalog.cueScore(topic, sentence) }
        // New since yesterday: a figure first stated by an article of the last day, in an older story.
        guard context.isDeveloping, sentence.published >= context.dayStart else { return 0 }
        let new = sentence.figures.filter { $0.kind != .date && !context.earlierFigureKeys.contains($0.key) }.count
        return new > 0 ? 1 : 0.3
    }

    /// The best non-redundant sentences answering a topic, at most three, from different outlets first.
    private func pickAnswer(_ topic: QuestionCatalog.Topic, _ pool: SentencePool, context: DevelopmentContext, used: Set<Int>) -> [Int] {
        let scored = pool.sentences.indices.compactMap { index -> (Int, Double)? in
            guard !used.contains(index), !pool.sentences[index].needsContext else { return nil }
            let cue = cue(topic, pool.sentences[index], context: context)
            guard cue >= 0.5 else { return nil }
            return (index, 0.55 * cue + 0.45 * pool.sentences[index].score)
        }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }
        var picked: [Int] = []
        let limit = topic == .happened ? 2 : 3
        for preferNewOutlet in [true, false] {
            for (index, _) in scored where picked.count < limit && !picked.contains(index) {
                let candidate = pool.sentences[index]
                if preferNewOutlet && picked.contains(where: { pool.sentences[$0].outlet == candidate.outlet }) { continue }
                if picked.contains(where: { SentencePool.overlap(pool.sentences[$0], candidate) > 0.4 }) { continue }
                if used.contains(where: { SentencePool.overlap(pool.sentences[$0], candidate) > 0.5 }) { continue }
                picked.append(index)
            }
        }
        return picked
    }

    /// Groups sentences into paragraphs, one per article, sentences in source order.
    private func paragraphs(_ picked: [Int], _ pool: SentencePool) -> [CitedText] {
        var order: [Int] = []
        var byArticle: [Int: [Int]] = [:]
        for index in picked {
            let article = pool.sentences[index].article
            if byArticle[article] == nil { order.append(article) }
            byArticle[article, default: []].append(index)
        }
        return order.map { article in
            let sentences = byArticle[article, default: []].sorted { pool.sentences[$0].position < pool.sentences[$1].position }
            return CitedText(text: sentences.map { pool.sentences[$0].text }.joined(separator: " "), citations: [pool.sentences[sentences[0]].citation])
        }
    }

    private func fallbackSection(_ pool: SentencePool, used: Set<Int>, number: Int) -> (section: BriefingSection, indexes: [Int])? {
        let remaining = pool.sentences.indices.filter { !used.contains($0) && !pool.sentences[$0].needsContext }
            .sorted { (pool.sentences[$0].score, $1) > (pool.sentences[$1].score, $0) }
        var picked: [Int] = []
        for index in remaining where picked.count < 2 {
            if used.contains(where: { SentencePool.overlap(pool.sentences[$0], pool.sentences[index]) > 0.5 }) { continue }
            picked.append(index)
        }
        guard !picked.isEmpty else { return nil }
        let questions = ["What else do the sources say?", "What more is known?", "What other details stand out?"]
        return (BriefingSection(question: questions[number % questions.count], paragraphs: paragraphs(picked, pool)), picked)
    }

    // MARK: - Bottom line and figures

    static let conclusionCues = [
        "ultimately", "in the end", "bottom line", "for now", "overall", "the real", "what matters", "in short",
        "the upshot", "means", "signals", "sign that", "the message", "the result", "taken together", "either way",
        "beyond", "the bigger", "the broader", "the lesson", "the question", "whatever",
    ]

    private func pickBottomLine(_ pool: SentencePool, used: Set<Int>, introOutlet: String) -> Int? {
        let candidates = pool.sentences.indices.filter { !used.contains($0) && !pool.sentences[$0].needsContext }
        return candidates.max { first, second in
            bottomScore(pool.sentences[first], used: used, pool: pool, introOutlet: introOutlet)
                < bottomScore(pool.sentences[second], used: used, pool: pool, introOutlet: introOutlet)
        }
    }

    private func bottomScore(_ sentence: CandidateSentence, used: Set<Int>, pool: SentencePool, introOutlet: String) -> Double {
        let lowered = sentence.text.lowercased()
        let cue = Self.conclusionCues.contains { lowered.contains($0) } ? 0.4 : 0
        let redundancy = used.map { SentencePool.overlap(pool.sentences[$0], sentence) }.max() ?? 0
        let otherOutlet = sentence.outlet == introOutlet ? 0 : 0.1
        // Writers put their conclusions last.
        let closing = sentence.relativePosition >= 0.7 ? 0.15 : 0
        return sentence.score + cue + otherOutlet + closing - redundancy
    }

    /// The figures that matter, each once, with the sentence and outlet that state it:
    /// money and capacity first, then the figures most outlets agree on.
    func keyFigures(_ pool: SentencePool) -> [KeyFigure] {
        struct Entry {
            var figure: Figure
            var sentence: CandidateSentence
            var outlets: Set<String>
        }
        var entries: [String: Entry] = [:]
        var order: [String] = []
        for sentence in pool.sentences.sorted(by: { ($0.score, $1.position) > ($1.score, $0.position) }) {
            for figure in sentence.figures {
                if entries[figure.key] == nil {
                    entries[figure.key] = Entry(figure: figure, sentence: sentence, outlets: [])
                    order.append(figure.key)
                }
                entries[figure.key]?.outlets.insert(sentence.outlet)
            }
        }
        let priority: [Figure.Kind: Double] = [.money: 5, .capacity: 4, .energy: 3.5, .percentage: 3, .count: 3, .duration: 2, .date: 1]
        let ranked = order.compactMap { entries[$0] }.sorted { first, second in
            let a = (priority[first.figure.kind] ?? 0) + Double(first.outlets.count)
            let b = (priority[second.figure.kind] ?? 0) + Double(second.outlets.count)
            return a > b
        }
        var perKind: [Figure.Kind: Int] = [:]
        var result: [KeyFigure] = []
        for entry in ranked where result.count < 10 {
            guard perKind[entry.figure.kind, default: 0] < 6 else { continue }
            perKind[entry.figure.kind, default: 0] += 1
            result.append(
                KeyFigure(
                    text: entry.figure.display, asWritten: entry.figure.asWritten, kind: entry.figure.kind,
                    sentence: entry.sentence.text, outlet: entry.sentence.outlet, url: entry.sentence.url))
        }
        return result
    }
}

/// Whether a story is developing as of `now`, and what its sources said before the last day.
struct DevelopmentContext {
    var dayStart: Date
    var isDeveloping: Bool
    var earlierFigureKeys: Set<String>

    init(material: StoryMaterial, now: Date) {
        let dayStart = now.addingTimeInterval(-24 * 3600)
        let earlier = material.originals.filter { $0.published < dayStart }
        let isDeveloping = !earlier.isEmpty && material.originals.contains { $0.published >= dayStart }
        self.dayStart = dayStart
        self.isDeveloping = isDeveloping
        earlierFigureKeys = isDeveloping
            ? Set(earlier.flatMap { $0.paragraphs.flatMap(SentenceSplitter.sentences(in:)) }.flatMap { FigureExtractor.figures(in: $0).map(\.key) })
            : []
    }
}
