using System.Data.Common;
using Dapper;
using JobMatch.Api.Openings;

namespace JobMatch.Api.Applications;

/// <summary>
/// Openings taken and given back atomically. A conditional UPDATE takes one only while one remains: concurrent hires of
/// the last opening queue on the row, and PostgreSQL re-checks the condition for each after the first commits.
/// </summary>
static class Headcount
{
    /// <summary>Takes one opening (and, for a program seat, one of the sponsor's seats); false when none remain.</summary>
    public static async Task<bool> TakeAsync(DbConnection db, DbTransaction tx, Guid positionId)
    {
        // A sponsor's quota may span several training positions (an import into a program): its row lock serialises them.
        var seats = await db.QuerySingleOrDefaultAsync<int?>("""
            SELECT s.seats FROM positions p JOIN program_sponsors s ON s.program_id = p.program_id AND s.company_id = p.company_id
            WHERE p.id = @positionId FOR UPDATE OF s
            """, new { positionId }, tx);
        // Counted after the lock, in a statement of its own, so that it sees what the previous holder committed.
        if (seats is { } quota && await db.ExecuteScalarAsync<int>("""
                SELECT coalesce(sum(q.filled), 0)::int FROM positions p JOIN positions q ON q.program_id = p.program_id AND q.company_id = p.company_id
                WHERE p.id = @positionId
                """, new { positionId }, tx) >= quota)
        {
            return false;
        }
        var taken = await db.ExecuteAsync("""
            UPDATE positions SET filled = filled + 1, updated_at = now() WHERE id = @positionId AND (headcount IS NULL OR filled < headcount)
            """, new { positionId }, tx);
        if (taken == 1)
        {
            await OpeningStatus.SettleAsync(db, tx, positionId);
        }
        return taken == 1;
    }

    /// <summary>Gives one opening back; a position that was full opens again, one that was closed stays closed.</summary>
    public static async Task GiveBackAsync(DbConnection db, DbTransaction tx, Guid positionId)
    {
        await db.ExecuteAsync("UPDATE positions SET filled = filled - 1, updated_at = now() WHERE id = @positionId AND filled > 0", new { positionId }, tx);
        await OpeningStatus.SettleAsync(db, tx, positionId);
    }
}
