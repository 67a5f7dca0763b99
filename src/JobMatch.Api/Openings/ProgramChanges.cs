using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Programs;
using Npgsql;

namespace JobMatch.Api.Openings;

/// <summary>
/// Editing an order-class program (admin): its fields as when creating it, and its sponsors and seats within the rules of
/// <see cref="SponsorQuota"/>. Here, beside the positions, because a program's seats are positions: the program's own
/// position for each sponsor follows its name, college, majors and seats, and every seat is settled again (OpeningStatus).
/// </summary>
public static class ProgramChanges
{
    public static IEndpointRouteBuilder MapProgramChanges(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/programs/{id:guid}", Update).WithTags("Programs").RequireAuthorization(Policies.Admin)
            .ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Edit an order-class program: its fields, sponsors and seats (never fewer than enrolled); a closed one no longer changes (admin)");
        return app;
    }

    static async Task<Results<Ok<OrderClass>, NotFound, ValidationProblem, ProblemHttpResult>> Update(Guid id, CreateProgram body,
        ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        var sponsors = body.Sponsors ?? [];
        if (ProgramsApi.Errors(body, sponsors) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await ProgramsApi.FindAsync(db, tx, id, forUpdate: true) is not { } before)
        {
            return TypedResults.NotFound();
        }
        if (before.ClosedAt is not null)
        {
            return ProgramsApi.Closed();
        }
        if (await ProgramsApi.UnknownSponsor(db, tx, sponsors) is { } unknown)
        {
            return unknown;
        }
        var after = body with { Name = body.Name.Trim(), College = body.College.Trim(), Sponsors = sponsors };
        await Rename(db, tx, before, after);
        if (await ChangeSponsors(db, tx, before, after, user.Subject()) is { } refused)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sponsors"] = [refused] });
        }
        await OpeningStatus.SettleSourceAsync(db, tx, id);
        await AuditLog.WriteAsync(db, tx, user, "program.updated", "program", id,
            new { sponsors = sponsors.Select(s => new { s.CompanyId, s.Seats }) });
        var program = (await ProgramsApi.FindAsync(db, tx, id))!;
        await tx.CommitAsync();
        return TypedResults.Ok(program);
    }

    /// <summary>The program's fields, and its own positions (its name at its college) with it.</summary>
    static Task Rename(NpgsqlConnection db, NpgsqlTransaction tx, OrderClass before, CreateProgram after) =>
        db.ExecuteAsync("""
            UPDATE programs SET (name, college, majors, degree_level, starts_on, duration_months)
                = (@Name, @College, @majors, @DegreeLevel, @StartsOn, @DurationMonths) WHERE id = @id;
            UPDATE positions SET (title, location, majors, updated_at) = (@Name, @College, @majors, now())
            WHERE program_id = @id AND title = @oldName AND location = @oldCollege;
            """, new { before.Id, after.Name, after.College, majors = after.Majors ?? [], after.DegreeLevel, after.StartsOn, after.DurationMonths,
                       oldName = before.Name, oldCollege = before.College }, tx);

    /// <summary>Sponsors that left, changed seats or joined, in that order; the first refusal, or null.</summary>
    static async Task<string?> ChangeSponsors(NpgsqlConnection db, NpgsqlTransaction tx, OrderClass before, CreateProgram after, string actor)
    {
        var wanted = after.Sponsors!.ToDictionary(s => s.CompanyId, s => s.Seats);
        foreach (var gone in before.Sponsors.Where(s => !wanted.ContainsKey(s.CompanyId)))
        {
            if (await SponsorQuota.RemoveAsync(db, tx, before.Id, gone.CompanyId) is { } refused)
            {
                return refused;
            }
        }
        foreach (var kept in before.Sponsors.Where(s => wanted.TryGetValue(s.CompanyId, out var seats) && seats != s.Seats))
        {
            if (await SponsorQuota.ResizeAsync(db, tx, before.Id, kept.CompanyId, wanted[kept.CompanyId], (after.Name, after.College)) is { } refused)
            {
                return refused;
            }
        }
        var joined = after.Sponsors!.Where(s => before.Sponsors.All(b => b.CompanyId != s.CompanyId)).ToList();
        await ProgramsApi.AddSponsorsAsync(db, tx, before.Id, after, joined, actor);
        return null;
    }
}
