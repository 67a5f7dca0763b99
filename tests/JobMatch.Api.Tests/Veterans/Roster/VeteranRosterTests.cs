using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.ImportBench;

namespace JobMatch.Api.Tests.Veterans.Roster;

public sealed class VeteranRosterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static (string Name, string IdNumber, string Phone) Person() => (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());

    [Fact]
    public async Task GbkCsvWithATitleRowCreatesUnclaimedProfilesWithTheBureauBasisButNoSharingOrMatchingConsent()
    {
        var (name, idNumber, phone) = Person();
        var other = Person();
        var file = Rosters.GbkCsv(Rosters.Title, Rosters.Header, Rosters.Line(1, name, idNumber, phone),
            Rosters.Line(2, other.Name, other.IdNumber, other.Phone, branch: "武警", licence: "A2、B2"), "注：本表由区县汇总。");
        var admin = api.Admin();

        var response = await admin.UploadRoster(file, "roster.csv");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var batch = await response.ReadJson();
        Assert.Equal("gb18030", batch.GetProperty("encoding").GetString());
        Assert.Equal(2, batch.RosterCount("veteransCreated"));
        Assert.Equal(0, batch.RosterCount("rowsRejected"));
        var profile = (await admin.ProfileByIdNumber(idNumber))!.Value;
        Assert.Equal(name, profile.GetProperty("name").GetString());
        Assert.Equal("male", profile.GetProperty("gender").GetString());
        Assert.Equal("1990-05-17", profile.GetProperty("birthDate").GetString());
        Assert.Equal(phone[..3] + "****" + phone[^4..], profile.GetProperty("phone").GetString());
        Assert.Equal("army", profile.GetProperty("service").GetProperty("branch").GetString());
        Assert.Equal(5, profile.GetProperty("service").GetProperty("years").GetInt32());
        Assert.Equal(["C1"], profile.GetProperty("certificates").GetProperty("licenceClasses").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["叉车证"], profile.GetProperty("certificates").GetProperty("specialEquipment").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains(profile.GetProperty("skills").EnumerateArray(), s => s.GetProperty("source").GetString() == "inferred"
            && s.GetProperty("specialty").GetString() == "汽车驾驶员");
        var consent = Assert.Single(profile.GetProperty("consents").EnumerateArray());
        Assert.Equal(("sensitive_data", true, "roster-2026"),
            (consent.GetProperty("kind").GetString(), consent.GetProperty("granted").GetBoolean(), consent.GetProperty("textVersion").GetString()));
        var second = (await admin.ProfileByIdNumber(other.IdNumber))!.Value;
        Assert.Equal("armed_police", second.GetProperty("service").GetProperty("branch").GetString());
        Assert.Equal(["A2", "B2"], second.GetProperty("certificates").GetProperty("licenceClasses").EnumerateArray().Select(c => c.GetString()));
        var basis = await (await api.Veteran("vet-roster-basis").GetAsync("/api/veterans/roster-basis")).ReadJson();
        Assert.Equal("roster-2026", basis.GetProperty("version").GetString());
        // A recruiter reaches neither: sharing stays the veteran's own choice.
        await (await api.ClientFor(Roles.Recruiter, "recruiter-roster").GetAsync($"/api/veterans/{profile.GetProperty("id").GetGuid()}")).AssertProblem(404);
    }

    [Fact]
    public async Task ARosterRowIsHeldToTheProfileRecordsLimitsWithTheWordsTheApiAnswers()
    {
        var person = Person();
        var longSkill = new string('焊', 51);
        var file = Rosters.GbkCsv(Rosters.Header,
            Rosters.Line(1, person.Name, person.IdNumber, person.Phone, enlist: "1975年", skills: longSkill));
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "limits.csv")).ReadJson();

        Assert.Equal(1, batch.RosterCount("rowsRejected"));
        var rejected = (await admin.Errors(batch.GetProperty("id").GetGuid()))
            .Where(e => e.GetProperty("severity").GetString() == "rejected")
            .ToDictionary(e => e.GetProperty("column").GetString()!, e => e.GetProperty("problem").GetString());
        var answer = await (await api.Veteran("vet-roster-limits").PostAsJsonAsync("/api/veterans/me",
            new { name = "限额", service = new { years = 45 }, skills = new[] { longSkill } })).AssertProblem(400);
        var errors = answer.GetProperty("errors");
        Assert.Equal(errors.GetProperty("service.years")[0].GetString(), rejected["入伍时间"]);
        Assert.Equal(errors.GetProperty("skills")[0].GetString(), rejected["技能"]);
    }

    [Fact]
    public async Task XlsxWithATitleRowMergedCellsAndDateSerialsImports()
    {
        var (first, second) = (Person(), Person());
        object?[][] rows =
        [
            ["淮南市退役军人花名册", null, null, null, null, null, null],
            ["姓名", "身份证号码", "手机号", "军种", "入伍年份", "退役年份", "学历"],
            [first.Name, first.IdNumber, first.Phone, "海军", 2012, 42248, "大专"],
            [second.Name, second.IdNumber, second.Phone, null, "2013年", "2018-09-01", "本科"],
        ];
        var file = XlsxWriter.Write(rows, ["A1:G1", "D3:D4"], "花名册");

        var batch = await (await api.Admin().UploadRoster(file, "roster.xlsx")).ReadJson();

        Assert.Equal(2, batch.RosterCount("veteransCreated"));
        var profile = (await api.Admin().ProfileByIdNumber(first.IdNumber))!.Value.GetProperty("service");
        Assert.Equal((2015, 3), (profile.GetProperty("dischargeYear").GetInt32(), profile.GetProperty("years").GetInt32()));
        var merged = (await api.Admin().ProfileByIdNumber(second.IdNumber))!.Value;
        Assert.Equal("navy", merged.GetProperty("service").GetProperty("branch").GetString());
        Assert.Equal("junior_college", (await api.Admin().ProfileByIdNumber(first.IdNumber))!.Value.GetProperty("education").GetProperty("level").GetString());
    }

    [Fact]
    public async Task EveryRowErrorIsNamedByRowAndColumnWithoutNamesOrIdentifiersInClear()
    {
        var people = Enumerable.Range(0, 9).Select(_ => Person()).ToList();
        var wrongCheck = people[0].IdNumber[..17] + (people[0].IdNumber[17] == '0' ? '1' : '0');
        var file = Rosters.GbkCsv(Rosters.Title, Rosters.Header,
            Rosters.Line(1, people[0].Name, wrongCheck, people[0].Phone),
            Rosters.Line(2, people[1].Name, people[1].IdNumber, "1234567"),
            Rosters.Line(3, people[2].Name, people[2].IdNumber, people[2].Phone, branch: "民兵"),
            Rosters.Line(4, people[3].Name, people[3].IdNumber, people[3].Phone, education: "幼儿园"),
            Rosters.Line(5, people[4].Name, people[4].IdNumber, people[4].Phone, licence: "D"),
            Rosters.Line(6, people[5].Name, people[5].IdNumber, people[5].Phone, district: "火星区"),
            Rosters.Line(7, people[6].Name, "", people[6].Phone),
            Rosters.Line(8, people[7].Name, people[7].IdNumber, people[7].Phone, enlist: "很久以前"),
            Rosters.Line(9, people[8].Name, people[8].IdNumber, people[8].Phone),
            Rosters.Line(10, people[8].Name, people[8].IdNumber, people[8].Phone, district: "大通区"));
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "errors.csv")).ReadJson();

        Assert.Equal(9, batch.RosterCount("rowsRejected"));
        Assert.Equal(1, batch.RosterCount("veteransCreated"));
        var errors = await admin.Errors(batch.GetProperty("id").GetGuid());
        var named = errors.Where(e => e.GetProperty("severity").GetString() == "rejected")
            .Select(e => (e.GetProperty("rowNumber").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(3, "公民身份号码"), (4, "联系电话"), (5, "服役部队"), (6, "文化程度"), (7, "准驾车型"), (8, "户籍区县"),
            (9, "公民身份号码"), (10, "入伍时间"), (12, "公民身份号码")], named);
        var shown = string.Join("\n", errors.Select(e => e.GetRawText()));
        Assert.Contains(wrongCheck[..4] + "**********" + wrongCheck[^4..], shown);
        Assert.DoesNotContain(wrongCheck, shown);
        Assert.DoesNotContain(people.SelectMany(p => new[] { p.Name, p.IdNumber, p.Phone }), shown.Contains);
        Assert.Contains("第 11 行", errors.Last().GetProperty("problem").GetString());
        Assert.Empty(await PersonalDataScan.FindAsync(api, [.. people.Take(8).SelectMany(p => new[] { p.Name, p.IdNumber, p.Phone }), wrongCheck]));
    }

    [Fact]
    public async Task DryRunReportsWhatWouldHappenAndWritesNothing()
    {
        var (name, idNumber, phone) = Person();
        var admin = api.Admin();

        var response = await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone)), "dry.csv", "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.ReadJson();
        Assert.Equal("preview", preview.GetProperty("status").GetString());
        Assert.Equal(1, preview.RosterCount("veteransCreated"));
        Assert.Null(await admin.ProfileByIdNumber(idNumber));
        await (await admin.GetAsync($"/api/veterans/imports/{preview.GetProperty("id").GetGuid()}")).AssertProblem(404);
        Assert.Empty(await PersonalDataScan.FindAsync(api, name, phone));
    }

    [Fact]
    public async Task SameFileTwiceChangesNothingAndReturnsTheEarlierBatch()
    {
        var (name, idNumber, phone) = Person();
        var file = Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone));
        var admin = api.Admin();
        var first = await (await admin.UploadRoster(file, "roster.csv")).ReadJson();
        var before = (await admin.ProfileByIdNumber(idNumber))!.Value.GetProperty("updatedAt").GetDateTime();

        var again = await admin.UploadRoster(file, "roster.csv");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Import-Replayed").Single());
        Assert.Equal(first.GetProperty("id").GetGuid(), (await again.ReadJson()).GetProperty("id").GetGuid());
        Assert.Equal(before, (await admin.ProfileByIdNumber(idNumber))!.Value.GetProperty("updatedAt").GetDateTime());
    }

    [Fact]
    public async Task ACorrectedFileUpdatesTheChangedColumnsKeepsBlankOnesAndSaysWhatChanged()
    {
        var (kept, changed, added) = (Person(), Person(), Person());
        var admin = api.Admin();
        await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, kept.Name, kept.IdNumber, kept.Phone),
            Rosters.Line(2, changed.Name, changed.IdNumber, changed.Phone)), "v1.csv");
        var newPhone = VeteranData.NewPhone();

        var batch = await (await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, kept.Name, kept.IdNumber, kept.Phone),
            Rosters.Line(2, changed.Name, changed.IdNumber, newPhone, district: "", specialty: "炊事员"),
            Rosters.Line(3, added.Name, added.IdNumber, added.Phone)), "v2.csv")).ReadJson();

        Assert.Equal((1, 1, 1), (batch.RosterCount("veteransCreated"), batch.RosterCount("veteransUpdated"), batch.RosterCount("veteransUnchanged")));
        var updated = Assert.Single(await admin.Errors(batch.GetProperty("id").GetGuid()), e => e.GetProperty("severity").GetString() == "updated");
        Assert.Equal((3, "联系电话, 兵种"), (updated.GetProperty("rowNumber").GetInt32(), updated.GetProperty("column").GetString()));
        var profile = (await admin.ProfileByIdNumber(changed.IdNumber))!.Value;
        Assert.Equal(newPhone[..3] + "****" + newPhone[^4..], profile.GetProperty("phone").GetString());
        Assert.Equal("340403", profile.GetProperty("homeDistrict").GetString());
        var inferred = profile.GetProperty("skills").EnumerateArray().Where(s => s.GetProperty("source").GetString() == "inferred").ToList();
        Assert.NotEmpty(inferred);
        Assert.All(inferred, s => Assert.Equal("炊事员", s.GetProperty("specialty").GetString()));
    }

    [Fact]
    public async Task RowsAreMatchedByIdNumberWhateverTheFileLooksLikeIncludingProfilesVeteransMadeThemselves()
    {
        var (name, idNumber, phone) = Person();
        var own = await api.Veteran("vet-roster-own").CreateProfile(VeteranData.Profile(name, idNumber, phone));
        var admin = api.Admin();
        var csv = Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone, education: "大专", licence: "A2、C1", certificates: "", skills: "", seeking: ""));
        var first = await (await admin.UploadRoster(csv, "a.csv")).ReadJson();
        var english = Rosters.GbkCsv("Name,ID number,Mobile,Branch,Education", $"{name},{idNumber.ToLowerInvariant()},{phone},army,junior_college");

        var second = await (await admin.UploadRoster(english, "b.csv")).ReadJson();

        Assert.Equal(0, first.RosterCount("veteransCreated"));
        Assert.Equal((0, 0, 1), (second.RosterCount("veteransCreated"), second.RosterCount("veteransUpdated"), second.RosterCount("veteransUnchanged")));
        var page = await (await admin.GetAsync($"/api/veterans?idNumber={idNumber}")).ReadJson();
        Assert.Equal(own.GetProperty("id").GetGuid(), Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        // The veteran's own consents are untouched: no bureau basis is added over their answer.
        var mine = await (await api.Veteran("vet-roster-own").GetAsync("/api/veterans/me")).ReadJson();
        Assert.All(mine.GetProperty("consents").EnumerateArray(), c => Assert.Equal("2026-11", c.GetProperty("textVersion").GetString()));
    }

    [Fact]
    public async Task OnlyAnAdminImportsARoster()
    {
        var file = Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone()));
        foreach (var role in new[] { Roles.Recruiter, Roles.Veteran, Roles.Mentor })
        {
            await (await api.ClientFor(role, role + "-roster").UploadRoster(file, "roster.csv")).AssertProblem(403);
        }
    }

    [Fact]
    public async Task TheSyntheticSampleRosterImportsWithoutErrors()
    {
        var batch = await (await api.Admin().UploadRoster(await File.ReadAllBytesAsync(Rosters.DataFile("roster-sample.gbk.csv")), "roster-sample.gbk.csv")).ReadJson();

        Assert.Equal((30, 0, 30), (batch.RosterCount("rowsRead"), batch.RosterCount("rowsRejected"), batch.RosterCount("veteransCreated")));
    }

    [Fact]
    public async Task TheListingsImportRoutesShowARosterBatchButCannotRevertIt()
    {
        var (name, idNumber, phone) = Person();
        var admin = api.Admin();
        var batch = await (await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone)), "roster.csv")).ReadJson();
        var id = batch.GetProperty("id").GetGuid();

        var shared = await (await admin.GetAsync($"/api/imports/{id}")).ReadJson();
        var own = await (await admin.GetAsync($"/api/veterans/imports/{id}")).ReadJson();

        Assert.Equal((1, "completed"), (shared.GetProperty("counts").GetProperty("rowsRead").GetInt32(), shared.GetProperty("status").GetString()));
        Assert.Equal(1, own.RosterCount("veteransCreated"));
        // A roster batch has no fair or program, so the listings revert does not find it; the profiles stay. Recruiters see no roster batch.
        await (await admin.DeleteAsync($"/api/imports/{id}")).AssertProblem(404);
        Assert.NotNull(await admin.ProfileByIdNumber(idNumber));
        await (await api.ClientFor(Roles.Recruiter, "recruiter-roster-batch").GetAsync($"/api/imports/{id}")).AssertProblem(404);
    }

    [Fact]
    public async Task AnUnusualHeaderNeedsAMappingWithoutOneTheFileIsRefused()
    {
        var (name, idNumber, phone) = Person();
        var file = Rosters.GbkCsv("人员姓名,证件号码,手机", $"{name},{idNumber},{phone}");
        var admin = api.Admin();

        await (await admin.UploadRoster(file, "odd.csv")).AssertProblem(422);
        await (await admin.UploadRoster(file, "odd.csv", mapping: "{\"unknownField\":\"证件号码\"}")).AssertProblem(400);
        var batch = await (await admin.UploadRoster(file, "odd.csv", mapping: "{\"name\":\"人员姓名\",\"idNumber\":\"证件号码\"}")).ReadJson();

        Assert.Equal(1, batch.RosterCount("veteransCreated"));
        Assert.Equal(name, (await admin.ProfileByIdNumber(idNumber))!.Value.GetProperty("name").GetString());
    }
}
