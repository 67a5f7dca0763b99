using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.WebConsole;

/// <summary>A user the demo sign-in offers: the role, the token subject and what it is linked to (a company, a masked name).</summary>
public sealed record DemoUser(string Role, string Subject, string? Label);

public sealed record DemoSignIn([OneOf(typeof(Roles), nameof(Roles.All))] string Role, string Subject);

public sealed record DemoToken(string Token, string Role, string Subject, DateTime ExpiresAt);

/// <summary>
/// Sign-in for a local try-out of the embedded demo only: <see cref="DemoSignInGate"/> says when it is mapped and when it
/// answers (elsewhere 404). It signs tokens only for the demo users it lists, never for a subject of your choosing, and
/// never for a real account.
/// </summary>
public static class DemoSignInApi
{
    public const string Prefix = "/api/demo";
    public const string Admin = "demo-admin";
    public const string VeteranPrefix = "demo-veteran-";

    public static IEndpointRouteBuilder MapDemoSignIn(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Console").AllowAnonymous();
        group.MapGet("/users", Users).WithSummary("Demo users of each role to sign in as (a local demo only: demo data, loopback)");
        group.MapPost("/sign-in", SignIn).AcceptsIdempotencyKey()
            .WithSummary("A bearer token for one of the listed demo users (a local demo only: demo data, loopback)");
        return app;
    }

    static async Task<Ok<IReadOnlyList<DemoUser>>> Users(NpgsqlDataSource dataSource) =>
        TypedResults.Ok(await ListAsync(dataSource));

    static async Task<Results<Ok<DemoToken>, ValidationProblem>> SignIn(
        DemoSignIn body, NpgsqlDataSource dataSource, IOptions<AuthOptions> auth, TimeProvider clock)
    {
        var users = await ListAsync(dataSource);
        if (!users.Any(user => user.Role == body.Role && user.Subject == body.Subject))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["subject"] = [Say.Text("只能以列出的演示用户登录。", "Sign in as one of the listed demo users.")],
            });
        }
        var lifetime = TimeSpan.FromHours(auth.Value.TokenLifetimeHours);
        var token = TokenIssuer.Issue(auth.Value, body.Role, body.Subject, lifetime, clock);
        return TypedResults.Ok(new DemoToken(token, body.Role, body.Subject, clock.GetUtcNow().UtcDateTime + lifetime));
    }

    /// <summary>
    /// Admin; the recruiters the demo data linked (demo subjects, linked by 'system'), with their companies; mentors and
    /// veterans whose subject is a demo one (names masked, the list is anonymous); and one fresh veteran subject with no
    /// profile yet, to try creating one. A recruiter an admin linked is a real account: never offered.
    /// </summary>
    static async Task<IReadOnlyList<DemoUser>> ListAsync(NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var recruiters = await db.QueryAsync<DemoUser>("""
            SELECT 'recruiter' AS role, l.subject, string_agg(c.name, '、' ORDER BY c.name) AS label
            FROM recruiter_links l JOIN companies c ON c.id = l.company_id
            WHERE l.subject LIKE 'demo-%' AND l.linked_by = 'system'
            GROUP BY l.subject ORDER BY l.subject LIMIT 10
            """);
        var mentors = await db.QueryAsync<(string Subject, string Name)>(
            "SELECT subject, name FROM mentors WHERE subject LIKE 'demo-%' ORDER BY subject LIMIT 10");
        var veterans = (await db.QueryAsync<(string Subject, string Name)>(
            "SELECT subject, name FROM veterans WHERE subject LIKE 'demo-%' ORDER BY subject LIMIT 10")).ToList();
        // Every demo veteran subject, not only the ten listed, so the fresh one is never someone's profile.
        var taken = (await db.QueryAsync<string>("SELECT subject FROM veterans WHERE subject LIKE @prefix || '%'",
            new { prefix = VeteranPrefix })).ToHashSet();
        var fresh = Enumerable.Range(1, taken.Count + 1).Select(n => $"{VeteranPrefix}{n}").First(subject => !taken.Contains(subject));
        return
        [
            new DemoUser(Roles.Admin, Admin, null),
            .. recruiters,
            .. mentors.Select(m => new DemoUser(Roles.Mentor, m.Subject, Masking.Name(m.Name))),
            .. veterans.Select(v => new DemoUser(Roles.Veteran, v.Subject, Masking.Name(v.Name))),
            new DemoUser(Roles.Veteran, fresh, null),
        ];
    }
}
