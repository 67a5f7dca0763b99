using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;
using Npgsql;

namespace JobMatch.Api.Companies;

/// <summary>
/// Staff correct what the bureau records about a company: its name, industry, district and contact. The credit code
/// stays as registered; a phone left out keeps the stored one (the console only ever reads it masked).
/// </summary>
public static class CompanyEdit
{
    internal static IEndpointRouteBuilder MapCompanyEdit(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/companies/{id:guid}", Update).WithTags("Companies").RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edit a company's name, industry, district and contact; a name another company has answers 409 (admin)");
        return app;
    }

    static async Task<Results<Ok<Company>, NotFound, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateCompany body, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        if (string.IsNullOrWhiteSpace(body.Name))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["name"] = [Say.Text("请填写单位名称（1–200 字）。", "Give the company name (1–200 characters).")],
            });
        }
        var normalized = CompanyName.Normalize(body.Name);
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        // One rename to a name at a time: two edits cannot both take the same free name.
        await db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('company-name:' || @normalized))", new { normalized }, tx);
        if (await db.QuerySingleOrDefaultAsync<Company>($"SELECT {CompaniesApi.Columns} FROM companies c WHERE c.id = @id FOR UPDATE", new { id }, tx)
            is not { } before)
        {
            return TypedResults.NotFound();
        }
        if (await NameTaken(db, tx, id, normalized) is { } taken)
        {
            return taken;
        }
        var company = await db.QuerySingleAsync<Company>($"""
            UPDATE companies AS c SET name = @name, normalized_name = @normalized, industry = @industry, district = @district,
                   district_code = @districtCode, contact_name = @contactName, contact_phone = coalesce(@contactPhone, c.contact_phone),
                   veteran_founded = coalesce(@veteranFounded, c.veteran_founded), updated_at = now()
            WHERE c.id = @id
            RETURNING {CompaniesApi.Columns}
            """, new { id, name = body.Name.Trim(), normalized, industry = Blank(body.Industry), district = Blank(body.District),
                       districtCode = Districts.InAddress(body.District), contactName = Blank(body.ContactName),
                       contactPhone = Blank(body.ContactPhone), body.VeteranFounded }, tx);
        await AuditLog.WriteAsync(db, tx, user, "company.updated", "company", id, new { fields = Changed(before, company, body.ContactPhone) });
        await tx.CommitAsync();
        return TypedResults.Ok(company);
    }

    /// <summary>The 409 to answer when another company already has the name (as <see cref="CompanyName"/> compares), else null.</summary>
    static async Task<ProblemHttpResult?> NameTaken(NpgsqlConnection db, NpgsqlTransaction tx, Guid id, string normalized) =>
        await db.QuerySingleOrDefaultAsync<string>("SELECT name FROM companies WHERE normalized_name = @normalized AND id <> @id LIMIT 1",
            new { normalized, id }, tx) is { } taken
            ? Problems.Conflict($"已有名为“{taken}”的单位：请换一个名称，或在单位列表中找到它并编辑那一家。",
                $"Another company is already named “{taken}”: choose another name, or find that company in the list and edit it.")
            : null;

    static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The names of the fields the edit changed, for the audit entry (never their values: a contact is a person).</summary>
    static string[] Changed(Company before, Company after, string? phone) =>
    [
        .. new (string Field, bool Differs)[]
        {
            ("name", before.Name != after.Name), ("industry", before.Industry != after.Industry),
            ("district", before.District != after.District), ("contactName", before.ContactName != after.ContactName),
            ("contactPhone", !string.IsNullOrWhiteSpace(phone)), ("veteranFounded", before.VeteranFounded != after.VeteranFounded),
        }.Where(change => change.Differs).Select(change => change.Field),
    ];
}
