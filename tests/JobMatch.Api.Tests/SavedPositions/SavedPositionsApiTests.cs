using System.Net;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.SavedPositions;

public sealed class SavedPositionsApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static async Task<PageOf<SavedPositionAnswer>> Saved(HttpClient veteran, string query = "") =>
        await (await veteran.GetAsync($"/api/veterans/me/saved{query}")).Read<PageOf<SavedPositionAnswer>>();

    static async Task<SavedPositionAnswer> Save(HttpClient veteran, Guid position)
    {
        var response = await veteran.PutAsync($"/api/veterans/me/saved/{position}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Read<SavedPositionAnswer>();
    }

    [Fact]
    public async Task AVeteranSavesUnsavesAndSeesOnlyTheirOwnListNewestFirst()
    {
        var (company, _) = await api.CompanyWithRecruiter();
        var first = await api.PostJob(company, 2);
        var second = await api.PostJob(company, 2);
        var (veteran, _, _) = await api.Applicant();
        var (other, _, _) = await api.Applicant();

        Assert.Equal(first, (await Save(veteran, first)).PositionId);
        await Save(veteran, second);
        await Save(veteran, second); // saving again keeps it once
        await Save(other, first);

        var mine = await Saved(veteran);
        Assert.Equal([second, first], mine.Items.Select(s => s.PositionId));
        Assert.Equal(2, mine.Total);
        Assert.Equal([first], (await Saved(other)).Items.Select(s => s.PositionId));
        // Which cards of a page are saved: the list narrowed to the positions named.
        var unsavedJob = await api.PostJob(company, 1);
        Assert.Equal([first], (await Saved(veteran, $"?positionId={first}&positionId={unsavedJob}")).Items.Select(s => s.PositionId));

        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync($"/api/veterans/me/saved/{second}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync($"/api/veterans/me/saved/{second}")).StatusCode);
        Assert.Equal([first], (await Saved(veteran)).Items.Select(s => s.PositionId));
        Assert.Equal([first], (await Saved(other)).Items.Select(s => s.PositionId));
    }

    [Fact]
    public async Task AClosedPositionStaysInTheListMarkedClosed()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 1);
        var (veteran, _, _) = await api.Applicant();
        await Save(veteran, position);
        Assert.Equal("open", (await Saved(veteran)).Items.Single().Status);

        Assert.Equal(HttpStatusCode.NoContent, (await recruiter.DeleteAsync($"/api/openings/{position}")).StatusCode);
        Assert.Equal("closed", (await Saved(veteran)).Items.Single().Status);
    }

    [Fact]
    public async Task TheListPagesByCursor()
    {
        var (company, _) = await api.CompanyWithRecruiter();
        var (veteran, _, _) = await api.Applicant();
        var positions = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            positions.Add(await api.PostJob(company, 1));
            await Save(veteran, positions[^1]);
        }
        var page = await Saved(veteran, "?limit=2");
        Assert.Equal(3, page.Total);
        Assert.Equal([positions[2], positions[1]], page.Items.Select(s => s.PositionId));
        var next = await Saved(veteran, $"?limit=2&cursor={page.NextCursor}");
        Assert.Equal([positions[0]], next.Items.Select(s => s.PositionId));
        Assert.Null(next.NextCursor);
    }

    [Fact]
    public async Task SavingLogsTheSaveForTheRankerAndTheAuditUnsavingKeepsTheLog()
    {
        var (company, _) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 1);
        var (veteran, veteranId, _) = await api.Applicant();
        await Save(veteran, position);
        await Save(veteran, position);
        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync($"/api/veterans/me/saved/{position}")).StatusCode);

        var training = (await (await api.Admin().GetAsync("/api/interactions/training-set?source=live")).Read<IReadOnlyList<TrainingRowAnswer>>())
            .Where(row => row.VeteranId == veteranId).ToList();
        Assert.Equal(2, training.Single(row => row.PositionId == position).Label);
        var audit = await (await api.Admin().GetAsync($"/api/audit?objectId={position}&limit=100")).Read<PageOf<AuditEntryAnswer>>();
        Assert.Single(audit.Items, entry => entry.Action == "position.saved");
        Assert.Single(audit.Items, entry => entry.Action == "position.unsaved");
    }

    [Fact]
    public async Task OnlyAVeteranWithAProfileSavesAnExistingPosition()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, 1);
        var (veteran, _, _) = await api.Applicant();

        await (await veteran.PutAsync($"/api/veterans/me/saved/{Guid.CreateVersion7()}", null)).AssertProblem(404);
        var stranger = api.Veteran("vet-without-profile-" + Guid.NewGuid().ToString("N")[..6]);
        await (await stranger.PutAsync($"/api/veterans/me/saved/{position}", null)).AssertProblem(409);
        Assert.Empty((await Saved(stranger)).Items);
        await (await recruiter.PutAsync($"/api/veterans/me/saved/{position}", null)).AssertProblem(403);
        await (await recruiter.GetAsync("/api/veterans/me/saved")).AssertProblem(403);
        await (await veteran.GetAsync("/api/veterans/me/saved?cursor=not-a-cursor")).AssertProblem(400);
        var tooMany = string.Join('&', Enumerable.Range(0, 51).Select(_ => $"positionId={Guid.CreateVersion7()}"));
        await (await veteran.GetAsync($"/api/veterans/me/saved?{tooMany}")).AssertProblem(400);
    }
}
