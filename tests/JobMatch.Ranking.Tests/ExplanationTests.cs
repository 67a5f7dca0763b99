using JobMatch.Ranking.Features;
using JobMatch.Ranking.Matching;
using JobMatch.Ranking.Policy;

namespace JobMatch.Ranking.Tests;

[Collection(SyntheticModelCollection.Name)]
public sealed class ExplanationTests(SyntheticModelFixture fixture)
{
    private readonly FeatureBuilder _builder = new(TestData.Taxonomy, SkillRarity.Uniform(TestData.Taxonomy.Skills));
    private readonly EligibilityPolicy _policy = new(new EligibilityOptions());

    private PreparedOpening[] Openings() =>
        [_builder.PrepareOpening(Fixtures.CookJob()), _builder.PrepareOpening(Fixtures.ForkliftJob()), _builder.PrepareOpening(Fixtures.TruckJob("A2"))];

    [Fact]
    public void ModelExplanationNamesTheSkillsThatReallyOverlap()
    {
        var ranker = new JobRanker(_builder, _policy, fixture.Result.Model);

        var result = ranker.Rank(Fixtures.Storekeeper(), Openings(), topK: 5, Fixtures.AsOf);

        var top = result.Results[0];
        Assert.Equal("O-1", top.Opening.Id);
        var skills = Assert.Single(top.Reasons, r => r.Feature == "skill_coverage");
        Assert.Equal("技能匹配：叉车操作、仓储管理、分拣打包", skills.Zh);
        Assert.Equal("skills match: forklift operation, warehousing, picking and packing", skills.En);
        Assert.DoesNotContain(result.Results[1].Reasons, r => r.Zh.Contains("叉车", StringComparison.Ordinal));
        Assert.Equal(["licence_class", "minimum_education", "age_limit", "required_certificate"], top.PassedRules.Select(r => r.Rule));
    }

    [Fact]
    public void FilteredOutOpeningsAreReturnedWithTheRuleTheyFailed()
    {
        var ranker = new JobRanker(_builder, _policy, fixture.Result.Model);

        var result = ranker.Rank(Fixtures.Storekeeper(), Openings(), topK: 5, Fixtures.AsOf);

        var excluded = Assert.Single(result.Excluded);
        Assert.Equal("O-3", excluded.Opening.Id);
        Assert.Equal("licence_class", Assert.Single(excluded.Eligibility.Failed).Rule);
        Assert.Equal(2, result.Results.Count);
    }

    [Fact]
    public void OneRankerServesConcurrentRequestsWithTheSameAnswers()
    {
        var ranker = new JobRanker(_builder, _policy, fixture.Result.Model);
        var openings = Openings();
        var expected = ranker.Rank(Fixtures.Storekeeper(), openings, topK: 5, Fixtures.AsOf);

        var answers = new RankingResult[32];
        Parallel.For(0, answers.Length, i => answers[i] = ranker.Rank(Fixtures.Storekeeper(), openings, topK: 5, Fixtures.AsOf));

        Assert.All(answers, a =>
        {
            Assert.Equal(expected.Results.Select(r => (r.Opening.Id, r.Score)), a.Results.Select(r => (r.Opening.Id, r.Score)));
            Assert.Equal(expected.Results[0].Reasons, a.Results[0].Reasons);
        });
    }

    [Fact]
    public void ColdStartRanksAndExplainsWithoutAnyModel()
    {
        var ranker = new JobRanker(_builder, _policy);

        var result = ranker.Rank(Fixtures.Storekeeper(), Openings(), topK: 1, Fixtures.AsOf);

        Assert.Equal("cold-start heuristic", result.Scorer);
        var top = Assert.Single(result.Results);
        Assert.Equal("O-1", top.Opening.Id);
        Assert.Contains(top.Reasons, r => r.ToString() == "技能匹配：叉车操作、仓储管理、分拣打包 / skills match: forklift operation, warehousing, picking and packing");
        Assert.True(top.Reasons.Any(r => r.ToString() == "同区县 / same district"), string.Join("; ", top.Reasons));
    }

    [Fact]
    public void RankingOneOpeningForSeveralVeteransAtOnceSaysWhatRankingEachAloneSays()
    {
        var ranker = new JobRanker(_builder, _policy, fixture.Result.Model);
        var forklift = _builder.PrepareOpening(Fixtures.ForkliftJob());
        var veterans = new[] { Fixtures.Storekeeper(), Fixtures.Storekeeper() with { Id = "V-2", SkillIds = [] } };

        var together = ranker.RankVeterans(forklift, veterans, 0, veterans.Length, Fixtures.AsOf).Results;

        Assert.Equal(veterans.Length, together.Count);
        foreach (var veteran in together)
        {
            var alone = ranker.Rank(veteran.Veteran, [forklift], 1, Fixtures.AsOf).Results[0];
            Assert.Equal(alone.Reasons, veteran.Reasons);
            Assert.Equal(alone.PassedRules, veteran.PassedRules);
        }
        Assert.NotEqual(together[0].Reasons, together[1].Reasons);
    }
}
