using System.Data.Common;
using Dapper;

namespace JobMatch.Api.Openings;

/// <summary>
/// The one rule of open and filled, written to the stored status so that every read of "open" agrees. A position that is
/// not closed is filled when its own openings are all taken or, for a program seat, when its sponsor's quota is; open
/// otherwise, or closed when its fair or program is closed (<see cref="SourceClosing"/>). Closed is never touched here: a
/// person, the closing sweep or closing its source closes, and no count of hires reopens.
/// </summary>
static class OpeningStatus
{
    // Program seats of one sponsor share the quota, so settling one settles all of them.
    const string Settle = """
        UPDATE positions p SET status = x.next, updated_at = now()
        FROM (SELECT q.id, CASE WHEN q.headcount IS NOT NULL AND q.filled >= q.headcount
                                  OR s.seats <= (SELECT sum(r.filled) FROM positions r WHERE r.source_id = s.program_id AND r.company_id = s.company_id)
                                THEN 'filled'
                                WHEN f.closed_at IS NOT NULL OR g.closed_at IS NOT NULL THEN 'closed' ELSE 'open' END AS next
              FROM positions q JOIN scope ON scope.id = q.id
              LEFT JOIN program_sponsors s ON s.program_id = q.program_id AND s.company_id = q.company_id
              LEFT JOIN job_fairs f ON f.id = q.fair_id LEFT JOIN programs g ON g.id = q.program_id) x
        WHERE p.id = x.id AND p.status <> 'closed' AND p.status <> x.next
        """;

    /// <summary>Settles a position and the other seats of its sponsor, in the caller's transaction.</summary>
    public static Task SettleAsync(DbConnection db, DbTransaction tx, Guid positionId) =>
        db.ExecuteAsync($"""
            WITH scope AS (
                SELECT @positionId AS id
                UNION
                SELECT q.id FROM positions t JOIN positions q ON q.source_id = t.program_id AND q.company_id = t.company_id
                WHERE t.id = @positionId AND t.program_id IS NOT NULL)
            {Settle}
            """, new { positionId }, tx);

    /// <summary>Settles every position of a fair or every seat of a program (after an import into it or its revert).</summary>
    public static Task SettleSourceAsync(DbConnection db, DbTransaction tx, Guid sourceId) =>
        db.ExecuteAsync($"""
            WITH scope AS (SELECT id FROM positions WHERE source_id = @sourceId)
            {Settle}
            """, new { sourceId }, tx);

    /// <summary>The status as read on a day, as <see cref="OpeningSql.Status"/> reads it: open past its closing date is closed.</summary>
    public static string AsOf(string stored, DateOnly? closesOn, DateOnly today) =>
        stored == "open" && closesOn < today ? "closed" : stored;
}
