using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Interactions;
using JobMatch.Api.Openings;
using Npgsql;

namespace JobMatch.Api.SavedPositions;

/// <summary>
/// A position I saved, as my saved list shows it: what it is, where, the pay, the places left and its status today
/// (open, filled or closed: a closed one stays in the list, marked closed).
/// </summary>
public sealed record SavedPosition(Guid PositionId, string Title, string CompanyName, string Kind, string? DistrictCode, int? SalaryMin,
    int? SalaryMax, string? SalaryText, int? Remaining, string Status, DateTime SavedAt);

/// <summary>
/// A veteran's saved positions: saved now, unsaved later (table saved_positions). Saving also logs the <c>save</c>
/// interaction the ranker learns from; that log stays append-only, unsaving leaves it as it was.
/// </summary>
public static class SavedPositionsApi
{
    /// <summary>At most this many positions named in one look-up (the ?positionId= filter: a page of cards).</summary>
    public const int MaxLookup = 50;

    public static IEndpointRouteBuilder MapSavedPositions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/veterans/me/saved").WithTags("Interactions").RequireAuthorization(Policies.Veteran);
        group.MapGet("/", Mine).WithSummary("My saved positions, newest saved first, each with its status today (a closed one stays, marked closed); JSON or CSV")
            .WithDescription($"positionId (repeated, at most {MaxLookup}) narrows the list to those positions: which of the cards on a page are saved.");
        group.MapPut("/{positionId:guid}", Save).WithSummary("Save a position to my list (saving it again keeps it once); logs the save for the ranker")
            .ProducesProblem(404).ProducesProblem(409);
        group.MapDelete("/{positionId:guid}", Unsave).WithSummary("Remove a position from my saved list (one not saved: nothing to do)")
            .ProducesProblem(409);
        return app;
    }

    static async Task<Results<Ok<Page<SavedPosition>>, CsvResult<SavedPosition>, ValidationProblem>> Mine(HttpRequest request,
        ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock, Guid[]? positionId, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        if (positionId?.Length > MaxLookup)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["positionId"] = [Say.Text($"一次最多查询 {MaxLookup} 个岗位。", $"Ask about at most {MaxLookup} positions at a time.")],
            });
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        var filter = new { subject = user.Subject(), ids = positionId is { Length: > 0 } ? positionId : null, after, take = take + 1, today = ShanghaiTime.Today(clock) };
        var rows = (await db.QueryAsync<SavedRow>($"{SavedSql.Select} {SavedSql.Mine} AND (@after::uuid IS NULL OR s.id < @after) ORDER BY s.id DESC LIMIT @take", filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM saved_positions s {SavedSql.Mine}", filter);
        var page = Paging.ToPage(rows, take, total, row => row.Id);
        var saved = new Page<SavedPosition>([.. page.Items.Select(row => row.Position)], page.Total, page.NextCursor);
        return Listing.WantsCsv(request) ? Listing.Csv(saved, "saved-positions.csv") : TypedResults.Ok(saved);
    }

    static async Task<Results<Ok<SavedPosition>, NotFound, ProblemHttpResult>> Save(Guid positionId, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await MyProfile.IdAsync(db, user, tx) is not { } veteranId)
        {
            return MyProfile.Missing("再收藏岗位", "then save positions");
        }
        if (!await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM positions WHERE id = @positionId)", new { positionId }, tx))
        {
            return TypedResults.NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var added = await db.ExecuteAsync("""
            INSERT INTO saved_positions (id, veteran_id, position_id, saved_at) VALUES (@id, @veteranId, @positionId, @now)
            ON CONFLICT (veteran_id, position_id) DO NOTHING
            """, new { id = Guid.CreateVersion7(), veteranId, positionId, now }, tx);
        if (added > 0)
        {
            await InteractionLog.RecordAsync(db, tx, veteranId, positionId, "save", at: now);
            await AuditLog.WriteAsync(db, tx, user, "position.saved", "position", positionId);
        }
        var saved = await db.QuerySingleAsync<SavedRow>($"{SavedSql.Select} WHERE s.veteran_id = @veteranId AND s.position_id = @positionId",
            new { veteranId, positionId, today = ShanghaiTime.Today(clock) }, tx);
        await tx.CommitAsync();
        return TypedResults.Ok(saved.Position);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Unsave(Guid positionId, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await MyProfile.IdAsync(db, user, tx) is not { } veteranId)
        {
            return MyProfile.Missing("再管理收藏的岗位", "then manage your saved positions");
        }
        if (await db.ExecuteAsync("DELETE FROM saved_positions WHERE veteran_id = @veteranId AND position_id = @positionId", new { veteranId, positionId }, tx) > 0)
        {
            await AuditLog.WriteAsync(db, tx, user, "position.unsaved", "position", positionId);
        }
        await tx.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>A row of the list: the saved row's id pages it (UUIDv7, newest first); the answer is the position.</summary>
    sealed record SavedRow(Guid Id, Guid PositionId, string Title, string CompanyName, string Kind, string? DistrictCode, int? SalaryMin,
        int? SalaryMax, string? SalaryText, int? Remaining, string Status, DateTime SavedAt)
    {
        public SavedPosition Position => new(PositionId, Title, CompanyName, Kind, DistrictCode, SalaryMin, SalaryMax, SalaryText, Remaining, Status, SavedAt);
    }

    static class SavedSql
    {
        public const string Select = $"""
            SELECT s.id, s.position_id, p.title, c.name AS company_name, p.kind, p.district_code, p.salary_min, p.salary_max,
                   p.salary_text, p.remaining, {OpeningSql.Status} AS status, s.saved_at
            FROM saved_positions s JOIN positions p ON p.id = s.position_id JOIN companies c ON c.id = p.company_id
            """;

        /// <summary>The caller's saves (by subject: no profile, no saves), narrowed to @ids when given.</summary>
        public const string Mine = """
            WHERE s.veteran_id = (SELECT id FROM veterans WHERE subject = @subject) AND (@ids::uuid[] IS NULL OR s.position_id = ANY(@ids))
            """;
    }
}
