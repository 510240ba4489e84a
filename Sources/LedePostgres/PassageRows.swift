import Foundation
import LedeCore
import Logging
import PostgresNIO

/// The paragraphs of articles about to be indexed for search, inserted in one statement.
/// Positions count blank-line separated parts, empty ones included, as on SQLite.
struct PassageRows {
    private var articleIDs: [Int64] = []
    private var positions: [Int64] = []
    private var texts: [String] = []

    mutating func add(articleID: Int64, text: String) {
        for (position, paragraph) in Article.blankLineParts(of: text).enumerated() where !paragraph.isEmpty {
            articleIDs.append(articleID)
            positions.append(Int64(position))
            texts.append(String(paragraph))
        }
    }

    /// The server computes each paragraph's `tsvector` (a generated column).
    func insert(on connection: PostgresConnection, logger: Logger) async throws {
        guard !texts.isEmpty else { return }
        try await connection.rows(
            """
            INSERT INTO passage (article_id, position, text)
            SELECT * FROM unnest(\(articleIDs)::int8[], \(positions)::int4[], \(texts)::text[])
            """, logger: logger)
    }
}
