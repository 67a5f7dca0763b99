using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Mentoring;

public static class EnterprisesApi
{
    const string Columns = $"""
        e.id, e.name, e.credit_code, e.founder_name, mask_phone(e.founder_phone) AS founder_phone, e.founder_veteran_id,
        e.industry, e.stage, e.district, e.employees, e.needs, e.demonstration_base, e.company_id,
        ARRAY(SELECT a.mentor_id FROM mentor_assignments a WHERE a.enterprise_id = e.id AND a.ends_on IS NULL ORDER BY a.starts_on, a.id) AS mentor_ids,
        c.last_session_on, {CheckIns.Overdue} AS overdue, e.synthetic, e.created_at
        """;

    const string From = "FROM enterprises e JOIN enterprise_check_ins c ON c.enterprise_id = e.id";

    public static RouteGroupBuilder MapEnterprises(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enterprises").WithTags("Mentoring");
        group.MapGet("/", List).RequireAuthorization(Policies.Admin)
            .WithSummary("Veteran-founded enterprises, newest first; filter unassigned, overdue, district or name; JSON or CSV (admin)");
        group.MapGet("/{id:guid}", GetById).RequireAuthorization(MentoringAccess.AdminOrMentor)
            .WithSummary("One enterprise: admin, or a mentor it is assigned to");
        group.MapPost("/", Create).RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Register a veteran-founded enterprise (admin)");
        group.MapPatch("/{id:guid}", Update).RequireAuthorization(Policies.Admin)
            .WithSummary("Change an enterprise's stage, employees, needs, demonstration-base membership, company or founder profile (admin)");
        return group;
    }

    static async Task<Results<Ok<Page<Enterprise>>, CsvResult<EnterpriseCsvRow>, ValidationProblem>> List(
        HttpRequest request, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<MentoringOptions> options,
        bool? unassigned, bool? overdue, [District] string? district, string? q, string? cursor, int? limit)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var (overdueDays, today) = CheckIns.Parameters(clock, options.Value);
        var filter = new { unassigned, overdue, district = Districts.Code(district), q, after, take = take + 1, overdueDays, today };
        const string where = $"""
            WHERE (@unassigned::boolean IS NULL OR (c.mentored_since IS NULL) = @unassigned)
              AND (@overdue::boolean IS NULL OR {CheckIns.Overdue} = @overdue)
              AND (@district::text IS NULL OR e.district = @district)
              AND (@q::text IS NULL OR strpos(e.name, @q) > 0)
            """;
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<Enterprise>($"""
            SELECT {Columns} {From} {where} AND (@after::uuid IS NULL OR e.id < @after) ORDER BY e.id DESC LIMIT @take
            """, filter)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) {From} {where}", filter);
        var page = Paging.ToPage(rows, take, total, enterprise => enterprise.Id);
        return Listing.WantsCsv(request)
            ? Listing.Csv(new Page<EnterpriseCsvRow>([.. page.Items.Select(EnterpriseCsvRow.From)], page.Total, page.NextCursor), "enterprises.csv")
            : TypedResults.Ok(page);
    }

    static async Task<Results<Ok<Enterprise>, NotFound>> GetById(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<MentoringOptions> options)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        if (!await MentoringAccess.CanSeeEnterprise(db, user, id))
        {
            return TypedResults.NotFound();
        }
        var (overdueDays, today) = CheckIns.Parameters(clock, options.Value);
        return TypedResults.Ok(await db.QuerySingleAsync<Enterprise>(
            $"SELECT {Columns} {From} WHERE e.id = @id", new { id, overdueDays, today }));
    }

    static async Task<Results<Created<Enterprise>, ValidationProblem, ProblemHttpResult>> Create(
        CreateEnterprise body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<MentoringOptions> options)
    {
        var errors = Validate(body);
        await using var db = await dataSource.OpenConnectionAsync();
        await CheckLinks(db, body.CompanyId, body.FounderVeteranId, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var creditCode = body.CreditCode is null ? null : CreditCode.Normalize(body.CreditCode);
        await using var tx = await db.BeginTransactionAsync();
        var id = Guid.CreateVersion7();
        var inserted = await db.ExecuteAsync("""
            INSERT INTO enterprises (id, name, credit_code, founder_name, founder_phone, founder_veteran_id, industry, stage,
                                     district, employees, needs, demonstration_base, company_id, created_by)
            VALUES (@id, @name, @creditCode, @founderName, @founderPhone, @founderVeteranId, @industry, @stage,
                    @district, @employees, @needs, @demonstrationBase, @companyId, @createdBy)
            ON CONFLICT (credit_code) DO NOTHING
            """, new { id, name = body.Name.Trim(), creditCode, founderName = body.FounderName.Trim(), founderPhone = body.FounderPhone,
                       founderVeteranId = body.FounderVeteranId, industry = body.Industry.Trim(), stage = body.Stage,
                       district = Districts.Code(body.District), employees = body.Employees ?? 0,
                       needs = (body.Needs ?? []).Distinct().ToArray(),
                       demonstrationBase = body.DemonstrationBase ?? false, companyId = body.CompanyId, createdBy = user.Subject() }, tx);
        if (inserted == 0)
        {
            return Problems.Conflict($"统一社会信用代码 {creditCode} 已登记。", $"An enterprise with credit code {creditCode} is already registered.");
        }
        await AuditLog.WriteAsync(db, tx, user, "enterprise.created", "enterprise", id);
        var (overdueDays, today) = CheckIns.Parameters(clock, options.Value);
        var enterprise = await db.QuerySingleAsync<Enterprise>($"SELECT {Columns} {From} WHERE e.id = @id", new { id, overdueDays, today }, tx);
        await tx.CommitAsync();
        return TypedResults.Created($"/api/enterprises/{id}", enterprise);
    }

    static async Task<Results<Ok<Enterprise>, NotFound, ValidationProblem>> Update(
        Guid id, UpdateEnterprise body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<MentoringOptions> options)
    {
        var errors = new Dictionary<string, string[]>(); // stage, employees and the needs' names are declared on UpdateEnterprise
        await using var db = await dataSource.OpenConnectionAsync();
        await CheckLinks(db, body.CompanyId, body.FounderVeteranId, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var tx = await db.BeginTransactionAsync();
        var changed = await db.ExecuteAsync("""
            UPDATE enterprises SET stage = coalesce(@stage, stage), employees = coalesce(@employees, employees),
                   needs = coalesce(@needs, needs), demonstration_base = coalesce(@demonstrationBase, demonstration_base),
                   company_id = coalesce(@companyId, company_id), founder_veteran_id = coalesce(@founderVeteranId, founder_veteran_id)
            WHERE id = @id
            """, new { id, stage = body.Stage, employees = body.Employees, needs = body.Needs?.Distinct().ToArray(),
                       demonstrationBase = body.DemonstrationBase, companyId = body.CompanyId, founderVeteranId = body.FounderVeteranId }, tx);
        if (changed == 0)
        {
            return TypedResults.NotFound();
        }
        await AuditLog.WriteAsync(db, tx, user, "enterprise.updated", "enterprise", id,
            new { body.Stage, body.Employees, body.Needs, body.DemonstrationBase, body.CompanyId, body.FounderVeteranId });
        var (overdueDays, today) = CheckIns.Parameters(clock, options.Value);
        var enterprise = await db.QuerySingleAsync<Enterprise>($"SELECT {Columns} {From} WHERE e.id = @id", new { id, overdueDays, today }, tx);
        await tx.CommitAsync();
        return TypedResults.Ok(enterprise);
    }

    static Task<bool> CompanyExists(NpgsqlConnection db, Guid companyId) =>
        db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM companies WHERE id = @companyId)", new { companyId });

    /// <summary>A linked company or founder profile must exist: an unknown id is a field error, not a 409.</summary>
    static async Task CheckLinks(NpgsqlConnection db, Guid? companyId, Guid? founderVeteranId, Dictionary<string, string[]> errors)
    {
        if (companyId is { } company && !await CompanyExists(db, company))
        {
            errors["companyId"] = [CompanyError()];
        }
        if (founderVeteranId is { } veteranId
            && !await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM veterans WHERE id = @veteranId)", new { veteranId }))
        {
            errors["founderVeteranId"] = [VeteranError()];
        }
    }

    static string VeteranError() => Say.Text("创始人的退役军人档案（founderVeteranId）不存在。", "No veteran profile has this founderVeteranId.");

    static string CompanyError() => Say.Text("关联的企业（companyId）不存在。", "No company has this companyId.");

    static string StageError() => Say.Text("发展阶段须为 idea（创意）、started（初创）或 growing（成长）。", "Stage must be idea, started or growing.");


    static Dictionary<string, string[]> Validate(CreateEnterprise body)
    {
        var errors = new Dictionary<string, string[]>();
        // Lengths, the closed lists, employees and phone are declared on CreateEnterprise.
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            errors["name"] = [Say.Text("请填写企业名称（1–200 字）。", "Give the enterprise's name (1–200 characters).")];
        }
        if (body.CreditCode is not null && !CreditCode.IsValid(CreditCode.Normalize(body.CreditCode)))
        {
            errors["creditCode"] = [Say.Text("统一社会信用代码无效：应为 18 位，且校验位正确。", "Invalid unified social credit code: 18 characters with a correct check character.")];
        }
        if (string.IsNullOrWhiteSpace(body.FounderName))
        {
            errors["founderName"] = [Say.Text("请填写创办人姓名（1–100 字）。", "Give the founder's name (1–100 characters).")];
        }
        if (string.IsNullOrWhiteSpace(body.Industry))
        {
            errors["industry"] = [Say.Text("请填写行业（1–50 字）。", "Give the industry (1–50 characters).")];
        }
        if (body.Stage is null)
        {
            errors["stage"] = [StageError()];
        }
        if (body.District is null)
        {
            errors["district"] = [MentorsApi.DistrictError()];
        }
        return errors;
    }
}
