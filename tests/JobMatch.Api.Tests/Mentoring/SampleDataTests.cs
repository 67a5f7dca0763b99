using System.Text.Json;
using JobMatch.Api.DemoData;
using JobMatch.Api.Mentoring;
using JobMatch.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace JobMatch.Api.Tests.Mentoring;

/// <summary>A database holding the demo data only (its own class, so the counts are the sample's).</summary>
public sealed class SampleDataApiFactory : ApiFactory
{
    public async Task SeedOnce()
    {
        await DemoDataLoader.LoadAsync(Services, new Progress<SeedProgress>(), CancellationToken.None);
    }
}

public sealed class SampleDataTests(SampleDataApiFactory api, ITestOutputHelper output) : IClassFixture<SampleDataApiFactory>
{
    async Task<List<JsonElement>> All(HttpClient admin, string path)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}limit=100&cursor={cursor}")).ReadJson();
            items.AddRange(page.Items());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return items;
    }

    static string[] Strings(JsonElement element, string name) => [.. element.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task PlanNeverExceedsCapacityAndFitsAtLeastAsWellAsGreedy()
    {
        await api.SeedOnce();
        var admin = api.Admin();
        var mentors = (await All(admin, "/api/mentors")).ToDictionary(m => m.GetProperty("id").GetGuid());
        var unassigned = (await All(admin, "/api/enterprises?unassigned=true")).ToDictionary(e => e.GetProperty("id").GetGuid());
        Assert.NotEmpty(unassigned);
        var traits = mentors.Values.Select(m => new MentorTraits(m.GetProperty("id").GetGuid(), Strings(m, "expertise"), Strings(m, "industries"),
            m.GetProperty("district").GetString()!)).ToDictionary(t => t.Id);
        int Fit(Guid mentor, JsonElement e) => MentorFit.Score(traits[mentor], new EnterpriseTraits(e.GetProperty("id").GetGuid(),
            Strings(e, "needs"), e.GetProperty("industry").GetString()!, e.GetProperty("district").GetString()!)).Total;
        var spare = mentors.Values.Where(m => !m.GetProperty("paused").GetBoolean()).ToDictionary(m => m.GetProperty("id").GetGuid(),
            m => (int)Math.Max(0, m.GetProperty("capacity").GetInt32() - m.GetProperty("load").GetInt64()));

        var plan = await (await admin.PostAsync("/api/assignments/plan", null)).ReadJson();
        var items = plan.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Math.Min(unassigned.Count, spare.Values.Sum()), items.Count);
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("enterpriseId").GetGuid()).Distinct().Count());
        Assert.All(items, i => Assert.True(unassigned.ContainsKey(i.GetProperty("enterpriseId").GetGuid())));
        foreach (var perMentor in items.GroupBy(i => i.GetProperty("mentorId").GetGuid()))
        {
            Assert.True(spare.TryGetValue(perMentor.Key, out var slots), "no paused mentor is planned");
            Assert.True(perMentor.Count() <= slots, $"mentor {perMentor.Key} over capacity");
        }
        // The reported fit is the fit, so the totals compare like with like.
        Assert.All(items, i => Assert.Equal(Fit(i.GetProperty("mentorId").GetGuid(), unassigned[i.GetProperty("enterpriseId").GetGuid()]), i.GetProperty("fit").GetInt32()));
        var planTotal = plan.GetProperty("totalFit").GetInt64();
        Assert.Equal(items.Sum(i => (long)i.GetProperty("fit").GetInt32()), planTotal);

        // Greedy: best remaining pair first, while the mentor has room.
        var pairs = unassigned.Values.SelectMany(e => spare.Keys.Select(m => (Mentor: m, Enterprise: e.GetProperty("id").GetGuid(), Fit: Fit(m, e))))
            .OrderByDescending(p => p.Fit).ThenBy(p => p.Enterprise).ThenBy(p => p.Mentor);
        var room = new Dictionary<Guid, int>(spare);
        var placed = new HashSet<Guid>();
        long greedyTotal = 0;
        foreach (var (mentor, enterprise, fit) in pairs)
        {
            if (room[mentor] > 0 && placed.Add(enterprise))
            {
                room[mentor]--;
                greedyTotal += fit;
            }
        }
        Assert.Equal(items.Count, placed.Count);
        Assert.True(planTotal >= greedyTotal, $"plan {planTotal} < greedy {greedyTotal}");
        output.WriteLine($"Sample data: {unassigned.Count} unassigned, {spare.Values.Sum()} spare slots; plan total fit {planTotal}, greedy {greedyTotal}");
    }

    [Fact]
    public async Task ReportAccountsForEveryEnterpriseAndMentorOfTheSample()
    {
        await api.SeedOnce();
        var admin = api.Admin();
        var report = await (await admin.GetAsync("/api/reports/mentoring")).ReadJson();
        var totals = report.GetProperty("totals");
        Assert.Equal(31, totals.GetProperty("mentors").GetInt32());
        Assert.Equal(179, totals.GetProperty("enterprises").GetInt32());
        Assert.Equal(179, totals.GetProperty("assigned").GetInt32() + totals.GetProperty("unassigned").GetInt32());
        Assert.Equal(31, report.GetProperty("mentors").GetArrayLength());
        Assert.Equal(179, report.GetProperty("enterprises").GetArrayLength());
        Assert.InRange(totals.GetProperty("unassigned").GetInt32(), 1, 178);
        Assert.True(totals.GetProperty("sessions").GetInt64() > 0);
        Assert.NotEmpty(report.GetProperty("months").EnumerateArray());
        Assert.Equal(report.GetProperty("mentors").EnumerateArray().Sum(m => m.GetProperty("load").GetInt64()),
            report.GetProperty("enterprises").EnumerateArray().Sum(e => (long)e.GetProperty("mentors").GetInt32()));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/mentoring");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await admin.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(31, lines.Count(line => line.StartsWith("mentor,", StringComparison.Ordinal)));
        Assert.Equal(179, lines.Count(line => line.StartsWith("enterprise,", StringComparison.Ordinal)));
    }
}
