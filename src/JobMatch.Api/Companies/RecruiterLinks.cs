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
