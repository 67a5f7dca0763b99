using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Tests;

public sealed class TaxonomyTests
{
    [Fact]
    public void SkillsFileLoadsWithUniqueIdsAndBilingualNames()
    {
        var skills = TestData.Taxonomy.Skills;

        Assert.InRange(skills.Count, 300, 1000); // issue 4 asks for at least 300
        Assert.Equal(skills.Count, skills.Skills.Select(s => s.Id).Distinct().Count());
        Assert.All(skills.Skills, s => Assert.False(string.IsNullOrWhiteSpace(s.NameZh) || string.IsNullOrWhiteSpace(s.NameEn)));
        Assert.Equal("forklift operation", skills.Find("forklift")!.NameEn);
    }

    [Fact]
    public void FreeTextFindsSkillsBySynonym()
    {
        var found = TestData.Taxonomy.Skills.FindInText("退役后做过叉车司机，也管过仓库");

        Assert.Contains("forklift", found);
    }

    [Fact]
    public void FreeTextSearchFindsWhatAScanOfEveryTermFindsInTheSameOrder()
    {
        var skills = TestData.Taxonomy.Skills;
        // The scan FindInText replaced: every term, longest first, tried against the whole text.
        var terms = skills.Skills.SelectMany(s => s.Synonyms.Prepend(s.NameZh).Select(t => (Term: t, s.Id)))
            .Where(t => t.Term.Length >= 2).OrderByDescending(t => t.Term.Length).ToList();
        List<string> Scan(string text) =>
            terms.Where(t => text.Contains(t.Term, StringComparison.OrdinalIgnoreCase)).Select(t => t.Id).Distinct().ToList();

        var random = new Random(5);
        var pieces = terms.Select(t => t.Term).Concat(["，", " ", "退役", "负责", "CAD", "cad", "Excel", "a", "B2", "ǅ", "İ", "\uD83D\uDE97"]).ToArray();
        var texts = Enumerable.Range(0, 2000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)])))
            .Select(t => random.Next(4) == 0 ? t.ToUpperInvariant() : t)
            .Append("").Append("退役后做过叉车司机，也管过仓库").ToList();

        Assert.All(texts, text => Assert.Equal(Scan(text), skills.FindInText(text)));
        Assert.Contains(texts, text => skills.FindInText(text).Count >= 3);
    }

    [Fact]
    public void CrosswalkMapsSpecialtiesFromDischargePapersIncludingGradeSuffixes()
    {
        var crosswalk = TestData.Taxonomy.Crosswalk;

        var driver = crosswalk.For("汽车驾驶员（四级军士长）");

        Assert.Contains(driver, e => e.SkillId == "drive_truck" && e.Match == CrosswalkMatch.Most);
        Assert.Contains(driver, e => e.SkillId == "vehicle_maintenance" && e.Match == CrosswalkMatch.Some);
        foreach (var specialty in new[] { "通信员", "炊事员", "卫生员", "装备维修", "雷达操作", "警卫", "侦察", "工程兵", "电工", "仓库保管员" })
        {
            Assert.NotEmpty(crosswalk.For(specialty));
        }
    }

    [Fact]
    public void CrosswalkRejectsUnknownSkillsAndMatchTypes()
    {
        var skills = TestData.Taxonomy.Skills;

        Assert.Throws<InvalidDataException>(() => SpecialtyCrosswalk.Parse(new StringReader("specialty,skill_id,match_type\n炊事员,no_such_skill,most\n"), skills));
        Assert.Throws<InvalidDataException>(() => SpecialtyCrosswalk.Parse(new StringReader("specialty,skill_id,match_type\n炊事员,pastry,all\n"), skills));
    }

    [Fact]
    public void DistrictsCoverHuainanWithPseudoCodesMarked()
    {
        var districts = TestData.Taxonomy.Districts;

        Assert.Equal("田家庵区", districts.Find("340403")!.Name);
        Assert.Equal("pseudo", districts.Find("340471")!.Kind);
        Assert.Equal(0, districts.DistanceKm("340403", "340403"));
        Assert.InRange(districts.DistanceKm("340403", "340422")!.Value, 15, 40);
        Assert.Null(districts.DistanceKm("340403", "999999"));
    }

    [Fact]
    public void QuotedCsvCellsMayHoldCommas()
    {
        var skills = SkillTaxonomy.Parse(new StringReader("id,name_zh,name_en,category,synonyms\nx,\"甲,乙\",\"a, b\",c,d|e\n"));

        Assert.Equal("甲,乙", skills.Skills[0].NameZh);
        Assert.Equal(["d", "e"], skills.Skills[0].Synonyms);
    }
}
