using JobMatch.Api.Taxonomy;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Auth;

namespace JobMatch.Api.Tests.Taxonomy;

/// <summary>The skill normaliser of JobMatch.Ranking on the shipped data files, and the taxonomy routes.</summary>
public sealed class SkillNormalizerTests
{
    static readonly ReferenceData Data = ReferenceData.Default;

    [Theory]
    [InlineData("叉车")]
    [InlineData("叉车司机")]
    [InlineData("fork-lift")]
    [InlineData("forklift driving")]
    [InlineData("Forklift  Driving")]
    [InlineData("叉車司機")]
    [InlineData("ｆｏｒｋｌｉｆｔ")]
    [InlineData("熟练叉车")]
    public void ForkliftInAnyWritingIsOneSkill(string text) =>
        Assert.Equal("forklift", Data.Skills.Match(text)?.Id);

    [Fact]
    public void ListsSplitOnEverySeparatorAndUnknownTermsStayAsFreeText()
    {
        var skills = Data.Skills.Normalize("电焊工、叉车，CAD; 會計/ 淮河摆渡 ,叉车司机");
        Assert.Equal(["welding_arc", "forklift", "cad", "accounting", null], skills.Select(s => s.Skill?.Id));
        Assert.Equal("淮河摆渡", skills[^1].Text);
    }

    [Fact]
    public void TheTaxonomyHasAtLeast300SkillsAnd60SpecialtiesEachWithSkills()
    {
        Assert.True(Data.Skills.Taxonomy.Count >= 300, $"{Data.Skills.Taxonomy.Count} skills");
        Assert.True(Data.Specialties.Specialties.Count >= 60, $"{Data.Specialties.Specialties.Count} specialties");
        Assert.All(Data.Specialties.Specialties, s => Assert.NotEmpty(Data.Specialties.SkillsOf(s)));
    }

    [Fact]
    public void EveryTaxonomyCharacterWrittenTraditionallyComesBackSimplified()
    {
        Assert.Equal("汽车驾驶员", Data.Specialties.Match("汽車駕駛員")?.NameZh);
        Assert.Equal("warehouse_mgmt", Data.Skills.Match("倉儲管理")?.Id);
        Assert.Equal("elderly_care", Data.Skills.Match("養老護理")?.Id);
    }

    [Fact]
    public void DischargePaperSpellingsFindTheirSpecialty()
    {
        Assert.Equal("vehicle_driver", Data.Specialties.Match("汽车驾驶员（四级军士长）")?.Code);
        Assert.Equal("vehicle_driver", Data.Specialties.Match("汽车兵")?.Code);
        Assert.Null(Data.Specialties.Match("宇航员"));
    }
}

public sealed class TaxonomyApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task DriverSpecialtyMapsToDrivingSkillsWithMostDuties()
    {
        var driver = await (await api.Veteran("vet-taxonomy").GetAsync("/api/specialties/vehicle_driver")).Read<SpecialtyDetailAnswer>();
        Assert.Equal("汽车驾驶员", driver.NameZh);
        var most = driver.Skills.Where(s => s.MatchType == "most duties").Select(s => s.SkillId).ToList();
        Assert.Contains("drive_truck", most);
        Assert.Contains("drive_car", most);
        await (await api.Admin().GetAsync("/api/specialties/astronaut")).AssertProblem(404);
    }

    [Fact]
    public async Task SkillAndSpecialtySearchAnswerInAnyScript()
    {
        var skills = await (await api.ClientFor(Roles.Recruiter, "recruiter-taxonomy").GetAsync("/api/skills?q=" + Uri.EscapeDataString("叉車")))
            .Read<IReadOnlyList<SkillAnswer>>();
        Assert.Equal("forklift", skills[0].Id);
        Assert.NotNull(skills[0].Occupation);
        Assert.Equal("6-30", skills[0].Occupation!.Code);
        var specialties = await (await api.Admin().GetAsync("/api/specialties?q=" + Uri.EscapeDataString("驾驶员"))).Read<IReadOnlyList<SpecialtyAnswer>>();
        Assert.Contains(specialties, s => s.Code == "vehicle_driver");
        await (await api.CreateClient().GetAsync("/api/skills?q=x")).AssertProblem(401);
    }
}
