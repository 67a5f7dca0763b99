using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Applications;

/// <summary>
/// Issue 22, contact once the veteran chose the company: applying (or accepting an invitation) with the phone consent lets
/// that company's recruiters read the phone on that application while it is live, each reveal audited; no one else.
/// </summary>
public sealed class PhoneSharingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    const string PhoneVersion = "2026-12";

    static object Share(string version = PhoneVersion) => new { sharePhone = true, textVersion = version };

    static async Task<(HttpClient Client, Guid Id, string Phone)> Veteran(ApiFactory api, bool share = false)
    {
        var client = api.Veteran("vet-" + Guid.NewGuid().ToString("N")[..10]);
        var phone = VeteranData.NewPhone();
        var birth = new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 9000)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var id = (await client.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: birth), phone, share))).As<Created>().Id;
        return (client, id, phone);
    }

    static async Task<ApplicantPhoneAnswer> Seen(HttpClient reader, Guid application) =>
        (await (await reader.GetAsync($"/api/applications/{application}")).Read<ApplicantPhoneDetailAnswer>()).Application;

    static async Task<ApplicantPhoneAnswer> Listed(HttpClient reader, Guid position, Guid application) =>
        (await (await reader.GetAsync($"/api/openings/{position}/applications")).Read<PageOf<ApplicantPhoneAnswer>>()).Items.Single(a => a.Id == application);

    [Fact]
    public async Task TheCompanyAppliedToWithTheConsentSeesThePhoneWhileTheApplicationIsLiveAndNoOneElse()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (_, elsewhere) = await api.CompanyWithRecruiter();
        var companyName = (await (await api.Admin().GetAsync($"/api/companies/{company}")).ReadJson()).GetProperty("name").GetString();
        var (veteran, _, phone) = await Veteran(api);
        var masked = phone[..3] + "****" + phone[^4..];

        var shared = await api.PostJob(company, headcount: 2);
        var response = await veteran.PostAsJsonAsync($"/api/openings/{shared}/applications", Share());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var application = (await response.Read<ApplicantPhoneDetailAnswer>()).Application.Id;
        // Without the body, the same company gets the phone masked on another application of the same veteran.
        var plain = await veteran.Apply(await api.PostJob(company, headcount: 2));

        Assert.Equal((phone, true), ((await Seen(recruiter, application)).ApplicantPhone, (await Seen(recruiter, application)).PhoneShared));
        Assert.Equal(phone, (await Listed(recruiter, shared, application)).ApplicantPhone);
        Assert.Equal((masked, false), ((await Seen(recruiter, plain)).ApplicantPhone, (await Seen(recruiter, plain)).PhoneShared));
        // A recruiter of another company reaches neither the application nor the position's list.
        await (await elsewhere.GetAsync($"/api/applications/{application}")).AssertProblem(404);
        await (await elsewhere.GetAsync($"/api/openings/{shared}/applications")).AssertProblem(404);
        // Staff see it masked like every phone (they unmask through the audited admin route).
        Assert.Equal(masked, (await Seen(api.Admin(), application)).ApplicantPhone);

        var reveals = await (await api.Admin().GetAsync($"/api/audit?action=application.phone_revealed&objectId={application}&limit=100"))
            .Read<PageOf<AuditEntryAnswer>>();
        Assert.True(reveals.Items.Count >= 3, $"{reveals.Items.Count} reveals");
        Assert.All(reveals.Items, entry => Assert.Equal(Roles.Recruiter, entry.ActorRole));
        Assert.All(reveals.Items, entry => Assert.DoesNotContain(phone, entry.Details, StringComparison.Ordinal));
        var plainReveals = await (await api.Admin().GetAsync($"/api/audit?action=application.phone_revealed&objectId={plain}"))
            .Read<PageOf<AuditEntryAnswer>>();
        Assert.Empty(plainReveals.Items);

        var export = await (await veteran.GetAsync("/api/veterans/me/export")).Read<CompanyConsentExportAnswer>();
        Assert.Contains(export.ConsentHistory, c => c.Kind == "share_phone_with_company" && c.Granted && c.TextVersion == PhoneVersion
            && c.Company == companyName);
        var history = await (await veteran.GetAsync("/api/veterans/me/consents")).Read<CompanyConsentOverviewAnswer>();
        Assert.Single(history.History, c => c.Kind == "share_phone_with_company" && c.Company == companyName);

        await veteran.MoveOk(application, "withdrawn");
        var after = await Seen(recruiter, application);
        Assert.Equal(("withdrawn", false), (after.State, after.PhoneShared));
        Assert.NotEqual(phone, after.ApplicantPhone);
        Assert.NotEqual(phone, (await Listed(recruiter, shared, application)).ApplicantPhone);
    }

    [Fact]
    public async Task AcceptingAnInvitationSharesThePhoneAndAnOldTextIsRefusedNamingTheCurrentOne()
    {
        var (company, recruiter) = await api.CompanyWithRecruiter();
        var (veteran, id, phone) = await Veteran(api, share: true);
        var position = await api.PostJob(company, headcount: 2);

        var refused = await veteran.PostAsJsonAsync($"/api/openings/{position}/applications", Share("2026-11"));
        var problem = await refused.AssertProblem(400);
        Assert.Contains(PhoneVersion, problem.GetRawText(), StringComparison.Ordinal);

        var invitation = (await (await recruiter.PostAsJsonAsync($"/api/openings/{position}/invitations", new { veteranId = id })).Read<Created>()).Id;
        await (await veteran.PostAsJsonAsync($"/api/veterans/me/invitations/{invitation}/accept", Share("2026-11"))).AssertProblem(400);
        var accepted = await veteran.PostAsJsonAsync($"/api/veterans/me/invitations/{invitation}/accept", Share());
        Assert.True(accepted.StatusCode == HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var application = (await (await veteran.GetAsync("/api/veterans/me/applications")).Read<PageOf<ApplicantPhoneAnswer>>()).Items.Single().Id;
        Assert.Equal(phone, (await Seen(recruiter, application)).ApplicantPhone);
    }
}
