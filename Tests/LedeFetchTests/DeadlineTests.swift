import Foundation
import Testing

@testable import LedeFetch

@Suite(.timeLimit(.minutes(1)))
struct DeadlineTests {
    struct Late: Error {}

    @Test func givesUpOnTimeEvenWhenTheWorkIgnoresCancellation() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        await #expect(throws: Late.self) {
            try await Deadline.run(within: .milliseconds(200), onTimeout: { Late() }) {
                // Blocks a thread, deaf to cancellation, like a slow getaddrinfo.
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().async {
                        Thread.sleep(forTimeInterval: 20)
                        continuation.resume()
                    }
                }
                return 1
            }
        }
        // Far less than the 20 s the work takes, with room for a loaded machine.
        #expect(clock.now - start < .seconds(10))
    }

    @Test func returnsTheWorksResultWhenItIsOnTime() async throws {
        let value = try await Deadline.run(within: .seconds(5), onTimeout: { Late() }) { 42 }
        #expect(value == 42)
    }

    @Test func passesTheWorksErrorThrough() async throws {
        struct Broken: Error {}
        await #expect(throws: Broken.self) {
            try await Deadline.run(within: .seconds(5), onTimeout: { Late() }) { () async throws -> Int in throw Broken() }
        }
    }

    @Test func cancellingTheCallerStopsWaiting() async throws {
        let task = Task {
            try await Deadline.run(within: .seconds(30), onTimeout: { Late() }) {
                try await Task.sleep(for: .seconds(30))
                return 0
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await #expect(throws: CancellationError.self) { _ = try await task.value }
    }

    @Test func systemResolverStopsWaitingWhenCancelled() async throws {
        let task = Task { try await SystemHostResolver().addresses(for: "localhost") }
        task.cancel()
        // Either it already answered or it gave up at once; it never hangs.
        _ = try? await task.value
    }
}
