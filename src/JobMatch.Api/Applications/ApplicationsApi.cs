using System.Security.Claims;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Interactions;
using JobMatch.Api.Openings;
using Npgsql;

namespace JobMatch.Api.Applications;

public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app)
    {
        var openings = app.MapGroup("/api/openings").WithTags("Applications");
        openings.MapPost("/{id:guid}/applications", Apply).RequireAuthorization(Policies.Veteran).AcceptsIdempotencyKey()
            .WithSummary("Apply to a job or a program seat with my profile; applying again returns the same application")
            .WithDescription("Applying shares your profile (masked: no ID number, gender or birth date; phone masked) with the company " +
                "that posted this position, and with no one else, while the application is live: withdrawing it (or being rejected, " +
                "a cancelled hire, dropping out) or withdrawing share_with_recruiters ends it. The response names the company in " +
                "profileSharedWith, null once the sharing ended. " +
                "Optional body {\"sharePhone\": true, \"textVersion\": \"2026-12\"}: the consent (kind share_phone_with_company, naming " +
                "that company, in your consent history and export) that the company's recruiters see your phone on this application " +
                "while it is live (phoneShared; each reveal audited); no body keeps it masked. Another textVersion answers 400 naming the current one. " +
                "201 the first time, 200 with the existing application afterwards. 409 when you have no profile yet or the position is not open.");
        openings.MapGet("/{id:guid}/applications", ApplicationLists.OfOpening).RequireAuthorization(Policies.AdminOrRecruiter)
            .WithSummary("Applications to a position of a company you act for (others' answer 404), newest first; JSON or CSV")
            .WithDescription("An applicant's name shows while their application to the company is live; once it ended (withdrawn, rejected, " +
                "cancelled, dropped) or the veteran withdrew share_with_recruiters, the name is masked and profileSharedWith is null.");

        var group = app.MapGroup("/api/applications").WithTags("Applications");
        group.MapGet("/", ApplicationLists.All).RequireAuthorization(Policies.Admin)
            .WithSummary("Every application, newest first, optionally by state, position, company, job fair or program (admin); JSON or CSV");
        group.MapGet("/{id:guid}", GetById).RequireAuthorization(Policies.AnyRole)
            .WithSummary("One application with its next states and history: the applicant, the company's recruiters, admin");
        group.MapPatch("/{id:guid}", Change).RequireAuthorization(Policies.AnyRole)
            .WithSummary("Move an application to its next state; an illegal move answers 409 naming the allowed ones")
            .WithDescription("Job: submitted → screening → interview → offer → hired (the company or admin; screening is optional: " +
                "submitted → interview skips it, and the funnels count it passed), rejected from any open stage " +
                "(the company or admin), withdrawn from any open stage (the veteran), hired → cancelled (gives the opening back). " +
                "Training: applied → enrolled → graduated → employed → retained_6m → retained_12m (the sponsor's recruiters or admin), " +
                "applied or enrolled → dropped (also the veteran; from enrolled gives the seat back). hired and enrolled take one " +
                "remaining opening; none left answers 409. A move to interview may give interviewAt (an ISO time in the future, " +
                "kept in the history); the applicant is told it with the move.");
        app.MapGet("/api/veterans/me/applications", ApplicationLists.Mine).RequireAuthorization(Policies.Veteran).WithTags("Applications")
            .WithSummary("My applications, newest first; JSON or CSV");
        app.MapApplicationReports();
        app.MapPlacementImport();
        app.MapApplicationBulk();
        return app;
    }

    static async Task<Results<Created<ApplicationDetail>, Ok<ApplicationDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Apply(
        Guid id, ApplyInput? body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        // The applicant is the token's profile, always: the body carries only the phone consent (a member naming anyone is refused).
        if (body?.Refusal() is { } refused)
        {
            return refused;
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var veteranId = await MyProfile.IdAsync(db, user, tx);
        if (veteranId is null)
        {
            return MyProfile.Missing("再申请岗位", "then apply");
        }
        var position = await db.QuerySingleOrDefaultAsync<PositionState>($"""
            SELECT p.kind, {OpeningSql.IsOpen} AS open FROM positions p WHERE p.id = @id
            """, new { id, today = ShanghaiTime.Today(clock) }, tx);
        if (position is null)
        {
            return TypedResults.NotFound();
        }
        if (await ApplicationSql.IdOf(db, tx, veteranId.Value, id) is { } found)
        {
            return TypedResults.Ok(await Shared(db, tx, found, veteranId.Value, body, user));
        }
        if (!position.Open)
        {
            return Problems.Conflict("该岗位已关闭或已招满，不再接受申请。", "This position is closed or filled and takes no more applications.");
        }
        if (await ApplicationSql.Create(db, tx, veteranId.Value, id, position.Kind, ShanghaiTime.Today(clock), user, "apply") is not { } applicationId)
        {
            await tx.RollbackAsync();
            var winner = await ApplicationSql.IdOf(db, null, veteranId.Value, id);
            return TypedResults.Ok(await ApplicationSql.Detail(db, null, winner!.Value, user));
        }
        return TypedResults.Created($"/api/applications/{applicationId}", await Shared(db, tx, applicationId, veteranId.Value, body, user));
    }

    // The phone consent given on applying (again: an application that did not share it yet shares it now), the answer, committed.
    static async Task<ApplicationDetail> Shared(NpgsqlConnection db, NpgsqlTransaction tx, Guid applicationId, Guid veteranId, ApplyInput? body,
        ClaimsPrincipal user)
    {
        if (body is { SharePhone: true })
        {
            await ApplicationSql.SharePhoneAsync(db, tx, applicationId, veteranId, user);
        }
        var detail = await ApplicationSql.Detail(db, tx, applicationId, user);
        await tx.CommitAsync();
        return detail;
    }

    sealed record PositionState(string Kind, bool Open);

    static async Task<Results<Ok<ApplicationDetail>, NotFound>> GetById(Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await ApplicationAccess.Find(db, null, user, id) is not null
            ? TypedResults.Ok(await ApplicationSql.Detail(db, null, id, user))
            : TypedResults.NotFound();
    }

    static async Task<Results<Ok<ApplicationDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Change(
        Guid id, ApplicationChange body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var today = ShanghaiTime.Today(clock);
        if (body.Refusal(today, clock.GetUtcNow().UtcDateTime) is { } refused)
        {
            return refused;
        }
        return await Move(dataSource, user, id, body.State, body.Note, body.On ?? today, interviewAt: body.InterviewAt);
    }

    /// <summary>
    /// One move of one application in its own transaction, as PATCH and the bulk route (<see cref="ApplicationBulk"/>) make it:
    /// the caller must find it, the state machine must allow it, the mover must be the right party, and a hire needs an opening.
    /// <paramref name="onlyFrom"/>, when given, leaves an application that has meanwhile left those states as it is (409).
    /// <paramref name="interviewAt"/>: the interview's time on a move to interview (checked by the caller), told to the applicant.
    /// </summary>
    internal static async Task<Results<Ok<ApplicationDetail>, NotFound, ValidationProblem, ProblemHttpResult>> Move(NpgsqlDataSource dataSource,
        ClaimsPrincipal user, Guid id, string? state, string? note, DateOnly on, IReadOnlyCollection<string>? onlyFrom = null,
        DateTime? interviewAt = null)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await ApplicationAccess.Find(db, tx, user, id, forUpdate: true) is not { } current)
        {
            return TypedResults.NotFound();
        }
        if (state is null || !ApplicationStates.States(current.Kind).Contains(state))
        {
            return Invalid("state", $"未知的状态：可选 {string.Join("、", ApplicationStates.States(current.Kind).Select(s => $"{s}（{ApplicationStates.Label(s)}）"))}。",
                $"Unknown state; one of {string.Join(", ", ApplicationStates.States(current.Kind))}.");
        }
        if (onlyFrom is not null && !onlyFrom.Contains(current.State))
        {
            return TypedResults.Problem(statusCode: 409, title: "Conflict", extensions: new Dictionary<string, object?> { ["state"] = current.State },
                detail: Say.Text($"该投递已变为「{ApplicationStates.Label(current.State)}」，未改动。", $"It is now at {ApplicationStates.Label(current.State)}; left as it is."));
        }
        var allowed = ApplicationStates.Next(current.Kind, current.State);
        if (!allowed.Contains(state))
        {
            return IllegalMove(current.State, state, allowed);
        }
        if (!ApplicationAccess.MayMove(user, current, state))
        {
            return ApplicationAccess.NotYourMove(state);
        }
        if (!await ApplicationSql.MoveAsync(db, tx, current, state, on, note?.Trim(), user, interviewAt))
        {
            return Problems.Conflict("该岗位已无剩余名额。", "No openings remain on this position.");
        }
        var detail = await ApplicationSql.Detail(db, tx, id, user);
        await tx.CommitAsync();
        return TypedResults.Ok(detail);
    }

    static ProblemHttpResult IllegalMove(string from, string to, IReadOnlyList<string> allowed)
    {
        var list = allowed.Count == 0 ? Say.Text("无（已结束）", "none (final)") : ApplicationStates.Labels(allowed);
        var (was, target) = (ApplicationStates.Label(from), ApplicationStates.Label(to));
        return TypedResults.Problem(statusCode: 409, title: "Conflict",
            detail: Say.Text($"不能从「{was}」变为「{target}」；此时可以变为：{list}。", $"Cannot move from {was} to {target}; allowed next states: {list}."),
            extensions: new Dictionary<string, object?> { ["state"] = from, ["allowed"] = allowed });
    }

    static ValidationProblem Invalid(string field, string chinese, string english) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Say.Text(chinese, english)] });
}
