import Foundation
import Synchronization

/// Where the web app reads the time: the system clock when serving, a fixed moment when a
/// corpus from another day is served as if current, a settable one in tests.
public struct WebClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) {
        self.read = read
    }

    public func now() -> Date { read() }

    public static let system = WebClock { Date() }

    /// A clock that keeps moving from `start` at the real pace.
    public static func starting(at start: Date) -> WebClock {
        let offset = start.timeIntervalSinceNow
        return WebClock { Date().addingTimeInterval(offset) }
    }
}

/// A clock that tests move by hand.
public final class ManualClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date) {
        current = Mutex(start)
    }

    public func advance(by interval: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(interval) }
    }

    public var clock: WebClock {
        WebClock { self.current.withLock { $0 } }
    }
}
