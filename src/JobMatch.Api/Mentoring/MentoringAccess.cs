using System.Data.Common;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Auth;
using Microsoft.AspNetCore.Authorization;

namespace JobMatch.Api.Mentoring;

/// <summary>
/// A mentor reaches only the enterprises of their active caseload, and is known by the token subject an admin linked:
/// both are read from the database on every request, so unlinking or ending an assignment takes effect at once.
/// </summary>
public static class MentoringAccess
{
    /// <summary>Routes that admin and mentors reach; which records a mentor sees is then decided per request.</summary>
    public static readonly AuthorizationPolicy AdminOrMentor = new AuthorizationPolicyBuilder().RequireRole(Roles.Admin, Roles.Mentor).Build();

    public static async Task<Guid?> MentorIdOf(DbConnection db, ClaimsPrincipal user, DbTransaction? transaction = null) =>
        user.IsInRole(Roles.Mentor)
            ? await db.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM mentors WHERE subject = @subject",
                new { subject = user.Subject() }, transaction)
            : null;

    /// <summary>Admin reaches every enterprise; a mentor those actively assigned to them; anyone else none.</summary>
    public static async Task<bool> CanSeeEnterprise(DbConnection db, ClaimsPrincipal user, Guid enterpriseId) =>
        user.IsAdmin()
            ? await db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM enterprises WHERE id = @enterpriseId)", new { enterpriseId })
            : user.IsInRole(Roles.Mentor) && await db.ExecuteScalarAsync<bool>("""
                SELECT EXISTS (SELECT 1 FROM mentor_assignments a JOIN mentors m ON m.id = a.mentor_id
                               WHERE m.subject = @subject AND a.enterprise_id = @enterpriseId AND a.ends_on IS NULL)
                """, new { subject = user.Subject(), enterpriseId });
}
