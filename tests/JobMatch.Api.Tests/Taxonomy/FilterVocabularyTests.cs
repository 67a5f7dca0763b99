using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Taxonomy;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Matching;

namespace JobMatch.Api.Tests.Taxonomy;

/// <summary>
/// A district, an education level or an industry written the same way answers the same on every route that takes it: the
/// code, the full name and the short name of a district; the code, the label and the usual spellings of an education level
/// (only the openings search filters by education; postings and profiles store it); the code, the label and the short form of
/// a service branch; a part of a company's industry.
/// </summary>
public sealed class FilterVocabularyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static readonly string[] Tianjiaan = ["340403", "田家庵区", "田家庵", " 田家庵区 "];

    [Fact]
    public async Task EveryRouteTakingADistrictReadsTheCodeTheFullNameAndTheShortNameAlike()
    {
        var admin = api.Admin();
        var world = await World();
        var (veteran, veteranId) = await MatchingData.Driver(api, matching: false);
        var name = Uri.EscapeDataString((await (await veteran.GetAsync("/api/veterans/me")).Read<VeteranAnswer>()).Name);
        var enterprise = "区县军创" + Unique();
        var created = await admin.PostAsJsonAsync("/api/enterprises", Enterprise(enterprise, "340403"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        static string E(string text) => Uri.EscapeDataString(text);

        // A company's district is free text with the code derived where one is found: an unknown one is kept, not refused.
        var routes = new (string Route, Func<string, Task<string>> Call, bool RefusesUnknown)[]
        {
            ("GET /api/openings", d => Titles(admin, $"/api/openings?companyId={world.Company}&district={E(d)}"), true),
            ("GET /api/veterans/me/matches", d => Titles(veteran, $"/api/veterans/me/matches?fairId={world.Fair}&district={E(d)}"), true),
            ("GET /api/veterans/{id}/matches",
                d => Titles(admin, $"/api/veterans/{veteranId}/matches?fairId={world.Fair}&district={E(d)}"), true),
            ("GET /api/veterans", d => Count(admin, $"/api/veterans?q={name}&district={E(d)}"), true),
            ("GET /api/enterprises", d => Count(admin, $"/api/enterprises?q={E(enterprise)}&district={E(d)}"), true),
            ("POST /api/openings", d => Stored(admin, "/api/openings", new { companyId = world.Company, title = "区县岗位", district = d },
                (OpeningAnswer o) => o.DistrictCode), true),
            ("POST /api/companies", d => Stored(admin, "/api/companies", new { name = "区县公司" + Unique(), district = d },
                (CompanyAnswer c) => c.DistrictCode), false),
            ("POST /api/mentors", d => Stored(admin, "/api/mentors", new
            {
                name = "区县导师", expertise = new[] { "legal" }, industries = new[] { "餐饮" }, district = d, capacity = 2,
            }, (MentorAnswer m) => m.District), true),
            ("POST /api/enterprises", d => Stored(admin, "/api/enterprises", Enterprise("区县企业" + Unique(), d), (EnterpriseAnswer e) => e.District),
                true),
            ("POST /api/veterans/me", d => Stored(api.Veteran("vet-" + Unique()), "/api/veterans/me", new
            {
                name = VeteranData.NewName(), homeDistrict = d, preferences = new { districts = new[] { d } },
                consents = new[] { VeteranData.Consent("sensitive_data") },
            }, (VeteranAnswer v) => v.HomeDistrict), true),
        };

        foreach (var (route, call, refusesUnknown) in routes)
        {
            var answers = new List<string>();
            foreach (var district in Tianjiaan)
            {
                answers.Add(await call(district));
            }
            Assert.True(answers.Distinct().Count() == 1 && answers[0].StartsWith('2'),
                $"{route}: {string.Join(" | ", answers.Zip(Tianjiaan, (a, d) => $"{d} → {a}"))}");
            if (refusesUnknown)
            {
                var unknown = await call("火星区");
                Assert.True(unknown.StartsWith("400", StringComparison.Ordinal), $"{route}: 火星区 → {unknown}");
            }
        }
    }

    static readonly string[] JuniorCollege = ["junior_college", "大专", "大专及以上", "专科", " 大专 ", "JUNIOR_COLLEGE"];

    [Fact]
    public async Task EveryRouteTakingAnEducationLevelReadsTheCodeTheLabelAndTheUsualSpellingsAlike()
    {
        var admin = api.Admin();
        var company = (await (await admin.PostAsJsonAsync("/api/companies", new { name = "学历公司" + Unique() })).Read<CompanyAnswer>()).Id;
        foreach (var (title, education) in new[] { ("初中岗位", "初中"), ("高中岗位", "高中"), ("大专岗位", "大专"), ("本科岗位", "本科"), ("不限岗位", "不限") })
        {
            Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/openings", new { companyId = company, title, education }))
                .StatusCode);
        }
        static string E(string text) => Uri.EscapeDataString(text);
        Assert.Equal("200 不限岗位,初中岗位,大专岗位,高中岗位", await Titles(admin, $"/api/openings?companyId={company}&education=junior_college"));

        var routes = new (string Route, Func<string, Task<string>> Call)[]
        {
            ("GET /api/openings", e => Titles(admin, $"/api/openings?companyId={company}&education={E(e)}")),
            ("POST /api/openings", e => Stored(admin, "/api/openings", new { companyId = company, title = "学历岗位", education = e },
                (OpeningAnswer o) => o.Education)),
            ("POST /api/veterans/me", e => Stored(api.Veteran("vet-" + Unique()), "/api/veterans/me",
                new { name = VeteranData.NewName(), education = new { level = e } }, (VeteranAnswer v) => v.Education.Level)),
        };

        await AssertAlike(routes, JuniorCollege, unknown: "幼儿园");
    }

    static readonly string[] ArmedPolice = ["armed_police", "武警部队", "武警", " 武警部队 ", "ARMED_POLICE"];

    [Fact]
    public async Task EveryRouteTakingAServiceBranchReadsTheCodeTheLabelAndTheShortFormAlike()
    {
        var admin = api.Admin();
        var name = VeteranData.NewName();
        Assert.Equal(HttpStatusCode.Created, (await api.Veteran("vet-" + Unique()).PostAsJsonAsync("/api/veterans/me",
            new { name, service = new { branch = "armed_police" }, consents = new[] { VeteranData.Consent("sensitive_data") } }))
            .StatusCode);
        static string E(string text) => Uri.EscapeDataString(text);

        var routes = new (string Route, Func<string, Task<string>> Call)[]
        {
            ("GET /api/veterans", b => Count(admin, $"/api/veterans?q={E(name)}&branch={E(b)}")),
            ("POST /api/veterans/me", b => Stored(api.Veteran("vet-" + Unique()), "/api/veterans/me", new
            {
                name = VeteranData.NewName(), service = new { branch = b }, consents = new[] { VeteranData.Consent("sensitive_data") },
            }, (VeteranAnswer v) => v.Service.Branch)),
        };

        await AssertAlike(routes, ArmedPolice, unknown: "骑兵");
    }

    [Fact]
    public async Task TheConsoleTakesItsServiceBranchesFromTheApiAndEveryLabelServedIsReadBack()
    {
        var client = api.Veteran("vet-" + Unique());
        var served = (await (await client.GetAsync("/api/service-branches")).EnsureSuccessStatusCode().Read<IReadOnlyList<ServiceBranchAnswer>>())
            .Select(b => (b.Code, b.Label)).ToList();

        Assert.Equal(["army", "navy", "air_force", "rocket_force", "armed_police", "joint_logistics", "strategic_support"],
            served.Select(b => b.Code));
        Assert.All(served, b => Assert.Equal(b.Code, ServiceBranches.Names[b.Label]));
        foreach (var script in new[] { "/js/pages/veteran-profile.js", "/js/i18n/zh.js", "/js/i18n/en.js" })
        {
            Assert.DoesNotContain("rocket_force", await client.GetStringAsync(script), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheConsoleTakesItsEducationLevelsFromTheApiAndEveryLabelServedIsReadBack()
    {
        var client = api.Veteran("vet-" + Unique());
        var served = (await (await client.GetAsync("/api/education-levels")).EnsureSuccessStatusCode().Read<IReadOnlyList<EducationLevelAnswer>>())
            .Select(l => (l.Code, l.Label, En: l.LabelEn)).ToList();

        Assert.Equal(["junior_high_or_below", "senior_high", "junior_college", "bachelor", "master", "doctorate"], served.Select(l => l.Code));
        Assert.Contains(("bachelor", "本科", "bachelor"), served);
        Assert.All(served, l => Assert.Equal(l.Code, EducationCodes.Read(l.Label)?.Code()));
        foreach (var script in new[] { "/js/pages/veteran-profile.js", "/js/i18n/zh.js", "/js/i18n/en.js" })
        {
            Assert.DoesNotContain("junior_college", await client.GetStringAsync(script), StringComparison.Ordinal);
        }
    }

    /// <summary>Every route gives one successful answer for all the spellings, and 400 for an unknown value.</summary>
    static async Task AssertAlike((string Route, Func<string, Task<string>> Call)[] routes, string[] spellings, string unknown)
    {
        foreach (var (route, call) in routes)
        {
            var answers = new List<string>();
            foreach (var spelling in spellings)
            {
                answers.Add(await call(spelling));
            }
            Assert.True(answers.Distinct().Count() == 1 && answers[0].StartsWith('2'),
                $"{route}: {string.Join(" | ", answers.Zip(spellings, (a, s) => $"{s} → {a}"))}");
            var refused = await call(unknown);
            Assert.True(refused.StartsWith("400", StringComparison.Ordinal), $"{route}: {unknown} → {refused}");
        }
    }

    static string Unique() => Guid.NewGuid().ToString("N")[..8];

    static object Enterprise(string name, string district) => new
    {
        name, creditCode = TestData.NewCreditCode(), founderName = "王建国", industry = "餐饮", stage = "started", district, employees = 3,
        needs = new[] { "legal" },
    };

    [Fact]
    public async Task OpeningsAndMatchesFilterIndustryByTheSameRule()
    {
        var admin = api.Admin();
        var world = await World();
        var (veteran, veteranId) = await MatchingData.Driver(api, matching: false);
        foreach (var industry in new[] { "物流运输", "物流", " 物流运输 ", "煤炭" })
        {
            var q = Uri.EscapeDataString(industry);
            var answers = new[]
            {
                await Titles(admin, $"/api/openings?companyId={world.Company}&industry={q}"),
                await Titles(veteran, $"/api/veterans/me/matches?fairId={world.Fair}&industry={q}"),
                await Titles(admin, $"/api/veterans/{veteranId}/matches?fairId={world.Fair}&industry={q}"),
            };
            Assert.True(answers.Distinct().Count() == 1, $"industry '{industry}': {string.Join(" | ", answers)}");
        }
    }

    [Fact]
    public async Task TheConsoleTakesItsDistrictsFromTheApiAndEveryNameServedIsReadBack()
    {
        var client = api.Veteran("vet-" + Guid.NewGuid().ToString("N")[..10]);
        var served = (await (await client.GetAsync("/api/districts")).EnsureSuccessStatusCode().Read<IReadOnlyList<DistrictAnswer>>())
            .Select(d => (d.Code, Zh: d.NameZh, En: d.NameEn)).ToList();

        Assert.Contains(("340403", "田家庵区", "Tianjia'an"), served);
        Assert.All(served, d => Assert.Equal(d.Code, Districts.Code(d.Zh)));
        Assert.DoesNotContain("340403", await client.GetStringAsync("/js/districts.js"), StringComparison.Ordinal);
    }

    /// <summary>A company in 物流运输 with one position in 田家庵区 and one in 凤台县, at a new fair.</summary>
    async Task<(Guid Company, Guid Fair)> World()
    {
        var admin = api.Admin();
        var created = await admin.PostAsJsonAsync("/api/companies", new { name = "淮南区县物流" + Unique(), industry = "物流运输" });
        var company = (await created.Read<CompanyAnswer>()).Id;
        var fair = await admin.CreateFair();
        foreach (var (title, district) in new[] { ("田家庵司机", "田家庵区"), ("凤台司机", "凤台县") })
        {
            var response = await admin.PostAsJsonAsync("/api/openings", new
            {
                companyId = company, fairId = fair, title, headcount = 2, salary = "5000-7000元/月", district, skills = new[] { "货车驾驶" },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        return (company, fair);
    }

    static async Task<string> Titles(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var items = (await response.ReadJson()).GetProperty("items").EnumerateArray();
        var titles = items.Select(i => i.GetProperty("title").GetString()).Order();
        return $"200 {string.Join(",", titles)}";
    }

    static async Task<string> Count(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return response.IsSuccessStatusCode
            ? $"200 {(await response.ReadJson()).GetProperty("items").GetArrayLength()}"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The status and the district stored, as the answer to a POST names it.</summary>
    static async Task<string> Stored<T>(HttpClient client, string path, object body, Func<T, string?> field)
    {
        var response = await client.PostAsJsonAsync(path, body);
        return response.IsSuccessStatusCode
            ? $"{(int)response.StatusCode} {field(await response.Read<T>())}"
            : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
