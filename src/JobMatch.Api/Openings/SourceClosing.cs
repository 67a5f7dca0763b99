using System.Data.Common;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.JobFairs;
using JobMatch.Api.Programs;
using Npgsql;

namespace JobMatch.Api.Openings;

/// <summary>
/// Closing a job fair or an order-class program (admin): it is marked closed (when, by whom) and its open positions close
/// with it in the same transaction; filled ones stay filled, and one that a withdrawal would reopen closes instead
/// (<see cref="OpeningStatus"/>). A closed source takes no new positions, imports or changes. Here, beside the positions,
/// because a program's seats are positions and Openings already reads the program's quota.
/// </summary>
public static class SourceClosing
{
    public static IEndpointRouteBuilder MapSourceClosing(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/job-fairs/{id:guid}/close", CloseFair).WithTags("Job fairs").RequireAuthorization(Policies.Admin).ProducesProblem(404)
            .WithSummary("Close a job fair: its open positions close with it, and it takes no more positions or imports (admin)");
        app.MapPost("/api/programs/{id:guid}/close", CloseProgram).WithTags("Programs").RequireAuthorization(Policies.Admin).ProducesProblem(404)
            .WithSummary("Close an order-class program: its open seats close with it, and it takes no more seats or imports (admin)");
        return app;
    }

    static async Task<Results<Ok<JobFair>, NotFound>> CloseFair(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await JobFairsApi.FindAsync(db, tx, id, forUpdate: true) is not { } fair)
        {
            return TypedResults.NotFound();
        }
        if (fair.ClosedAt is null)
        {
            await CloseAsync(db, tx, "job_fairs", id, user, clock);
        }
        var closed = (await JobFairsApi.FindAsync(db, tx, id))!;
        await tx.CommitAsync();
        return TypedResults.Ok(closed);
    }

    static async Task<Results<Ok<OrderClass>, NotFound>> CloseProgram(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await ProgramsApi.FindAsync(db, tx, id, forUpdate: true) is not { } program)
        {
            return TypedResults.NotFound();
        }
        if (program.ClosedAt is null)
        {
            await CloseAsync(db, tx, "programs", id, user, clock);
        }
        var closed = (await ProgramsApi.FindAsync(db, tx, id))!;
        await tx.CommitAsync();
        return TypedResults.Ok(closed);
    }

    /// <summary>Marks the fair or program closed and closes its open positions, audited with how many closed.</summary>
    static async Task CloseAsync(NpgsqlConnection db, NpgsqlTransaction tx, string table, Guid id, ClaimsPrincipal user, TimeProvider clock)
    {
        await db.ExecuteAsync($"UPDATE {table} SET closed_at = @now, closed_by = @actor WHERE id = @id",
            new { id, now = clock.GetUtcNow().UtcDateTime, actor = user.Subject() }, tx);
        var positionsClosed = await db.ExecuteAsync("""
            UPDATE positions SET status = 'closed', updated_at = now() WHERE source_id = @id AND status = 'open'
            """, new { id }, tx);
        var (action, type) = table == "programs" ? ("program.closed", "program") : ("job_fair.closed", "job_fair");
        await AuditLog.WriteAsync(db, tx, user, action, type, id, new { positionsClosed });
    }

    /// <summary>
    /// Whether a fair or program (by id) is closed: it then takes no new positions or imports. In a transaction, its row
    /// stays shared-locked until the end, so that a close waits for a write that found it open.
    /// </summary>
    public static Task<bool> IsClosedAsync(DbConnection db, DbTransaction? tx, Guid sourceId) =>
        db.ExecuteScalarAsync<bool>("""
            SELECT coalesce((SELECT closed_at IS NOT NULL FROM job_fairs WHERE id = @sourceId FOR SHARE),
                            (SELECT closed_at IS NOT NULL FROM programs WHERE id = @sourceId FOR SHARE), false)
            """, new { sourceId }, tx);
}
