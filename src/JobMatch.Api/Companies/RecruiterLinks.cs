using Dapper;
using JobMatch.Api.Auth;
using Npgsql;

namespace JobMatch.Api.Companies;

/// <summary>Who may act for a company: the recruiters' token subjects linked to it (admin).</summary>
public static class RecruiterLinks
{
    internal static IEndpointRouteBuilder MapRecruiterLinks(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/companies/{id:guid}/recruiters", List).WithTags("Companies").RequireAuthorization(Policies.Admin)
            .WithSummary("Recruiters linked to a company, newest link first (admin)");
        return app;
    }

    /// <summary>Lets the subject act for the company (again: the link stays as it was); null when there is no such company.</summary>
    public static Task<RecruiterLink?> LinkAsync(NpgsqlConnection db, NpgsqlTransaction? tx, Guid companyId, string subject,
        string linkedBy) =>
        db.QuerySingleOrDefaultAsync<RecruiterLink>("""
            INSERT INTO recruiter_links (subject, company_id, linked_by)
            SELECT @subject, id, @linkedBy FROM companies WHERE id = @companyId
            ON CONFLICT (subject, company_id) DO UPDATE SET subject = excluded.subject
            RETURNING subject, company_id, linked_at
            """, new { subject, companyId, linkedBy }, tx);

    /// <summary>Removes every company link of the subject (an account that is no longer a recruiter); how many there were.</summary>
    public static Task<int> UnlinkAllAsync(NpgsqlConnection db, NpgsqlTransaction? tx, string subject) =>
        db.ExecuteAsync("DELETE FROM recruiter_links WHERE subject = @subject", new { subject }, tx);

    static async Task<Results<Ok<IReadOnlyList<RecruiterLink>>, NotFound>> List(Guid id, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        if (!await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM companies WHERE id = @id)", new { id }))
        {
            return TypedResults.NotFound();
        }
        // A company has a handful of recruiters: one bounded list, no paging.
        var links = await db.QueryAsync<RecruiterLink>("""
            SELECT subject, company_id, linked_at FROM recruiter_links WHERE company_id = @id ORDER BY linked_at DESC, subject
            """, new { id });
        return TypedResults.Ok<IReadOnlyList<RecruiterLink>>([.. links]);
    }
}
