using System.Data.Common;
using System.Security.Claims;
using Dapper;
using JobMatch.Api.Conventions;

namespace JobMatch.Api.Auth;

/// <summary>
/// The caller's own veteran profile, the one home of "no profile yet": its id from the token's subject, or the 409 that
/// tells the veteran to create it first (and names the route, for integrators).
/// </summary>
public static class MyProfile
{
    /// <summary>The route that creates it.</summary>
    public const string CreateRoute = "/api/veterans/me";

    /// <summary>The id of the caller's profile, null before they created one.</summary>
    public static Task<Guid?> IdAsync(DbConnection db, ClaimsPrincipal user, DbTransaction? tx = null) =>
        db.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM veterans WHERE subject = @subject", new { subject = user.Subject() }, tx);

    /// <summary>409: create your profile first, then do what was asked (a clause: "再申请岗位" / "then apply").</summary>
    public static ProblemHttpResult Missing(string thenChinese, string thenEnglish) =>
        TypedResults.Problem(statusCode: 409, title: "Conflict",
            detail: Say.Text($"请先创建您的求职档案（在“我的档案”中填写，只需姓名），{thenChinese}。",
                $"Create your profile first (in My profile; only the name is required), {thenEnglish}."),
            extensions: new Dictionary<string, object?> { ["createProfile"] = CreateRoute });
}
