import Foundation
import LedeCore

/// A followed source as the API shows it.
struct APISource: Codable, Sendable {
    struct Health: Codable, Sendable {
        var lastAttemptAt: Date?
        var lastSuccessAt: Date?
        var lastError: String?
        var consecutiveFailures: Int
        var paused: Bool
        var nextAttemptAt: Date?
    }

    var id: Int64
    var title: String
    var feedURL: String
    var siteURL: String?
    var folder: String?
    var addedAt: Date
    var health: Health

    init(_ subscription: Subscription) {
        let state = subscription.source.fetchState
        id = subscription.id
        title = subscription.displayTitle
        feedURL = subscription.source.feedURL
        siteURL = subscription.source.siteURL
        folder = subscription.folder
        addedAt = subscription.addedAt
        health = Health(
            lastAttemptAt: state.lastAttemptAt, lastSuccessAt: state.lastSuccessAt, lastError: state.lastError,
            consecutiveFailures: state.consecutiveFailures, paused: state.isPaused, nextAttemptAt: state.nextAttemptAt)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(feedURL, forKey: .feedURL)
        try container.encode(siteURL, forKey: .siteURL)
        try container.encode(folder, forKey: .folder)
        try container.encode(addedAt, forKey: .addedAt)
        try container.encode(health, forKey: .health)
    }
}

extension APISource.Health {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(lastAttemptAt, forKey: .lastAttemptAt)
        try container.encode(lastSuccessAt, forKey: .lastSuccessAt)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(consecutiveFailures, forKey: .consecutiveFailures)
        try container.encode(paused, forKey: .paused)
        try container.encode(nextAttemptAt, forKey: .nextAttemptAt)
    }
}

/// A story in a list.
struct APIStorySummary: Codable, Sendable {
    var id: Int64
    var headline: String
    var firstPublished: Date
    var lastPublished: Date
}

/// One story: its explainer (when its sources hold enough text), timeline, figures, sources.
struct APIStoryDetail: Encodable, Sendable {
    struct Source: Encodable, Sendable {
        var outlet: String
        var url: String
        var title: String
        var published: Date
    }

    var id: Int64
    var headline: String
    var firstPublished: Date
    var lastPublished: Date
    var explainer: StoryBriefing?
    var timeline: [StoryTimeline.Entry]
    var disagreements: [FigureDisagreement]
    var sources: [Source]

    init(_ detail: StoryLookup.Detail) {
        id = detail.story.id
        headline = detail.explainer?.headline ?? detail.story.headline
        firstPublished = detail.story.firstPublished
        lastPublished = detail.story.lastPublished
        explainer = detail.explainer
        timeline = detail.timeline.entries
        disagreements = detail.disagreements
        sources = detail.originals.map { Source(outlet: $0.outlet, url: $0.url, title: $0.title, published: $0.published) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(headline, forKey: .headline)
        try container.encode(firstPublished, forKey: .firstPublished)
        try container.encode(lastPublished, forKey: .lastPublished)
        try container.encode(explainer, forKey: .explainer)
        try container.encode(timeline, forKey: .timeline)
        try container.encode(disagreements, forKey: .disagreements)
        try container.encode(sources, forKey: .sources)
    }

    enum CodingKeys: String, CodingKey { case id, headline, firstPublished, lastPublished, explainer, timeline, disagreements, sources }
}

struct APIEditionDay: Codable, Sendable {
    var date: String
    var profile: String
    var href: String
}

struct APIConversationSummary: Codable, Sendable {
    var id: String
    var title: String
    var startedAt: Date
    var questions: Int
}

struct APIConversation: Codable, Sendable {
    struct Turn: Codable, Sendable {
        var question: String
        var answer: Answer
        var askedAt: Date
    }

    var id: String
    var startedAt: Date
    var turns: [Turn]

    init(_ conversation: Conversation) {
        id = conversation.id
        startedAt = conversation.startedAt
        turns = conversation.turns.map { Turn(question: $0.question, answer: $0.answer, askedAt: $0.askedAt) }
    }
}

/// `POST /api/v1/sources`
struct APIAddSource: Decodable, Sendable {
    var url: String
}

/// `POST /api/v1/ask`
struct APIAsk: Decodable, Sendable {
    var question: String
    var conversation: String?
    var story: Int64?
}

/// `POST /api/v1/stories/{id}/feedback`
struct APIFeedback: Codable, Sendable {
    var kind: Feedback.Kind
}

struct APIFeedbackRecorded: Codable, Sendable {
    var story: Int64
    var kind: Feedback.Kind
}

/// `PUT /api/v1/profile`: fields left out keep their value.
struct APIProfileUpdate: Decodable, Sendable {
    var name: String?
    var preset: String?
    var role: String?
    var industry: String?
    var interests: [String]?
    var mutes: [String]?
    var stories: Int?
}

/// The progress of the reader's background fetch.
struct FetchProgressBody: Encodable, Sendable {
    var state: String
    var total: Int
    var done: Int
    var percent: Int
    var newArticles: Int
    var failedSources: Int
    var message: String
    var startedAt: Date?
    var finishedAt: Date?

    init(_ progress: FetchRun) {
        state = progress.state.rawValue
        total = progress.total
        done = progress.done
        percent = progress.percent
        newArticles = progress.newArticles
        failedSources = progress.failedSources
        message = progress.message
        startedAt = progress.startedAt
        finishedAt = progress.finishedAt
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(total, forKey: .total)
        try container.encode(done, forKey: .done)
        try container.encode(percent, forKey: .percent)
        try container.encode(newArticles, forKey: .newArticles)
        try container.encode(failedSources, forKey: .failedSources)
        try container.encode(message, forKey: .message)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
    }

    enum CodingKeys: String, CodingKey { case state, total, done, percent, newArticles, failedSources, message, startedAt, finishedAt }
}
