using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Mentoring;

public static class MentorsApi
{
    // The phone is masked for staff; only the mentor themself reads it whole (GET /api/mentors/me).
    const string Columns = $"{Leading}, mask_phone(m.phone) AS phone, {Trailing}";
    const string OwnColumns = $"{Leading}, m.phone, {Trailing}";
    const string Leading = "m.id, m.name, m.expertise, m.industries, m.district, m.capacity, m.paused";
    const string Trailing = "m.subject, (SELECT count(*) FROM mentor_assignments a WHERE a.mentor_id = m.id AND a.ends_on IS NULL) AS load, m.synthetic, m.created_at";

    public static RouteGroupBuilder MapMentors(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/mentors").WithTags("Mentoring");
        group.MapGet("/", List).RequireAuthorization(Policies.Admin)
            .WithSummary("Mentors with their load against capacity, newest first; filter by name; JSON or CSV (admin)");
        group.MapGet("/{id:guid}", GetById).RequireAuthorization(Policies.Admin)
            .WithSummary("One mentor (admin)");
        group.MapGet("/me", Me).RequireAuthorization(Policies.Mentor)
            .WithSummary("The mentor record linked to the caller's token, phone unmasked");
        group.MapGet("/me/caseload", MentorCaseload.Mine).RequireAuthorization(Policies.Mentor)
            .WithSummary("The caller's enterprises with last session, overdue flag and open needs, newest assignment first");
        group.MapGet("/{id:guid}/caseload", MentorCaseload.OfMentor).RequireAuthorization(Policies.Admin)
            .WithSummary("A mentor's enterprises with last session, overdue flag and open needs (admin)");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Register a mentor (admin)");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin)
            .WithSummary("Change a mentor's capacity, expertise, industries or district, or pause them (a paused mentor takes no new enterprises) (admin)");
        group.MapPut("/{id:guid}/subject", Link).RequireAuthorization(Policies.Admin)
            .WithSummary("Link the mentor to a token subject (admin)");
        group.MapDelete("/{id:guid}/subject", Unlink).RequireAuthorization(Policies.Admin)
            .WithSummary("Unlink the mentor's token subject; it takes effect on their next request (admin)");
        return group;
    }

    static async Task<Results<Ok<Page<Mentor>>, CsvResult<MentorCsvRow>, ValidationProblem>> List(
        HttpRequest request, NpgsqlDataSource dataSource, [Text(100)] string? q, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        await using var db = await dataSource.OpenConnectionAsync();
        const string named = "(@q::text IS NULL OR strpos(m.name, @q) > 0)";
        var rows = (await db.QueryAsync<Mentor>($"""
            SELECT {Columns} FROM mentors m WHERE {named} AND (@after::uuid IS NULL OR m.id < @after) ORDER BY m.id DESC LIMIT @take
            """, new { q, after, take = take + 1 })).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM mentors m WHERE {named}", new { q });
        var page = Paging.ToPage(rows, take, total, mentor => mentor.Id);
        return Listing.WantsCsv(request)
            ? Listing.Csv(new Page<MentorCsvRow>([.. page.Items.Select(MentorCsvRow.From)], page.Total, page.NextCursor), "mentors.csv")
            : TypedResults.Ok(page);
    }

    static async Task<Results<Ok<Mentor>, NotFound>> GetById(Guid id, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await db.QuerySingleOrDefaultAsync<Mentor>($"SELECT {Columns} FROM mentors m WHERE m.id = @id", new { id }) is { } mentor
            ? TypedResults.Ok(mentor) : TypedResults.NotFound();
    }

    static async Task<Results<Ok<Mentor>, NotFound>> Me(ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var mentor = await db.QuerySingleOrDefaultAsync<Mentor>($"""
            SELECT {OwnColumns} FROM mentors m WHERE m.subject = @subject
            """, new { subject = user.Subject() });
        return mentor is null ? TypedResults.NotFound() : TypedResults.Ok(mentor);
    }

    static async Task<Results<Created<Mentor>, ValidationProblem>> Create(CreateMentor body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync("""
            INSERT INTO mentors (id, name, expertise, industries, district, capacity, phone, subject, created_by)
            VALUES (@id, @name, @expertise, @industries, @district, @capacity, @phone, @subject, @createdBy)
            """, new { id, name = body.Name.Trim(), expertise = (body.Expertise ?? []).Distinct().ToArray(),
                       industries = (body.Industries ?? []).Select(i => i.Trim()).Distinct().ToArray(),
                       district = Districts.Code(body.District),
                       capacity = body.Capacity, phone = body.Phone, subject = body.Subject, createdBy = user.Subject() }, tx);
        await AuditLog.WriteAsync(db, tx, user, "mentor.created", "mentor", id, new { linkedSubject = body.Subject });
        var mentor = await db.QuerySingleAsync<Mentor>($"SELECT {Columns} FROM mentors m WHERE m.id = @id", new { id }, tx);
        await tx.CommitAsync();
        return TypedResults.Created($"/api/mentors/{id}", mentor);
    }

    static Dictionary<string, string[]> Validate(CreateMentor body)
    {
        var errors = new Dictionary<string, string[]>();
        // Lengths, the closed lists, capacity and phone are declared on CreateMentor.
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = [Say.Text("请填写导师姓名（1–100 字）。", "Give the mentor's name (1–100 characters).")];
        }
        if (IndustriesError(body.Industries) is { } industries)
        {
            errors["industries"] = [industries];
        }
        if (body.District is null)
        {
            errors["district"] = [DistrictError()];
        }
        if (body.Subject is not null && (string.IsNullOrWhiteSpace(body.Subject) || body.Subject.Length > 200))
        {
            errors["subject"] = [Say.Text("用户标识（sub）须为 1–200 个字符。", "The user id (sub) must be 1–200 characters.")];
        }
        return errors;
    }

    static string? IndustriesError(string[]? industries) => (industries ?? []).Any(string.IsNullOrWhiteSpace)
        ? Say.Text("行业名称须为 1–50 字。", "Each industry must be 1–50 characters.") : null;

    internal static string DistrictError()
    {
        var codes = string.Join(", ", Districts.All.Select(d => d.Code));
        return Say.Text($"请填写淮南市区县代码或名称，如 340403 或 田家庵区；可选：{codes}。",
            $"Give a Huainan district code or name such as 340403 (Tianjia'an); choose from {codes}.");
    }

    static async Task<Results<Ok<Mentor>, NotFound, ValidationProblem>> Update(Guid id, UpdateMentor body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        if (IndustriesError(body.Industries) is { } industriesError)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["industries"] = [industriesError] });
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var changed = await db.ExecuteAsync("""
            UPDATE mentors SET capacity = coalesce(@capacity, capacity), paused = coalesce(@paused, paused),
                   expertise = coalesce(@expertise, expertise), industries = coalesce(@industries, industries),
                   district = coalesce(@district, district)
            WHERE id = @id
            """, new { id, capacity = body.Capacity, paused = body.Paused, expertise = body.Expertise?.Distinct().ToArray(),
                       industries = body.Industries?.Select(i => i.Trim()).Distinct().ToArray(), district = Districts.Code(body.District) }, tx);
        if (changed == 0)
        {
            return TypedResults.NotFound();
        }
        await AuditLog.WriteAsync(db, tx, user, "mentor.updated", "mentor", id,
            new { body.Capacity, body.Paused, body.Expertise, body.Industries, body.District });
        var mentor = await db.QuerySingleAsync<Mentor>($"SELECT {Columns} FROM mentors m WHERE m.id = @id", new { id }, tx);
        await tx.CommitAsync();
        return TypedResults.Ok(mentor);
    }

    static async Task<Results<Ok<Mentor>, NotFound, ValidationProblem, ProblemHttpResult>> Link(
        Guid id, LinkMentor body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        if (string.IsNullOrWhiteSpace(body.Subject) || body.Subject.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["subject"] = [Say.Text("请填写导师的用户标识（sub）。", "Give the mentor's user id (sub).")],
            });
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        switch (await MentorSubjects.LinkAsync(db, tx, id, body.Subject))
        {
            case MentorLinking.SubjectTakenByAnother:
                return Problems.Conflict("该用户标识已关联到另一位导师。", "This user id is already linked to another mentor.");
            case MentorLinking.NoSuchMentor:
                return TypedResults.NotFound();
        }
        await AuditLog.WriteAsync(db, tx, user, "mentor.subject_linked", "mentor", id, new { linkedSubject = body.Subject });
        var mentor = await db.QuerySingleAsync<Mentor>($"SELECT {Columns} FROM mentors m WHERE m.id = @id", new { id }, tx);
        await tx.CommitAsync();
        return TypedResults.Ok(mentor);
    }

    static async Task<Results<NoContent, NotFound>> Unlink(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await db.ExecuteAsync("UPDATE mentors SET subject = NULL WHERE id = @id AND subject IS NOT NULL", new { id }, tx) == 0)
        {
            return TypedResults.NotFound();
        }
        await AuditLog.WriteAsync(db, tx, user, "mentor.subject_unlinked", "mentor", id);
        await tx.CommitAsync();
        return TypedResults.NoContent();
    }
}
