using System.Security.Claims;
using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Mentoring;

public static class AssignmentPlanApi
{
    /// <summary>Makes the plan place as many enterprises as the spare slots allow before it looks at fit.</summary>
    const long PlacementBonus = 1_000;

    public static IEndpointRouteBuilder MapAssignmentPlan(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/assignments/plan", Plan).WithTags("Mentoring").RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Propose mentors for every enterprise without one: the assignment of highest total fit within spare capacity (admin)");
        app.MapPost("/api/assignments/plan/accept", Accept).WithTags("Mentoring").RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .WithSummary("Accept reviewed pairs of a plan: all are assigned in one transaction, or none (admin)");
        app.MapGet("/api/enterprises/{id:guid}/mentor-suggestions", Suggest).ClampsLimits()
            .WithTags("Mentoring").RequireAuthorization(Policies.Admin)
            .WithSummary("Mentors ranked by fit of expertise and industry to the enterprise's needs, district and spare capacity, with reasons (admin)");
        return app;
    }

    sealed record MentorRow(Guid Id, string Name, string[] Expertise, string[] Industries, string District, int Capacity, bool Paused, long Load)
    {
        public MentorTraits Traits => new(Id, Expertise, Industries, District);
        public int Spare => (int)Math.Max(0, Capacity - Load);
    }

    sealed record EnterpriseRow(Guid Id, string Name, string[] Needs, string Industry, string District)
    {
        public EnterpriseTraits Traits => new(Id, Needs, Industry, District);
    }

    const string MentorRows = """
        SELECT m.id, m.name, m.expertise, m.industries, m.district, m.capacity, m.paused,
               (SELECT count(*) FROM mentor_assignments a WHERE a.mentor_id = m.id AND a.ends_on IS NULL) AS load
        FROM mentors m ORDER BY m.id
        """;

    static async Task<Ok<AssignmentPlan>> Plan(NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var mentors = (await db.QueryAsync<MentorRow>(MentorRows)).Where(mentor => !mentor.Paused && mentor.Spare > 0).ToList();
        var enterprises = (await db.QueryAsync<EnterpriseRow>("""
            SELECT e.id, e.name, e.needs, e.industry, e.district FROM enterprises e
            WHERE NOT EXISTS (SELECT 1 FROM mentor_assignments a WHERE a.enterprise_id = e.id AND a.ends_on IS NULL)
            ORDER BY e.id
            """)).ToList();
        var fits = new FitScore[enterprises.Count, mentors.Count];
        var weight = new long[enterprises.Count, mentors.Count];
        for (var row = 0; row < enterprises.Count; row++)
        {
            for (var column = 0; column < mentors.Count; column++)
            {
                fits[row, column] = MentorFit.Score(mentors[column].Traits, enterprises[row].Traits);
                weight[row, column] = PlacementBonus + fits[row, column].Total;
            }
        }
        var chosen = OptimalAssignment.Solve(weight, mentors.Select(mentor => mentor.Spare).ToList());
        var items = new List<PlannedAssignment>();
        var left = new List<Guid>();
        for (var row = 0; row < enterprises.Count; row++)
        {
            if (chosen[row] < 0)
            {
                left.Add(enterprises[row].Id);
                continue;
            }
            var (enterprise, mentor, fit) = (enterprises[row], mentors[chosen[row]], fits[row, chosen[row]]);
            items.Add(new PlannedAssignment(enterprise.Id, enterprise.Name, mentor.Id, mentor.Name, fit.Total, fit.Reasons));
        }
        return TypedResults.Ok(new AssignmentPlan(items, items.Sum(item => (long)item.Fit), enterprises.Count,
            mentors.Sum(mentor => mentor.Spare), left));
    }

    static async Task<Results<Created<IReadOnlyList<Assignment>>, ValidationProblem, ProblemHttpResult>> Accept(
        AcceptPlan body, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var items = body.Items ?? [];
        var errors = new Dictionary<string, string[]>();
        if (AssignmentGuard.ReasonError(body.Reason) is { } reasonError)
        {
            errors["reason"] = [reasonError];
        }
        if (items.Count is 0 || items.Contains(null!) || items.GroupBy(item => item.EnterpriseId).Any(group => group.Count() > 1))
        {
            errors["items"] = [Say.Text("请给出 1–1000 个结对，每家企业只出现一次。", "Give 1–1000 pairs, each enterprise once.")];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await AssignmentWriter.AcceptPlanAsync(items, body.Reason, user, dataSource, ShanghaiTime.Today(clock));
    }

    static async Task<Results<Ok<IReadOnlyList<MentorSuggestion>>, NotFound>> Suggest(
        Guid id, NpgsqlDataSource dataSource, [Clamped(1, 100, 10)] int? limit)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var enterprise = await db.QuerySingleOrDefaultAsync<EnterpriseRow>(
            "SELECT e.id, e.name, e.needs, e.industry, e.district FROM enterprises e WHERE e.id = @id", new { id });
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        var current = (await db.QueryAsync<Guid>(
            "SELECT mentor_id FROM mentor_assignments WHERE enterprise_id = @id AND ends_on IS NULL", new { id })).ToHashSet();
        var ranked = (await db.QueryAsync<MentorRow>(MentorRows))
            .Where(mentor => !current.Contains(mentor.Id))
            .Select(mentor => (mentor, fit: MentorFit.Score(mentor.Traits, enterprise.Traits, mentor.Spare, mentor.Capacity)))
            .Select(x => new MentorSuggestion(x.mentor.Id, x.mentor.Name, x.mentor.District, x.fit.Total, x.mentor.Capacity, x.mentor.Load,
                !x.mentor.Paused && x.mentor.Spare > 0, x.mentor.Paused ? [.. x.fit.Reasons, Say.Text("已暂停接收", "Paused")] : x.fit.Reasons))
            // Mentors who can take the enterprise now come first; among them, the best fit.
            .OrderByDescending(suggestion => suggestion.Available).ThenByDescending(suggestion => suggestion.Fit).ThenBy(suggestion => suggestion.MentorId)
            .Take(limit!.Value)
            .ToList();
        return TypedResults.Ok((IReadOnlyList<MentorSuggestion>)ranked);
    }
}
