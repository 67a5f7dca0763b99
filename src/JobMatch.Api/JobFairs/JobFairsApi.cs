using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.JobFairs;

/// <summary>
/// A job fair, online or at a venue, with the totals it declared (the 2023-03-16 fair: 182 companies, 384 positions, 1,264
/// openings). Closed (when) once staff close it: its positions closed with it and it takes no more (Openings/SourceClosing).
/// </summary>
public sealed record JobFair(Guid Id, string Name, DateOnly HeldOn, bool Online, string? Venue, string? Organiser,
    int? DeclaredCompanies, int? DeclaredPositions, int? DeclaredOpenings, DateTime CreatedAt, DateTime? ClosedAt);

public sealed record CreateJobFair([Text(200)] string Name, DateOnly HeldOn, bool Online, string? Venue, string? Organiser,
    [AtLeast(0)] int? DeclaredCompanies, [AtLeast(0)] int? DeclaredPositions, [AtLeast(0)] int? DeclaredOpenings);

public static class JobFairsApi
{
    const string Columns = "id, name, held_on, online, venue, organiser, declared_companies, declared_positions, declared_openings, created_at, closed_at";

    public static RouteGroupBuilder MapJobFairs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/job-fairs").WithTags("Job fairs");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithSummary("Job fairs, newest first; JSON or CSV");
        group.MapGet("/{id:guid}", GetById).RequireAuthorization(Policies.AnyRole).WithSummary("One job fair");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey().WithSummary("Create a job fair (admin)");
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.Admin).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Edit a job fair: the same fields as creating one; a closed fair no longer changes (admin)");
        return group;
    }

    static async Task<Results<Ok<Page<JobFair>>, CsvResult<JobFair>, ValidationProblem>> List(
        HttpRequest request, NpgsqlDataSource dataSource, bool? closed, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<JobFair>($"""
            SELECT {Columns} FROM job_fairs WHERE {WhetherClosed} AND (@after::uuid IS NULL OR id < @after) ORDER BY id DESC LIMIT @take
            """, new { closed, after, take = take + 1 })).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM job_fairs WHERE {WhetherClosed}", new { closed });
        var page = Paging.ToPage(rows, take, total, fair => fair.Id);
        return Listing.WantsCsv(request) ? Listing.Csv(page, "job-fairs.csv") : TypedResults.Ok(page);
    }

    /// <summary>SQL: the fairs (or programs) that are closed (@closed true), open (false) or both (null).</summary>
    internal const string WhetherClosed = "(@closed::boolean IS NULL OR (closed_at IS NOT NULL) = @closed)";

    static async Task<Results<Ok<JobFair>, NotFound>> GetById(Guid id, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await FindAsync(db, null, id) is { } fair ? TypedResults.Ok(fair) : TypedResults.NotFound();
    }

    public static Task<JobFair?> FindAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Guid id, bool forUpdate = false) =>
        db.QuerySingleOrDefaultAsync<JobFair>($"SELECT {Columns} FROM job_fairs WHERE id = @id {(forUpdate ? "FOR UPDATE" : "")}", new { id }, tx);

    /// <summary>The field errors of a fair beyond what CreateJobFair declares (the name's length, the declared totals' floor).</summary>
    static Dictionary<string, string[]> Errors(CreateJobFair body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = [Say.Text("请填写招聘会名称（1–200 字）。", "Give the fair's name (1–200 characters).")];
        }
        if (!body.Online && string.IsNullOrWhiteSpace(body.Venue))
        {
            errors["venue"] = [Say.Text("线下招聘会须填写场地。", "A fair that is not online needs a venue.")];
        }
        return errors;
    }

    static async Task<Results<Created<JobFair>, ValidationProblem>> Create(CreateJobFair body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        if (Errors(body) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var fair = await db.QuerySingleAsync<JobFair>($"""
            INSERT INTO job_fairs (id, name, held_on, online, venue, organiser, declared_companies, declared_positions, declared_openings, created_by)
            VALUES (@id, @Name, @HeldOn, @Online, @Venue, @Organiser, @DeclaredCompanies, @DeclaredPositions, @DeclaredOpenings, @createdBy)
            RETURNING {Columns}
            """, new { id = Guid.CreateVersion7(), Name = body.Name.Trim(), body.HeldOn, body.Online, Venue = body.Venue?.Trim(),
                       Organiser = body.Organiser?.Trim(), body.DeclaredCompanies, body.DeclaredPositions, body.DeclaredOpenings,
                       createdBy = user.Subject() }, tx);
        await AuditLog.WriteAsync(db, tx, user, "job_fair.created", "job_fair", fair.Id);
        await tx.CommitAsync();
        return TypedResults.Created($"/api/job-fairs/{fair.Id}", fair);
    }

    static async Task<Results<Ok<JobFair>, NotFound, ValidationProblem, ProblemHttpResult>> Update(Guid id, CreateJobFair body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource)
    {
        if (Errors(body) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await FindAsync(db, tx, id, forUpdate: true) is not { } before)
        {
            return TypedResults.NotFound();
        }
        if (before.ClosedAt is not null)
        {
            return Closed();
        }
        var fair = await db.QuerySingleAsync<JobFair>($"""
            UPDATE job_fairs SET (name, held_on, online, venue, organiser, declared_companies, declared_positions, declared_openings)
                = (@Name, @HeldOn, @Online, @Venue, @Organiser, @DeclaredCompanies, @DeclaredPositions, @DeclaredOpenings)
            WHERE id = @id RETURNING {Columns}
            """, new { id, Name = body.Name.Trim(), body.HeldOn, body.Online, Venue = body.Venue?.Trim(), Organiser = body.Organiser?.Trim(),
                       body.DeclaredCompanies, body.DeclaredPositions, body.DeclaredOpenings }, tx);
        await AuditLog.WriteAsync(db, tx, user, "job_fair.updated", "job_fair", id);
        await tx.CommitAsync();
        return TypedResults.Ok(fair);
    }

    /// <summary>The answer to a change of a closed fair: it is a record of what was, and takes no more.</summary>
    public static ProblemHttpResult Closed() => Problems.Conflict(
        "该招聘会已结束，不能再修改或导入岗位：如需继续招聘，请新建一场招聘会。",
        "This job fair is closed and takes no more changes or positions: create a new fair to go on recruiting.");
}
