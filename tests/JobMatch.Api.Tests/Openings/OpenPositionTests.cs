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
        var id = Assert.Single(await admin.OpeningsOf(fair)).GetProperty("id").GetGuid();
        await using (var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database)))
        {
            // One hire (hiring itself is tested with the applications): one opening is left.
            await db.ExecuteAsync("UPDATE positions SET filled = 1, updated_at = now() WHERE id = @id", new { id });
        }

        Assert.Equal(HttpStatusCode.Created, (await admin.Upload(fair, File(1), "second.csv")).StatusCode);
        var cut = await (await admin.GetAsync($"/api/openings/{id}")).EnsureSuccessStatusCode().ReadJson();
        Assert.Equal(("filled", 0), (cut.GetProperty("status").GetString(), cut.GetProperty("remaining").GetInt32()));
        Assert.Empty(await admin.OpeningsOf(fair));
        Assert.Single(await admin.OpeningsOf(fair, "&openOnly=false"));

        Assert.Equal(HttpStatusCode.Created, (await admin.Upload(fair, File(3), "third.csv")).StatusCode);
        var raised = await (await admin.GetAsync($"/api/openings/{id}")).EnsureSuccessStatusCode().ReadJson();
        Assert.Equal(("open", 2), (raised.GetProperty("status").GetString(), raised.GetProperty("remaining").GetInt32()));
        Assert.Single(await admin.OpeningsOf(fair));
    }
}
