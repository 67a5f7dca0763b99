using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Applications;

/// <summary>The three views of applications: a veteran's own, a position's (its company's recruiters), everything (admin).</summary>
static class ApplicationLists
{
    public static Task<Results<Ok<Page<Application>>, CsvResult<Application>, ValidationProblem>> Mine(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, string? cursor, int? limit)
    {
        // No profile means no applications: an empty page, not an error.
        return PageOf(request, user, dataSource, "v.subject = @subject", new { subject = user.Subject() }, cursor, limit, "my-applications.csv");
    }

    public static async Task<Results<Ok<Page<Application>>, CsvResult<Application>, ValidationProblem, NotFound>> OfOpening(
        Guid id, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, string? state, string? cursor, int? limit)
    {
        await using (var db = await dataSource.OpenConnectionAsync())
        {
            var companyId = await db.QuerySingleOrDefaultAsync<Guid?>("SELECT company_id FROM positions WHERE id = @id", new { id });
            if (companyId is null || !await CompanyAccess.CanActFor(db, user, companyId.Value))
            {
                return TypedResults.NotFound();
            }
        }
        var page = await PageOf(request, user, dataSource, "a.position_id = @id AND (@state::text IS NULL OR a.state = @state)",
            new { id, state }, cursor, limit, "applications.csv");
        return page.Result switch
        {
            Ok<Page<Application>> ok => ok,
            CsvResult<Application> csv => csv,
            _ => (ValidationProblem)page.Result,
        };
    }

    public static Task<Results<Ok<Page<Application>>, CsvResult<Application>, ValidationProblem>> All(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, string? state, Guid? positionId, Guid? companyId, Guid? fairId,
        Guid? programId, string? cursor, int? limit) =>
        PageOf(request, user, dataSource, """
            (@state::text IS NULL OR a.state = @state) AND (@positionId::uuid IS NULL OR a.position_id = @positionId)
            AND (@companyId::uuid IS NULL OR p.company_id = @companyId)
            AND (@fairId::uuid IS NULL OR p.fair_id = @fairId) AND (@programId::uuid IS NULL OR p.program_id = @programId)
            """, new { state, positionId, companyId, fairId, programId }, cursor, limit, "applications.csv");

    /// <summary>The early-stage job applications to a fair's positions, of the companies the caller acts for (optionally one).</summary>
    public static Task<Results<Ok<Page<Application>>, CsvResult<Application>, ValidationProblem>> Early(
        HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, Guid fairId, Guid? companyId, string? cursor, int? limit) =>
        PageOf(request, user, dataSource, $"""
            p.fair_id = @fairId AND a.kind = '{ApplicationStates.Job}' AND a.state = ANY(@early) AND {CompanyAccess.ActsFor("p.company_id")}
            AND (@companyId::uuid IS NULL OR p.company_id = @companyId)
            """, CompanyAccess.Parameters(user, new { fairId, companyId, early = ApplicationStates.Early.ToArray() }), cursor, limit, "early-applications.csv");

    static async Task<Results<Ok<Page<Application>>, CsvResult<Application>, ValidationProblem>> PageOf(
        HttpRequest request, ClaimsPrincipal reader, NpgsqlDataSource dataSource, string where, object filter, string? cursor, int? limit,
        string fileName)
    {
        if (!Paging.TryDecode(cursor, out var after))
        {
            return Paging.InvalidCursor();
        }
        var take = Paging.Clamp(limit);
        var parameters = new DynamicParameters(filter);
        parameters.AddDynamicParams(new { after, take = take + 1 });
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<Application>($"""
            {ApplicationSql.Select} WHERE {where} AND (@after::uuid IS NULL OR a.id < @after) ORDER BY a.id DESC LIMIT @take
            """, parameters)).ToList();
        rows = await ApplicationSql.ShownTo(db, null, rows, reader);
        var total = await db.ExecuteScalarAsync<long>($"""
            SELECT count(*) FROM applications a JOIN veterans v ON v.id = a.veteran_id JOIN positions p ON p.id = a.position_id WHERE {where}
            """, parameters);
        var page = Paging.ToPage(rows, take, total, application => application.Id);
        return Listing.WantsCsv(request) ? Listing.Csv(page, fileName) : TypedResults.Ok(page);
    }
}
