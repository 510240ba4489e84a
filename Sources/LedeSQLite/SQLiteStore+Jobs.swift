import Foundation
import GRDB
import LedeCore

/// The job queue on SQLite. Every change is one write transaction, and GRDB begins write
/// transactions with `BEGIN IMMEDIATE`: the writer lock is taken before the first read, so
/// workers in several processes claim one after another (waiting out the busy timeout) and
/// never both read a job as free.
extension SQLiteStore {
    public func enqueueJobs(_ requests: [JobRequest], now: Date) async throws -> Int {
        guard !requests.isEmpty else { return 0 }
        return try await writer.write { db in
            // OR IGNORE: the partial unique index `job_one_active` refuses a second waiting job.
            let insert = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO job (kind, subject_id, state, priority, single_flight, run_at, max_attempts, created_at)
                    VALUES (?, ?, 'pending', ?, ?, ?, ?, ?)
                    """)
            var added = 0
            for request in requests {
                let kind = request.kind
                try insert.execute(arguments: [
                    kind.rawValue, request.subjectID, kind.priority, !kind.queuesBehindRunning, request.runAt, kind.maximumAttempts, now,
                ])
                added += db.changesCount
            }
            return added
        }
    }

    public func scheduleDueJobs(moment: Date, fetchInterval: TimeInterval, now: Date) async throws -> Int {
        try await writer.write { db in
            let fetch = JobKind.fetch
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO job (kind, subject_id, state, priority, single_flight, run_at, max_attempts, created_at)
                    SELECT ?, source.id, 'pending', ?, 1, ?, ?, ? FROM source
                    WHERE source.is_paused = 0
                      AND EXISTS (SELECT 1 FROM subscription WHERE subscription.source_id = source.id)
                      AND CASE WHEN source.next_attempt_at IS NOT NULL THEN source.next_attempt_at <= ?
                               ELSE source.last_attempt_at IS NULL OR source.last_attempt_at <= ? END
                      AND NOT EXISTS (SELECT 1 FROM job WHERE job.kind = ? AND job.subject_id = source.id
                                      AND job.state IN ('pending', 'running'))
                    """,
                arguments: [
                    fetch.rawValue, fetch.priority, now, fetch.maximumAttempts, now, moment, moment.addingTimeInterval(-fetchInterval),
                    fetch.rawValue,
                ])
            var added = db.changesCount
            let cluster = JobKind.cluster
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO job (kind, subject_id, state, priority, single_flight, run_at, max_attempts, created_at)
                    SELECT ?, 0, 'pending', ?, 1, ?, ?, ?
                    WHERE EXISTS (SELECT 1 FROM article WHERE story_id IS NULL AND duplicate_of_id IS NULL)
                    """,
                arguments: [cluster.rawValue, cluster.priority, now, cluster.maximumAttempts, now])
            added += db.changesCount
            return added
        }
    }

    public func claimJobs(limit: Int, owner: String, leaseDuration: TimeInterval, now: Date, deferring: JobDeferral?) async throws -> [Job] {
        guard limit > 0 else { return [] }
        // With nothing deferred, the condition is on a kind no job has.
        let deferredKind = deferring?.kind.rawValue ?? ""
        let deferredDueBy = deferring?.dueBy ?? now
        return try await writer.write { db in
            try db.execute(
                sql: """
                    UPDATE job SET state = 'failed', finished_at = ?, leased_until = NULL,
                        last_error = ?
                    WHERE state = 'running' AND leased_until < ? AND attempts >= max_attempts
                    """,
                arguments: [now, Self.abandonedMessage, now])
            let ids = try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM job
                    WHERE (state = 'pending' AND run_at <= ?
                            AND (kind <> ? OR run_at <= ? OR NOT EXISTS (
                                SELECT 1 FROM job AS other
                                WHERE other.state = 'running' AND other.leased_until >= ? AND other.lease_owner <> ?)))
                        OR (state = 'running' AND leased_until < ?)
                    ORDER BY priority DESC, run_at, id LIMIT ?
                    """,
                arguments: [now, deferredKind, deferredDueBy, now, owner, now, limit])
            guard !ids.isEmpty else { return [] }
            let list = Self.placeholders(ids.count)
            var arguments: StatementArguments = [owner, now.addingTimeInterval(leaseDuration)]
            arguments += StatementArguments(ids)
            try db.execute(
                sql: """
                    UPDATE job SET state = 'running', attempts = attempts + 1, claims = claims + 1, lease_owner = ?, leased_until = ?
                    WHERE id IN (\(list))
                    """,
                arguments: arguments)
            return try Row.fetchAll(db, sql: "SELECT * FROM job WHERE id IN (\(list)) ORDER BY priority DESC, run_at, id", arguments: StatementArguments(ids))
                .map(Self.job)
        }
    }

    public func renewLeases(_ leases: [JobLease], until: Date) async throws -> [JobLease] {
        guard !leases.isEmpty else { return [] }
        return try await writer.write { db in
            var held: [JobLease] = []
            for lease in leases {
                try db.execute(
                    sql: "UPDATE job SET leased_until = ? WHERE id = ? AND claims = ? AND state = 'running'",
                    arguments: [until, lease.jobID, lease.token])
                if db.changesCount > 0 {
                    var renewed = lease
                    renewed.until = until
                    held.append(renewed)
                }
            }
            return held
        }
    }

    public func completeJob(_ lease: JobLease, now: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "UPDATE job SET state = 'done', finished_at = ?, leased_until = NULL WHERE id = ? AND claims = ? AND state = 'running'",
                arguments: [now, lease.jobID, lease.token])
            guard db.changesCount > 0 else { throw JobError.leaseLost(jobID: lease.jobID) }
        }
    }

    public func failJob(_ lease: JobLease, error: String, retryAt: Date?, now: Date) async throws {
        try await writer.write { db in
            try Self.requireLease(db, lease)
            let retry = try retryAt != nil && Self.mayWaitAgain(db, lease.jobID)
            if retry {
                try db.execute(
                    sql: "UPDATE job SET state = 'pending', run_at = ?, leased_until = NULL, lease_owner = NULL, last_error = ? WHERE id = ?",
                    arguments: [retryAt, error, lease.jobID])
            } else {
                try db.execute(
                    sql: "UPDATE job SET state = 'failed', finished_at = ?, leased_until = NULL, last_error = ? WHERE id = ?",
                    arguments: [now, error, lease.jobID])
            }
        }
    }

    public func releaseJob(_ lease: JobLease, now: Date) async throws {
        try await writer.write { db in
            try Self.requireLease(db, lease)
            if try Self.hasWaitingTwin(db, lease.jobID) {
                // Another job for the same thing already waits and will do the work.
                try db.execute(sql: "DELETE FROM job WHERE id = ?", arguments: [lease.jobID])
            } else {
                try db.execute(
                    sql: """
                        UPDATE job SET state = 'pending', run_at = ?, attempts = attempts - 1, leased_until = NULL, lease_owner = NULL
                        WHERE id = ?
                        """,
                    arguments: [now, lease.jobID])
            }
        }
    }

    public func jobs(states: Set<JobState>?, limit: Int) async throws -> [Job] {
        try await writer.read { db in
            if let states {
                let names = states.map(\.rawValue).sorted()
                return try Row.fetchAll(
                    db, sql: "SELECT * FROM job WHERE state IN (\(Self.placeholders(names.count))) ORDER BY id DESC LIMIT ?",
                    arguments: StatementArguments(names) + [limit]
                ).map(Self.job)
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM job ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.job)
        }
    }

    public func jobSummary(now: Date) async throws -> JobSummary {
        try await writer.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT
                        COALESCE(SUM(state = 'pending' AND run_at <= ?1), 0),
                        COALESCE(SUM(state = 'pending' AND run_at > ?1), 0),
                        COALESCE(SUM(state = 'running' AND leased_until >= ?1), 0),
                        COALESCE(SUM(state = 'running' AND leased_until < ?1), 0),
                        COALESCE(SUM(state = 'done'), 0),
                        COALESCE(SUM(state = 'failed'), 0)
                    FROM job
                    """,
                arguments: [now])
            guard let row else { return JobSummary() }
            return JobSummary(due: row[0], later: row[1], running: row[2], expired: row[3], done: row[4], failed: row[5])
        }
    }

    public func pruneJobs(finishedBefore date: Date) async throws -> Int {
        try await writer.write { db in
            try db.execute(sql: "DELETE FROM job WHERE state IN ('done', 'failed') AND finished_at < ?", arguments: [date])
            return db.changesCount
        }
    }

    public func saveClustering(_ batch: ClusteringBatch, lease: JobLease) async throws -> ClusteringReceipt {
        try await writer.write { db in
            try Self.requireLease(db, lease)
            let receipt = try Self.writeClustering(db, batch)
            // A copy stored after its original was read as unplaced but before the original
            // was placed kept no story; it follows its original now.
            try db.execute(
                sql: """
                    UPDATE article SET story_id = (SELECT original.story_id FROM article AS original WHERE original.id = article.duplicate_of_id)
                    WHERE story_id IS NULL AND duplicate_of_id IS NOT NULL
                      AND (SELECT original.story_id FROM article AS original WHERE original.id = article.duplicate_of_id) IS NOT NULL
                    """)
            return receipt
        }
    }

    // MARK: Helpers

    static let abandonedMessage = "Its worker stopped without finishing on every attempt; see the workers' logs."

    /// - Throws: `JobError.leaseLost` unless the lease is the job's current one.
    static func requireLease(_ db: Database, _ lease: JobLease) throws {
        let held = try Bool.fetchOne(
            db, sql: "SELECT 1 FROM job WHERE id = ? AND claims = ? AND state = 'running'", arguments: [lease.jobID, lease.token])
        guard held == true else { throw JobError.leaseLost(jobID: lease.jobID) }
    }

    /// Whether a failed running job may go back to waiting: attempts left, and no other job
    /// for the same thing waiting already (which will do the work).
    static func mayWaitAgain(_ db: Database, _ id: Int64) throws -> Bool {
        let attemptsLeft = try Bool.fetchOne(db, sql: "SELECT attempts < max_attempts FROM job WHERE id = ?", arguments: [id]) ?? false
        return try attemptsLeft && !hasWaitingTwin(db, id)
    }

    static func hasWaitingTwin(_ db: Database, _ id: Int64) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT 1 FROM job AS twin JOIN job ON job.id = ?
                WHERE twin.kind = job.kind AND twin.subject_id = job.subject_id AND twin.state = 'pending' AND twin.id <> job.id
                """,
            arguments: [id]) ?? false
    }

    static func job(_ row: Row) -> Job {
        let kind = JobKind(rawValue: row["kind"]) ?? .fetch
        let state = JobState(rawValue: row["state"]) ?? .failed
        let until: Date? = row["leased_until"]
        let lease = state == .running ? until.map { JobLease(jobID: row["id"], token: row["claims"], owner: row["lease_owner"] ?? "", until: $0) } : nil
        return Job(
            id: row["id"], kind: kind, subjectID: row["subject_id"], state: state, runAt: row["run_at"], attempts: row["attempts"],
            lease: lease, lastError: row["last_error"], createdAt: row["created_at"], finishedAt: row["finished_at"])
    }
}

extension LedeDatabase {
    /// The job queue's table, and the index that finds copies left without a story.
    static func registerJobQueueMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4: job queue") { db in
            try db.create(table: "job") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("subject_id", .integer).notNull()
                table.column("state", .text).notNull()
                table.column("priority", .integer).notNull()
                // Whether only one job of this kind and subject may wait or run at a time.
                table.column("single_flight", .boolean).notNull()
                table.column("run_at", .datetime).notNull()
                table.column("attempts", .integer).notNull().defaults(to: 0)
                table.column("max_attempts", .integer).notNull()
                // The fencing token: bumped by every claim.
                table.column("claims", .integer).notNull().defaults(to: 0)
                table.column("lease_owner", .text)
                table.column("leased_until", .datetime)
                table.column("last_error", .text)
                table.column("created_at", .datetime).notNull()
                table.column("finished_at", .datetime)
            }
            try db.execute(
                sql: """
                    CREATE UNIQUE INDEX job_one_active ON job(kind, subject_id)
                    WHERE state = 'pending' OR (state = 'running' AND single_flight)
                    """)
            try db.execute(sql: "CREATE INDEX job_claimable ON job(priority DESC, run_at, id) WHERE state = 'pending'")
            try db.execute(sql: "CREATE INDEX job_leased ON job(leased_until) WHERE state = 'running'")
            try db.execute(sql: "CREATE INDEX job_finished ON job(finished_at) WHERE state IN ('done', 'failed')")
            try db.execute(
                sql: "CREATE INDEX article_unplaced_copy ON article(duplicate_of_id) WHERE story_id IS NULL AND duplicate_of_id IS NOT NULL")
        }
    }
}
