using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Matching;
using JobMatch.Api.Tests.Mentoring;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// What the bureau must be able to answer afterwards — who unmasked, exported, deleted, assigned, imported, reverted or
/// promoted what, and when — is in the audit log, by opaque ids only. (That the service cannot rewrite it: AuditLogTests.)
/// </summary>
public sealed class AuditTrailTests(SmallTrainingFactory api) : IClassFixture<SmallTrainingFactory>
{
    readonly string adminSubject = "auditor-" + Guid.NewGuid().ToString("N")[..8];

    HttpClient Admin => api.Admin(adminSubject);

    async Task<List<AuditEntryAnswer>> Entries(string query) => [.. (await RawEntries(query)).Select(entry => entry.As<AuditEntryAnswer>())];

    /// <summary>The entries as written, for the checks of what they must not hold.</summary>
    async Task<List<JsonElement>> RawEntries(string query)
    {
        var response = await api.Admin().GetAsync("/api/audit?limit=100&" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await response.ReadJson();
        return [.. page.As<PageOf<JsonElement>>().Items];
    }

    async Task<AuditEntryAnswer> One(string action, Guid? objectId, string actor)
    {
        var entries = await Entries($"action={action}&actor={actor}" + (objectId is { } id ? $"&objectId={id}" : ""));
        Assert.True(entries.Count > 0, $"no {action} entry by {actor} for {objectId}");
        return entries[0];
    }

    static HttpRequestMessage Csv(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/csv");
        return request;
    }

    [Fact]
    public async Task UnmaskingTheOwnersExportAndCsvDownloadsAreRecordedWithoutThePersonsData()
    {
        var subject = "vet-" + Guid.NewGuid().ToString("N")[..8];
        var (veteran, veteranId, name) = await api.Applicant(subject);
        var profile = (await (await veteran.GetAsync("/api/veterans/me/export")).Read<VeteranExportAnswer>()).Profile;
        var (idNumber, phone) = (profile.IdNumber!, profile.Phone!);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync($"/api/veterans/{veteranId}/unmask", new { reason = "核对身份" })).StatusCode);
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var opening = await api.PostJob(company, headcount: 2);
        await veteran.Apply(opening);

        Assert.Equal(HttpStatusCode.OK, (await Admin.SendAsync(Csv($"/api/veterans?q={Uri.EscapeDataString(name)}"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await recruiter.SendAsync(Csv($"/api/openings/{opening}/applications"))).StatusCode);

        Assert.Contains("核对身份", (await One("veteran.unmasked", veteranId, adminSubject)).Details, StringComparison.Ordinal);
        Assert.Equal("veteran", (await One("veteran.exported", veteranId, subject)).ActorRole);
        var search = await One("export.csv", null, adminSubject);
        Assert.Contains("/api/veterans", search.Details, StringComparison.Ordinal);
        var recruiterSubject = (await (await recruiter.GetAsync("/api/me")).Read<MeAnswer>()).Subject;
        var applicants = await One("export.csv", opening, recruiterSubject);
        using (var details = JsonDocument.Parse(applicants.Details))
        {
            var csv = details.RootElement.As<CsvExportDetails>();
            Assert.Equal(1, csv.Rows);
            Assert.Equal("/api/openings/{id:guid}/applications", csv.Route);
        }

        var everything = string.Join("\n", (await RawEntries($"objectId={veteranId}")).Concat(await RawEntries($"actor={adminSubject}"))
            .Select(entry => entry.GetRawText()));
        foreach (var personal in new[] { name, idNumber, phone })
        {
            Assert.DoesNotContain(personal, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeletionsAreRecorded()
    {
        var subject = "vet-" + Guid.NewGuid().ToString("N")[..8];
        var (veteran, veteranId, _) = await api.Applicant(subject);
        Assert.Equal(HttpStatusCode.NoContent, (await veteran.DeleteAsync("/api/veterans/me")).StatusCode);
        await One("veteran.deleted", veteranId, subject);

        var company = await Admin.CreateCompany();
        var opening = await api.PostJob(company, headcount: 1);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/openings/{opening}")).StatusCode);
        await One("opening.closed", opening, adminSubject);
        await Admin.LinkRecruiter(company, "leaving-recruiter");
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/companies/{company}/recruiters/leaving-recruiter")).StatusCode);
        await One("company.recruiter_unlinked", company, adminSubject);
    }

    [Fact]
    public async Task AssignmentsByHandAndByPlanAndTheirEndAreRecordedPerEnterprise()
    {
        var mentor = await Admin.CreateMentor(capacity: 5);
        var byHand = await Admin.CreateEnterprise();
        var assignment = await Admin.AssignOk(mentor, byHand);
        await One("mentoring.assigned", byHand, adminSubject);

        var planned = await Admin.CreateEnterprise();
        var accepted = await Admin.PostAsJsonAsync("/api/assignments/plan/accept", new { items = new[] { new { mentorId = mentor, enterpriseId = planned } }, reason = "方案" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Contains(mentor.ToString(), (await One("mentoring.assigned", planned, adminSubject)).Details, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync($"/api/assignments/{assignment}/end", new { reason = "结束" })).StatusCode);
        await One("mentoring.assignment_ended", byHand, adminSubject);
    }

    [Fact]
    public async Task ImportsRevertsAndPlacementImportsAreRecorded()
    {
        var fair = await Admin.CreateFair();
        var company = await Admin.CreateCompany();
        var name = (await (await Admin.GetAsync($"/api/companies/{company}")).Read<CompanyAnswer>()).Name;
        var upload = await Admin.Upload(fair, Listings.Csv("单位名称,岗位名称,招聘人数", $"{name},保安,3"), "audit.csv");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var batch = (await upload.Read<ImportAnswer>()).Id;
        await One("import.completed", batch, adminSubject);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/imports/{batch}")).StatusCode);
        await One("import.reverted", batch, adminSubject);

        var roster = await Admin.UploadRoster(Rosters.GbkCsv(Rosters.Header,
            Rosters.Line(1, VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19870101"), VeteranData.NewPhone())), "roster.csv");
        Assert.Equal(HttpStatusCode.Created, roster.StatusCode);
        await One("roster.imported", (await roster.Read<RosterBatchAnswer>()).Id, adminSubject);

        var form = new MultipartFormDataContent { { new ByteArrayContent(Listings.Csv("身份证号,单位名称,岗位名称,日期,结果",
            $"{VeteranData.NewIdNumber(birth: "19870102")},{name},保安,2024-03-01,录用")), "file", "placements.csv" } };
        Assert.True((await Admin.PostAsync("/api/placements/imports", form)).IsSuccessStatusCode);
        await One("placements.imported", null, adminSubject);
    }

    [Fact]
    public async Task PromotionsByTheRuleAndByHandAreRecorded()
    {
        var model = (await Admin.TrainAndWait()).As<RankingModelAnswer>();
        var id = model.Id;
        Assert.Equal("promoted", model.Status);
        var automatic = await One("model.promoted", id, adminSubject);
        Assert.Equal("system", automatic.ActorRole);

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsJsonAsync($"/api/models/{id}/promote", new { reason = "再次确认" })).StatusCode);
        var entries = await Entries($"action=model.promoted&objectId={id}&actor={adminSubject}");
        Assert.Equal(["admin", "system"], entries.Select(entry => entry.ActorRole));
        await One("model.training_requested", id, adminSubject);
    }

    [Fact]
    public async Task AdminFiltersTheLogByActorActionObjectTypeObjectAndTimeAndPagesIt()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var companies = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            companies.Add(await Admin.CreateCompany());
        }
        await Admin.LinkRecruiter(companies[0], "filter-recruiter");

        Assert.Equal(4, (await Entries($"actor={adminSubject}")).Count);
        Assert.Equal(3, (await Entries($"actor={adminSubject}&action=company.created")).Count);
        Assert.Equal(4, (await Entries($"actor={adminSubject}&objectType=company")).Count);
        Assert.Empty(await Entries($"actor={adminSubject}&objectType=veteran"));
        Assert.Equal(2, (await Entries($"objectId={companies[0]}")).Count);
        Assert.Equal(4, (await Entries($"actor={adminSubject}&from={before:O}")).Count);
        Assert.Empty(await Entries($"actor={adminSubject}&to={before:O}"));
        Assert.Empty(await Entries($"actor={adminSubject}&from={DateTime.UtcNow.AddMinutes(5):O}"));

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await api.Admin().GetAsync($"/api/audit?actor={adminSubject}&limit=1" + (cursor is null ? "" : $"&cursor={cursor}"))).Read<PageOf<AuditEntryAnswer>>();
            Assert.Equal(4, page.Total);
            seen.AddRange(page.Items.Select(entry => entry.Id.ToString()));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(4, seen.Distinct().Count());
        await (await api.Admin().GetAsync("/api/audit?cursor=made-up")).AssertProblem(400);
    }
}
