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

    @Test func referenceQuestionsGetTheRightFigures() async throws {
        let ask = AskService(store: try await Self.demoStore())
        let stake = try await ask.ask("Is this really a $33 billion stake?")
        #expect(stake.answered)
        #expect(stake.answer.contains("33"))
        let invest = try await ask.ask("How much will Amazon invest in Anthropic right away?")
        #expect(invest.answered)
        #expect(invest.answer.contains("$5 billion") || invest.answer.contains("$5bn"))
        let giveBack = try await ask.ask("What did Anthropic give back?")
        #expect(giveBack.answered)
        #expect(giveBack.answer.contains("100"))
    }

    @Test func answersCiteTheSentencesTheyQuote() async throws {
        let answer = try await AskService(store: try await Self.demoStore()).ask("How many customers use Claude through Amazon Bedrock?")
        #expect(answer.answered)
        #expect(answer.answer.hasPrefix("100,000 customers"))
        for citation in answer.citations {
            #expect(answer.answer.contains("\(citation.sentence) (\(citation.outlet))"))
        }
    }

    @Test func declinesWhatTheSourcesDoNotSay() async throws {
        let answer = try await AskService(store: try await Self.demoStore()).ask("What is Anthropic's annual revenue?")
        #expect(!answer.answered)
        #expect(answer.answer.hasPrefix("Your sources don't say"))
    }

    @Test func followUpsResolveAgainstTheConversation() async throws {
        let store = try await Self.demoStore()
        let ask = AskService(store: store)
        let first = try await ask.ask("How much will Amazon invest in Anthropic?")
        let followUp = try await ask.ask("And what did it commit to spend on AWS?", conversationID: first.conversation)
        #expect(followUp.answered)
        #expect(followUp.answer.contains("100"))
        #expect(followUp.conversation == first.conversation)
        let stored = try #require(try await store.conversation(id: first.conversation))
        #expect(stored.turns.count == 2)
    }
}
