import Foundation
import LedeFeeds

/// Reads a feed's items in batches for async code, holding at most two batches in memory.
///
/// The parser is synchronous and hands its items to a callback as it reads them; storing them
/// is asynchronous. The parser therefore runs on a thread of its own and, after each batch,
/// waits until the consumer asks for the next one, so a feed with 100,000 items never has them
/// all in memory at once (only its bytes, bounded by the fetch size cap).
struct FeedBatchReader: AsyncSequence, Sendable {
    enum Event: Sendable {
        case items([ParsedItem])
        /// The feed's own description (`items` empty), after the last batch.
        case finished(ParsedFeed)
    }

    let body: Data
    let url: URL?
    let contentType: String?
    let batchSize: Int

    struct Iterator: AsyncIteratorProtocol {
        var events: AsyncThrowingStream<Event, any Error>.Iterator
        let room: DispatchSemaphore
        var askedBefore = false

        mutating func next() async throws -> Event? {
            // Asking for the next batch means the previous one is done with: let the parser go on.
            if askedBefore { room.signal() }
            askedBefore = true
            return try await events.next()
        }
    }

    func makeAsyncIterator() -> Iterator {
        let (events, continuation) = AsyncThrowingStream<Event, any Error>.makeStream()
        let room = DispatchSemaphore(value: 1)
        let abandoned = Flag()
        continuation.onTermination = { _ in
            // The consumer stopped early: release the parser, which then skips the rest.
            abandoned.set()
            room.signal()
        }
        let (body, url, contentType, batchSize) = (body, url, contentType, batchSize)
        let thread = Thread {
            do {
                let feed = try FeedParser().parse(body, url: url, contentType: contentType, batchSize: batchSize) { batch in
                    guard !abandoned.isSet else { return }
                    room.wait()
                    if !abandoned.isSet { continuation.yield(.items(batch)) }
                }
                continuation.yield(.finished(feed))
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        thread.name = "lede.feed-parser"
        thread.start()
        return Iterator(events: events.makeAsyncIterator(), room: room)
    }
}

/// A flag set once, from any thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
