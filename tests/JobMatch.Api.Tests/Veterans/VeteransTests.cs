using System.Net;
using System.Net.Http.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Veterans;

public sealed class VeteransTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task VeteranCreatesProfileWithDerivedGenderAndBirthDateAndMaskedIdentifiers()
    {
        var idNumber = VeteranData.NewIdNumber(male: false, birth: "19950203");
        var phone = VeteranData.NewPhone();
        var veteran = api.Veteran("vet-create");

        var created = (await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, phone))).As<VeteranAnswer>();

        Assert.Equal(7, created.Id.Version);
        Assert.Equal("female", created.Gender);
        Assert.Equal("1995-02-03", created.BirthDate);
        Assert.Equal(idNumber[..4] + "**********" + idNumber[^4..], created.IdNumber);
        Assert.Equal(phone[..3] + "****" + phone[^4..], created.Phone);
        Assert.Equal("army", created.Service.Branch);
        Assert.Equal("junior_college", created.Education.Level);
        Assert.Equal("大专", created.Education.LevelLabel);
        Assert.Equal("340403", created.HomeDistrict);
        var mine = await (await veteran.GetAsync("/api/veterans/me")).Read<VeteranAnswer>();
        Assert.Equal(created.Id, mine.Id);
    }

    [Fact]
    public async Task SecondProfileForTheSameUserAndReusedIdNumberAnswer409()
    {
        var idNumber = VeteranData.NewIdNumber();
        await api.Veteran("vet-twice").CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone()));

        var again = await api.Veteran("vet-twice").PostAsJsonAsync("/api/veterans/me", VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone()));
        await again.AssertProblem(409);
        var sameNumber = await api.Veteran("vet-copycat").PostAsJsonAsync("/api/veterans/me", VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone()));
        await sameNumber.AssertProblem(409);
    }

    [Fact]
    public async Task VeteranCannotReadOrChangeAnotherVeteransProfile()
    {
        var name = VeteranData.NewName();
        var theirs = await api.Veteran("vet-owner").CreateProfile(VeteranData.Profile(name, VeteranData.NewIdNumber(), VeteranData.NewPhone()));
        var id = theirs.As<VeteranAnswer>().Id;
        var other = api.Veteran("vet-intruder");

        await (await other.GetAsync($"/api/veterans/{id}")).AssertProblem(403);
        await (await other.GetAsync("/api/veterans/me")).AssertProblem(404);
        await (await other.PutAsJsonAsync("/api/veterans/me", new { name = "改名" })).AssertProblem(404);
        await (await other.DeleteAsync("/api/veterans/me")).AssertProblem(404);
        await (await other.PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason = "想看看" })).AssertProblem(403);
        await (await api.ClientFor(Roles.Mentor, "mentor-curious").GetAsync($"/api/veterans/{id}")).AssertProblem(403);

        var unchanged = await (await api.Veteran("vet-owner").GetAsync("/api/veterans/me")).Read<VeteranAnswer>();
        Assert.Equal(name, unchanged.Name);
    }

    [Fact]
    public async Task SharingWithRecruitersAloneOpensTheProfileToNoRecruiter()
    {
        var veteran = api.Veteran("vet-share");
        var id = (await veteran.CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone(), share: false)))
            .As<VeteranAnswer>().Id;
        var recruiter = api.ClientFor(Roles.Recruiter, "recruiter-share");

        await (await recruiter.GetAsync($"/api/veterans/{id}")).AssertProblem(404);

        // Sharing puts the veteran in candidate lists, masked; the profile opens only through an application (VeteranAccessTests).
        Assert.Equal(HttpStatusCode.OK, (await veteran.PutAsJsonAsync("/api/veterans/me/consents/share_with_recruiters", new { granted = true, textVersion = "2026-11" })).StatusCode);
        await (await recruiter.GetAsync($"/api/veterans/{id}")).AssertProblem(404);
        await (await recruiter.GetAsync("/api/veterans")).AssertProblem(403);
    }

    [Fact]
    public async Task AdminUnmasksOnlyWithAReasonAndTheUnmaskingIsAudited()
    {
        var idNumber = VeteranData.NewIdNumber();
        var phone = VeteranData.NewPhone();
        var name = VeteranData.NewName();
        var id = (await api.Veteran("vet-unmask").CreateProfile(VeteranData.Profile(name, idNumber, phone))).As<VeteranAnswer>().Id;
        var admin = api.Admin("admin-unmask");

        var masked = await (await admin.GetAsync($"/api/veterans/{id}")).ReadJson();
        Assert.DoesNotContain(idNumber, masked.ToString());
        Assert.DoesNotContain(phone, masked.ToString());
        var noReason = await (await admin.PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason = "" })).AssertProblem(400);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await (await admin.PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason = $"核对{name}身份" })).AssertProblem(400);

        var unmasked = await (await admin.PostAsJsonAsync($"/api/veterans/{id}/unmask", new { reason = "核对退役安置材料" })).Read<UnmaskedAnswer>();
        Assert.Equal(idNumber, unmasked.IdNumber);
        Assert.Equal(phone, unmasked.Phone);
        var audit = await (await admin.GetAsync($"/api/audit?action=veteran.unmasked&objectId={id}")).Read<PageOf<AuditEntryAnswer>>();
        var entry = Assert.Single(audit.Items);
        Assert.Equal("admin-unmask", entry.Actor);
        Assert.Contains("核对退役安置材料", entry.Details);
    }

    [Fact]
    public async Task AdminFindsAProfileByIdNumberAndPagesMaskedSummaries()
    {
        var idNumber = VeteranData.NewIdNumber();
        var id = (await api.Veteran("vet-find").CreateProfile(VeteranData.Profile(VeteranData.NewName(), idNumber, VeteranData.NewPhone()))).As<VeteranAnswer>().Id;
        await api.Veteran("vet-find-other").CreateProfile(VeteranData.Profile(VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone()));

        var found = await (await api.Admin().GetAsync($"/api/veterans?idNumber={idNumber}")).ReadJson();
        var item = Assert.Single(found.As<PageOf<VeteranSummaryAnswer>>().Items);
        Assert.Equal(id, item.Id);
        Assert.DoesNotContain(idNumber, found.ToString());
        var bad = await (await api.Admin().GetAsync("/api/veterans?idNumber=340403199005171234")).AssertProblem(400);
        Assert.True(bad.GetProperty("errors").TryGetProperty("idNumber", out _));
    }

    [Theory]
    [InlineData("bachelor", "bachelor")]
    [InlineData("本科", "bachelor")]
    [InlineData("本科及以上", "bachelor")]
    [InlineData("全日制本科", "bachelor")]
    [InlineData("中专", "senior_high")]
    [InlineData("中职", "senior_high")]
    [InlineData("高中/中专/技校", "senior_high")]
    [InlineData("ＭＡＳＴＥＲ", "master")]
    public async Task AnEducationLevelIsReadAsEveryImportReadsIt(string written, string code)
    {
        var created = await api.Veteran("vet-edu-" + Guid.NewGuid().ToString("N")[..8])
            .CreateProfile(new { name = VeteranData.NewName(), education = new { level = written } });
        Assert.Equal(code, created.As<VeteranAnswer>().Education.Level);
    }

    [Theory]
    [InlineData("idNumber", "340403199005171230")]
    [InlineData("idNumber", "34040319901317123X")]
    [InlineData("phone", "12345678901")]
    [InlineData("service.branch", "海陆空")]
    [InlineData("education.level", "幼儿园")]
    [InlineData("homeDistrict", "朝阳区")]
    [InlineData("certificates.licenceClasses", "Z9")]
    [InlineData("preferences.seeking", "retire")]
    public async Task InvalidValuesAnswer400NamingTheField(string field, string value)
    {
        object body = field switch
        {
            "idNumber" => new { name = "测试", idNumber = value, consents = new[] { VeteranData.Consent("sensitive_data") } },
            "phone" => new { name = "测试", phone = value },
            "service.branch" => new { name = "测试", service = new { branch = value }, consents = new[] { VeteranData.Consent("sensitive_data") } },
            "education.level" => new { name = "测试", education = new { level = value } },
            "homeDistrict" => new { name = "测试", homeDistrict = value },
            "certificates.licenceClasses" => new { name = "测试", certificates = new { licenceClasses = new[] { value } } },
            _ => new { name = "测试", preferences = new { seeking = new[] { value } } },
        };
        var problem = await (await api.Veteran("vet-invalid").PostAsJsonAsync("/api/veterans/me", body)).AssertProblem(400);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
