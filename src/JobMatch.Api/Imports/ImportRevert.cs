using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Openings;
using Npgsql;

namespace JobMatch.Api.Imports;

/// <summary>
/// DELETE /api/imports/{id}: positions the batch created are deleted, positions it updated get their earlier values back
/// from the change log, and companies it created go too unless something else now refers to them. Only the latest
/// completed batch of a fair or program may be reverted, so that no later batch is built on what disappears.
/// </summary>
public static class ImportRevert
{
    // A position's content and the batch that wrote it: what an update by the batch replaced.
    const string PositionColumns = $"{OpeningSql.ContentColumns}, import_batch_id, source_row, updated_at";

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Revert(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        var onlyBy = user.IsAdmin() ? null : user.Subject();
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var batch = await db.QuerySingleOrDefaultAsync<(Guid Source, string Status)>("""
            SELECT coalesce(fair_id, program_id), status FROM import_batches
            WHERE id = @id AND (@onlyBy::text IS NULL OR created_by = @onlyBy) FOR UPDATE
            """, new { id, onlyBy }, tx);
        // A recruiter reverts only while they still act for every company whose positions the batch wrote: an
        // unlinked uploader would otherwise delete or roll back positions of a company that is no longer theirs.
        if (batch.Source == Guid.Empty || (onlyBy is not null && await db.ExecuteScalarAsync<bool>($"""
                SELECT EXISTS (SELECT 1 FROM positions p
                               WHERE (p.created_batch_id = @id OR p.id IN (SELECT entity_id FROM import_changes WHERE batch_id = @id AND entity = 'position'))
                                 AND NOT {CompanyAccess.ActsFor("p.company_id")})
                """, CompanyAccess.Parameters(user, new { id }), tx)))
        {
            return TypedResults.NotFound();
        }
        if (batch.Status != "completed")
        {
            return Problems.Conflict("该批次已撤销。", "This batch has already been reverted.");
        }
        var later = await db.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM import_batches WHERE coalesce(fair_id, program_id) = @source AND status = 'completed' AND id > @id)
            """, new { source = batch.Source, id }, tx);
        if (later)
        {
            return Problems.Conflict("该来源之后还有导入批次：请先撤销较新的批次。", "A later batch of the same source exists: revert that one first.");
        }
        await UndoAsync(db, tx, id, batch, user);
        await AuditLog.WriteAsync(db, tx, user, "import.reverted", "import_batch", id);
        await tx.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>
    /// Gives the positions the batch updated their earlier values, deletes what it created (a company only when nothing
    /// else refers to it) and marks the batch reverted, in the caller's transaction.
    /// </summary>
    static async Task UndoAsync(NpgsqlConnection db, NpgsqlTransaction tx, Guid id, (Guid Source, string Status) batch,
        ClaimsPrincipal user)
    {
        var prefixed = string.Join(", ", PositionColumns.Split(',').Select(column => "r." + column.Trim()));
        await db.ExecuteAsync($"""
            UPDATE positions p SET ({PositionColumns}) = ROW({prefixed})
            FROM import_changes c CROSS JOIN LATERAL jsonb_populate_record(NULL::positions, c.previous) r
            WHERE c.batch_id = @id AND c.entity = 'position' AND c.action = 'updated' AND p.id = c.entity_id;

            DELETE FROM positions WHERE created_batch_id = @id;

            DELETE FROM companies co WHERE co.created_batch_id = @id
              AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.company_id = co.id)
              AND NOT EXISTS (SELECT 1 FROM recruiter_links l WHERE l.company_id = co.id)
              AND NOT EXISTS (SELECT 1 FROM program_sponsors s WHERE s.company_id = co.id);

            UPDATE import_batches SET status = 'reverted', reverted_at = now(), reverted_by = @by WHERE id = @id;
            """, new { id, by = user.Subject() }, tx);
        // The restored openings, and a program's seats by their sponsor's quota, read open or filled again.
        await OpeningStatus.SettleSourceAsync(db, tx, batch.Source);
    }
}
