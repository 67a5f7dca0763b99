using System.Security.Claims;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Applications;

/// <summary>
/// Several applications moved to one state in one request: each in its own transaction through the same move as PATCH
/// (so each is checked, audited and counted as if moved alone), one result per item saying whether it moved and, if not, why.
/// </summary>
static class ApplicationBulk
{
    public const int MaxItems = 100;

    public static IEndpointRouteBuilder MapApplicationBulk(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/applications").WithTags("Applications");
        group.MapPost("/moves", Moves).RequireAuthorization(Policies.AdminOrRecruiter).AcceptsIdempotencyKey()
            .WithSummary("Move several applications (at most 100) to one state; one result per item, each moved alone as by PATCH")
            .WithDescription("Each item is moved in its own transaction with the rules of PATCH /api/applications/{id} (audited like it). " +
                "onlyFrom, when given, leaves an application no longer in one of those states as it is (the list the screen showed " +
                "may be stale). The answer is 200 with one result per id in order: moved, the state it is in, and for one not moved " +
                "the status PATCH would have answered and why.");
        group.MapGet("/early", ApplicationLists.Early).RequireAuthorization(Policies.AdminOrRecruiter)
            .WithSummary("Applications to a fair's positions still in an early stage (submitted, screening), of companies you act for; JSON or CSV")
            .WithDescription("The rest to turn away after a fair: job applications to the fair's positions that no one has called to " +
                "interview, newest first, optionally of one company. Reject them with POST /api/applications/moves.");
        return app;
    }

    static async Task<Results<Ok<MoveResults>, ValidationProblem>> Moves(ApplicationMoves body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var ids = (body.Ids ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["ids"] = [Say.Text("请至少选择一份投递。", "Choose at least one application.")],
            });
        }
        var today = ShanghaiTime.Today(clock);
        var results = new List<MoveResult>(ids.Count);
        foreach (var id in ids)
        {
            var answer = await ApplicationsApi.Move(dataSource, user, id, body.State, body.Note, today, body.OnlyFrom);
            results.Add(MoveResult.Of(id, answer.Result));
        }
        // Each move wrote its own entry; this one records the request: what was asked, how many moved.
        await using (var db = await dataSource.OpenConnectionAsync())
        {
            await AuditLog.WriteAsync(db, null, user, "applications.bulk_moved", "application", null,
                new { state = body.State, requested = ids.Count, moved = results.Count(r => r.Moved) });
        }
        return TypedResults.Ok(new MoveResults(results));
    }
}

/// <summary>
/// The bulk move's body: the applications, the state to move them to, an optional note for each one's history, and the
/// states the screen saw them in (an application that has left them is left as it is).
/// </summary>
public sealed record ApplicationMoves([Items(ApplicationBulk.MaxItems)] Guid[] Ids,
    [OneOf(typeof(ApplicationChange), nameof(ApplicationChange.States))] string State, [Text(1000)] string? Note,
    [Items(20), OneOf(typeof(ApplicationChange), nameof(ApplicationChange.States))] string[]? OnlyFrom);

/// <summary>The bulk move's answer: one result per distinct id, in the order given.</summary>
public sealed record MoveResults(IReadOnlyList<MoveResult> Results);

/// <summary>
/// One item: moved or not; its state (the new one, or where it stayed; null when not found); the status a PATCH of it alone
/// would have answered; and, when not moved, why, in the request's language.
/// </summary>
public sealed record MoveResult(Guid Id, bool Moved, string? State, int Status, string? Problem)
{
    public static MoveResult Of(Guid id, IResult answer) => answer switch
    {
        Ok<ApplicationDetail> ok => new(id, true, ok.Value!.Application.State, 200, null),
        ProblemHttpResult problem => new(id, false, problem.ProblemDetails.Extensions.TryGetValue("state", out var state) ? state as string : null,
            problem.StatusCode, problem.ProblemDetails.Detail),
        ValidationProblem invalid => new(id, false, null, 400, string.Join(" ", invalid.ProblemDetails.Errors.Values.SelectMany(e => e))),
        _ => new(id, false, null, 404, Say.Text("找不到该投递，或它不属于你所代表的单位。", "No such application among those of the companies you act for.")),
    };
}
