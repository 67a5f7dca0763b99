using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Veterans;

public sealed class VeteranRightsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task IdNumbersAreNeverStoredInClearText()
    {
        var idNumber = VeteranData.NewIdNumber();
        var veteran = api.Veteran("vet-clear");
        veteran.DefaultRequestHeaders.Add("Idempotency-Key", "clear-" + Guid.NewGuid());
        await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone()));

        Assert.Empty(await PersonalDataScan.FindAsync(api, idNumber));
    }

    [Fact]
    public async Task DeletionLeavesNoNameIdNumberOrPhoneInAnyColumnOfAnyTable()
    {
        var (name, idNumber, phone) = (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());
        var veteran = api.Veteran("vet-delete");
        veteran.DefaultRequestHeaders.Add("Idempotency-Key", "create-" + Guid.NewGuid());
        var id = (await veteran.CreateProfile(VeteranData.Profile(name, idNumber, phone, share: true))).As<VeteranAnswer>().Id;
        veteran.DefaultRequestHeaders.Remove("Idempotency-Key");
        // Touch every path that might copy the person somewhere: edits, consents, export, admin and recruiter reads, an unmasking.
        var edit = await veteran.PutAsJsonAsync("/api/veterans/me", Without(JsonSerializer.SerializeToElement(VeteranData.Profile(name, idNumber, phone)), "consents"));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        await veteran.PutAsJsonAsync("/api/veterans/me/consents/automated_matching", new { granted = false, textVersion = "2026-11" });
        await veteran.GetAsync("/api/veterans/me/export");
        var admin = api.Admin("admin-delete");
        admin.DefaultRequestHeaders.Add("Idempotency-Key", "unmask-" + Guid.NewGuid());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason = "核对安置材料" })).StatusCode);
        await admin.GetAsync($"/api/veterans?q={Uri.EscapeDataString(name)}");
        await api.ClientFor(Roles.Recruiter, "recruiter-delete").GetAsync($"/api/veterans/{id}");
        Assert.NotEmpty(await PersonalDataScan.FindAsync(api, name, phone));

        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync("/api/veterans/me")).StatusCode);

        Assert.Empty(await PersonalDataScan.FindAsync(api, name, idNumber, phone));
        await using (var db = new Npgsql.NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database)))
        {
            await db.OpenAsync();
            await using var count = new Npgsql.NpgsqlCommand("SELECT coalesce(sum(deleted), 0) FROM veteran_deletions WHERE home_district = '340403' AND branch = 'army'", db);
            Assert.True((long)(await count.ExecuteScalarAsync())! >= 1, "the deletion is counted anonymously");
        }
        await (await veteran.GetAsync("/api/veterans/me")).AssertProblem(404);
        await (await admin.GetAsync($"/api/veterans/{id}")).AssertProblem(404);
        var audit = await (await admin.GetAsync($"/api/audit?action=veteran.deleted&objectId={id}")).Read<PageOf<AuditEntryAnswer>>();
        Assert.Single(audit.Items);
    }

    [Fact]
    public async Task ExportHoldsTheProfileInClearWithTheConsentHistoryAndWhoProcessedIt()
    {
        var (idNumber, phone) = (VeteranData.NewIdNumber(), VeteranData.NewPhone());
        var veteran = api.Veteran("vet-export");
        var id = (await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, phone))).As<VeteranAnswer>().Id;
        await api.Admin().PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason = "复核档案" });

        var export = await (await veteran.GetAsync("/api/veterans/me/export")).Read<VeteranExportAnswer>();

        Assert.Equal(idNumber, export.Profile.IdNumber);
        Assert.Equal(phone, export.Profile.Phone);
        Assert.Equal(3, export.ConsentHistory.Count);
        Assert.Contains(export.Processing, p => p.Action == "veteran.unmasked");
    }

    [Fact]
    public async Task WithdrawingSensitiveDataConsentErasesIdNumberAndServiceAtOnceAndKeepsTheHistory()
    {
        var idNumber = VeteranData.NewIdNumber();
        var veteran = api.Veteran("vet-withdraw");
        await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone()));

        var consents = await (await veteran.PutAsJsonAsync("/api/veterans/me/consents/sensitive_data", new { granted = false, textVersion = "2026-11" })).Read<ConsentOverviewAnswer>();

        var raw = await (await veteran.GetAsync("/api/veterans/me")).ReadJson();
        var profile = raw.As<VeteranAnswer>();
        // Erased, not left out: the record requires each field, so each is there, and null.
        Assert.Null(profile.IdNumber);
        Assert.Null(profile.BirthDate);
        Assert.Null(profile.Service.Branch);
        Assert.DoesNotContain(idNumber, raw.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(profile.Skills, s => s.Source == "inferred");
        Assert.Empty((await (await api.Admin().GetAsync($"/api/veterans?idNumber={idNumber}")).Read<PageOf<VeteranSummaryAnswer>>()).Items);
        var sensitive = consents.History.Where(c => c.Kind == "sensitive_data").ToList();
        Assert.Equal([true, false], sensitive.Select(c => c.Granted));

        var again = await veteran.PutAsJsonAsync("/api/veterans/me", new { name = "再次", idNumber });
        var problem = await again.AssertProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty("consents", out _));
    }

    [Fact]
    public async Task ConsentsNeedAKnownKindAndTheTextVersionInForce()
    {
        var veteran = api.Veteran("vet-consent-version");
        await veteran.CreateProfile(new { name = "无敏感信息" });

        var oldText = await (await veteran.PutAsJsonAsync("/api/veterans/me/consents/automated_matching", new { granted = true, textVersion = "2020-01" })).AssertProblem(400);
        Assert.True(oldText.GetProperty("errors").TryGetProperty("textVersion", out _));
        var unknown = await (await veteran.PutAsJsonAsync("/api/veterans/me/consents/sell_my_data", new { granted = true, textVersion = "2026-11" })).AssertProblem(400);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("kind", out _));
        var noConsent = await (await api.Veteran("vet-no-consent").PostAsJsonAsync("/api/veterans/me", new { name = "缺同意", idNumber = VeteranData.NewIdNumber() })).AssertProblem(400);
        Assert.True(noConsent.GetProperty("errors").TryGetProperty("consents", out _));
    }

    [Fact]
    public async Task SpecialtyAddsInferredSkillsThatTheVeteranCanRemoveForGood()
    {
        var veteran = api.Veteran("vet-inferred");
        var created = await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone(),
            specialties: ["汽车驾驶员（四级军士长）"], skills: ["叉車司機、ｆｏｒｋｌｉｆｔ", "无人机表演"]));
        var skills = created.As<VeteranAnswer>().Skills;
        var truck = Assert.Single(skills, s => s.SkillId == "drive_truck");
        Assert.Equal("inferred", truck.Source);
        Assert.Equal("most duties", truck.MatchType);
        Assert.Single(skills, s => s.SkillId == "forklift" && s.Source == "stated");
        Assert.Single(skills, s => s.Label == "无人机表演" && s.SkillId is null);

        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync($"/api/veterans/me/skills/{Uri.EscapeDataString(truck.Label)}")).StatusCode);
        var body = JsonSerializer.SerializeToElement(VeteranData.Profile("同一人", VeteranData.NewIdNumber(), VeteranData.NewPhone(), specialties: ["汽车驾驶员"]));
        var updated = await (await veteran.PutAsJsonAsync("/api/veterans/me", Without(body, "consents"))).Read<VeteranAnswer>();
        Assert.DoesNotContain(updated.Skills, s => s.SkillId == "drive_truck");
        Assert.Contains(updated.Skills, s => s.SkillId == "drive_car");
    }

    static Dictionary<string, JsonElement> Without(JsonElement body, string member) =>
        body.EnumerateObject().Where(p => p.Name != member).ToDictionary(p => p.Name, p => p.Value);
}
