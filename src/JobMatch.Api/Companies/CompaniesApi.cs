using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;
using Npgsql;

namespace JobMatch.Api.Companies;

public static class CompaniesApi
{
    public static RouteGroupBuilder MapCompanies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/companies").WithTags("Companies");
        group.MapGet("/", List).RequireAuthorization(Policies.AdminOrRecruiter)
            .WithSummary("Companies the caller may act for (admin: all), newest first; JSON or CSV");
        group.MapGet("/{id:guid}", GetById).RequireAuthorization(Policies.AdminOrRecruiter).WithName("GetCompany")
            .WithSummary("One company, if the caller may act for it");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Register a company (admin)");
        group.MapPost("/{id:guid}/recruiters", Link).RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Let a recruiter (by token subject) act for this company (admin)");
        group.MapDelete("/{id:guid}/recruiters/{subject}", Unlink).RequireAuthorization(Policies.Admin)
            .WithSummary("Revoke a recruiter's link; it takes effect on their next request (admin)");
        app.MapRecruiterLinks();
        app.MapCompanyEdit();
        return group;
    }

    static async Task<Results<Ok<Page<Company>>, CsvResult<Company>, ValidationProblem>> List(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, string? q, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var filter = CompanyAccess.Parameters(user, new { q = q is null ? null : CompanyName.Normalize(q), after, take = take + 1 });
        var where = $"""
            WHERE {CompanyAccess.ActsFor("c.id")}
              AND (@q::text IS NULL OR strpos(c.normalized_name, @q) > 0)
            """;
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<Company>($"""
            SELECT {Columns}
            FROM companies c {where} AND (@after::uuid IS NULL OR c.id < @after)
            ORDER BY c.id DESC LIMIT @take
            """, filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM companies c {where}", filter);
        var page = Paging.ToPage(rows, take, total, company => company.Id);
        return Listing.WantsCsv(request) ? Listing.Csv(page, "companies.csv") : TypedResults.Ok(page);
    }

    static async Task<Results<Ok<Company>, NotFound>> GetById(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        if (!await CompanyAccess.CanActFor(db, user, id))
        {
            return TypedResults.NotFound();
        }
        var company = await db.QuerySingleAsync<Company>($"""
            SELECT {Columns} FROM companies c WHERE c.id = @id
            """, new { id });
        return TypedResults.Ok(company);
    }

    static async Task<Results<Created<Company>, ValidationProblem, ProblemHttpResult>> Create(
        CreateCompany body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var creditCode = body.CreditCode is null ? null : CreditCode.Normalize(body.CreditCode);
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var company = await db.QuerySingleOrDefaultAsync<Company>($"""
            INSERT INTO companies AS c (id, name, normalized_name, credit_code, industry, district, created_by,
                                        veteran_founded, district_code, contact_name, contact_phone)
            VALUES (@id, @name, @normalized, @creditCode, @industry, @district, @createdBy,
                    @veteranFounded, @districtCode, @contactName, @contactPhone)
            ON CONFLICT (credit_code) DO NOTHING
            RETURNING {Columns}
            """, new { id = Guid.CreateVersion7(), name = body.Name.Trim(), normalized = CompanyName.Normalize(body.Name),
                       creditCode, industry = body.Industry?.Trim(), district = body.District?.Trim(), createdBy = user.Subject(),
                       veteranFounded = body.VeteranFounded ?? false, districtCode = Districts.InAddress(body.District),
                       contactName = body.ContactName?.Trim(), contactPhone = body.ContactPhone?.Trim() }, tx);
        if (company is null)
        {
            return Problems.Conflict($"统一社会信用代码 {creditCode} 已登记。", $"A company with credit code {creditCode} is already registered.");
        }
        await AuditLog.WriteAsync(db, tx, user, "company.created", "company", company.Id);
        await tx.CommitAsync();
        return TypedResults.Created($"/api/companies/{company.Id}", company);
    }

    // The phone is stored whole for the bureau's follow-up calls and only ever leaves masked.
    const string MaskedExtras = """
        c.veteran_founded, c.district_code, c.contact_name, mask_phone(c.contact_phone) AS contact_phone
        """;

    /// <summary>The columns that fill a <see cref="Company"/> from companies c, in its order.</summary>
    internal const string Columns = $"c.id, c.name, c.credit_code, c.industry, c.district, c.created_at, {MaskedExtras}";

    static Dictionary<string, string[]> Validate(CreateCompany body)
    {
        var errors = new Dictionary<string, string[]>(); // lengths and the phone's form are declared on CreateCompany
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = [Say.Text("请填写单位名称（1–200 字）。", "Give the company name (1–200 characters).")];
        }
        if (body.CreditCode is not null && !CreditCode.IsValid(CreditCode.Normalize(body.CreditCode)))
        {
            errors["creditCode"] = [Say.Text("统一社会信用代码无效：应为 18 位，且校验位正确。", "Invalid unified social credit code: 18 characters with a correct check character.")];
        }
        return errors;
    }

    static async Task<Results<Created<RecruiterLink>, NotFound, ValidationProblem>> Link(
        Guid id, LinkRecruiter body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        if (string.IsNullOrWhiteSpace(body.Subject) || body.Subject.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["subject"] = [Say.Text("请填写招聘人员的用户标识（sub）。", "Give the recruiter's user id (sub).")],
            });
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await RecruiterLinks.LinkAsync(db, tx, id, body.Subject, user.Subject()) is not { } link)
        {
            return TypedResults.NotFound();
        }
        await AuditLog.WriteAsync(db, tx, user, "company.recruiter_linked", "company", id, new { recruiter = body.Subject });
        await tx.CommitAsync();
        return TypedResults.Created($"/api/companies/{id}/recruiters/{Uri.EscapeDataString(body.Subject)}", link);
    }

    static async Task<Results<NoContent, NotFound>> Unlink(Guid id, string subject, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var removed = await db.ExecuteAsync("DELETE FROM recruiter_links WHERE company_id = @id AND subject = @subject", new { id, subject }, tx);
        if (removed == 0)
        {
            return TypedResults.NotFound();
        }
        await AuditLog.WriteAsync(db, tx, user, "company.recruiter_unlinked", "company", id, new { recruiter = subject });
        await tx.CommitAsync();
        return TypedResults.NoContent();
    }
}
