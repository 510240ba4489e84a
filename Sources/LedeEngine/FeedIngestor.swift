import Foundation
import LedeCore
import LedeExtraction
import LedeFeeds
import LedeFetch
import Logging

/// Fetches a source's feed, then the pages of its new items, extracts their text, recognises
/// copies of articles already stored and stores the rest. One source's failure is recorded
/// on that source and never touches the others or the articles already stored.
public struct FeedIngestor: Sendable {
    let store: any LedeStore
    let fetcher: HTTPFetcher
    let progress: any ProgressReporter
    let logger: Logger
    let parser = FeedParser()
    let extractor = ArticleExtractor()
    let assembler = ArticleAssembler()
    /// Pages fetched at once from one source (one host, so keep it polite).
    var pagesAtOnce = 3
    /// Feed items read, fetched and stored together.
    var itemsPerBatch = 200

    public init(store: any LedeStore, fetcher: HTTPFetcher, progress: any ProgressReporter = SilentProgress(), logger: Logger = Logger(label: "lede.ingest")) {
        self.store = store
        self.fetcher = fetcher
        self.progress = progress
        self.logger = logger
    }

    /// What one source's fetch did.
    public struct SourceReport: Sendable {
        public var source: Source
        public var newArticles = 0
        public var duplicates = 0
        /// Articles the source edited since they were stored, refreshed in place.
        public var updatedArticles = 0
        /// Items read from the feed, stored or not.
        public var itemsRead = 0
        public var notModified = false
        public var error: String?
    }

    /// Fetches every due feed (or every due feed one reader follows), a few at a time.
    public func ingestAll(now: Date, force: Bool = true, userID: Int64? = nil) async throws -> [SourceReport] {
        let all: [Source]
        if let userID {
            all = try await store.subscriptions(userID: userID).map(\.source)
        } else {
            all = try await store.sources()
        }
        let sources = all.filter { $0.fetchState.isDue(at: now, force: force) }
        progress.report("Fetching \(sources.count) source\(sources.count == 1 ? "" : "s")…")
        return await withTaskGroup(of: SourceReport.self) { group in
            var reports: [SourceReport] = []
            var pending = sources[...]
            for _ in 0..<min(4, pending.count) {
                if let source = pending.popFirst() { group.addTask { await self.ingest(source, now: now) } }
            }
            for await report in group {
                reports.append(report)
                if let source = pending.popFirst() { group.addTask { await self.ingest(source, now: now) } }
            }
            return reports.sorted { $0.source.id < $1.source.id }
        }
    }

    /// Fetches one source and stores its new articles.
    public func ingest(_ source: Source, now: Date) async -> SourceReport {
        var report = SourceReport(source: source)
        var source = source
        do {
            let response = try await fetcher.fetch(
                FetchRequest(url: source.feedURL, kind: .feed, etag: source.fetchState.etag, lastModified: source.fetchState.lastModified))
            if response.notModified {
                source.fetchState = source.fetchState.recordingSuccess(at: now, etag: response.etag, lastModified: response.lastModified)
                try await store.updateSource(source)
                report.source = source
                report.notModified = true
                progress.report("\(source.outletLabel): not modified")
                return report
            }
            // Items are read and stored a batch at a time, so a feed with 100,000 items is
            // never held whole in memory and what was stored survives an interruption.
            let known = try await store.knownItemKeys(sourceID: source.id)
            var seen = Set<String>()
            var description: ParsedFeed?
            let batches = FeedBatchReader(
                body: response.body, url: URL(string: response.finalURL), contentType: response.contentType, batchSize: itemsPerBatch)
            do {
                for try await event in batches {
                    switch event {
                    case .items(let items):
                        try await storeItems(items, of: source, known: known, seen: &seen, now: now, report: &report)
                        if report.itemsRead / 5000 > (report.itemsRead - items.count) / 5000 {
                            progress.report("\(source.outletLabel): \(report.itemsRead) items read…")
                        }
                    case .finished(let feed):
                        description = feed
                    }
                }
            } catch let error as FeedParserError {
                throw IngestError.notAFeed(url: source.feedURL, reason: "\(error)")
            }
            source.title = description?.title ?? source.title
            source.siteURL = description?.link ?? source.siteURL
            source.fetchState = source.fetchState.recordingSuccess(at: now, etag: response.etag, lastModified: response.lastModified)
            try await store.updateSource(source)
            report.source = source
            progress.report("\(source.outletLabel): \(report.newArticles) new article\(report.newArticles == 1 ? "" : "s")"
                + (report.duplicates > 0 ? ", \(report.duplicates) cop\(report.duplicates == 1 ? "y" : "ies") of stored articles" : ""))
        } catch {
            let message = (error as? FetchError)?.description ?? (error as? IngestError)?.description ?? "\(error)"
            source.fetchState = source.fetchState.recordingFailure(at: now, message: message, retryAfter: (error as? FetchError)?.retryAfter)
            try? await store.updateSource(source)
            report.source = source
            report.error = message
            progress.report("\(source.outletLabel): \(message)")
            logger.warning("fetch failed", metadata: ["feed.url": "\(source.feedURL)", "error": "\(message)"])
        }
        return report
    }

    /// Stores one batch of a feed's items: new ones after fetching their pages, edited ones
    /// refreshed in place, the rest (already stored, or repeated within the feed) skipped.
    private func storeItems(
        _ items: [ParsedItem], of source: Source, known: Set<String>, seen: inout Set<String>, now: Date, report: inout SourceReport
    ) async throws {
        report.itemsRead += items.count
        var newItems: [ParsedItem] = []
        var editedItems: [(ParsedItem, Article)] = []
        for item in items {
            let key = ArticleAssembler.itemKey(item)
            guard seen.insert(key).inserted else { continue }
            if !known.contains(key) {
                newItems.append(item)
            } else if let updated = item.updated, let stored = try await store.article(sourceID: source.id, itemKey: key),
                updated > (stored.updated ?? stored.published)
            {
                // The source edited the item since Lede stored it: refresh it in place.
                editedItems.append((item, stored))
            }
        }
        let articles = await assembleArticles(newItems, source: source, now: now)
        for stored in try await storeDeduplicated(articles) {
            if stored.duplicateOfID != nil { report.duplicates += 1 } else { report.newArticles += 1 }
        }
        let refreshed = await assembleArticles(editedItems.map(\.0), source: source, now: now)
        for (article, (_, stored)) in zip(refreshed, editedItems) {
            var updated = stored
            updated.title = article.title
            updated.byline = article.byline
            updated.updated = article.updated
            updated.summary = article.summary
            updated.text = article.text
            updated.contentHash = article.contentHash
            try await store.updateArticle(updated)
            report.updatedArticles += 1
        }
    }

    /// Fetches the items' pages a few at a time and extracts each as it arrives, keeping feed
    /// order. Only the waiting is done side by side: extraction runs in this job's own task,
    /// so a job keeps at most one core busy and a worker's CPU use is set by how many jobs it
    /// runs at once (`lede worker --concurrency`), which is what lets workers added on more
    /// cores add their speed rather than contend with each other.
    private func assembleArticles(_ items: [ParsedItem], source: Source, now: Date) async -> [NewArticle] {
        await withTaskGroup(of: (Int, FetchResponse?).self) { group in
            var results: [Int: NewArticle] = [:]
            var next = 0
            func schedule() {
                guard next < items.count else { return }
                let index = next
                let item = items[index]
                next += 1
                group.addTask { (index, await self.fetchPage(of: item)) }
            }
            for _ in 0..<pagesAtOnce { schedule() }
            for await (index, response) in group {
                schedule()
                let item = items[index]
                let page = response.flatMap { extract($0, of: item) }
                results[index] = assembler.assemble(item: item, page: page, source: source, now: now)
            }
            return (0..<items.count).compactMap { results[$0] }
        }
    }

    /// The item's page; `nil` when it has no link or the fetch failed, in which case the
    /// feed's own content is used.
    private func fetchPage(of item: ParsedItem) async -> FetchResponse? {
        guard let link = item.link else { return nil }
        do {
            return try await fetcher.fetch(FetchRequest(url: link, kind: .page))
        } catch {
            logger.info("page not used", metadata: ["article.url": "\(link)", "reason": "\(error)"])
            return nil
        }
    }

    /// The page's article; `nil` when the page gives none.
    private func extract(_ response: FetchResponse, of item: ParsedItem) -> ArticleAssembler.Page? {
        do {
            let extracted = try extractor.extract(response.body, url: URL(string: response.finalURL), contentType: response.contentType)
            return ArticleAssembler.Page(finalURL: response.finalURL, extracted: extracted)
        } catch {
            logger.info("page not used", metadata: ["article.url": "\(item.link ?? response.finalURL)", "reason": "\(error)"])
            return nil
        }
    }

    /// Stores articles in one write per batch, attaching each to the stored article it copies if
    /// there is one: same address, same text, or nearly the same text (syndicated copies).
    func storeDeduplicated(_ articles: [NewArticle]) async throws -> [Article] {
        var stored: [Article] = []
        var pending: [NewArticle] = []
        func flush() async throws {
            guard !pending.isEmpty else { return }
            let inserted = try await store.insertArticles(pending)
            guard inserted.count == pending.count else { throw IngestError.notStored(url: pending[0].url) }
            stored += inserted
            pending.removeAll()
        }
        for var article in articles {
            // A copy of an article still waiting to be written must find it in the store.
            if pending.contains(where: { Self.mayCopy(article, $0) }) { try await flush() }
            if let original = try await original(of: article) {
                article.duplicateOfID = original.duplicateOfID ?? original.id
                article.storyID = original.storyID
            }
            pending.append(article)
        }
        try await flush()
        return stored
    }

    /// Whether `article` could be a copy of `other` by the tests `original(of:)` makes.
    static func mayCopy(_ article: NewArticle, _ other: NewArticle) -> Bool {
        if article.urlKey == other.urlKey { return true }
        guard !article.text.isEmpty else { return false }
        if article.contentHash == other.contentHash { return true }
        guard !article.minHash.isEmpty, !other.minHash.isEmpty else { return false }
        return article.minHash.similarity(to: other.minHash) >= nearDuplicateSimilarity
    }

    static let nearDuplicateSimilarity = 0.6

    private func original(of article: NewArticle) async throws -> Article? {
        if let sameAddress = try await store.article(urlKey: article.urlKey) { return sameAddress }
        guard !article.text.isEmpty else { return nil }
        if let sameText = try await store.article(contentHash: article.contentHash) { return sameText }
        guard !article.minHash.isEmpty else { return nil }
        let candidates = try await store.nearDuplicateCandidates(bandKeys: article.minHash.bandKeys)
        return candidates
            .map { ($0.article, $0.minHash.similarity(to: article.minHash)) }
            .filter { $0.1 >= Self.nearDuplicateSimilarity }
            .max { ($0.1, $1.0.id) < ($1.1, $0.0.id) }?.0
    }
}

/// Ingestion failures that are not the network's.
public enum IngestError: Error, Sendable, CustomStringConvertible {
    case notAFeed(url: String, reason: String)
    case notStored(url: String)

    public var description: String {
        switch self {
        case .notAFeed(let url, let reason):
            "\(url) is not a feed Lede can read (\(reason)); give the address of an RSS, Atom or JSON feed, or of a page that links to one."
        case .notStored(let url): "The article \(url) could not be stored."
        }
    }
}
