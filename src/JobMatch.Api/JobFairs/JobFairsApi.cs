using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.JobFairs;

/// <summary>A job fair, online or at a venue, with the totals it declared (the 2023-03-16 fair: 182 companies, 384 positions, 1,264 openings).</summary>
public sealed record JobFair(Guid Id, string Name, DateOnly HeldOn, bool Online, string? Venue, string? Organiser,
    int? DeclaredCompanies, int? DeclaredPositions, int? DeclaredOpenings, DateTime CreatedAt);

public sealed record CreateJobFair([Text(200)] string Name, DateOnly HeldOn, bool Online, string? Venue, string? Organiser,
    [AtLeast(0)] int? DeclaredCompanies, [AtLeast(0)] int? DeclaredPositions, [AtLeast(0)] int? DeclaredOpenings);

public static class JobFairsApi
{
    const string Columns = "id, name, held_on, online, venue, organiser, declared_companies, declared_positions, declared_openings, created_at";

    public static RouteGroupBuilder MapJobFairs(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/job-fairs").WithTags("Job fairs");
        group.MapGet("/", List).RequireAuthorization(Policies.AnyRole).WithSummary("Job fairs, newest first; JSON or CSV");
        group.MapGet("/{id:guid}", GetById).RequireAuthorization(Policies.AnyRole).WithSummary("One job fair");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey().WithSummary("Create a job fair (admin)");
        return group;
    }

    static async Task<Results<Ok<Page<JobFair>>, CsvResult<JobFair>, ValidationProblem>> List(
        HttpRequest request, NpgsqlDataSource dataSource, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<JobFair>($"""
            SELECT {Columns} FROM job_fairs WHERE @after::uuid IS NULL OR id < @after ORDER BY id DESC LIMIT @take
            """, new { after, take = take + 1 })).ToList();
        var total = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM job_fairs");
        var page = Paging.ToPage(rows, take, total, fair => fair.Id);
        return Listing.WantsCsv(request) ? Listing.Csv(page, "job-fairs.csv") : TypedResults.Ok(page);
    }

    static async Task<Results<Ok<JobFair>, NotFound>> GetById(Guid id, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await db.QuerySingleOrDefaultAsync<JobFair>($"SELECT {Columns} FROM job_fairs WHERE id = @id", new { id }) is { } fair
            ? TypedResults.Ok(fair) : TypedResults.NotFound();
    }

    static async Task<Results<Created<JobFair>, ValidationProblem>> Create(CreateJobFair body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        var errors = new Dictionary<string, string[]>(); // the name's length and the declared totals' floor are declared on CreateJobFair
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = [Say.Text("请填写招聘会名称（1–200 字）。", "Give the fair's name (1–200 characters).")];
        }
        if (!body.Online && string.IsNullOrWhiteSpace(body.Venue))
        {
            errors["venue"] = [Say.Text("线下招聘会须填写场地。", "A fair that is not online needs a venue.")];
        }
        if (errors.Count > 0)
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
}
