using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Privacy;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Veterans.Roster;

/// <summary>Consents from the bureau's signed registration form, carried by the roster and recorded by staff.</summary>
public sealed class VeteranRosterConsentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Version = "2026-11";
    const string Header = Rosters.Header + ",同意推荐给用人单位（是/否）,同意智能匹配";

    static (string Name, string IdNumber, string Phone) Person() =>
        (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());

    static string Line(int number, (string Name, string IdNumber, string Phone) p, string share, string matching) =>
        Rosters.Line(number, p.Name, p.IdNumber, p.Phone) + $",{share},{matching}";

    static ConsentAnswer Kind(IReadOnlyList<ConsentAnswer> consents, string kind) => consents.Single(c => c.Kind == kind);

    static (bool Granted, string? Method, string? RecordedBy) How(ConsentAnswer consent) =>
        (consent.Granted, consent.Method, consent.RecordedBy);

    async Task<RosterBatchAnswer> Upload(byte[] file, string? version = Version, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await api.Admin().UploadRoster(file, "signed.csv", consentTextVersion: version);
        Assert.Equal(expected, response.StatusCode);
        return await response.Read<RosterBatchAnswer>();
    }

    async Task<Guid> IdOf(string idNumber) => (await api.Admin().ProfileByIdNumber(idNumber))!.Id;

    async Task<IReadOnlyList<AuditEntryAnswer>> Audit(string action, Guid veteranId) =>
        (await (await api.Admin().GetAsync($"/api/audit?action={action}&objectId={veteranId}")).Read<PageOf<AuditEntryAnswer>>()).Items;

    async Task<IReadOnlyList<ConsentAnswer>> ConsentsOf(string idNumber) => (await api.Admin().ProfileByIdNumber(idNumber))!.Consents;

    async Task<List<ReportLineAnswer>> Report(RosterBatchAnswer batch, string severity) =>
        [.. (await api.Admin().Errors(batch.Id)).Select(e => e.As<ReportLineAnswer>()).Where(e => e.Severity == severity)];

    [Fact]
    public async Task ARosterWithConsentColumnsAndASignedFormVersionRecordsConsentsByStaff()
    {
        var (person, other) = (Person(), Person());
        var file = Rosters.GbkCsv(Rosters.Title, Header, Line(1, person, "是", "同意"), Line(2, other, "N", "×"));

        var batch = await Upload(file);

        var batchId = batch.Id;
        Assert.Equal(Version, batch.ConsentTextVersion);
        var id = await IdOf(person.IdNumber);
        var profile = await ConsentsOf(person.IdNumber);
        foreach (var kind in new[] { "share_with_recruiters", "automated_matching" })
        {
            var consent = Kind(profile, kind);
            Assert.Equal((true, "signed_form", "admin-1"), How(consent));
            Assert.Equal(Version, consent.TextVersion);
            Assert.Equal(batchId, consent.ImportBatchId);
        }
        Assert.Equal((false, "signed_form", "admin-1"), How(Kind(await ConsentsOf(other.IdNumber), "automated_matching")));
        var audit = await Audit("veteran.consent_recorded_from_form", id);
        Assert.Equal(2, audit.Count);
        var details = JsonDocument.Parse(audit[0].Details).RootElement.As<FormConsentDetails>();
        Assert.Equal((batchId, Version, true), (details.BatchId, details.TextVersion, details.Granted));
        // Another file with the same answers adds no rows; the same file again is the earlier batch.
        await Upload(Rosters.GbkCsv(Header, Line(1, other, "N", "×"), Line(2, person, "是", "是")));
        var replayed = await api.Admin().UploadRoster(file, "signed.csv", consentTextVersion: Version);
        Assert.Equal("true", replayed.Headers.GetValues("Import-Replayed").Single());

        var veteran = api.Veteran("vet-form-consents");
        var claimed = await (await veteran.Claim(person.IdNumber, person.Name, await api.Admin().ClaimCodeFor(person.IdNumber)))
            .Read<VeteranAnswer>();

        Assert.Equal((true, "signed_form", "admin-1"), How(Kind(claimed.Consents, "share_with_recruiters")));
        var history = (await (await veteran.GetAsync("/api/veterans/me/consents")).Read<ConsentOverviewAnswer>()).History
            .Where(c => c.Method == "signed_form").ToList();
        Assert.Equal(2, history.Count);
        Assert.All(history, c => Assert.Equal(batchId, c.ImportBatchId));
        var withdrawn = await veteran.PutAsJsonAsync("/api/veterans/me/consents/share_with_recruiters", new { granted = false, textVersion = Version });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var current = (await (await veteran.GetAsync("/api/veterans/me/consents")).Read<ConsentOverviewAnswer>()).Current;
        Assert.Equal((false, "self", null), How(Kind(current, "share_with_recruiters")));
        Assert.Equal((true, "signed_form", "admin-1"), How(Kind(current, "automated_matching")));
    }

    [Fact]
    public async Task WithoutAConsentTextVersionTheConsentColumnsAreReportedAsIgnored()
    {
        var person = Person();
        var file = Rosters.GbkCsv(Header, Line(1, person, "是", "也许"));

        var batch = await Upload(file, version: null);

        Assert.Equal(0, batch.Counts.RowsRejected);
        Assert.Null(batch.ConsentTextVersion);
        var lines = await Report(batch, "warning");
        Assert.Equal(["同意推荐给用人单位（是/否）", "同意智能匹配"], lines.Select(l => l.Column));
        Assert.All(lines, l => Assert.Contains("consentTextVersion", l.Problem, StringComparison.Ordinal));
        var consent = Assert.Single(await ConsentsOf(person.IdNumber));
        Assert.Equal("sensitive_data", consent.Kind);
    }

    [Fact]
    public async Task TheSameFileSentAgainWithAVersionHasItsConsentsRecorded()
    {
        var person = Person();
        var file = Rosters.GbkCsv(Header, Line(1, person, "是", "是"));
        await Upload(file, version: null);

        var batch = await Upload(file);

        Assert.Equal(1, batch.Counts.VeteransUnchanged);
        Assert.Equal((true, "signed_form", "admin-1"), How(Kind(await ConsentsOf(person.IdNumber), "automated_matching")));
    }

    [Fact]
    public async Task AnUnknownConsentTextVersionIsRefusedNamingTheKnownOnes()
    {
        var file = Rosters.GbkCsv(Header, Line(1, Person(), "是", "是"));

        var response = await api.Admin().UploadRoster(file, "signed.csv", consentTextVersion: "2019-01");

        var problem = await response.AssertProblem(400);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty("consentTextVersion").EnumerateArray()).GetString();
        Assert.Contains("2019-01", message, StringComparison.Ordinal);
        Assert.Contains(Version, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableConsentAnswerRejectsTheRowNamingTheColumnAndTheAcceptedValues()
    {
        var (person, other) = (Person(), Person());

        var batch = await Upload(Rosters.GbkCsv(Header, Line(1, person, "是", "也许"), Line(2, other, "yes", "1")));

        Assert.Equal((1, 1), (batch.Counts.RowsRejected, batch.Counts.VeteransCreated));
        var line = Assert.Single(await Report(batch, "rejected"));
        Assert.Equal((2, "同意智能匹配", "也许"), (line.RowNumber, line.Column, line.Value));
        Assert.Contains("是/否", line.Problem, StringComparison.Ordinal);
        Assert.Null(await api.Admin().ProfileByIdNumber(person.IdNumber));
    }

    [Fact]
    public async Task StaffRecordAWithdrawalAskedForInPerson()
    {
        var person = Person();
        await Upload(Rosters.GbkCsv(Header, Line(1, person, "是", "是")));
        var id = await IdOf(person.IdNumber);
        var staff = api.Admin("admin-desk");

        var response = await staff.PostAsJsonAsync($"/api/veterans/{id}/consents/automated_matching/withdrawals",
            new { note = "本人到服务中心要求撤回" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var overview = await response.Read<ConsentOverviewAnswer>();
        Assert.Equal((false, "in_person", "admin-desk"), How(Kind(overview.Current, "automated_matching")));
        Assert.Equal((true, "signed_form", "admin-1"), How(Kind(overview.Current, "share_with_recruiters")));
        Assert.Equal(["signed_form", "in_person"], overview.History.Where(c => c.Kind == "automated_matching").Select(c => c.Method));
        var entry = Assert.Single(await Audit("veteran.consent_withdrawn_in_person", id));
        Assert.Equal("admin-desk", entry.Actor);
        var matches = await (await api.Admin().GetAsync($"/api/veterans/{id}/matches?limit=20")).Read<MatchesAnswer>();
        Assert.False(matches.Ranked);
        var stranger = Guid.CreateVersion7();
        await (await staff.PostAsJsonAsync($"/api/veterans/{stranger}/consents/automated_matching/withdrawals", new { })).AssertProblem(404);
        var unknown = await (await staff.PostAsJsonAsync($"/api/veterans/{id}/consents/marketing/withdrawals", new { })).AssertProblem(400);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("kind", out _));
        var quoting = await (await staff.PostAsJsonAsync($"/api/veterans/{id}/consents/share_with_recruiters/withdrawals",
            new { note = person.Name + "来电" })).AssertProblem(400);
        Assert.True(quoting.GetProperty("errors").TryGetProperty("note", out _));
    }

    [Fact]
    public async Task ARosterVeteranWithAutomatedMatchingGrantedFromTheFormIsRankedForAnAdmin()
    {
        var (granted, declined) = (Person(), Person());
        await Upload(Rosters.GbkCsv(Header, Line(1, granted, "是", "是"), Line(2, declined, "是", "否")));

        var ranked = await (await api.Admin().GetAsync($"/api/veterans/{await IdOf(granted.IdNumber)}/matches?limit=20"))
            .Read<MatchesAnswer>();
        var plain = await (await api.Admin().GetAsync($"/api/veterans/{await IdOf(declined.IdNumber)}/matches?limit=20"))
            .Read<MatchesAnswer>();

        Assert.True(ranked.Ranked);
        Assert.False(plain.Ranked);
    }

    [Fact]
    public async Task AFormNeverOverridesAnAnswerTheVeteranGaveThemselves()
    {
        var person = Person();
        await Upload(Rosters.GbkCsv(Header, Line(1, person, "是", "是")));
        var veteran = api.Veteran("vet-form-override");
        await veteran.Claim(person.IdNumber, person.Name, await api.Admin().ClaimCodeFor(person.IdNumber));
        await veteran.PutAsJsonAsync("/api/veterans/me/consents/automated_matching", new { granted = false, textVersion = Version });

        // A later roster still says yes to matching, and now no to sharing (which only the form had answered).
        var batch = await Upload(Rosters.GbkCsv(Header, Line(1, Person(), "否", "否"), Line(2, person, "否", "是")));

        var current = (await (await veteran.GetAsync("/api/veterans/me/consents")).Read<ConsentOverviewAnswer>()).Current;
        Assert.Equal((false, "self", null), How(Kind(current, "automated_matching")));
        Assert.Equal((false, "signed_form", "admin-1"), How(Kind(current, "share_with_recruiters")));
        var kept = Assert.Single(await Report(batch, "warning"));
        Assert.Equal((3, "同意智能匹配"), (kept.RowNumber, kept.Column));
    }

    [Fact]
    public async Task TheBureausBasisForARosterProfileIsShownAsItsStatutoryDutyNotAsAConsentTheVeteranGave()
    {
        var person = Person();

        var batch = await Upload(Rosters.GbkCsv(Rosters.Title, Header, Line(1, person, "", "")), version: null);

        var basis = Kind(await ConsentsOf(person.IdNumber), "sensitive_data");
        Assert.Equal((true, "statutory_duty", "admin-1"), How(basis));
        Assert.Equal(("roster-2026", batch.Id), (basis.TextVersion, basis.ImportBatchId));
    }
}
