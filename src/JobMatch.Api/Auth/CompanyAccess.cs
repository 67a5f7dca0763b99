using System.Data.Common;
using System.Security.Claims;
using Dapper;

namespace JobMatch.Api.Auth;

/// <summary>What a caller may reach is read from the database on every request: an unlinked recruiter loses access at once.</summary>
public static class CompanyAccess
{
    /// <summary>Admin reaches every company; a recruiter only those linked to their subject; anyone else none.</summary>
    public static async Task<bool> CanActFor(DbConnection db, ClaimsPrincipal user, Guid companyId) =>
        user.IsAdmin()
            ? await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM companies WHERE id = @companyId)", new { companyId })
            : user.IsInRole(Roles.Recruiter) && await db.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM recruiter_links WHERE subject = @subject AND company_id = @companyId)",
                new { subject = user.Subject(), companyId });

    /// <summary>The companies the caller acts for: null for admin (every company), the linked ones for a recruiter, else none.</summary>
    public static async Task<IReadOnlySet<Guid>?> CompaniesOf(DbConnection db, ClaimsPrincipal user) =>
        user.IsAdmin() ? null
        : user.IsInRole(Roles.Recruiter)
            ? (await db.QueryAsync<Guid>("SELECT company_id FROM recruiter_links WHERE subject = @subject", new { subject = user.Subject() })).ToHashSet()
            : new HashSet<Guid>();
}
