import Foundation
import LedeCore

/// Checks of the job queue: idempotent scheduling, leases that expire and fence, attempts,
/// failures and releases, so that workers behave the same on every store.
extension StoreConformance {
    static let owner = "test-worker"
    static let lease: TimeInterval = 60

    /// Claims one job, failing the check when none is handed out.
    static func claimOne(_ store: any LedeStore, at date: Date, owner: String = owner) async throws -> Job {
        let claimed = try await store.claimJobs(limit: 1, owner: owner, leaseDuration: lease, now: date)
        try expect(claimed.count == 1, "one job claimed at \(date)")
        return claimed[0]
    }

    static func leaseOf(_ job: Job) throws -> JobLease {
        try required(job.lease, "a claimed job carries its lease")
    }

    static func refusesLostLease(_ what: String, _ change: () async throws -> Void) async throws {
        var lost = false
        do { try await change() } catch JobError.leaseLost { lost = true }
        try expect(lost, "\(what) with a lost lease throws leaseLost")
    }

    static let jobChecks: [Check] = [
        Check(name: "enqueueing a job that waits or runs does not add another") { store in
            try expect(try await store.enqueueJobs([.fetch(sourceID: 7, at: now), .fetch(sourceID: 7, at: now)], now: now) == 1, "one added")
            try expect(try await store.enqueueJobs([.fetch(sourceID: 7, at: now)], now: now) == 0, "pending: not again")
            let job = try await claimOne(store, at: now)
            try expect(job.kind == .fetch && job.subjectID == 7 && job.state == .running && job.attempts == 1, "claimed as running")
            try expect(try await store.enqueueJobs([.fetch(sourceID: 7, at: now)], now: now) == 0, "running: not again")
            try expect(try await store.enqueueJobs([.cluster(at: now), .cluster(at: now)], now: now) == 1, "one clustering job")
            try await store.completeJob(try leaseOf(job), now: now)
            try expect(try await store.enqueueJobs([.fetch(sourceID: 7, at: now)], now: now) == 1, "done: may run again")
            try expect(try await store.jobs(states: [.done], limit: 10).map(\.id) == [job.id], "completion recorded")
        },
        Check(name: "an edition asked for while one is written waits behind it") { store in
            try await store.enqueueJobs([.edition(userID: 1, at: now)], now: now)
            let running = try await claimOne(store, at: now)
            try expect(try await store.enqueueJobs([.edition(userID: 1, at: now)], now: now) == 1, "queued behind the running one")
            try expect(try await store.enqueueJobs([.edition(userID: 1, at: now)], now: now) == 0, "but only one waits")
            try expect(try await store.enqueueJobs([.edition(userID: 2, at: now)], now: now) == 1, "another reader's is separate")
            try await store.completeJob(try leaseOf(running), now: now)
        },
        Check(name: "claims take due jobs by priority and never hand one out twice") { store in
            try await store.enqueueJobs(
                [.fetch(sourceID: 1, at: now), .edition(userID: 1, at: now), .fetch(sourceID: 2, at: now.addingTimeInterval(30)), .cluster(at: now)],
                now: now)
            let first = try await store.claimJobs(limit: 2, owner: "a", leaseDuration: lease, now: now)
            try expect(first.map(\.kind) == [.cluster, .edition], "highest priority first")
            let second = try await store.claimJobs(limit: 5, owner: "b", leaseDuration: lease, now: now)
            try expect(second.map(\.subjectID) == [1] && second.first?.kind == .fetch, "the rest that is due, not the later one")
            try expect(try await store.claimJobs(limit: 5, owner: "c", leaseDuration: lease, now: now).isEmpty, "nothing left now")
            try expect(second.first?.lease?.owner == "b" && second.first?.lease?.until == now.addingTimeInterval(lease), "lease recorded")
            // Due within the others' leases, so only it is handed out (after the leases expire,
            // the expired jobs would come first by priority).
            let later = try await store.claimJobs(limit: 5, owner: "c", leaseDuration: lease, now: now.addingTimeInterval(30))
            try expect(later.map(\.subjectID) == [2], "the later job once due")
            let summary = try await store.jobSummary(now: now.addingTimeInterval(30))
            try expect(summary.running == 4 && summary.due == 0 && summary.later == 0, "four running")
        },
        Check(name: "a deferred kind is claimed only once it was due by the deferral's moment") { store in
            try await store.enqueueJobs([.cluster(at: now), .fetch(sourceID: 1, at: now), .fetch(sourceID: 2, at: now)], now: now)
            let waiting = JobDeferral(kind: .cluster, dueBy: now.addingTimeInterval(-30))
            // Alone, a worker has no one to leave the job to.
            let alone = try await store.claimJobs(limit: 1, owner: "warm", leaseDuration: lease, now: now, deferring: waiting)
            try expect(alone.map(\.kind) == [.cluster], "taken at once when no other worker holds a lease")
            try await store.completeJob(try leaseOf(alone[0]), now: now)
            let fetching = try await store.claimJobs(limit: 1, owner: "warm", leaseDuration: lease, now: now, deferring: nil)
            try expect(fetching.map(\.subjectID) == [1], "the warm worker fetches")
            try await store.enqueueJobs([.cluster(at: now)], now: now)
            let first = try await store.claimJobs(limit: 5, owner: "cold", leaseDuration: lease, now: now, deferring: waiting)
            try expect(first.map(\.subjectID) == [2], "while another worker holds a lease, the new clustering job is passed over")
            let waited = JobDeferral(kind: .cluster, dueBy: now)
            let second = try await store.claimJobs(limit: 5, owner: "cold", leaseDuration: lease, now: now.addingTimeInterval(30), deferring: waited)
            try expect(second.map(\.kind) == [.cluster], "and taken once it has waited")
        },
        Check(name: "concurrent claims lease every job exactly once") { store in
            try await store.enqueueJobs((1...40).map { JobRequest.fetch(sourceID: Int64($0), at: now) }, now: now)
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let jobs = try await store.claimJobs(limit: 3, owner: "w\(worker)", leaseDuration: lease, now: now)
                            if jobs.isEmpty { return mine }
                            mine += jobs.map(\.id)
                        }
                    }
                }
                var all: [Int64] = []
                for try await ids in group { all += ids }
                return all
            }
            try expect(claimed.count == 40 && Set(claimed).count == 40, "40 claims of 40 different jobs, got \(claimed.count)")
        },
        Check(name: "an expired lease hands the job to the next claim and fences the old holder") { store in
            try await store.enqueueJobs([.cluster(at: now)], now: now)
            let first = try await claimOne(store, at: now, owner: "dead")
            try expect(try await store.claimJobs(limit: 1, owner: "b", leaseDuration: lease, now: now.addingTimeInterval(30)).isEmpty, "held")
            let renewed = try await store.renewLeases([try leaseOf(first)], until: now.addingTimeInterval(90))
            try expect(renewed.count == 1 && renewed[0].until == now.addingTimeInterval(90), "renewed")
            try expect(try await store.claimJobs(limit: 1, owner: "b", leaseDuration: lease, now: now.addingTimeInterval(70)).isEmpty, "renewal holds")
            try expect(try await store.jobSummary(now: now.addingTimeInterval(91)).expired == 1, "expired once the lease ran out")
            let second = try await claimOne(store, at: now.addingTimeInterval(91), owner: "b")
            try expect(second.id == first.id && second.attempts == 2, "taken over, a second attempt")
            let stale = try leaseOf(first)
            try expect(try await store.renewLeases([stale], until: now.addingTimeInterval(200)).isEmpty, "the old lease is lost")
            try await refusesLostLease("completeJob") { try await store.completeJob(stale, now: now) }
            try await refusesLostLease("failJob") { try await store.failJob(stale, error: "x", retryAt: now, now: now) }
            try await refusesLostLease("releaseJob") { try await store.releaseJob(stale, now: now) }
            try await store.completeJob(try leaseOf(second), now: now.addingTimeInterval(95))
            let done = try await store.jobs(states: nil, limit: 10)
            try expect(done.count == 1 && done[0].state == .done && done[0].finishedAt == now.addingTimeInterval(95), "done once")
        },
        Check(name: "failures retry until the attempts run out, and a released job is due again at once") { store in
            try await store.enqueueJobs([.fetch(sourceID: 3, at: now)], now: now)
            var clock = now
            for attempt in 1..<JobKind.fetch.maximumAttempts {
                let job = try await claimOne(store, at: clock)
                try expect(job.attempts == attempt, "attempt \(attempt) counted")
                clock = clock.addingTimeInterval(600)
                try await store.failJob(try leaseOf(job), error: "database busy", retryAt: clock, now: clock)
                try expect(try await store.claimJobs(limit: 1, owner: owner, leaseDuration: lease, now: clock.addingTimeInterval(-1)).isEmpty, "waits")
            }
            let released = try await claimOne(store, at: clock)
            try await store.releaseJob(try leaseOf(released), now: clock)
            let last = try await claimOne(store, at: clock)
            try expect(last.attempts == JobKind.fetch.maximumAttempts, "a release gives its attempt back")
            try await store.failJob(try leaseOf(last), error: "database busy", retryAt: clock.addingTimeInterval(60), now: clock)
            let failed = try await store.jobs(states: [.failed], limit: 5)
            try expect(failed.count == 1 && failed[0].lastError == "database busy" && failed[0].finishedAt == clock, "given up, reason kept")
            try expect(try await store.jobSummary(now: clock.addingTimeInterval(3600)) == JobSummary(failed: 1), "nothing left to do")
            try expect(try await store.enqueueJobs([.fetch(sourceID: 3, at: clock)], now: clock) == 1, "a failed job does not block a new one")
        },
        Check(name: "a job whose worker died on its last attempt is given up") { store in
            try await store.enqueueJobs([.edition(userID: 1, at: now)], now: now)
            var clock = now
            for _ in 0..<JobKind.edition.maximumAttempts {
                _ = try await claimOne(store, at: clock, owner: "dies")
                clock = clock.addingTimeInterval(lease + 1)
            }
            try expect(try await store.claimJobs(limit: 1, owner: owner, leaseDuration: lease, now: clock).isEmpty, "not handed out again")
            let failed = try await store.jobs(states: [.failed], limit: 5)
            try expect(failed.count == 1 && failed[0].lastError != nil, "marked failed with a reason")
        },
        Check(name: "due feeds and waiting articles are scheduled once") { store in
            let (_, followed) = try await reader(store)
            var paused = try await store.subscribe(userID: 1, feedURL: "https://paused.example/feed", title: nil, folder: nil, now: now).source
            paused.fetchState.isPaused = true
            try await store.updateSource(paused)
            var recent = try await store.subscribe(userID: 1, feedURL: "https://recent.example/feed", title: nil, folder: nil, now: now).source
            recent.fetchState = recent.fetchState.recordingSuccess(at: now.addingTimeInterval(-600), etag: nil, lastModified: nil)
            try await store.updateSource(recent)
            var backingOff = try await store.subscribe(userID: 1, feedURL: "https://failing.example/feed", title: nil, folder: nil, now: now).source
            backingOff.fetchState = backingOff.fetchState.recordingFailure(at: now.addingTimeInterval(-60), message: "boom")
            try await store.updateSource(backingOff)

            try expect(try await store.scheduleDueJobs(moment: now, fetchInterval: 1800, now: now) == 1, "only the never-fetched feed is due")
            try expect(try await store.scheduleDueJobs(moment: now, fetchInterval: 1800, now: now) == 0, "idempotent")
            let later = now.addingTimeInterval(3600)
            try expect(try await store.scheduleDueJobs(moment: later, fetchInterval: 1800, now: later) == 2, "the fetched and the failing ones come due")
            let subjects = Set(try await store.jobs(states: [.pending], limit: 10).map(\.subjectID))
            try expect(subjects == [followed.source.id, recent.id, backingOff.id], "never the paused feed")

            _ = try await store.insertArticles([ArticleFactory.newArticle(sourceID: followed.source.id, itemKey: "1")])
            try expect(try await store.scheduleDueJobs(moment: later, fetchInterval: 1800, now: later) == 1, "clustering for the new article")
            try expect(try await store.scheduleDueJobs(moment: later, fetchInterval: 1800, now: later) == 0, "once")
            try expect(try await store.jobs(states: [.pending], limit: 10).first?.kind == .cluster, "a clustering job")
        },
        Check(name: "a clustering batch is saved only under a held lease, copies included") { store in
            let (_, subscription) = try await reader(store)
            let sourceID = subscription.source.id
            let original = try await store.insertArticles([ArticleFactory.newArticle(sourceID: sourceID, itemKey: "1")])[0]
            // A copy stored while the original had no story yet.
            let copy = try await store.insertArticles([ArticleFactory.newArticle(sourceID: sourceID, itemKey: "2", duplicateOfID: original.id)])[0]
            var clusterer = StoryClusterer(stories: [], frequencies: DocumentFrequencies())
            let placement = clusterer.place(
                ArticleSignature(title: original.title, paragraphs: original.paragraphs, published: original.published), outlet: original.outlet)
            let batch = ClusteringBatch(stories: clusterer.changedStories, placements: [(original.id, placement)])

            try await store.enqueueJobs([.cluster(at: now)], now: now)
            let stale = try leaseOf(try await claimOne(store, at: now, owner: "slow"))
            let current = try leaseOf(try await claimOne(store, at: now.addingTimeInterval(lease + 1), owner: "b"))
            try await refusesLostLease("saveClustering") { _ = try await store.saveClustering(batch, lease: stale) }
            try expect(try await store.stories(activeSince: .distantPast, userID: nil).isEmpty, "nothing written under a lost lease")

            let ids = try await store.saveClustering(batch, lease: current).storyIDs
            let storyID = try required(ids.values.first, "the new story's id is returned")
            try expect(try await store.articles(ids: [original.id, copy.id]).map(\.storyID) == [storyID, storyID], "placed with its copy")
            try expect(try await store.story(id: storyID) != nil, "story stored")
        },
        Check(name: "copies stored after their original was placed still join its story") { store in
            let (_, subscription) = try await reader(store)
            let sourceID = subscription.source.id
            let original = try await store.insertArticles([ArticleFactory.newArticle(sourceID: sourceID, itemKey: "1")])[0]
            let storyID = try await storyOf(original, in: store)
            // Read as unplaced before the story was saved, stored after: no story of its own.
            let copy = try await store.insertArticles([ArticleFactory.newArticle(sourceID: sourceID, itemKey: "2", duplicateOfID: original.id)])[0]
            try expect(copy.storyID == nil, "stored without a story")
            try await store.enqueueJobs([.cluster(at: now)], now: now)
            let lease = try leaseOf(try await claimOne(store, at: now))
            try await store.saveClustering(ClusteringBatch(stories: [], placements: []), lease: lease)
            try expect(try await store.articles(ids: [copy.id]).first?.storyID == storyID, "the next clustering save places it")
        },
        Check(name: "finished jobs are pruned by age") { store in
            try await store.enqueueJobs([.fetch(sourceID: 1, at: now), .fetch(sourceID: 2, at: now), .fetch(sourceID: 3, at: now)], now: now)
            let jobs = try await store.claimJobs(limit: 3, owner: owner, leaseDuration: lease, now: now)
            try await store.completeJob(try leaseOf(jobs[0]), now: now)
            try await store.failJob(try leaseOf(jobs[1]), error: "gone", retryAt: nil, now: now.addingTimeInterval(7200))
            try expect(try await store.pruneJobs(finishedBefore: now.addingTimeInterval(3600)) == 1, "the old one")
            let left = try await store.jobs(states: nil, limit: 10)
            try expect(Set(left.map(\.state)) == [.failed, .running] && left.count == 2, "recent and running ones stay")
        },
    ]
}
