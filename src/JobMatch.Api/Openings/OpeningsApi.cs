using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.JobFairs;
using JobMatch.Api.Programs;
using JobMatch.Api.Taxonomy;
using Npgsql;

namespace JobMatch.Api.Openings;

public static class OpeningsApi
{
    public static RouteGroupBuilder MapOpenings(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/openings").WithTags("Openings");
        group.MapGet("/", Search).RequireAuthorization(Policies.AnyRole)
            .WithSummary("Search positions (text, district, salary, education, industry, kind, fair or program; open only by default), newest first");
        group.MapGet("/{id:guid}", GetById).RequireAuthorization(Policies.AnyRole).WithSummary("One position");
        group.MapPost("/", Create).RequireAuthorization(Policies.AdminOrRecruiter).AcceptsIdempotencyKey()
            .WithSummary("Post a position for a company you act for");
        group.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.AdminOrRecruiter)
            .WithSummary("Edit a position of a company you act for (others' answer 404); a program seat within its sponsor's quota");
        group.MapDelete("/{id:guid}", Close).RequireAuthorization(Policies.AdminOrRecruiter)
            .WithSummary("Close a position of a company you act for");
        return group;
    }

    static async Task<Results<Ok<Page<Opening>>, CsvResult<OpeningCsvRow>, ValidationProblem>> Search(HttpRequest request, NpgsqlDataSource dataSource,
        TimeProvider clock, string? q, [District] string? district, int? salaryMin, string? education, string? industry, string? kind,
        Guid? fairId, Guid? programId, Guid? companyId, bool? openOnly, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        int? educationRank = null;
        if (education is not null)
        {
            if (EducationCodes.Read(education) is not { } level)
            {
                return Invalid("education", "学历无法识别。", "Education not understood.");
            }
            educationRank = (int)level + 1; // positions.education_rank: 1 for the lowest code
        }
        var take = Paging.Clamp(limit);
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var filter = new
        {
            q = text, like = text is null ? null : "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%",
            district = Districts.Code(district), salaryMin, educationRank, industry = Industries.Term(industry), kind, fairId, programId, companyId,
            openOnly = openOnly ?? true,
            today = ShanghaiTime.Today(clock), after, take = take + 1,
        };
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<Opening>($"""
            {OpeningSql.Select} {OpeningSql.Filter} AND (@after::uuid IS NULL OR p.id < @after) ORDER BY p.id DESC LIMIT @take
            """, filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM positions p JOIN companies c ON c.id = p.company_id {OpeningSql.Filter}", filter);
        var page = Paging.ToPage(rows, take, total, opening => opening.Id);
        return Listing.WantsCsv(request)
            ? Listing.Csv(new Page<OpeningCsvRow>([.. page.Items.Select(OpeningCsvRow.From)], page.Total, page.NextCursor), "openings.csv")
            : TypedResults.Ok(page);
    }

    static async Task<Results<Ok<Opening>, NotFound>> GetById(Guid id, NpgsqlDataSource dataSource, OpeningReadCache cache)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await cache.FindAsync(db, id) is { } opening ? TypedResults.Ok(opening) : TypedResults.NotFound();
    }

    internal static Task<Opening?> Find(NpgsqlConnection db, NpgsqlTransaction? tx, Guid id, TimeProvider clock) =>
        db.QuerySingleOrDefaultAsync<Opening>($"{OpeningSql.Select} WHERE p.id = @id", new { id, today = ShanghaiTime.Today(clock) }, tx);

    static async Task<Results<Created<Opening>, NotFound, ValidationProblem, ProblemHttpResult>> Create(OpeningInput body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (errors, values) = OpeningValidation.Check(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        if (!await CompanyAccess.CanActFor(db, user, body.CompanyId))
        {
            return TypedResults.NotFound();
        }
        if (body.FairId is { } fair && !await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM job_fairs WHERE id = @fair)", new { fair }))
        {
            return Invalid("fairId", "招聘会不存在。", "No such job fair.");
        }
        if (body.FairId is { } open && await SourceClosing.IsClosedAsync(db, null, open))
        {
            return JobFairsApi.Closed();
        }
        await using var tx = await db.BeginTransactionAsync();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync($"""
            INSERT INTO positions (id, company_id, fair_id, kind, title, created_by, {OpeningValidation.Columns})
            VALUES (@id, @CompanyId, @FairId, @Kind, @Title, @actor, {OpeningValidation.Parameters})
            """, values with { Id = id, Actor = user.Subject() }, tx);
        await AuditLog.WriteAsync(db, tx, user, "opening.created", "position", id);
        var opening = (await Find(db, tx, id, clock))!;
        await tx.CommitAsync();
        return TypedResults.Created($"/api/openings/{id}", opening);
    }

    static async Task<Results<Ok<Opening>, NotFound, ValidationProblem>> Update(Guid id, OpeningInput body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var (errors, values) = OpeningValidation.Check(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        // A program seat offers at most what its sponsor's quota leaves; the sponsor's row is locked before the position's.
        var quota = await SponsorQuota.RoomForAsync(db, tx, id);
        if (await EditableCompany(db, tx, user, id) is not { } companyId)
        {
            return TypedResults.NotFound();
        }
        if (body.CompanyId != companyId)
        {
            return Invalid("companyId", "岗位所属单位不能更改。", "A position cannot move to another company.");
        }
        if (await HeadcountProblem(db, tx, id, body.Headcount, quota) is { } misfit)
        {
            return misfit;
        }
        // The company, source and kind of a position stay as they are; a filled position says so.
        await db.ExecuteAsync($"""
            UPDATE positions SET ({OpeningValidation.Columns}, title, updated_at) = ({OpeningValidation.Parameters}, @Title, now())
            WHERE id = @Id
            """, values with { Id = id }, tx);
        await OpeningStatus.SettleAsync(db, tx, id);
        await AuditLog.WriteAsync(db, tx, user, "opening.updated", "position", id);
        var opening = (await Find(db, tx, id, clock))!;
        await tx.CommitAsync();
        return TypedResults.Ok(opening);
    }

    static async Task<Results<NoContent, NotFound>> Close(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await EditableCompany(db, tx, user, id) is null)
        {
            return TypedResults.NotFound();
        }
        await db.ExecuteAsync("UPDATE positions SET status = 'closed', updated_at = now() WHERE id = @id", new { id }, tx);
        await AuditLog.WriteAsync(db, tx, user, "opening.closed", "position", id);
        await tx.CommitAsync();
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The position's company if the caller may edit it (admin: any; recruiter: a company linked to them), else null.
    /// Locks the row for the edit.
    /// </summary>
    static async Task<Guid?> EditableCompany(NpgsqlConnection db, NpgsqlTransaction tx, ClaimsPrincipal user, Guid id) =>
        await db.QuerySingleOrDefaultAsync<Guid?>("SELECT company_id FROM positions WHERE id = @id FOR UPDATE", new { id }, tx) is { } companyId
        && await CompanyAccess.CanActFor(db, user, companyId) ? companyId : null;

    /// <summary>
    /// The 400 to answer when the new headcount does not fit, else null. Filled counts the hires and enrolments the
    /// applications made; a body never sets it, and a headcount may not drop below it, nor offer more than a program
    /// seat's <paramref name="quota"/> leaves.
    /// </summary>
    static async Task<ValidationProblem?> HeadcountProblem(NpgsqlConnection db, NpgsqlTransaction tx, Guid id, int? headcount,
        (int Seats, int Room)? quota)
    {
        var filled = await db.ExecuteScalarAsync<int>("SELECT filled FROM positions WHERE id = @id", new { id }, tx);
        if (headcount < filled)
        {
            return Invalid("headcount", $"招聘人数不能少于已录用的 {filled} 人。", $"The headcount cannot be below the {filled} already hired.");
        }
        if (quota is { } sponsor && headcount > sponsor.Room)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["headcount"] = [SponsorQuota.TooMany(sponsor.Seats, sponsor.Room)],
            });
        }
        return null;
    }

    static ValidationProblem Invalid(string field, string chinese, string english) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Say.Text(chinese, english)] });
}
