using System.Security.Claims;

namespace JobMatch.Api.Auth;

/// <summary>Exactly one role per token. "Staff" in the issues means admin.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Recruiter = "recruiter";
    public const string Veteran = "veteran";
    public const string Mentor = "mentor";

    public static readonly IReadOnlySet<string> All = new HashSet<string> { Admin, Recruiter, Veteran, Mentor };
}

/// <summary>Named authorization policies, one per role or set of roles allowed on a route.</summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string Recruiter = "recruiter";
    public const string Veteran = "veteran";
    public const string Mentor = "mentor";
    public const string AdminOrRecruiter = "admin-or-recruiter";
    public const string AnyRole = "any-role";
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The opaque user id (<c>sub</c>); every authenticated request has one.</summary>
    public static string Subject(this ClaimsPrincipal user) =>
        user.FindFirst("sub")?.Value ?? throw new InvalidOperationException("An authenticated user without a sub claim.");

    public static string Role(this ClaimsPrincipal user) =>
        user.FindFirst("role")?.Value ?? throw new InvalidOperationException("An authenticated user without a role claim.");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);
}
