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
    async Task<List<T>> All<T>(HttpClient admin, string path)
    {
        var items = new List<T>();
        string? cursor = null;
        do
        {
            var page = await (await admin.GetAsync($"{path}{(path.Contains('?') ? '&' : '?')}limit=100&cursor={cursor}")).Read<PageOf<T>>();
            items.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return items;
    }

    [Fact]
    public async Task PlanNeverExceedsCapacityAndFitsAtLeastAsWellAsGreedy()
    {
        await api.SeedOnce();
        var admin = api.Admin();
        var mentors = (await All<MentorAnswer>(admin, "/api/mentors")).ToDictionary(m => m.Id);
        var unassigned = (await All<EnterpriseAnswer>(admin, "/api/enterprises?unassigned=true")).ToDictionary(e => e.Id);
        Assert.NotEmpty(unassigned);
        var traits = mentors.Values.Select(m => new MentorTraits(m.Id, m.Expertise, m.Industries, m.District)).ToDictionary(t => t.Id);
        int Fit(Guid mentor, EnterpriseAnswer e) =>
            MentorFit.Score(traits[mentor], new EnterpriseTraits(e.Id, e.Needs, e.Industry, e.District)).Total;
        var spare = mentors.Values.Where(m => !m.Paused).ToDictionary(m => m.Id, m => (int)Math.Max(0, m.Capacity - m.Load));

        var plan = await (await admin.PostAsync("/api/assignments/plan", null)).Read<AssignmentPlanAnswer>();
        var items = plan.Items;
        Assert.Equal(Math.Min(unassigned.Count, spare.Values.Sum()), items.Count);
        Assert.Equal(items.Count, items.Select(i => i.EnterpriseId).Distinct().Count());
        Assert.All(items, i => Assert.True(unassigned.ContainsKey(i.EnterpriseId)));
        foreach (var perMentor in items.GroupBy(i => i.MentorId))
        {
            Assert.True(spare.TryGetValue(perMentor.Key, out var slots), "no paused mentor is planned");
            Assert.True(perMentor.Count() <= slots, $"mentor {perMentor.Key} over capacity");
        }
        // The reported fit is the fit, so the totals compare like with like.
        Assert.All(items, i => Assert.Equal(Fit(i.MentorId, unassigned[i.EnterpriseId]), i.Fit));
        var planTotal = plan.TotalFit;
        Assert.Equal(items.Sum(i => (long)i.Fit), planTotal);

        // Greedy: best remaining pair first, while the mentor has room.
        var pairs = unassigned.Values.SelectMany(e => spare.Keys.Select(m => (Mentor: m, Enterprise: e.Id, Fit: Fit(m, e))))
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
        var report = await (await admin.GetAsync("/api/reports/mentoring")).Read<MentoringReportAnswer>();
        var totals = report.Totals;
        Assert.Equal(31, totals.Mentors);
        Assert.Equal(179, totals.Enterprises);
        Assert.Equal(179, totals.Assigned + totals.Unassigned);
        Assert.Equal(31, report.Mentors.Count);
        Assert.Equal(179, report.Enterprises.Count);
        Assert.InRange(totals.Unassigned, 1, 178);
        Assert.True(totals.Sessions > 0);
        Assert.NotEmpty(report.Months);
        Assert.Equal(report.Mentors.Sum(m => m.Load), report.Enterprises.Sum(e => (long)e.Mentors));

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/reports/mentoring");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await admin.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(31, lines.Count(line => line.StartsWith("mentor,", StringComparison.Ordinal)));
        Assert.Equal(179, lines.Count(line => line.StartsWith("enterprise,", StringComparison.Ordinal)));
    }
}
