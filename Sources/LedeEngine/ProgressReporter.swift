/// Where long work reports what it is doing (the command line prints to stderr).
public protocol ProgressReporter: Sendable {
    func report(_ message: String)
}

/// Discards progress.
public struct SilentProgress: ProgressReporter {
    public init() {}
    public func report(_ message: String) {}
}
