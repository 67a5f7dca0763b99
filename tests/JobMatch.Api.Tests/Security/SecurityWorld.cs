using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Tests.Matching;
using JobMatch.Api.Tests.Mentoring;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// The objects the authorization matrix points at, owned by the first veteran, the first recruiter's company and the
/// first mentor; the second of each owns look-alikes of their own, so that "not yours" is always a real object.
/// Named ids fill route templates (<c>{application}</c>); fresh objects are made anew for each request that uses them.
/// </summary>
public sealed class SecurityWorld
{
    /// <summary>The callers, in the column order of the policy table.</summary>
    public static readonly string[] Callers = ["none", "vet1", "rec1", "men1", "admin", "vet2", "rec2", "men2"];

    readonly Dictionary<string, string> ids = [];
    readonly Dictionary<string, Func<Task<string>>> fresh = [];

    public required ApiFactory Api { get; init; }
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public string this[string name] => ids[name];

    public async Task<string> Resolve(string path)
    {
        foreach (var (name, make) in fresh)
        {
            if (path.Contains("{" + name + "}", StringComparison.Ordinal))
            {
                path = path.Replace("{" + name + "}", await make(), StringComparison.Ordinal);
            }
        }
        return ids.Aggregate(path, (p, id) => p.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
    }

    /// <summary>Seeds the objects; a trained model only when asked (training costs seconds of CPU).</summary>
    public static async Task<SecurityWorld> SeedAsync(ApiFactory api, bool withModel = true)
    {
        var w = new SecurityWorld { Api = api };
        w.Clients["none"] = api.CreateClient();
        foreach (var (caller, role) in new[] { ("vet1", Roles.Veteran), ("vet2", Roles.Veteran), ("rec1", Roles.Recruiter), ("rec2", Roles.Recruiter),
                                               ("men1", Roles.Mentor), ("men2", Roles.Mentor), ("admin", Roles.Admin) })
        {
            w.Clients[caller] = api.ClientFor(role, "mx-" + caller);
        }
        var admin = w.Clients["admin"];

        var company1Name = "淮南矩阵一" + Guid.NewGuid().ToString("N")[..6] + "有限公司";
        var company1 = await admin.CreateCompany(company1Name);
        var company2 = await admin.CreateCompany();
        await admin.LinkRecruiter(company1, "mx-rec1");
        await admin.LinkRecruiter(company2, "mx-rec2");
        await admin.LinkRecruiter(company1, "mx-rec-spare");
        w.Set("company", company1);
        w.ids["companyName"] = company1Name;

        var fair = await admin.CreateFair();
        w.Set("fair", fair);
        var (program, _) = await api.OrderClass(company1, seats: 10);
        w.Set("program", program);
        w.Set("opening", await api.PostJob(company1, headcount: 5, fairId: fair));
        w.Set("openingToClose", await api.PostJob(company1, headcount: 5));
        var invited1 = await api.PostJob(company1, headcount: 5);
        var invited2 = await api.PostJob(company1, headcount: 5);

        // vet1 shares (so that rec1 may invite them) and applies: only the company applied to reads the profile, sharing opens it to no other.
        var vet1 = await w.Clients["vet1"].CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19880301"), VeteranData.NewPhone(), share: true));
        await w.Clients["vet2"].CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19880302"), VeteranData.NewPhone()));
        var vet3 = await api.Veteran("mx-vet3").CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(birth: "19880303"), VeteranData.NewPhone(), share: true));
        w.Set("veteran", vet1.As<VeteranAnswer>().Id);
        w.Set("candidate", vet3.As<VeteranAnswer>().Id);
        w.ids["skill"] = Uri.EscapeDataString(vet1.As<VeteranAnswer>().Skills[0].Label);
        w.Set("application", await w.Clients["vet1"].Apply(w.IdOf("opening")));
        w.Set("invitationAccept", await Invite(w.Clients["rec1"], invited1, w.IdOf("veteran")));
        w.Set("invitationDecline", await Invite(w.Clients["rec1"], invited2, w.IdOf("veteran")));

        w.Set("mentor", await admin.CreateMentor(subject: "mx-men1"));
        await admin.CreateMentor(subject: "mx-men2");
        w.Set("mentorSpare", await admin.CreateMentor());
        w.Set("mentorFrom", await admin.CreateMentor());
        w.Set("mentorTo", await admin.CreateMentor());
        w.Set("enterprise", await admin.CreateEnterprise());
        await admin.AssignOk(w.IdOf("mentor"), w.IdOf("enterprise"));
        var ending = await admin.CreateEnterprise();
        w.Set("assignmentToEnd", await admin.AssignOk(w.IdOf("mentorSpare"), ending));
        await admin.AssignOk(w.IdOf("mentorFrom"), await admin.CreateEnterprise());
        w.Set("enterpriseFree", await admin.CreateEnterprise());
        w.Set("enterprisePlanned", await admin.CreateEnterprise());

        w.Set("import", await w.ImportAsRecruiter1(fair));
        w.fresh["freshAccount"] = async () => (await (await admin.PostAsync("/api/accounts", Json(new { role = Roles.Recruiter,
            userName = "mx-" + Guid.NewGuid().ToString("N")[..12], companyId = company1 }))).ReadJson()).GetProperty("account").GetProperty("id").GetString()!;
        w.fresh["freshImport"] = async () => (await w.ImportAsRecruiter1(await admin.CreateFair())).ToString();
        var rosterIdNumber = VeteranData.NewIdNumber(birth: "19880304");
        var roster = await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header,
            Rosters.Line(1, VeteranData.NewName(), rosterIdNumber, VeteranData.NewPhone())), "roster.csv");
        Assert.Equal(HttpStatusCode.Created, roster.StatusCode);
        w.Set("rosterBatch", (await roster.Read<RosterBatchAnswer>()).Id);
        w.Set("rosterVeteran", (await admin.ProfileByIdNumber(rosterIdNumber))!.Id);

        var specialties = await (await admin.GetAsync("/api/specialties?q=驾驶")).Read<IReadOnlyList<SpecialtyAnswer>>();
        w.ids["specialty"] = Uri.EscapeDataString(specialties[0].Code);
        if (withModel)
        {
            w.Set("model", (await admin.TrainAndWait()).As<RankingModelAnswer>().Id);
        }
        return w;
    }

    public Guid IdOf(string name) => Guid.Parse(ids[name]);

    void Set(string name, Guid id) => ids[name] = id.ToString();

    static async Task<Guid> Invite(HttpClient recruiter, Guid opening, Guid veteran)
    {
        var response = await recruiter.PostAsJsonAsync($"/api/openings/{opening}/invitations", new { veteranId = veteran, message = "欢迎" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Read<Created>()).Id;
    }

    /// <summary>A listings CSV with one row for the first recruiter's company.</summary>
    public byte[] ListingCsv(string title = "仓库管理员") =>
        Listings.Csv("单位名称,岗位名称,招聘人数,工作地点", $"{ids["companyName"]},{title}{Guid.NewGuid().ToString("N")[..4]},2,田家庵区");

    async Task<Guid> ImportAsRecruiter1(Guid fair)
    {
        var response = await Clients["rec1"].Upload(fair, ListingCsv(), "listing.csv");
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Read<Created>()).Id;
    }

    /// <summary>A multipart body with one file, as the upload endpoints take it.</summary>
    public static HttpContent File(byte[] bytes, string fileName)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", fileName);
        return form;
    }

    public static HttpContent Json(object body) => JsonContent.Create(body, options: JsonSerializerOptions.Web);
}
