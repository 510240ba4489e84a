import Foundation
import LedeCore
import LedeDemo
import LedeEngine
import LedeSQLite
import Testing

/// Questions asked of the demo corpus, as a reader of the Amazon and Anthropic briefing would.
@Suite(.serialized) struct AskServiceTests {
    static func demoStore() async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        _ = try await DemoRunner(site: try CorpusSite.bundledDemo(), store: store).run(profileName: nil)
        return store
    }

    /// The demo's reader: the store's local reader.
    static func reader(_ store: SQLiteStore) async throws -> Int64 { try await store.localUser().id }

    @Test func referenceQuestionsGetTheRightFigures() async throws {
        let store = try await Self.demoStore()
        let reader = try await Self.reader(store)
        let ask = AskService(store: store)
        let stake = try await ask.ask("Is this really a $33 billion stake?", userID: reader)
        #expect(stake.answered)
        #expect(stake.answer.contains("33"))
        let invest = try await ask.ask("How much will Amazon invest in Anthropic right away?", userID: reader)
        #expect(invest.answered)
        #expect(invest.answer.contains("$5 billion") || invest.answer.contains("$5bn"))
        let giveBack = try await ask.ask("What did Anthropic give back?", userID: reader)
        #expect(giveBack.answered)
        #expect(giveBack.answer.contains("100"))
    }

    @Test func answersCiteTheSentencesTheyQuote() async throws {
        let store = try await Self.demoStore()
        let answer = try await AskService(store: store).ask("How many customers use Claude through Amazon Bedrock?", userID: try await Self.reader(store))
        #expect(answer.answered)
        #expect(answer.answer.hasPrefix("100,000 customers"))
        for citation in answer.citations {
            #expect(answer.answer.contains("\(citation.sentence) (\(citation.outlet))"))
        }
    }

    @Test func anotherReaderCannotContinueTheConversation() async throws {
        let store = try await Self.demoStore()
        let first = try await AskService(store: store).ask("How much will Amazon invest in Anthropic?", userID: try await Self.reader(store))
        let other = try await store.createUser(name: "other", passwordHash: nil, isAdmin: false, now: Date())
        await #expect(throws: StoreError.self) {
            _ = try await AskService(store: store).ask("And what else?", userID: other.id, conversationID: first.conversation)
        }
        let answer = try await AskService(store: store).ask("How much will Amazon invest in Anthropic?", userID: other.id)
        #expect(!answer.answered, "a reader who follows nothing gets no answer from others' feeds")
    }

    @Test func declinesWhatTheSourcesDoNotSay() async throws {
        let store = try await Self.demoStore()
        let answer = try await AskService(store: store).ask("What is Anthropic's annual revenue?", userID: try await Self.reader(store))
        #expect(!answer.answered)
        #expect(answer.answer.hasPrefix("Your sources don't say"))
    }

    @Test func followUpsResolveAgainstTheConversation() async throws {
        let store = try await Self.demoStore()
        let ask = AskService(store: store)
        let reader = try await Self.reader(store)
        let first = try await ask.ask("How much will Amazon invest in Anthropic?", userID: reader)
        let followUp = try await ask.ask("And what did it commit to spend on AWS?", userID: reader, conversationID: first.conversation)
        #expect(followUp.answered)
        #expect(followUp.answer.contains("100"))
        #expect(followUp.conversation == first.conversation)
        let stored = try #require(try await store.conversation(id: first.conversation, userID: reader))
        #expect(stored.turns.count == 2)
    }
}
