using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests;

public sealed class VeteranRosterClaimTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    async Task<(string Name, string IdNumber, string Phone)> Imported()
    {
        var (name, idNumber, phone) = (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());
        var response = await api.Admin().UploadRoster(Rosters.GbkCsv(Rosters.Title, Rosters.Header, Rosters.Line(1, name, idNumber, phone)), "roster.csv");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (name, idNumber, phone);
    }

    [Fact]
    public async Task AnImportedProfileIsClaimedByTheVeteranWhoseIdNumberAndNameMatchItAndByNoOneElse()
    {
        var (name, idNumber, _) = await Imported();
        var impostor = api.Veteran("vet-claim-impostor");
        await (await impostor.Claim(idNumber, VeteranData.NewName())).AssertProblem(404);
        await (await impostor.Claim(VeteranData.NewIdNumber(), name)).AssertProblem(404);
        var invalid = await (await impostor.Claim(idNumber[..17] + (idNumber[17] == '0' ? '1' : '0'), name)).AssertProblem(400);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("idNumber", out _));

        var veteran = api.Veteran("vet-claim-owner");
        var response = await veteran.Claim(idNumber, name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await (await veteran.GetAsync("/api/veterans/me")).ReadJson();
        Assert.Equal((await response.ReadJson()).GetProperty("id").GetGuid(), me.GetProperty("id").GetGuid());
        Assert.Equal(name, me.GetProperty("name").GetString());
        await (await api.Veteran("vet-claim-late").Claim(idNumber, name)).AssertProblem(404);
        await (await impostor.GetAsync("/api/veterans/me")).AssertProblem(404);
        // Claiming gives the veteran their rights; sharing and matching still wait for their own answer.
        Assert.Equal(HttpStatusCode.OK, (await veteran.PutAsJsonAsync("/api/veterans/me/consents/share_with_recruiters",
            new { granted = true, textVersion = "2026-11" })).StatusCode);
        var audit = await (await api.Admin().GetAsync($"/api/audit?action=veteran.claimed&objectId={me.GetProperty("id").GetGuid()}")).ReadJson();
        Assert.Single(audit.GetProperty("items").EnumerateArray());
        var processing = (await (await veteran.GetAsync("/api/veterans/me/export")).ReadJson()).GetProperty("processing").EnumerateArray()
            .Select(p => (p.GetProperty("action").GetString(), p.GetProperty("actorRole").GetString())).ToList();
        Assert.Equal([("veteran.imported", "admin"), ("veteran.claimed", "veteran"), ("veteran.consent_granted", "veteran")], processing);
    }

    [Fact]
    public async Task AVeteranWithAProfileCannotClaimAnother()
    {
        var (name, idNumber, _) = await Imported();
        var veteran = api.Veteran("vet-claim-has-one");
        await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone()));

        await (await veteran.Claim(idNumber, name)).AssertProblem(409);
    }

    [Fact]
    public async Task DemoVeteransWithoutALoginCannotBeClaimed()
    {
        await using var db = new Npgsql.NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        await db.OpenAsync();
        // A profile no roster created (as the synthetic demo veterans): subject null, created_batch_id null.
        var (name, idNumber, phone) = (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());
        var veteran = api.Veteran("vet-claim-demo-source");
        await veteran.CreateProfile(VeteranData.Profile(name, idNumber, phone));
        await using (var detach = new Npgsql.NpgsqlCommand("UPDATE veterans SET subject = NULL WHERE subject = 'vet-claim-demo-source'", db))
        {
            Assert.Equal(1, await detach.ExecuteNonQueryAsync());
        }

        await (await api.Veteran("vet-claim-demo").Claim(idNumber, name)).AssertProblem(404);
    }

    [Fact]
    public async Task AfterImportClaimAndDeletionNoColumnOfAnyTableHoldsTheName_IdNumberOrPhone()
    {
        var (name, idNumber, phone) = (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());
        var admin = api.Admin();
        admin.DefaultRequestHeaders.Add("Idempotency-Key", "roster-" + Guid.NewGuid());
        // A first file with an error on this person's row, then a corrected one: both reports stay after the deletion.
        await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone, branch: "民兵")), "v1.csv");
        admin.DefaultRequestHeaders.Remove("Idempotency-Key");
        await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone)), "v2.csv");
        await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, VeteranData.NewPhone())), "v3.csv");
        var veteran = api.Veteran("vet-claim-delete");
        veteran.DefaultRequestHeaders.Add("Idempotency-Key", "claim-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await veteran.Claim(idNumber, name)).StatusCode);
        veteran.DefaultRequestHeaders.Remove("Idempotency-Key");
        await veteran.GetAsync("/api/veterans/me/export");
        Assert.NotEmpty(await PersonalDataScan.FindAsync(api, name));

        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync("/api/veterans/me")).StatusCode);

        Assert.Empty(await PersonalDataScan.FindAsync(api, name, idNumber, phone));
    }
}
