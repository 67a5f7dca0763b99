using JobMatch.Ranking.Profiles;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Ranking.Training;

namespace JobMatch.Ranking.Simulation;

/// <summary>
/// Draws a SYNTHETIC world from a seed: openings from listing templates, veterans from the specialty crosswalk,
/// and an outcome log in which a veteran sees a shuffled list, examines position p with probability
/// 1/(1+p)^power (position bias) and answers by the noisy hidden utility. Same seed, same world.
/// </summary>
public static class WorldSimulator
{
    private static readonly string[] Companies =
        ["淮南矿业集团", "国瑞药业", "安徽山河药辅", "安徽嘉玺新材料", "华友钴业", "淮南顺通物流", "皖淮建设工程", "淮河能源电力", "八公山保安服务", "淮南联合大学", "田家庵物业", "寿州电商产业园"];

    private static readonly string[] Majors = ["药学", "化学", "计算机", "会计", "土木", "电力", "机电一体化", "物流管理", "行政管理", "市场营销"];

    private static readonly string[] Branches = ["陆军", "海军", "空军", "火箭军", "武警部队", "联勤保障部队"];

    public static SyntheticWorld Generate(RankingTaxonomy taxonomy, SimulationOptions options)
    {
        var rng = new Random(options.Seed);
        var districts = taxonomy.Districts.Districts;
        var templates = new OpeningTemplate[options.Openings];
        var openings = new Opening[options.Openings];
        for (var i = 0; i < options.Openings; i++)
        {
            templates[i] = OpeningTemplates.All[rng.Next(OpeningTemplates.All.Length)];
            openings[i] = MakeOpening(i, templates[i], rng, districts, options.AsOf);
        }

        var specialties = taxonomy.Crosswalk.Specialties.Order(StringComparer.Ordinal).ToArray();
        var veterans = new List<VeteranProfile>();
        var impressions = new List<Impression>();
        for (var i = 0; i < options.Veterans; i++)
        {
            var hidden = VeteranFactory.Make(i, rng, taxonomy, specialties, districts, Branches, Majors);
            veterans.Add(hidden.Profile);
            var shown = Candidates(rng, hidden, templates, options);
            for (var position = 0; position < shown.Count; position++)
            {
                var o = shown[position];
                var u = HiddenUtility.Of(hidden, templates[o], openings[o], taxonomy.Districts.DistanceKm, options.AsOf)
                    + (options.UtilityNoise * Gaussian(rng));
                var examined = rng.NextDouble() < 1.0 / Math.Pow(1 + position, options.PositionBiasPower);
                impressions.Add(new Impression(hidden.Profile.Id, openings[o].Id, position, examined ? Label(u) : 0));
            }
        }

        return new SyntheticWorld(options, veterans, openings, impressions);
    }

    internal static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static int Label(double utility) => utility switch
    {
        < 1.3 => 0,
        < 2.0 => 1,
        < 2.7 => 2,
        < 3.4 => 3,
        _ => 4,
    };

    /// <summary>The logged list: some openings near the veteran's real skills (as a job-fair desk would pick), the rest random, shuffled.</summary>
    private static List<int> Candidates(Random rng, HiddenVeteran veteran, OpeningTemplate[] templates, SimulationOptions options)
    {
        var n = Math.Min(options.ImpressionsPerVeteran, templates.Length);
        var near = Enumerable.Range(0, templates.Length).Where(i => templates[i].Skills.Any(veteran.TrueSkills.Contains)).ToArray();
        var chosen = new HashSet<int>();
        for (var tries = 0; chosen.Count < n * 2 / 5 && near.Length > 0 && tries < n * 4; tries++)
        {
            chosen.Add(near[rng.Next(near.Length)]);
        }

        while (chosen.Count < n)
        {
            chosen.Add(rng.Next(templates.Length));
        }

        var list = chosen.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    private static Opening MakeOpening(int i, OpeningTemplate t, Random rng, IReadOnlyList<District> districts, DateTime asOf)
    {
        var company = Companies[rng.Next(Companies.Length)];
        var district = districts[rng.Next(districts.Count)];
        var scale = 0.85 + (0.3 * rng.NextDouble());
        var salaryMin = (int)(t.SalaryMin * scale / 100) * 100;
        int? salaryMax = rng.NextDouble() < 0.1 ? null : (int)(t.SalaryMax * scale / 100) * 100;
        var education = rng.NextDouble() < 0.2 ? null : t.MinEducation;
        var headcount = 1 + rng.Next(20);
        var (minAge, maxAge) = rng.NextDouble() < 0.3 ? (18, 40 + rng.Next(11)) : ((int?)null, (int?)null);
        var requirements = string.Join('，', new[]
        {
            education is null ? "学历不限" : $"{education.Value.ToChinese()}及以上学历",
            t.Licence is null ? "" : $"持{t.Licence}驾照",
            t.Certificates.Length == 0 ? "" : $"持{string.Join('、', t.Certificates)}证",
            "退役军人优先",
        }.Where(s => s.Length > 0));
        return new Opening(
            $"O{i:D5}", t.Title, t.Industry, t.Kind, district.Code, education, t.Majors, t.Skills, t.Certificates, t.Licence,
            salaryMin, salaryMax, headcount, rng.Next(headcount + 1), asOf.AddDays(-rng.Next(90)).AddHours(-rng.Next(24)),
            $"{company}招聘{t.Title}{headcount}人。岗位职责：{t.Duties}。任职要求：{requirements}。",
            minAge, maxAge);
    }
}
