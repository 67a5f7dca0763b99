using System.Security.Claims;
using Dapper;
using JobMatch.Api.Applications;
using JobMatch.Api.Auth;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Matching;

/// <summary>
/// A veteran as a recruiter sees them in a candidate list: the name masked (张**) and no identifiers, unless the company
/// reads them through a live application (Shared: accepting its invitation makes one); the phone stays masked even then
/// (the company reads it in clear only on the application itself, when the veteran agreed on applying).
/// </summary>
public sealed record Candidate(int Rank, Guid CandidateId, string DisplayName, string? HomeDistrict, string? EducationLevel, float Score,
    IReadOnlyList<MatchReason> Reasons, IReadOnlyList<MatchRule> Rules, string? Invitation, bool Shared, string? Phone)
{
    public string? EducationLevelLabel => EducationCodes.Label(EducationLevel);
}

public sealed record CandidatesPage(IReadOnlyList<Candidate> Items, string Model, int? NextOffset);

public static class CandidatesApi
{
    public static void MapCandidates(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/openings").WithTags("Matching")
            .MapGet("/{id:guid}/candidates", List).ClampsLimits().RequireAuthorization(Policies.AdminOrRecruiter)
            .WithSummary("Veterans who share their profile with recruiters and accept automated matching, ranked for this position, masked");
    }

    static async Task<Results<Ok<CandidatesPage>, NotFound, ValidationProblem>> List(Guid id, [Clamped(1, 50, 20)] int? limit,
        [Between(0, 1000)] int? offset, ClaimsPrincipal user, NpgsqlDataSource dataSource, CandidateFinder finder, HttpResponse response,
        CancellationToken ct)
    {
        var timing = new ServerTiming(response);
        await using var db = await dataSource.OpenConnectionAsync(ct);
        var position = await db.QuerySingleOrDefaultAsync<(Guid Id, DateTime UpdatedAt, Guid CompanyId)>(
            "SELECT id, updated_at, company_id FROM positions WHERE id = @id", new { id });
        if (position.Id == Guid.Empty || !await CompanyAccess.CanActFor(db, user, position.CompanyId))
        {
            return TypedResults.NotFound();
        }
        var take = limit!.Value;
        var skip = offset ?? 0;
        return TypedResults.Ok(await finder.PageAsync(db, position, skip, take, timing, ct));
    }
}

/// <summary>
/// Veterans for one position, a page at a time: candidate generation from the pool in SQL, then the ranker (the same
/// rules, scores and reasons as the position gets among that veteran's matches), then who they are as this company may see.
/// </summary>
public sealed class CandidateFinder(MatchingEngine engine, IOptions<MatchingOptions> options, TimeProvider clock)
{
    sealed record CandidateRow(Guid Id, string Name, string? Phone, string? Invitation);

    public async Task<CandidatesPage> PageAsync(NpgsqlConnection db, (Guid Id, DateTime UpdatedAt, Guid CompanyId) position, int skip,
        int take, ServerTiming timing, CancellationToken ct)
    {
        var opening = (await engine.OpeningsAsync(db, [(position.Id, position.UpdatedAt)], ct))[0];
        var scorer = await engine.ScorerAsync(ct);
        timing.Mark("opening");

        // A veteran found by two branches comes once.
        var asOf = clock.GetUtcNow().UtcDateTime;
        var rules = CandidateEligibility.For(opening.Prepared.Opening, engine.PolicyOptions, ShanghaiTime.DateOf(asOf));
        var veterans = (await db.QueryAsync<VeteranInputRow>(new CommandDefinition(CandidateRows, new
        {
            skillIds = opening.Prepared.Opening.RequiredSkillIds.ToArray(), district = opening.Row.DistrictCode, cap = options.Value.CandidateCap,
            scan = options.Value.CandidateCap * 5,
            licences = rules.Licences, levels = rules.Levels, bornAfter = rules.BornAfter, bornOnOrBefore = rules.BornOnOrBefore,
        }, cancellationToken: ct))).DistinctBy(v => v.Id).ToList();
        timing.Mark("candidates");

        var profiles = veterans.Select(v => RankingInputs.ToProfile(v, asOf)).ToList();
        var ranked = scorer.Ranker.RankVeterans(opening.Prepared, profiles, skip, take, asOf);
        timing.Mark("rank");

        var rows = veterans.ToDictionary(v => v.Id.ToString());
        var ids = ranked.Results.Select(r => rows[r.Veteran.Id].Id).ToArray();
        var people = (await db.QueryAsync<CandidateRow>("""
            SELECT v.id, v.name, v.phone,
                   (SELECT CASE WHEN i.status = 'pending' AND i.expires_at <= now() THEN 'expired' ELSE i.status END
                    FROM invitations i WHERE i.veteran_id = v.id AND i.position_id = @position ORDER BY i.id DESC LIMIT 1) AS invitation
            FROM veterans v WHERE v.id = ANY(@ids)
            """, new { ids, position = position.Id })).ToDictionary(p => p.Id);
        var shared = (await db.QueryAsync<Guid>($"""
            SELECT v.id FROM unnest(@ids) AS v (id) WHERE {ApplicationAccess.CompanyReadsVeteran("v.id", "@company")}
            """, new { company = position.CompanyId, ids })).ToHashSet();

        var items = ranked.Results.Select(r =>
        {
            var row = rows[r.Veteran.Id];
            var person = people[row.Id];
            var isShared = shared.Contains(row.Id);
            return new Candidate(r.Rank, row.Id, isShared ? person.Name : Masking.Name(person.Name), row.HomeDistrict, row.EducationLevel,
                r.Score,
                r.Reasons.Select(x => new MatchReason(x.Feature, x.Zh, x.En)).ToList(),
                r.PassedRules.Select(p => new MatchRule(p.Rule, p.ReasonZh, p.ReasonEn)).ToList(),
                person.Invitation, isShared, isShared ? PhoneAccess.Shown(person.Phone, PhoneReader.Company) : null);
        }).ToList();
        timing.Mark("page");
        return new CandidatesPage(items, scorer.Name, ranked.Eligible > skip + take ? skip + take : null);
    }

    // Candidate generation from the pool (V9: seeking, and the latest sharing and matching answers are yes), among the
    // veterans the opening's eligibility rules could pass (licence, education, age): when a licence is required, first
    // its holders with one of the position's skills (the licence and skills indexes ANDed: complete, and fast because
    // such holders are few); then those holding one of its skills, then those living in its district (newest first),
    // then anyone (newest first). Each of the last three looks at no more than @scan pool rows before the rules filter
    // them, so a rule that few of them pass costs a bounded read instead of the whole pool; each branch stops at the
    // cap. The rows are read as the ranker needs them in the same statement (a second look-up by key cost more).
    static readonly string CandidateRows = $"""
        (SELECT {RankingInputs.VeteranColumns} FROM veterans v
         WHERE @licences::text[] IS NOT NULL AND v.matchable AND v.licence_classes && @licences AND {CandidateEligibility.Sql}
           AND (v.stated_skill_ids || v.inferred_skill_ids) && @skillIds LIMIT @cap)
        UNION ALL
        (SELECT {RankingInputs.VeteranColumns} FROM (SELECT * FROM veterans v
           WHERE v.matchable AND (v.stated_skill_ids || v.inferred_skill_ids) && @skillIds LIMIT @scan) v
         WHERE {CandidateEligibility.Sql} LIMIT @cap)
        UNION ALL
        (SELECT {RankingInputs.VeteranColumns} FROM (SELECT * FROM veterans v WHERE v.matchable AND v.home_district = @district
           ORDER BY v.id DESC LIMIT @scan) v
         WHERE {CandidateEligibility.Sql} LIMIT @cap)
        UNION ALL
        (SELECT {RankingInputs.VeteranColumns} FROM (SELECT * FROM veterans v WHERE v.matchable ORDER BY v.id DESC LIMIT @scan) v
         WHERE {CandidateEligibility.Sql} LIMIT @cap)
        LIMIT @cap
        """;
}
