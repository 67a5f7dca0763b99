using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Matching;

/// <summary>A fair of a few positions for one company (each test gets its own fair to filter on), and veterans to match.</summary>
public static class MatchingData
{
    public sealed record World(Guid CompanyId, Guid FairId, string Recruiter, Dictionary<string, Guid> Openings);

    public static object Posting(Guid companyId, Guid fairId, string title, string[] skills, string[]? certificates = null, string education = "高中") => new
    {
        companyId, fairId, title, headcount = 3, salary = "5000-7000元/月", education, district = "田家庵区", location = "洞山路",
        skills, certificates = certificates ?? [],
    };

    /// <summary>A driving job (B2), a logistics job, and two unrelated ones, at a new fair of a new company with a linked recruiter.</summary>
    public static async Task<World> CreateWorld(ApiFactory api)
    {
        var admin = api.Admin();
        var company = await admin.CreateCompany();
        var recruiter = "recruiter-" + Guid.NewGuid().ToString("N")[..8];
        await admin.LinkRecruiter(company, recruiter);
        var fair = await admin.CreateFair();
        var openings = new Dictionary<string, Guid>();
        foreach (var (title, skills, certificates, education) in new (string, string[], string[], string)[]
        {
            ("会计", ["财务会计", "出纳"], [], "大专"),
            ("货车司机", ["货车驾驶", "货物运输"], ["B2驾驶证"], "初中"),
            ("护士", ["护理"], ["护士资格证"], "大专"),
            ("仓储管理员", ["仓储管理", "叉车"], ["叉车证"], "高中"),
        })
        {
            var response = await admin.PostAsJsonAsync("/api/openings", Posting(company, fair, title, skills, certificates, education));
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            openings[title] = (await response.Read<Created>()).Id;
        }
        return new World(company, fair, recruiter, openings);
    }

    /// <summary>A driver veteran (汽车驾驶员, B2 licence, forklift), with matching consent and sharing as asked; returns the client and id.</summary>
    public static async Task<(HttpClient Client, Guid Id)> Driver(ApiFactory api, bool share = true, bool matching = true)
    {
        var client = api.Veteran("vet-" + Guid.NewGuid().ToString("N")[..10]);
        var profile = new
        {
            name = VeteranData.NewName(), phone = VeteranData.NewPhone(),
            service = new { branch = "陆军", years = 5, dischargeYear = 2022, specialties = new[] { "汽车驾驶员" } },
            education = new { level = "高中" },
            certificates = new { licenceClasses = new[] { "B2" }, specialEquipment = new[] { "叉车司机" } },
            skills = new[] { "货车驾驶", "叉车" },
            homeDistrict = "田家庵区",
            preferences = new { districts = new[] { "340403" }, industries = Array.Empty<string>(), minMonthlySalary = 4500, seeking = new[] { "job" } },
            consents = new[] { VeteranData.Consent("sensitive_data"), VeteranData.Consent("automated_matching", matching), VeteranData.Consent("share_with_recruiters", share) },
        };
        var created = await client.CreateProfile(profile);
        return (client, created.As<VeteranAnswer>().Id);
    }

    public static HttpClient Recruiter(this ApiFactory api, World world) => api.ClientFor(Roles.Recruiter, world.Recruiter);

    public static async Task<MatchesAnswer> Matches(this HttpClient client, string path, Guid fairId) =>
        await (await client.GetAsync($"{path}?fairId={fairId}")).EnsureSuccessStatusCode().Read<MatchesAnswer>();

    public static List<string> Titles(this MatchesAnswer page) => page.Items.Select(i => i.Title).ToList();
}
