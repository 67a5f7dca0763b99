using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;

namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>Companies with a recruiter, positions, program seats and applicants for the application tests.</summary>
public static class ApplicationData
{
    /// <summary>A company with a linked recruiter (returned as a client).</summary>
    public static async Task<(Guid Company, HttpClient Recruiter)> CompanyWithRecruiter(this ApiFactory api)
    {
        var company = await api.Admin().CreateCompany();
        var subject = "rec-" + Guid.NewGuid().ToString("N")[..8];
        await api.Admin().LinkRecruiter(company, subject);
        return (company, api.ClientFor(Roles.Recruiter, subject));
    }

    /// <summary>A job position of the company (headcount null = unknown), optionally at a fair.</summary>
    public static async Task<Guid> PostJob(this ApiFactory api, Guid company, int? headcount, Guid? fairId = null, string district = "田家庵区")
    {
        var response = await api.Admin().PostAsJsonAsync("/api/openings", new
        {
            companyId = company, title = "叉车司机" + Guid.NewGuid().ToString("N")[..4], headcount, district, location = "洞山路", fairId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<Created>()).Id;
    }

    /// <summary>An order-class program with one sponsor; returns the program and the sponsor's training position.</summary>
    public static async Task<(Guid Program, Guid Position)> OrderClass(this ApiFactory api, Guid sponsor, int seats)
    {
        var admin = api.Admin();
        var program = await (await admin.PostAsJsonAsync("/api/programs", new
        {
            name = "订单班" + Guid.NewGuid().ToString("N")[..4], college = "淮南联合大学", degreeLevel = "大专", startsOn = "2023-09-01",
            durationMonths = 36, sponsors = new[] { new { companyId = sponsor, seats } },
        })).Read<Created>();
        var seatsPage = await (await admin.GetAsync($"/api/openings?programId={program.Id}")).Read<PageOf<OpeningAnswer>>();
        return (program.Id, seatsPage.Items[0].Id);
    }

    /// <summary>A veteran with a profile: their client and profile id.</summary>
    public static async Task<(HttpClient Client, Guid Id, string Name)> Applicant(this ApiFactory api, string? subject = null)
    {
        var client = api.Veteran(subject ?? "vet-" + Guid.NewGuid().ToString("N")[..10]);
        var name = VeteranData.NewName();
        var profile = await client.CreateProfile(VeteranData.Profile(name, VeteranData.NewIdNumber(birth: RandomBirth()), VeteranData.NewPhone()));
        return (client, profile.As<Created>().Id, name);
    }

    // Many applicants per class: spread birth dates so that random ID numbers do not collide.
    static string RandomBirth() => new DateOnly(1975, 1, 1).AddDays(Random.Shared.Next(0, 9000)).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<Guid> Apply(this HttpClient veteran, Guid position)
    {
        var response = await veteran.PostAsync($"/api/openings/{position}/applications", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<ApplicationDetailAnswer>()).Application.Id;
    }

    public static Task<HttpResponseMessage> Move(this HttpClient client, Guid application, string state, string? note = null, string? on = null) =>
        client.PatchAsJsonAsync($"/api/applications/{application}", new { state, note, on });

    public static async Task<JsonElement> MoveOk(this HttpClient client, Guid application, string state, string? note = null)
    {
        var response = await client.Move(application, state, note);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{state}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJson();
    }

    public static async Task<JsonElement> Opening(this ApiFactory api, Guid position) =>
        await (await api.Admin().GetAsync($"/api/openings/{position}")).ReadJson();
}
