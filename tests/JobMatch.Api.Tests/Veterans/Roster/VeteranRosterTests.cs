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
        var batch = await response.Read<RosterBatchAnswer>();
        Assert.Equal("gb18030", batch.Encoding);
        Assert.Equal(2, batch.Counts.VeteransCreated);
        Assert.Equal(0, batch.Counts.RowsRejected);
        var profile = (await admin.ProfileByIdNumber(idNumber))!;
        Assert.Equal(name, profile.Name);
        Assert.Equal("male", profile.Gender);
        Assert.Equal("1990-05-17", profile.BirthDate);
        Assert.Equal(phone[..3] + "****" + phone[^4..], profile.Phone);
        Assert.Equal("army", profile.Service.Branch);
        Assert.Equal(5, profile.Service.Years);
        Assert.Equal(["C1"], profile.Certificates.LicenceClasses!);
        Assert.Equal(["叉车证"], profile.Certificates.SpecialEquipment!);
        Assert.Contains(profile.Skills, s => s.Source == "inferred" && s.Specialty == "汽车驾驶员");
        var consent = Assert.Single(profile.Consents);
        Assert.Equal(("sensitive_data", true, "roster-2026"), (consent.Kind, consent.Granted, consent.TextVersion));
        var second = (await admin.ProfileByIdNumber(other.IdNumber))!;
        Assert.Equal("armed_police", second.Service.Branch);
        Assert.Equal(["A2", "B2"], second.Certificates.LicenceClasses!);
        var basis = await (await api.Veteran("vet-roster-basis").GetAsync("/api/veterans/roster-basis")).Read<RosterBasisAnswer>();
        Assert.Equal("roster-2026", basis.Version);
        // A recruiter reaches neither: sharing stays the veteran's own choice.
        await (await api.ClientFor(Roles.Recruiter, "recruiter-roster").GetAsync($"/api/veterans/{profile.Id}")).AssertProblem(404);
    }

    [Fact]
    public async Task ARosterRowIsHeldToTheProfileRecordsLimitsWithTheWordsTheApiAnswers()
    {
        var person = Person();
        var longSkill = new string('焊', 51);
        var file = Rosters.GbkCsv(Rosters.Header,
            Rosters.Line(1, person.Name, person.IdNumber, person.Phone, enlist: "1975年", skills: longSkill));
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "limits.csv")).Read<RosterBatchAnswer>();

        Assert.Equal(1, batch.Counts.RowsRejected);
        var rejected = (await admin.Errors(batch.Id))
            .Select(e => e.As<ReportLineAnswer>()).Where(e => e.Severity == "rejected")
            .ToDictionary(e => e.Column!, e => e.Problem);
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

        var batch = await (await api.Admin().UploadRoster(file, "roster.xlsx")).Read<RosterBatchAnswer>();

        Assert.Equal(2, batch.Counts.VeteransCreated);
        var profile = (await api.Admin().ProfileByIdNumber(first.IdNumber))!.Service;
        Assert.Equal<(int?, int?)>((2015, 3), (profile.DischargeYear, profile.Years));
        var merged = (await api.Admin().ProfileByIdNumber(second.IdNumber))!;
        Assert.Equal("navy", merged.Service.Branch);
        Assert.Equal("junior_college", (await api.Admin().ProfileByIdNumber(first.IdNumber))!.Education.Level);
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

        var batch = await (await admin.UploadRoster(file, "errors.csv")).Read<RosterBatchAnswer>();

        Assert.Equal(9, batch.Counts.RowsRejected);
        Assert.Equal(1, batch.Counts.VeteransCreated);
        var errors = await admin.Errors(batch.Id);
        var lines = errors.Select(e => e.As<ReportLineAnswer>()).ToList();
        var named = lines.Where(e => e.Severity == "rejected").Select(e => (e.RowNumber, e.Column)).ToList();
        Assert.Equal([(3, "公民身份号码"), (4, "联系电话"), (5, "服役部队"), (6, "文化程度"), (7, "准驾车型"), (8, "户籍区县"),
            (9, "公民身份号码"), (10, "入伍时间"), (12, "公民身份号码")], named);
        var shown = string.Join("\n", errors.Select(e => e.GetRawText()));
        Assert.Contains(wrongCheck[..4] + "**********" + wrongCheck[^4..], shown);
        Assert.DoesNotContain(wrongCheck, shown);
        Assert.DoesNotContain(people.SelectMany(p => new[] { p.Name, p.IdNumber, p.Phone }), shown.Contains);
        Assert.Contains("第 11 行", lines[^1].Problem);
        Assert.Empty(await PersonalDataScan.FindAsync(api, [.. people.Take(8).SelectMany(p => new[] { p.Name, p.IdNumber, p.Phone }), wrongCheck]));
    }

    [Fact]
    public async Task DryRunReportsWhatWouldHappenAndWritesNothing()
    {
        var (name, idNumber, phone) = Person();
        var admin = api.Admin();

        var response = await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone)), "dry.csv", "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await response.Read<RosterBatchAnswer>();
        Assert.Equal("preview", preview.Status);
        Assert.Equal(1, preview.Counts.VeteransCreated);
        Assert.Null(await admin.ProfileByIdNumber(idNumber));
        await (await admin.GetAsync($"/api/veterans/imports/{preview.Id}")).AssertProblem(404);
        Assert.Empty(await PersonalDataScan.FindAsync(api, name, phone));
    }

    [Fact]
    public async Task SameFileTwiceChangesNothingAndReturnsTheEarlierBatch()
    {
        var (name, idNumber, phone) = Person();
        var file = Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone));
        var admin = api.Admin();
        var first = await (await admin.UploadRoster(file, "roster.csv")).Read<RosterBatchAnswer>();
        var before = (await admin.ProfileByIdNumber(idNumber))!.UpdatedAt;

        var again = await admin.UploadRoster(file, "roster.csv");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Import-Replayed").Single());
        Assert.Equal(first.Id, (await again.Read<RosterBatchAnswer>()).Id);
        Assert.Equal(before, (await admin.ProfileByIdNumber(idNumber))!.UpdatedAt);
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
            Rosters.Line(3, added.Name, added.IdNumber, added.Phone)), "v2.csv")).Read<RosterBatchAnswer>();

        Assert.Equal((1, 1, 1), (batch.Counts.VeteransCreated, batch.Counts.VeteransUpdated, batch.Counts.VeteransUnchanged));
        var updated = Assert.Single((await admin.Errors(batch.Id)).Select(e => e.As<ReportLineAnswer>()), e => e.Severity == "updated");
        Assert.Equal((3, "联系电话, 兵种"), (updated.RowNumber, updated.Column));
        var profile = (await admin.ProfileByIdNumber(changed.IdNumber))!;
        Assert.Equal(newPhone[..3] + "****" + newPhone[^4..], profile.Phone);
        Assert.Equal("340403", profile.HomeDistrict);
        var inferred = profile.Skills.Where(s => s.Source == "inferred").ToList();
        Assert.NotEmpty(inferred);
        Assert.All(inferred, s => Assert.Equal("炊事员", s.Specialty));
    }

    [Fact]
    public async Task RowsAreMatchedByIdNumberWhateverTheFileLooksLikeIncludingProfilesVeteransMadeThemselves()
    {
        var (name, idNumber, phone) = Person();
        var own = await api.Veteran("vet-roster-own").CreateProfile(VeteranData.Profile(name, idNumber, phone));
        var admin = api.Admin();
        var csv = Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone, education: "大专", licence: "A2、C1", certificates: "", skills: "", seeking: ""));
        var first = await (await admin.UploadRoster(csv, "a.csv")).Read<RosterBatchAnswer>();
        var english = Rosters.GbkCsv("Name,ID number,Mobile,Branch,Education", $"{name},{idNumber.ToLowerInvariant()},{phone},army,junior_college");

        var second = await (await admin.UploadRoster(english, "b.csv")).Read<RosterBatchAnswer>();

        Assert.Equal(0, first.Counts.VeteransCreated);
        Assert.Equal((0, 0, 1), (second.Counts.VeteransCreated, second.Counts.VeteransUpdated, second.Counts.VeteransUnchanged));
        var page = await (await admin.GetAsync($"/api/veterans?idNumber={idNumber}")).Read<PageOf<VeteranSummaryAnswer>>();
        Assert.Equal(own.As<VeteranAnswer>().Id, Assert.Single(page.Items).Id);
        // The veteran's own consents are untouched: no bureau basis is added over their answer.
        var mine = await (await api.Veteran("vet-roster-own").GetAsync("/api/veterans/me")).Read<VeteranAnswer>();
        Assert.All(mine.Consents, c => Assert.Equal("2026-11", c.TextVersion));
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
        var sample = await File.ReadAllBytesAsync(Rosters.DataFile("roster-sample.gbk.csv"));
        var batch = await (await api.Admin().UploadRoster(sample, "roster-sample.gbk.csv")).Read<RosterBatchAnswer>();

        Assert.Equal((30, 0, 30), (batch.Counts.RowsRead, batch.Counts.RowsRejected, batch.Counts.VeteransCreated));
    }

    [Fact]
    public async Task TheListingsImportRoutesShowARosterBatchButCannotRevertIt()
    {
        var (name, idNumber, phone) = Person();
        var admin = api.Admin();
        var batch = await (await admin.UploadRoster(Rosters.GbkCsv(Rosters.Header, Rosters.Line(1, name, idNumber, phone)), "roster.csv"))
            .Read<RosterBatchAnswer>();
        var id = batch.Id;

        var shared = await (await admin.GetAsync($"/api/imports/{id}")).Read<ImportAnswer>();
        var own = await (await admin.GetAsync($"/api/veterans/imports/{id}")).Read<RosterBatchAnswer>();

        Assert.Equal((1, "completed"), (shared.Counts.RowsRead, shared.Status));
        Assert.Equal(1, own.Counts.VeteransCreated);
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
        var batch = await (await admin.UploadRoster(file, "odd.csv", mapping: "{\"name\":\"人员姓名\",\"idNumber\":\"证件号码\"}"))
            .Read<RosterBatchAnswer>();

        Assert.Equal(1, batch.Counts.VeteransCreated);
        Assert.Equal(name, (await admin.ProfileByIdNumber(idNumber))!.Name);
    }
}
