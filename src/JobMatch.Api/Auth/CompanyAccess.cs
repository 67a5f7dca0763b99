using System.Data.Common;
using System.Security.Claims;
using Dapper;

namespace JobMatch.Api.Auth;

/// <summary>
/// The companies a caller acts for, read from the database on every request so that an unlinked recruiter loses access at
/// once: admin acts for every company, a recruiter for those linked to their subject, anyone else for none. The one rule,
/// in C# (<see cref="CanActFor"/>, <see cref="CompaniesOf"/>) and in SQL (<see cref="ActsFor"/>) with <see cref="Parameters"/>.
/// </summary>
public static class CompanyAccess
{
    /// <summary>SQL, the companies linked to the subject @actingSubject (null links none).</summary>
    public const string LinkedCompanies = "SELECT l.company_id FROM recruiter_links l WHERE l.subject = @actingSubject";

    /// <summary>SQL, true when the caller of <see cref="Parameters"/> acts for the company of id <paramref name="companyId"/>.</summary>
    public static string ActsFor(string companyId) => $"(@actsForAll OR {companyId} IN ({LinkedCompanies}))";

    /// <summary>The parameters of <see cref="ActsFor"/> for this caller (@actsForAll, @actingSubject), with the query's own.</summary>
    public static DynamicParameters Parameters(ClaimsPrincipal user, object? query = null)
    {
        var parameters = new DynamicParameters(query);
        parameters.AddDynamicParams(new { actsForAll = user.IsAdmin(), actingSubject = ActingSubject(user) });
        return parameters;
    }

    /// <summary>The subject whose links count: a recruiter's own; null for admin (who needs none) and anyone else.</summary>
    static string? ActingSubject(ClaimsPrincipal user) => !user.IsAdmin() && user.IsInRole(Roles.Recruiter) ? user.Subject() : null;

    /// <summary>Whether the caller acts for this company (for admin: whether it exists).</summary>
    public static Task<bool> CanActFor(DbConnection db, ClaimsPrincipal user, Guid companyId, DbTransaction? tx = null) =>
        db.ExecuteScalarAsync<bool>($"SELECT EXISTS (SELECT 1 FROM companies c WHERE c.id = @companyId AND {ActsFor("c.id")})",
            Parameters(user, new { companyId }), tx);

    /// <summary>The companies the caller acts for: null for admin (every company), the linked ones for a recruiter, else none.</summary>
    public static async Task<IReadOnlySet<Guid>?> CompaniesOf(DbConnection db, ClaimsPrincipal user) =>
        user.IsAdmin() ? null : (await db.QueryAsync<Guid>(LinkedCompanies, Parameters(user))).ToHashSet();
}
