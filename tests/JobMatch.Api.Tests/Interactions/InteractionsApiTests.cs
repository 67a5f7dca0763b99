using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Interactions;

public sealed class InteractionsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static async Task<List<TrainingRowAnswer>> TrainingRows(HttpClient admin, Guid veteranId) =>
        [.. (await (await admin.GetAsync("/api/interactions/training-set?source=live")).Read<IReadOnlyList<TrainingRowAnswer>>())
            .Where(row => row.VeteranId == veteranId)];

    [Fact]
    public async Task TheTrainingSetHoldsEachPairsHighestLabelGroupedByVeteran()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var seen = await api.PostJob(company, 2);
        var saved = await api.PostJob(company, 2);
        var hired = await api.PostJob(company, 2);
        var (veteran, veteranId, name) = await api.Applicant();

        foreach (var (position, kind) in new[] { (seen, "view"), (saved, "view"), (saved, "save"), (hired, "not_interested") })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await veteran.PostAsJsonAsync($"/api/openings/{position}/interactions", new { kind })).StatusCode);
        }
        var application = await veteran.Apply(hired);
        foreach (var state in new[] { "screening", "interview", "offer", "hired" })
        {
            await recruiter.MoveOk(application, state);
        }

        var rows = await TrainingRows(api.Admin(), veteranId);
        Assert.Equal(3, rows.Count);
        Assert.Single(rows.Select(r => r.GroupId).Distinct());
        short Label(Guid position) => rows.Single(r => r.PositionId == position).Label;
        Assert.Equal(1, Label(seen));
        Assert.Equal(2, Label(saved));
        Assert.Equal(4, Label(hired));

        var csv = new HttpRequestMessage(HttpMethod.Get, "/api/interactions/training-set");
        csv.Headers.Accept.ParseAdd("text/csv");
        var text = await (await api.Admin().SendAsync(csv)).Content.ReadAsStringAsync();
        Assert.Contains(veteranId.ToString(), text);
        Assert.DoesNotContain(name, text);
    }

    [Fact]
    public async Task OnlyAVeteranWithAProfileRecordsViewsSavesAndDismissals()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 1);
        var (veteran, _, _) = await api.Applicant();

        await (await veteran.PostAsJsonAsync($"/api/openings/{position}/interactions", new { kind = "hired" })).AssertProblem(400);
        await (await veteran.PostAsJsonAsync($"/api/openings/{Guid.CreateVersion7()}/interactions", new { kind = "view" })).AssertProblem(404);
        await (await api.Veteran("vet-without-profile").PostAsJsonAsync($"/api/openings/{position}/interactions", new { kind = "view" })).AssertProblem(409);
        await (await recruiter.PostAsJsonAsync($"/api/openings/{position}/interactions", new { kind = "view" })).AssertProblem(403);
        await (await recruiter.GetAsync("/api/interactions/training-set")).AssertProblem(403);
        await (await api.Admin().GetAsync("/api/interactions/training-set?source=made-up")).AssertProblem(400);
    }

    [Fact]
    public async Task EveryMoveOfAnApplicationIsLoggedWithItsLabel()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (_, position) = await api.OrderClass(company, seats: 3);
        var (veteran, veteranId, _) = await api.Applicant();
        var application = await veteran.Apply(position);
        Assert.Equal(2, (await TrainingRows(api.Admin(), veteranId)).Single().Label);
        await recruiter.MoveOk(application, "enrolled");
        Assert.Equal(3, (await TrainingRows(api.Admin(), veteranId)).Single().Label);
        await recruiter.MoveOk(application, "graduated");
        await recruiter.MoveOk(application, "employed");
        Assert.Equal(4, (await TrainingRows(api.Admin(), veteranId)).Single().Label);
    }
}
