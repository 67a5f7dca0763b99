using System.Net;
using Dapper;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Openings;

/// <summary>"A position is open" reads the same wherever it is asked: the position, the search, the matches.</summary>
public sealed class OpenPositionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AReimportThatCutsTheOpeningsToTheHiresMadeFillsThePositionAndOneThatAddsOpeningsReopensIt()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var company = "淮南开放" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        byte[] File(int headcount) => Listings.Csv("单位名称,岗位名称,招聘人数", $"{company},叉车司机,{headcount}");
        Assert.Equal(HttpStatusCode.Created, (await admin.Upload(fair, File(2), "first.csv")).StatusCode);
        var id = Assert.Single(await admin.OpeningAnswersOf(fair)).Id;
        await using (var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database)))
        {
            // One hire (hiring itself is tested with the applications): one opening is left.
            await db.ExecuteAsync("UPDATE positions SET filled = 1, updated_at = now() WHERE id = @id", new { id });
        }

        Assert.Equal(HttpStatusCode.Created, (await admin.Upload(fair, File(1), "second.csv")).StatusCode);
        var cut = await (await admin.GetAsync($"/api/openings/{id}")).EnsureSuccessStatusCode().Read<OpeningAnswer>();
        Assert.Equal(("filled", (int?)0), (cut.Status, cut.Remaining));
        Assert.Empty(await admin.OpeningAnswersOf(fair));
        Assert.Single(await admin.OpeningAnswersOf(fair, "&openOnly=false"));

        Assert.Equal(HttpStatusCode.Created, (await admin.Upload(fair, File(3), "third.csv")).StatusCode);
        var raised = await (await admin.GetAsync($"/api/openings/{id}")).EnsureSuccessStatusCode().Read<OpeningAnswer>();
        Assert.Equal(("open", (int?)2), (raised.Status, raised.Remaining));
        Assert.Single(await admin.OpeningAnswersOf(fair));
    }
}
