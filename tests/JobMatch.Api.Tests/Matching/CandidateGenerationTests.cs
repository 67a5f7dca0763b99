using Dapper;
using JobMatch.Api.Matching;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace JobMatch.Api.Tests.Matching;

/// <summary>A candidate cap of 20, so that a test can fill it with people the ranker must not be limited to.</summary>
public sealed class SmallCapFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Matching:CandidateCap", "20");
    }
}

public sealed class CandidateGenerationTests(SmallCapFactory api) : IClassFixture<SmallCapFactory>
{
    [Fact]
    public async Task ALicenceHolderIsACandidateForADrivingJobThoughMoreSkillHoldersWithoutOneThanTheCapCameFirst()
    {
        var world = await MatchingData.CreateWorld(api);
        await using (var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database)))
        {
            // 30 truck drivers who share and accept matching but hold no licence, written before the one who does.
            await db.ExecuteAsync("""
                CREATE TEMP TABLE unlicensed AS SELECT gen_random_uuid() AS id, g FROM generate_series(1, 30) g;
                INSERT INTO veterans (id, synthetic, name, home_district, seeking) SELECT id, true, '测试' || g, '340403', ARRAY['job'] FROM unlicensed;
                INSERT INTO veteran_skills (veteran_id, label, skill_id, source) SELECT id, '货车驾驶', 'drive_truck', 'stated' FROM unlicensed;
                INSERT INTO veteran_consents (id, veteran_id, kind, granted, text_version)
                SELECT gen_random_uuid(), id, k, true, '2026-11' FROM unlicensed, unnest(ARRAY['share_with_recruiters', 'automated_matching']) k;
                """);
            Assert.Equal(30, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM veterans WHERE matchable AND 'drive_truck' = ANY(stated_skill_ids)"));
        }
        var (_, driver) = await MatchingData.Driver(api);

        var response = await api.Recruiter(world).GetAsync($"/api/openings/{world.Openings["货车司机"]}/candidates?limit=50");
        var page = await response.EnsureSuccessStatusCode().Read<CandidatesAnswer>();
        // Where the time went, by stage name only.
        Assert.Matches(@"^opening;dur=[\d.]+, candidates;dur=[\d.]+, rank;dur=[\d.]+, page;dur=[\d.]+$",
            string.Join(", ", response.Headers.GetValues("Server-Timing")));

        var candidate = Assert.Single(page.Items);
        Assert.Equal(driver, candidate.CandidateId);
        // Without the licence the others are no candidates for the B2 job, but they are for the warehouse job, up to the cap.
        var warehouse = await (await api.Recruiter(world).GetAsync($"/api/openings/{world.Openings["仓储管理员"]}/candidates?limit=50"))
            .EnsureSuccessStatusCode().Read<CandidatesAnswer>();
        Assert.Equal(20, warehouse.Items.Count);
    }

    [Fact]
    public void ThePreFilterIsNeverStricterThanTheRulesForAnyBirthDateEducationOrLicence()
    {
        var rules = new EligibilityOptions();
        var policy = new EligibilityPolicy(rules);
        var today = new DateOnly(2026, 12, 5);
        var asOf = new DateTime(2026, 12, 5, 3, 0, 0, DateTimeKind.Utc);
        var levels = new[] { "junior_high_or_below", "senior_high", "junior_college", "bachelor", "master", "doctorate" };
        var checkedPairs = 0;
        foreach (var (licence, education, minAge, maxAge) in new (string?, EducationLevel?, int?, int?)[]
        {
            (null, null, 18, 45), ("B2", EducationLevel.Associate, null, 35), ("A1", EducationLevel.Bachelor, 20, null), ("C1", null, null, null),
        })
        {
            var opening = new Opening("O", "岗位", "", OpeningKind.Job, "340403", education, [], [], [], licence, null, null, 1, 0, asOf, "", minAge, maxAge);
            var sql = CandidateEligibility.For(opening, rules, today);
            for (var born = new DateOnly(1950, 1, 1); born < new DateOnly(2012, 1, 1); born = born.AddDays(3))
            {
                foreach (var level in levels)
                {
                    foreach (var held in new[] { "A1", "A2", "B1", "B2", "C1", "C2" })
                    {
                        if (!policy.Evaluate(RankingInputs.ToProfile(Row(level, held, born), asOf), opening).Eligible)
                        {
                            continue;
                        }
                        checkedPairs++;
                        Assert.True(sql.Licences is null || sql.Licences.Contains(held), $"{held} for {licence}");
                        Assert.True(sql.Levels is null || sql.Levels.Contains(level), $"{level} for {education}");
                        Assert.True(sql.BornAfter is null || born > sql.BornAfter, $"born {born}, max age {maxAge}");
                        Assert.True(sql.BornOnOrBefore is null || born <= sql.BornOnOrBefore, $"born {born}, min age {minAge}");
                    }
                }
            }
        }
        Assert.True(checkedPairs > 10_000);
    }

    static VeteranInputRow Row(string level, string licence, DateOnly born) =>
        new(Guid.Empty, "340403", [], level, null, [], [licence], [], [], [], null, [], ["job"], born.ToString("yyyy-MM-dd"), [], [], [], CertificatesRecorded: true);
}
