using JobMatch.Ranking.Features;
using JobMatch.Ranking.Profiles;

namespace JobMatch.Ranking.Tests;

public sealed class FeatureTests
{
    private readonly FeatureBuilder _builder = new(TestData.Taxonomy, SkillRarity.Uniform(TestData.Taxonomy.Skills));

    private float[] Features(VeteranProfile v, Opening o)
    {
        var row = new float[FeatureSchema.Count];
        _builder.Build(_builder.PrepareVeteran(v), _builder.PrepareOpening(o), Fixtures.AsOf, row);
        return row;
    }

    [Fact]
    public void StorekeeperMatchesForkliftJobThroughDeclaredSkillAndCrosswalk()
    {
        var f = Features(Fixtures.Storekeeper(), Fixtures.ForkliftJob());

        // forklift is declared (1.0); warehousing is a 'most' crosswalk duty of 仓库保管员 (0.8); picking a 'some' duty (0.4).
        Assert.Equal((1.0f + 0.8f + 0.4f) / 3, f[FeatureSchema.SkillCoverage], 4);
        Assert.Equal(3, f[FeatureSchema.SkillMatchCount]);
        Assert.Equal(1f / 3, f[FeatureSchema.CrosswalkMostShare], 4);
        Assert.Equal(1, f[FeatureSchema.SameDistrict]);
        Assert.Equal(0, f[FeatureSchema.DistanceKm]);
        Assert.Equal(1, f[FeatureSchema.EducationMeets]);
        Assert.Equal(1, f[FeatureSchema.CertificatesHeldShare]);
        Assert.Equal((6500f - 4500) / 4500, f[FeatureSchema.SalaryFit], 4);
        Assert.Equal(1, f[FeatureSchema.IndustryPreferred]);
        Assert.Equal(3, f[FeatureSchema.DaysSincePosted], 3);
        Assert.Equal(MathF.Log(5), f[FeatureSchema.RemainingHeadcountLog], 4);
    }

    [Fact]
    public void ChineseTextSimilarityWorksWithoutSpaces()
    {
        var fork = Features(Fixtures.Storekeeper(), Fixtures.ForkliftJob());
        var cook = Features(Fixtures.Storekeeper(), Fixtures.CookJob());

        Assert.True(fork[FeatureSchema.TextSimilarity] > cook[FeatureSchema.TextSimilarity] + 0.1f);
        Assert.True(cook[FeatureSchema.DistanceKm] > 10);
    }

    [Fact]
    public void MatchedSkillsNameTheSkillsThatReallyOverlap()
    {
        var matched = _builder.MatchedSkills(_builder.PrepareVeteran(Fixtures.Storekeeper()), _builder.PrepareOpening(Fixtures.ForkliftJob()));

        Assert.Equal(["forklift", "warehouse_mgmt", "picking_packing"], matched.Select(m => m.Skill.Id));
        Assert.Equal(SkillSource.Declared, matched[0].Source);
    }

    [Fact]
    public void AgeNeverChangesTheFeatures()
    {
        Assert.Equal(Features(Fixtures.Storekeeper(age: 23), Fixtures.TruckJob()), Features(Fixtures.Storekeeper(age: 49), Fixtures.TruckJob()));
        Assert.DoesNotContain(FeatureSchema.Names.SelectMany(n => n.Split('_')), word => word is "age" or "gender" or "sex" or "birth");
    }

    [Fact]
    public void SchemaIsVersionedAndIndexedInOrder()
    {
        Assert.Equal(2, FeatureSchema.Version);
        Assert.Equal(Enumerable.Range(0, FeatureSchema.Count), FeatureSchema.Features.Select(f => f.Index));
        Assert.Equal(FeatureSchema.Count, FeatureSchema.Names.Distinct().Count());
    }

    [Fact]
    public void RareSkillsWeighMoreThanCommonOnes()
    {
        var common = Fixtures.ForkliftJob() with { RequiredSkillIds = ["forklift", "discipline"] };
        var openings = Enumerable.Range(0, 20).Select(i => Fixtures.CookJob($"C{i}") with { RequiredSkillIds = ["discipline"] }).Append(common);
        var rarity = SkillRarity.FromOpenings(TestData.Taxonomy.Skills, openings);
        TestData.Taxonomy.Skills.TryGetIndex("forklift", out var forklift);
        TestData.Taxonomy.Skills.TryGetIndex("discipline", out var discipline);

        Assert.True(rarity[forklift] > 2 * rarity[discipline]);
    }
}
