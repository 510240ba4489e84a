import Foundation

/// Jobs of one kind that a claim takes only once they have waited a while, because another
/// worker is better placed to run them sooner: clustering goes to the worker that ran it last
/// and still holds its stories in memory (another would first have to read back everything
/// that worker saved). If that worker is busy or gone, the job is taken after the wait; when
/// no other worker holds a live lease, there is no one to leave it to, and it is taken at once.
public struct JobDeferral: Sendable, Hashable {
    public var kind: JobKind
    /// Jobs of `kind` are claimed only when they were due at or before this moment.
    public var dueBy: Date

    public init(kind: JobKind, dueBy: Date) {
        self.kind = kind
        self.dueBy = dueBy
    }
}
