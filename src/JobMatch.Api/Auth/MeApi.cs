using System.Security.Claims;
using Dapper;
using Npgsql;

namespace JobMatch.Api.Auth;

public sealed record Me(string Subject, string Role, IReadOnlyList<Guid> CompanyIds);

public static class MeApi
{
    internal static RouteHandlerBuilder MapMe(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", Get).WithTags("Identity").RequireAuthorization(Policies.AnyRole)
            .WithSummary("Who the token says you are, and the records linked to you in the database");

    static async Task<Ok<Me>> Get(ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        // The links of the subject, whatever the token's role: what the database holds for them, not what they may do now.
        var companies = (await db.QueryAsync<Guid>(
            $"{CompanyAccess.LinkedCompanies} ORDER BY l.company_id", new { actingSubject = user.Subject() })).ToList();
        return TypedResults.Ok(new Me(user.Subject(), user.Role(), companies));
    }
}
