import Foundation
import LedeCore
import LedeDemo
import LedeEngine
import LedeSQLite
import Testing

/// Runs the whole pipeline in process on the bundled demo corpus, over loopback HTTP.
@Suite(.serialized) struct DemoPipelineTests {
    static func runDemo() async throws -> (store: SQLiteStore, site: CorpusSite, outcome: DemoRunner.Outcome) {
        let store = try SQLiteStore.inMemory()
        let site = try CorpusSite.bundledDemo()
        let outcome = try await DemoRunner(site: site, store: store).run(profileName: nil)
        return (store, site, outcome)
    }

    @Test func clusteringReproducesTheLabelledStories() async throws {
        let (store, site, _) = try await Self.runDemo()
        let articles = try await store.articles(publishedFrom: .distantPast, to: nil, userID: nil)
        #expect(articles.count == site.labels.articles.count)
        let predicted = Dictionary(articles.map { ($0.url, String($0.storyID ?? -$0.id)) }, uniquingKeysWith: { first, _ in first })
        let truth = Dictionary(site.labels.articles.map { ($0.url, $0.story) }, uniquingKeysWith: { first, _ in first })
        let quality = ClusteringQuality(predicted: predicted, truth: truth)
        #expect(quality.pairwiseF1 >= 0.9, "pairwise precision \(quality.pairwisePrecision), recall \(quality.pairwiseRecall)")
    }

    @Test func syndicatedCopiesAttachToTheirOriginal() async throws {
        let (store, site, _) = try await Self.runDemo()
        let articles = try await store.articles(publishedFrom: .distantPast, to: nil, userID: nil)
        let syndicatedStories = Set(site.labels.stories.filter { $0.kind == "syndicated" }.map(\.id))
        let copies = articles.filter { $0.duplicateOfID != nil }
        #expect(!copies.isEmpty)
        let labelByURL = Dictionary(site.labels.articles.map { ($0.url, $0.story) }, uniquingKeysWith: { first, _ in first })
        for copy in copies {
            #expect(syndicatedStories.contains(labelByURL[copy.url] ?? ""), "\(copy.url) is not a labelled copy")
            let original = try #require(articles.first { $0.id == copy.duplicateOfID })
            #expect(copy.storyID == original.storyID)
            #expect(copy.outlet != original.outlet)
        }
    }

    @Test func fetchingAgainAddsNothing() async throws {
        let (store, site, _) = try await Self.runDemo()
        let before = try await store.articleCount()
        let again = try await DemoRunner(site: site, store: store).run(profileName: nil)
        #expect(try await store.articleCount() == before)
        #expect(again.sources.allSatisfy { $0.newArticles == 0 && $0.error == nil })
    }

    @Test func bothDemoProfilesGetAnEdition() async throws {
        let (store, site, outcome) = try await Self.runDemo()
        #expect(outcome.briefing.stories.count >= 5)
        for profile in site.profiles {
            let edition = try await EditionService(store: store).brief(profile: profile, userID: outcome.user.id, now: outcome.now)
            #expect(edition.stories.count >= min(5, profile.storyCount))
            #expect(edition.stories.count <= profile.storyCount)
        }
    }
}
