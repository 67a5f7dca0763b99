using JobMatch.Ranking.Features;
using JobMatch.Ranking.Matching;
using JobMatch.Ranking.Policy;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Tests;

/// <summary>Openings for a veteran and veterans for an opening are one ranking read two ways.</summary>
[Collection(SyntheticModelCollection.Name)]
public sealed class RankingBothWaysTests(SyntheticModelFixture fixture)
{
    private readonly FeatureBuilder _builder = new(TestData.Taxonomy, SkillRarity.Uniform(TestData.Taxonomy.Skills));
    private readonly EligibilityPolicy _policy = new(new EligibilityOptions());

    private static VeteranProfile[] Veterans() =>
    [
        Fixtures.Storekeeper(),
        Fixtures.Storekeeper() with { Id = "V-2", SkillIds = [], Certificates = ["C1"] },
        Fixtures.Storekeeper(age: 55) with { Id = "V-3", DistrictCode = "340422" },
    ];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void APairGetsTheSameScoreReasonsAndRulesWhicheverWayItIsRanked(bool trained)
    {
        var ranker = new JobRanker(_builder, _policy, trained ? fixture.Result.Model : null);
        var openings = new[] { Fixtures.CookJob(), Fixtures.ForkliftJob(), Fixtures.TruckJob("C1") }
            .Select(_builder.PrepareOpening).ToArray();
        var veterans = Veterans();
        var compared = 0;

        foreach (var opening in openings)
        {
            var forOpening = ranker.RankVeterans(opening, veterans, skip: 0, take: 10, Fixtures.AsOf);
            foreach (var veteran in veterans)
            {
                var forVeteran = ranker.Rank(veteran, openings, topK: 10, Fixtures.AsOf);
                var pair = forVeteran.Results.SingleOrDefault(r => r.Opening.Id == opening.Opening.Id);
                var other = forOpening.Results.SingleOrDefault(r => r.Veteran.Id == veteran.Id);
                Assert.Equal(pair is null, other is null);
                if (pair is not null && other is not null)
                {
                    Assert.Equal(pair.Score, other.Score);
                    Assert.Equal(pair.Reasons, other.Reasons);
                    Assert.Equal(pair.PassedRules, other.PassedRules);
                    compared++;
                }
            }
        }

        // The truck job needs a licence: the rule passed comes first on both lists, so both show the licence.
        var truck = ranker.RankVeterans(openings[2], veterans, 0, 10, Fixtures.AsOf).Results;
        Assert.All(truck, r => Assert.Equal("licence_class", r.Reasons[0].Feature));
        Assert.True(compared >= 5, $"only {compared} pairs were eligible");
    }

    [Fact]
    public void VeteransForAnOpeningComeBestFirstAPageAtATimeWithoutTheIneligible()
    {
        var ranker = new JobRanker(_builder, _policy, fixture.Result.Model);
        var truck = _builder.PrepareOpening(Fixtures.TruckJob("C1"));

        var all = ranker.RankVeterans(truck, Veterans(), skip: 0, take: 10, Fixtures.AsOf);
        var second = ranker.RankVeterans(truck, Veterans(), skip: 1, take: 1, Fixtures.AsOf);

        // V-3 is 55, beyond the 45 (plus five for veterans) the truck job allows.
        Assert.Equal(["V-1", "V-2"], all.Results.Select(r => r.Veteran.Id).Order());
        Assert.Equal(2, all.Eligible);
        Assert.Equal([1, 2], all.Results.Select(r => r.Rank));
        Assert.True(all.Results[0].Score >= all.Results[1].Score);
        var only = Assert.Single(second.Results);
        Assert.Equal((all.Results[1].Veteran.Id, 2), (only.Veteran.Id, only.Rank));
        Assert.Equal(all.Results[1].Reasons, only.Reasons);
        Assert.Equal(2, second.Eligible);
    }
}
