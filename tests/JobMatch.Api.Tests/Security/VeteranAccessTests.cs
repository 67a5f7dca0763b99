using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Matching;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// Who reads a veteran: a recruiter only through a live application with their company (issue 19, finding 3); what the
/// audit log, caches and the other party of an application may hold of a person (findings 9 and 11).
/// </summary>
public sealed class VeteranAccessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string Version = "2026-11";

    [Fact]
    public async Task ARecruiterReadsAVeteranOnlyWhileAnApplicationToTheirCompanyIsLive()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (_, otherCompany) = await api.CompanyWithRecruiter();
        var unlinked = api.ClientFor(Roles.Recruiter, "rec-unlinked-" + Guid.NewGuid().ToString("N")[..6]);
        var veteran = api.Veteran("vet-" + Guid.NewGuid().ToString("N")[..10]);
        var name = VeteranData.NewName();
        // Sharing with recruiters puts the veteran in candidate lists, masked; it opens the profile to no one.
        var id = (await veteran.CreateProfile(VeteranData.Profile(name, VeteranData.NewIdNumber(birth: "19860412"), VeteranData.NewPhone(), share: true)))
            .As<VeteranAnswer>().Id;
        foreach (var stranger in new[] { recruiter, otherCompany, unlinked })
        {
            await (await stranger.GetAsync($"/api/veterans/{id}")).AssertProblem(404);
        }

        var position = await api.PostJob(company, headcount: 2);
        var application = await veteran.Apply(position);
        Assert.Equal(name, (await (await recruiter.GetAsync($"/api/veterans/{id}")).Read<VeteranAnswer>()).Name);
        // A recruiter linked after the application acts for the company now, and reads the live applicant too.
        var later = "rec-later-" + Guid.NewGuid().ToString("N")[..6];
        await api.Admin().LinkRecruiter(company, later);
        var colleague = api.ClientFor(Roles.Recruiter, later);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/api/veterans/{id}")).StatusCode);
        await (await otherCompany.GetAsync($"/api/veterans/{id}")).AssertProblem(404);
        await (await unlinked.GetAsync($"/api/veterans/{id}")).AssertProblem(404);

        await veteran.MoveOk(application, "withdrawn");

        foreach (var reader in new[] { recruiter, colleague })
        {
            await (await reader.GetAsync($"/api/veterans/{id}")).AssertProblem(404);
            // The company keeps its record of the application, without the person.
            var raw = await (await reader.GetAsync($"/api/applications/{application}")).ReadJson();
            var detail = raw.As<ApplicationDetailAnswer>().Application;
            // profileSharedWith is required by the record: there, and null.
            Assert.Equal(("withdrawn", null), (detail.State, detail.ProfileSharedWith));
            Assert.Equal(name[..1] + "***", detail.VeteranName);
            Assert.DoesNotContain(name, raw.GetRawText(), StringComparison.Ordinal);
            using var export = new HttpRequestMessage(HttpMethod.Get, $"/api/openings/{position}/applications");
            export.Headers.Accept.ParseAdd("text/csv");
            var csv = await (await reader.SendAsync(export)).EnsureSuccessStatusCode().Content.ReadAsStringAsync();
            Assert.Contains(name[..1] + "***", csv, StringComparison.Ordinal);
            Assert.DoesNotContain(name, csv, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.OK, (await api.Admin().GetAsync($"/api/veterans/{id}")).StatusCode);
        Assert.Equal(name, (await (await veteran.GetAsync($"/api/applications/{application}")).Read<ApplicationDetailAnswer>())
            .Application.VeteranName);
    }

    [Fact]
    public async Task ARejectedOrDroppedApplicationEndsTheCompanysAccess()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (rejected, rejectedId, _) = await api.Applicant();
        var job = await rejected.Apply(await api.PostJob(company, headcount: 1));
        await recruiter.MoveOk(job, "screening");
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/api/veterans/{rejectedId}")).StatusCode);
        await recruiter.MoveOk(job, "rejected");
        await (await recruiter.GetAsync($"/api/veterans/{rejectedId}")).AssertProblem(404);

        var (_, seat) = await api.OrderClass(company, seats: 2);
        var (trainee, traineeId, _) = await api.Applicant();
        var training = await trainee.Apply(seat);
        await recruiter.MoveOk(training, "enrolled");
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/api/veterans/{traineeId}")).StatusCode);
        await recruiter.MoveOk(training, "dropped");
        await (await recruiter.GetAsync($"/api/veterans/{traineeId}")).AssertProblem(404);
    }

    [Fact]
    public async Task WithdrawingTheSharingConsentEndsAccessThroughALiveApplication()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var position = await api.PostJob(company, headcount: 3);
        // The veteran's own withdrawal, and granting again.
        var (veteran, id, name) = await api.Applicant();
        var application = await veteran.Apply(position);
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/api/veterans/{id}")).StatusCode);
        (await veteran.PutAsJsonAsync("/api/veterans/me/consents/share_with_recruiters", new { granted = false, textVersion = Version })).EnsureSuccessStatusCode();
        await (await recruiter.GetAsync($"/api/veterans/{id}")).AssertProblem(404);
        var list = await (await recruiter.GetAsync($"/api/openings/{position}/applications")).ReadJson();
        Assert.DoesNotContain(name, list.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(name, (await (await recruiter.GetAsync($"/api/applications/{application}")).ReadJson()).ToString(), StringComparison.Ordinal);
        (await veteran.PutAsJsonAsync("/api/veterans/me/consents/share_with_recruiters", new { granted = true, textVersion = Version })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/api/veterans/{id}")).StatusCode);

        // A withdrawal staff record for the veteran in person counts the same.
        var (other, otherId, _) = await api.Applicant();
        await other.Apply(position);
        Assert.Equal(HttpStatusCode.OK, (await recruiter.GetAsync($"/api/veterans/{otherId}")).StatusCode);
        (await api.Admin().PostAsJsonAsync($"/api/veterans/{otherId}/consents/share_with_recruiters/withdrawals", new { note = "本人来电要求撤回" }))
            .EnsureSuccessStatusCode();
        await (await recruiter.GetAsync($"/api/veterans/{otherId}")).AssertProblem(404);
    }

    [Fact]
    public async Task ACandidateWhoseApplicationEndedIsMaskedAgainInTheCandidateList()
    {
        var world = await MatchingData.CreateWorld(api);
        var (veteran, id) = await MatchingData.Driver(api);
        var recruiter = api.Recruiter(world);
        var opening = world.Openings["货车司机"];
        var invitation = (await (await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = id })).Read<Created>())
            .Id;
        (await veteran.PostAsync($"/api/veterans/me/invitations/{invitation}/accept", null)).EnsureSuccessStatusCode();
        Assert.True(Candidate(await Candidates(recruiter, opening), id).Shared);

        var application = (await (await veteran.GetAsync("/api/veterans/me/applications")).Read<PageOf<ApplicationAnswer>>()).Items[0].Id;
        await veteran.MoveOk(application, "withdrawn");

        var shown = Candidate(await Candidates(recruiter, opening), id);
        Assert.False(shown.Shared);
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}\*+$", shown.DisplayName);
        Assert.Null(shown.Phone); // required by the record: there, and null
    }

    [Fact]
    public async Task EachPartyOfAnApplicationSeesTheOtherAsARoleAndOnlyStaffSeeSubjects()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var recruiterSubject = (await (await recruiter.GetAsync("/api/me")).Read<MeAnswer>()).Subject;
        var veteranSubject = "vet-" + Guid.NewGuid().ToString("N")[..10];
        var (veteran, _, _) = await api.Applicant(veteranSubject);
        var application = await veteran.Apply(await api.PostJob(company, headcount: 1));
        await recruiter.MoveOk(application, "screening");
        await api.Admin("admin-history").MoveOk(application, "interview");

        foreach (var (reader, hidden) in new[] { (veteran, recruiterSubject), (recruiter, veteranSubject) })
        {
            var detail = await (await reader.GetAsync($"/api/applications/{application}")).ReadJson();
            Assert.DoesNotContain(hidden, detail.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("admin-history", detail.ToString(), StringComparison.Ordinal);
            Assert.Equal(["veteran", "recruiter", "bureau"], Actors(detail));
        }
        var moved = await veteran.MoveOk(application, "withdrawn");
        Assert.DoesNotContain(recruiterSubject, moved.ToString(), StringComparison.Ordinal);
        var staff = await (await api.Admin().GetAsync($"/api/applications/{application}")).ReadJson();
        Assert.Equal([veteranSubject, recruiterSubject, "admin-history", veteranSubject], Actors(staff));
    }

    [Fact]
    public async Task AnUnmaskReasonQuotingAnIdNumberOrPhoneInAnyWritingIsRefusedAndNotAudited()
    {
        var phone = VeteranData.NewPhone();
        var id = await ProfileWith(phone);
        var admin = api.Admin("admin-reason");
        var someoneElse = VeteranData.NewIdNumber(birth: "19770907");
        var fullWidth = string.Concat(someoneElse.Select(c => char.IsDigit(c) ? (char)(c + 0xFEE0) : c));
        foreach (var reason in new[]
        {
            "核对 1 3 8 0 0 1 3 8 0 0 0 的来电",
            "回电 " + string.Join(' ', phone.ToCharArray()),
            $"核对身份证 {someoneElse[..6]} {someoneElse[6..14]} {someoneElse[14..]}",
            $"核对身份证{fullWidth}",
            $"核对 {someoneElse[..6]}-{someoneElse[6..10]}.{someoneElse[10..]}",
        })
        {
            var problem = await (await admin.PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason })).AssertProblem(400);
            Assert.Contains("reason", problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
        var audit = await (await admin.GetAsync($"/api/audit?action=veteran.unmasked&objectId={id}")).Read<PageOf<AuditEntryAnswer>>();
        Assert.Equal(0, audit.Total);
        var note = await (await admin.PostAsJsonAsync($"/api/veterans/{id}/consents/automated_matching/withdrawals",
            new { note = "来电 " + string.Join('-', phone.Chunk(4).Select(part => new string(part))) })).AssertProblem(400);
        Assert.Contains("note", note.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        // A date or a case number of a few digits is a reason, not a person.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason = "2023 年第 15 号安置材料核对" })).StatusCode);
    }

    [Fact]
    public async Task AnswersCarryingPersonalDataAreNeverStoredByACache()
    {
        var (veteran, id, _) = await api.Applicant();
        var (company, recruiter) = await api.CompanyWithRecruiter();
        await veteran.Apply(await api.PostJob(company, headcount: 1));
        var admin = api.Admin();
        using var unmask = new HttpRequestMessage(HttpMethod.Post, $"/api/veterans/{id}/unmask") { Content = JsonContent.Create(new { reason = "核对退役安置材料" }) };
        unmask.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var again = new HttpRequestMessage(HttpMethod.Post, unmask.RequestUri) { Content = JsonContent.Create(new { reason = "核对退役安置材料" }) };
        again.Headers.Add("Idempotency-Key", unmask.Headers.GetValues("Idempotency-Key").Single());

        var answers = new[]
        {
            await veteran.GetAsync("/api/veterans/me/export"), await admin.SendAsync(unmask), await admin.SendAsync(again),
            await veteran.GetAsync("/api/veterans/me"), await recruiter.GetAsync($"/api/veterans/{id}"),
        };
        Assert.True(answers[2].Headers.Contains("Idempotent-Replayed"));
        foreach (var response in answers)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri}: Cache-Control {response.Headers.CacheControl}");
        }
    }

    async Task<Guid> ProfileWith(string phone) =>
        (await api.Veteran("vet-" + Guid.NewGuid().ToString("N")[..10])
            .CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19810623"), phone))).As<VeteranAnswer>().Id;

    static string[] Actors(JsonElement detail) => [.. detail.As<ApplicationDetailAnswer>().History.Select(e => e.Actor)];

    static async Task<IReadOnlyList<CandidateAnswer>> Candidates(HttpClient recruiter, Guid opening) =>
        (await (await recruiter.GetAsync($"/api/openings/{opening}/candidates?limit=50")).EnsureSuccessStatusCode().Read<CandidatesAnswer>())
            .Items;

    static CandidateAnswer Candidate(IReadOnlyList<CandidateAnswer> list, Guid id) => Assert.Single(list, c => c.CandidateId == id);
}
