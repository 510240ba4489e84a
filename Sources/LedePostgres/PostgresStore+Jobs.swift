import Foundation
import LedeCore
import Logging
import PostgresNIO

/// The job queue on PostgreSQL. Claims lock their rows with `FOR UPDATE SKIP LOCKED`, so
/// workers claiming at the same moment take different jobs without waiting for each other;
/// every change to a leased job names the lease's token, so a worker whose lease was taken
/// over changes nothing.
extension PostgresStore {
    public func enqueueJobs(_ requests: [JobRequest], now: Date) async throws -> Int {
        guard !requests.isEmpty else { return 0 }
        let kinds = requests.map(\.kind)
        // DO NOTHING: the partial unique index `job_one_active` refuses a second waiting job,
        // also when two workers enqueue the same job at the same moment.
        let inserted = try await rows(
            """
            INSERT INTO job (kind, subject_id, state, priority, single_flight, run_at, max_attempts, created_at)
            SELECT kind, subject_id, 'pending', priority, single_flight, run_at, max_attempts, \(now)
            FROM unnest(\(kinds.map(\.rawValue))::text[], \(requests.map(\.subjectID))::int8[], \(kinds.map(\.priority))::int4[],
                        \(kinds.map { !$0.queuesBehindRunning })::bool[], \(requests.map(\.runAt))::timestamptz[],
                        \(kinds.map(\.maximumAttempts))::int4[])
                 AS request(kind, subject_id, priority, single_flight, run_at, max_attempts)
            ON CONFLICT DO NOTHING
            RETURNING id
            """)
        return inserted.count
    }

    public func scheduleDueJobs(moment: Date, fetchInterval: TimeInterval, now: Date) async throws -> Int {
        let fetch = JobKind.fetch
        let lastTriedBefore = moment.addingTimeInterval(-fetchInterval)
        let fetches = try await rows(
            """
            INSERT INTO job (kind, subject_id, state, priority, single_flight, run_at, max_attempts, created_at)
            SELECT \(fetch.rawValue), source.id, 'pending', \(fetch.priority), TRUE, \(now), \(fetch.maximumAttempts), \(now)
            FROM source
            WHERE NOT source.is_paused
              AND EXISTS (SELECT 1 FROM subscription WHERE subscription.source_id = source.id)
              AND CASE WHEN source.next_attempt_at IS NOT NULL THEN source.next_attempt_at <= \(moment)
                       ELSE source.last_attempt_at IS NULL OR source.last_attempt_at <= \(lastTriedBefore) END
              AND NOT EXISTS (SELECT 1 FROM job WHERE job.kind = \(fetch.rawValue) AND job.subject_id = source.id
                              AND job.state IN ('pending', 'running'))
            ON CONFLICT DO NOTHING
            RETURNING id
            """)
        let cluster = JobKind.cluster
        let clustering = try await rows(
            """
            INSERT INTO job (kind, subject_id, state, priority, single_flight, run_at, max_attempts, created_at)
            SELECT \(cluster.rawValue), 0, 'pending', \(cluster.priority), TRUE, \(now), \(cluster.maximumAttempts), \(now)
            WHERE EXISTS (SELECT 1 FROM article WHERE story_id IS NULL AND duplicate_of_id IS NULL)
              AND NOT EXISTS (SELECT 1 FROM job WHERE job.kind = \(cluster.rawValue) AND job.state IN ('pending', 'running'))
            ON CONFLICT DO NOTHING
            RETURNING id
            """)
        return fetches.count + clustering.count
    }

    public func claimJobs(limit: Int, owner: String, leaseDuration: TimeInterval, now: Date, deferring: JobDeferral?) async throws -> [Job] {
        guard limit > 0 else { return [] }
        let until = now.addingTimeInterval(leaseDuration)
        // With nothing deferred, the condition is on a kind no job has.
        let deferredKind = deferring?.kind.rawValue ?? ""
        let deferredDueBy = deferring?.dueBy ?? now
        return try await transaction { connection in
            try await connection.rows(
                """
                UPDATE job SET state = 'failed', finished_at = \(now), leased_until = NULL, last_error = \(Self.abandonedMessage)
                WHERE state = 'running' AND leased_until < \(now) AND attempts >= max_attempts
                """, logger: logger)
            // SKIP LOCKED: rows another claim is taking are passed over, not waited for; a row
            // that claim has already taken no longer matches when this one rechecks it.
            let claimed = try await connection.rows(
                """
                WITH candidate AS (
                    SELECT id FROM job
                    WHERE (state = 'pending' AND run_at <= \(now)
                            AND (kind <> \(deferredKind) OR run_at <= \(deferredDueBy) OR NOT EXISTS (
                                SELECT 1 FROM job AS other
                                WHERE other.state = 'running' AND other.leased_until >= \(now) AND other.lease_owner <> \(owner))))
                        OR (state = 'running' AND leased_until < \(now))
                    ORDER BY priority DESC, run_at, id
                    LIMIT \(limit)
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE job SET state = 'running', attempts = job.attempts + 1, claims = job.claims + 1,
                    lease_owner = \(owner), leased_until = \(until)
                FROM candidate WHERE job.id = candidate.id
                RETURNING \(unescaped: Self.jobColumns)
                """, logger: logger)
            return try claimed.map(Self.job).sorted { ($0.kind.priority, $1.runAt, $1.id) > ($1.kind.priority, $0.runAt, $0.id) }
        }
    }

    public func renewLeases(_ leases: [JobLease], until: Date) async throws -> [JobLease] {
        guard !leases.isEmpty else { return [] }
        let renewed = try await rows(
            """
            UPDATE job SET leased_until = \(until)
            FROM unnest(\(leases.map(\.jobID))::int8[], \(leases.map(\.token))::int4[]) AS held(id, token)
            WHERE job.id = held.id AND job.claims = held.token AND job.state = 'running'
            RETURNING job.id
            """)
        let held = Set(try renewed.map { try $0.decode(Int64.self) })
        return leases.filter { held.contains($0.jobID) }.map { lease in
            var renewed = lease
            renewed.until = until
            return renewed
        }
    }

    public func completeJob(_ lease: JobLease, now: Date) async throws {
        let done = try await rows(
            """
            UPDATE job SET state = 'done', finished_at = \(now), leased_until = NULL
            WHERE id = \(lease.jobID) AND claims = \(lease.token) AND state = 'running'
            RETURNING id
            """)
        guard !done.isEmpty else { throw JobError.leaseLost(jobID: lease.jobID) }
    }

    public func failJob(_ lease: JobLease, error: String, retryAt: Date?, now: Date) async throws {
        try await transaction { connection in
            try await Self.lockLease(lease, on: connection, logger: logger)
            // Back to waiting while attempts remain, unless another job for the same thing
            // already waits (it will do the work).
            try await connection.rows(
                """
                UPDATE job SET
                    state = CASE WHEN \(retryAt)::timestamptz IS NOT NULL AND job.attempts < job.max_attempts
                                      AND NOT EXISTS (\(unescaped: Self.waitingTwin)) THEN 'pending' ELSE 'failed' END,
                    run_at = COALESCE(\(retryAt)::timestamptz, job.run_at),
                    finished_at = CASE WHEN \(retryAt)::timestamptz IS NOT NULL AND job.attempts < job.max_attempts
                                            AND NOT EXISTS (\(unescaped: Self.waitingTwin)) THEN NULL ELSE \(now) END,
                    leased_until = NULL, last_error = \(error)
                WHERE job.id = \(lease.jobID)
                """, logger: logger)
        }
    }

    public func releaseJob(_ lease: JobLease, now: Date) async throws {
        try await transaction { connection in
            try await Self.lockLease(lease, on: connection, logger: logger)
            // Another job for the same thing already waits and will do the work.
            let deleted = try await connection.rows(
                "DELETE FROM job WHERE job.id = \(lease.jobID) AND EXISTS (\(unescaped: Self.waitingTwin)) RETURNING id", logger: logger)
            guard deleted.isEmpty else { return }
            try await connection.rows(
                """
                UPDATE job SET state = 'pending', run_at = \(now), attempts = attempts - 1, leased_until = NULL, lease_owner = NULL
                WHERE id = \(lease.jobID)
                """, logger: logger)
        }
    }

    public func jobs(states: Set<JobState>?, limit: Int) async throws -> [Job] {
        let names = states.map { $0.map(\.rawValue).sorted() }
        return try await rows(
            """
            SELECT \(unescaped: Self.jobColumns) FROM job
            WHERE \(names)::text[] IS NULL OR state = ANY(\(names)::text[])
            ORDER BY id DESC LIMIT \(limit)
            """
        ).map(Self.job)
    }

    public func jobSummary(now: Date) async throws -> JobSummary {
        guard let row = try await rows(
            """
            SELECT count(*) FILTER (WHERE state = 'pending' AND run_at <= \(now)),
                   count(*) FILTER (WHERE state = 'pending' AND run_at > \(now)),
                   count(*) FILTER (WHERE state = 'running' AND leased_until >= \(now)),
                   count(*) FILTER (WHERE state = 'running' AND leased_until < \(now)),
                   count(*) FILTER (WHERE state = 'done'),
                   count(*) FILTER (WHERE state = 'failed')
            FROM job
            """
        ).first else { return JobSummary() }
        let (due, later, running, expired, done, failed) = try row.decode((Int, Int, Int, Int, Int, Int).self)
        return JobSummary(due: due, later: later, running: running, expired: expired, done: done, failed: failed)
    }

    public func pruneJobs(finishedBefore date: Date) async throws -> Int {
        try await rows("DELETE FROM job WHERE state IN ('done', 'failed') AND finished_at < \(date) RETURNING id").count
    }

    public func saveClustering(_ batch: ClusteringBatch, lease: JobLease) async throws -> ClusteringReceipt {
        try await transaction { connection in
            // The job's row stays locked until commit: a claim taking the job over (its lease
            // just expired) skips it until then, and then sees the new lease time.
            try await Self.lockLease(lease, on: connection, logger: logger)
            let receipt = try await Self.writeClustering(batch, on: connection, logger: logger)
            // A copy stored after its original was read as unplaced but before the original
            // was placed kept no story; it follows its original now.
            try await connection.rows(
                """
                UPDATE article SET story_id = original.story_id
                FROM article AS original
                WHERE article.story_id IS NULL AND article.duplicate_of_id IS NOT NULL
                  AND original.id = article.duplicate_of_id AND original.story_id IS NOT NULL
                """, logger: logger)
            return receipt
        }
    }

    // MARK: Helpers

    static let abandonedMessage = "Its worker stopped without finishing on every attempt; see the workers' logs."

    /// Another job for the same kind and subject as `job`, waiting.
    static let waitingTwin = """
        SELECT 1 FROM job AS twin WHERE twin.kind = job.kind AND twin.subject_id = job.subject_id
        AND twin.state = 'pending' AND twin.id <> job.id
        """

    /// Locks the job's row for the rest of the transaction.
    /// - Throws: `JobError.leaseLost` unless the lease is the job's current one.
    static func lockLease(_ lease: JobLease, on connection: PostgresConnection, logger: Logger) async throws {
        let held = try await connection.rows(
            "SELECT 1 FROM job WHERE id = \(lease.jobID) AND claims = \(lease.token) AND state = 'running' FOR UPDATE", logger: logger)
        guard !held.isEmpty else { throw JobError.leaseLost(jobID: lease.jobID) }
    }

    static let jobColumns = """
        job.id, job.kind, job.subject_id, job.state, job.run_at, job.attempts, job.claims, job.lease_owner, job.leased_until,
        job.last_error, job.created_at, job.finished_at
        """

    static func job(_ row: PostgresRow) throws -> Job {
        var reader = RowReader(row)
        let id: Int64 = try reader.next()
        let kind = JobKind(rawValue: try reader.next(String.self)) ?? .fetch
        let subjectID: Int64 = try reader.next()
        let state = JobState(rawValue: try reader.next(String.self)) ?? .failed
        let runAt: Date = try reader.next()
        let attempts: Int = try reader.next()
        let claims: Int = try reader.next()
        let owner: String? = try reader.next()
        let until: Date? = try reader.next()
        let lease = state == .running ? until.map { JobLease(jobID: id, token: claims, owner: owner ?? "", until: $0) } : nil
        return Job(
            id: id, kind: kind, subjectID: subjectID, state: state, runAt: runAt, attempts: attempts, lease: lease,
            lastError: try reader.next(), createdAt: try reader.next(), finishedAt: try reader.next())
    }
}

extension PostgresSchema {
    /// The job queue's table, and the index that finds copies left without a story.
    static let jobQueueMigration = PostgresMigration(
        name: "v2: job queue",
        statements: [
            """
            CREATE TABLE job (
                id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                kind TEXT NOT NULL,
                subject_id BIGINT NOT NULL,
                state TEXT NOT NULL,
                priority INTEGER NOT NULL,
                single_flight BOOLEAN NOT NULL,
                run_at TIMESTAMPTZ NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                max_attempts INTEGER NOT NULL,
                claims INTEGER NOT NULL DEFAULT 0,
                lease_owner TEXT,
                leased_until TIMESTAMPTZ,
                last_error TEXT,
                created_at TIMESTAMPTZ NOT NULL,
                finished_at TIMESTAMPTZ
            )
            """,
            // Only one job of a kind and subject waits (or, for single-flight kinds, waits or runs).
            "CREATE UNIQUE INDEX job_one_active ON job (kind, subject_id) WHERE state = 'pending' OR (state = 'running' AND single_flight)",
            "CREATE INDEX job_claimable ON job (priority DESC, run_at, id) WHERE state = 'pending'",
            "CREATE INDEX job_leased ON job (leased_until) WHERE state = 'running'",
            "CREATE INDEX job_finished ON job (finished_at) WHERE state IN ('done', 'failed')",
            "CREATE INDEX article_unplaced_copy ON article (duplicate_of_id) WHERE story_id IS NULL AND duplicate_of_id IS NOT NULL",
        ])
}
