import Foundation
import LedeCore
import LedeEngine

enum LedeEngineAsk {
    /// Asks through the engine and returns the conversation's id.
    static func ask(store: any LedeStore, question: String, userID: Int64, now: Date) async throws -> String {
        try await AskService(store: store).ask(question, userID: userID, now: now).conversation
    }
}
