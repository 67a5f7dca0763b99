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
        var companies = (await db.QueryAsync<Guid>(
            "SELECT company_id FROM recruiter_links WHERE subject = @subject ORDER BY company_id", new { subject = user.Subject() })).ToList();
        return TypedResults.Ok(new Me(user.Subject(), user.Role(), companies));
    }
}
