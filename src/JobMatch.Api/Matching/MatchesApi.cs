using System.Security.Claims;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Openings;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Profiles;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Matching;

public sealed record MatchReason(string Feature, string Zh, string En);
public sealed record MatchRule(string Rule, string Zh, string En);
public sealed record Match(int Rank, Guid OpeningId, string Title, string CompanyName, string Kind, string? DistrictCode, int? SalaryMin,
    int? SalaryMax, int? Remaining, float? Score, IReadOnlyList<MatchReason> Reasons, IReadOnlyList<MatchRule> Rules);

/// <summary>An opening among the candidates that an eligibility rule closed to the veteran, with the rules it failed.</summary>
public sealed record ExcludedMatch(Guid OpeningId, string Title, string CompanyName, IReadOnlyList<MatchRule> Failed);

/// <summary>
/// One page of openings for a veteran. Ranked is false for a veteran who declined automated matching. Excluded lists (up to
/// 20) openings the rules closed to them, each with the reason ("缺少：叉车证"), so nobody wonders where a position went.
/// </summary>
public sealed record MatchesPage(IReadOnlyList<Match> Items, bool Ranked, string Model, Guid RequestId, int? NextOffset,
    IReadOnlyList<ExcludedMatch> Excluded);

public static class MatchesApi
{
    public static void MapMatches(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/veterans").WithTags("Matching");
        group.MapGet("/me/matches", Mine).ClampsLimits().RequireAuthorization(Policies.Veteran)
            .WithSummary("Open jobs and training seats for me, ranked with reasons and the eligibility rules passed (a plain list without the matching consent)")
            .WithDescription("409 before you created your profile: the detail says to create it first (POST /api/veterans/me).");
        group.MapGet("/{id:guid}/matches", ForVeteran).ClampsLimits().RequireAuthorization(Policies.Admin)
            .WithSummary("The same ranked openings for any veteran (admin)");
    }

    public sealed record Filters(
        [District] string? District, [OneOf(typeof(OpeningInput), nameof(OpeningInput.Kinds))] string? Kind, int? SalaryMin,
        string? Industry, Guid? FairId, Guid? ProgramId, [Clamped(1, 50, 20)] int? Limit, [Between(0, 1000)] int? Offset);

    static async Task<Results<Ok<MatchesPage>, NotFound, ValidationProblem, ProblemHttpResult>> Mine([AsParameters] Filters filters,
        ClaimsPrincipal user, NpgsqlDataSource dataSource, MatchFinder finder, HttpResponse response, CancellationToken ct)
    {
        var timing = new ServerTiming(response);
        await using var db = await dataSource.OpenConnectionAsync(ct);
        if (await MyProfile.IdAsync(db, user) is not { } veteranId)
        {
            return MyProfile.Missing("再查看为您推荐的岗位", "then see the openings matched to you");
        }
        return await Run(db, veteranId, filters, finder, timing, ct);
    }

    static async Task<Results<Ok<MatchesPage>, NotFound, ValidationProblem, ProblemHttpResult>> ForVeteran(Guid id,
        [AsParameters] Filters filters,
        NpgsqlDataSource dataSource, MatchFinder finder, HttpResponse response, CancellationToken ct)
    {
        var timing = new ServerTiming(response);
        await using var db = await dataSource.OpenConnectionAsync(ct);
        return await Run(db, id, filters, finder, timing, ct);
    }

    static async Task<Results<Ok<MatchesPage>, NotFound, ValidationProblem, ProblemHttpResult>> Run(NpgsqlConnection db, Guid veteranId, Filters f,
        MatchFinder finder, ServerTiming timing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        string? district = null;
        if (f.District is not null && (district = Districts.Code(f.District)) is null)
        {
            errors["district"] = [Say.Text("未知的区县。", "Unknown district.")];
        }
        if (f.Kind is not (null or "job" or "training"))
        {
            errors["kind"] = [Say.Text("kind 应为 job 或 training。", "kind must be job or training.")];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var limit = f.Limit!.Value;
        var offset = f.Offset ?? 0;

        var veteran = await db.QuerySingleOrDefaultAsync<VeteranInputRow>(
            $"SELECT {RankingInputs.VeteranColumns} FROM veterans v WHERE v.id = @veteranId", new { veteranId });
        if (veteran is null)
        {
            return TypedResults.NotFound();
        }
        var consents = await Consents.HasAsync(db, veteranId, Consents.AutomatedMatching);
        timing.Mark("veteran");
        return TypedResults.Ok(await finder.PageAsync(db, veteran, consents, f, district, limit, offset, timing, ct));
    }
}

/// <summary>
/// Openings for one veteran, a page at a time: candidate generation in SQL, then (with the matching consent) the ranker,
/// the gentle capacity re-ranking, and the impressions logged for learning.
/// </summary>
public sealed class MatchFinder(MatchingEngine engine, ImpressionWriter impressions, IOptions<MatchingOptions> matching, TimeProvider clock)
{
    public async Task<MatchesPage> PageAsync(NpgsqlConnection db, VeteranInputRow veteran, bool consents, MatchesApi.Filters f,
        string? district, int limit, int offset, ServerTiming timing, CancellationToken ct)
    {
        var veteranId = veteran.Id;
        var options = matching.Value;
        var asOf = clock.GetUtcNow().UtcDateTime;
        var profile = RankingInputs.ToProfile(veteran, asOf);
        var requestId = Guid.CreateVersion7();
        var query = new
        {
            today = ShanghaiTime.DateOf(asOf), district, kind = f.Kind, salaryMin = f.SalaryMin,
            industry = Industries.Term(f.Industry), fairId = f.FairId,
            programId = f.ProgramId, terms = RankingInputs.SkillTerms(veteran, engine.Data),
            districts = veteran.PreferredDistricts.Append(veteran.HomeDistrict ?? "").ToArray(),
            eduRank = profile.Education is { } level ? (int)level + 1 : (int?)null, cap = consents ? options.CandidateCap : limit + 1, offset = consents ? 0 : offset,
            ranked = consents,
        };
        var wanted = (await db.QueryAsync<(Guid, DateTime)>(new CommandDefinition(CandidateSql, query, cancellationToken: ct))).ToList();
        timing.Mark("candidates");
        var openings = await engine.OpeningsAsync(db, wanted, ct);
        timing.Mark("cache");

        if (!consents)
        {
            // Without the matching consent: the filtered list as it stands, newest first, no score and nothing logged.
            var plain = openings.Take(limit).Select((o, i) => ToMatch(o.Row, offset + i + 1, null, [], [])).ToList();
            return new MatchesPage(plain, false, "none", requestId, openings.Count > limit ? offset + limit : null, []);
        }

        var scorer = await engine.ScorerAsync(ct);
        var window = Math.Min(offset + limit * 3, Math.Max(openings.Count, 1));
        var result = scorer.Ranker.Rank(profile, openings.Select(o => o.Prepared).ToList(), window, asOf);
        timing.Mark("rank");
        var rows = openings.ToDictionary(o => o.Row.Id.ToString(), o => o.Row);
        var order = options.CapacityReranking
            ? await CapacityReranking.OrderAsync(db, result.Results, rows, options.CapacityMaxPenalty)
            : Enumerable.Range(0, result.Results.Count).ToList();
        var page = order.Skip(offset).Take(limit).Select(i => result.Results[i]).Select((r, k) => ToMatch(rows[r.Opening.Id],
            offset + k + 1, r.Score, [.. r.Reasons.Select(x => new MatchReason(x.Feature, x.Zh, x.En))],
            [.. r.PassedRules.Select(p => new MatchRule(p.Rule, p.ReasonZh, p.ReasonEn))])).ToList();
        timing.Mark("rerank");
        impressions.Enqueue(page.Select(m => new ShownOpening(veteranId, m.OpeningId, m.Rank, scorer.Name, requestId, asOf)));
        var excluded = result.Excluded.Take(20).Select(x => (Row: rows[x.Opening.Id], x.Eligibility)).Select(x => new ExcludedMatch(x.Row.Id,
            x.Row.Title, x.Row.CompanyName, [.. x.Eligibility.Failed.Select(p => new MatchRule(p.Rule, p.ReasonZh, p.ReasonEn))])).ToList();
        return new MatchesPage(page, true, scorer.Name, requestId, order.Count > offset + limit ? offset + limit : null, excluded);
    }

    static Match ToMatch(PositionRow p, int rank, float? score, IReadOnlyList<MatchReason> reasons, IReadOnlyList<MatchRule> rules) =>
        new(rank, p.Id, p.Title, p.CompanyName, p.Kind, p.DistrictCode, p.SalaryMin, p.SalaryMax, p.Headcount - p.Filled, score, reasons, rules);

    // Candidate generation: open (filled is a status), within the filters and the education the policy could accept
    // (one level of relaxation). Ranked requests take, in this order and newest first within each: positions sharing a
    // skill in a preferred district (the skills GIN bitmap ANDed with positions_open_district), positions sharing a skill
    // elsewhere, then the rest. Each branch stops at the cap and the next runs only while the cap is not reached, so the
    // model never scores the whole table and PostgreSQL never sorts it. Unranked lists are simply newest first.
    const string FilterSql = $"""
        {OpeningSql.IsOpen}
          AND (@district::text IS NULL OR p.district_code = @district)
          AND (@kind::text IS NULL OR p.kind = @kind)
          AND (@salaryMin::int IS NULL OR coalesce(p.salary_max, p.salary_min) >= @salaryMin)
          AND (@industry::text IS NULL OR EXISTS (SELECT 1 FROM companies c WHERE c.id = p.company_id AND {Industries.Contains}))
          AND (@fairId::uuid IS NULL OR p.fair_id = @fairId)
          AND (@programId::uuid IS NULL OR p.program_id = @programId)
          AND (NOT @ranked OR @eduRank::int IS NULL OR p.education_rank IS NULL OR p.education_rank <= @eduRank + 1)
        """;

    const string CandidateSql = $"""
        (SELECT p.id, p.updated_at FROM positions p
         WHERE @ranked AND {FilterSql} AND p.skills && @terms AND p.district_code = ANY(@districts)
         ORDER BY p.id DESC LIMIT @cap)
        UNION ALL
        (SELECT p.id, p.updated_at FROM positions p
         WHERE @ranked AND {FilterSql} AND p.skills && @terms AND NOT (p.district_code = ANY(@districts)) IS TRUE
         ORDER BY p.id DESC LIMIT @cap)
        UNION ALL
        (SELECT p.id, p.updated_at FROM positions p WHERE {FilterSql} AND NOT (@ranked AND p.skills && @terms)
         ORDER BY p.id DESC LIMIT @cap OFFSET @offset)
        LIMIT @cap
        """;
}
