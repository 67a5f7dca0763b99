using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Veterans.Roster;

/// <summary>Roster columns: header variants, certificates as written, and columns the roster does not read.</summary>
public sealed class VeteranRosterColumnsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static (string Name, string IdNumber, string Phone) Person() => (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());

    [Fact]
    public async Task ARosterWithAnUnknownColumnReportsIt()
    {
        var (name, idNumber, phone) = Person();
        var file = Rosters.GbkCsv(Rosters.Title, "序号,姓名,公民身份号码,联系电话,家庭住址,", $"1,{name},{idNumber},{phone},洞山路1号,");
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "unknown-column.csv")).Read<RosterBatchAnswer>();

        Assert.Equal(1, batch.Counts.VeteransCreated);
        var line = Assert.Single(await admin.Errors(batch.Id)).As<ReportLineAnswer>();
        Assert.Equal((2, "家庭住址", "warning"), (line.RowNumber, line.Column, line.Severity));
        Assert.Contains("mapping", line.Problem);
        Assert.Contains("homeDistrict", line.Problem);
    }

    [Fact]
    public async Task TheMilitarySpecialtyColumnFillsTheSpecialties()
    {
        var (name, idNumber, phone) = Person();
        var file = Rosters.GbkCsv("姓名,身份证号,手机号,军队专业,所学专业", $"{name},{idNumber},{phone},汽车驾驶员,机电一体化");
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "specialty.csv")).Read<RosterBatchAnswer>();

        Assert.Equal(1, batch.Counts.VeteransCreated);
        Assert.Empty(await admin.Errors(batch.Id));
        var profile = (await admin.ProfileByIdNumber(idNumber))!;
        Assert.Equal(["汽车驾驶员"], profile.Service.Specialties!);
        Assert.Equal("机电一体化", profile.Education.Major);
        Assert.Contains(profile.Skills, s => s.Source == "inferred" && s.Specialty == "汽车驾驶员");
    }

    [Fact]
    public async Task ALicenceWrittenInTheCertificateColumnBecomesALicenceClass()
    {
        var (first, second) = (Person(), Person());
        var file = Rosters.GbkCsv("姓名,身份证号,手机号,准驾车型,持有证书",
            $"{first.Name},{first.IdNumber},{first.Phone},,B2驾驶证、电工证（低压）、叉车证、保安员证",
            $"{second.Name},{second.IdNumber},{second.Phone},C1,A1、A2");
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "certificates.csv")).Read<RosterBatchAnswer>();

        Assert.Equal((2, 0), (batch.Counts.VeteransCreated, batch.Counts.RowsRejected));
        var certificates = (await admin.ProfileByIdNumber(first.IdNumber))!.Certificates;
        Assert.Equal(["B2"], certificates.LicenceClasses!);
        Assert.Equal(["电工证（低压）"], certificates.SpecialOperations!);
        Assert.Equal(["叉车证"], certificates.SpecialEquipment!);
        Assert.Equal(["保安员证"], certificates.Others!);
        var merged = (await admin.ProfileByIdNumber(second.IdNumber))!.Certificates;
        Assert.Equal(["A1", "A2", "C1"], merged.LicenceClasses!.Order());
    }

    [Fact]
    public async Task ACertificateColumnRecordsTheCertificatesEvenWhenItsCellIsBlank()
    {
        var (blank, absent, own) = (Person(), Person(), Person());
        var admin = api.Admin();
        await admin.UploadRoster(Rosters.GbkCsv("姓名,身份证号,证书", $"{blank.Name},{blank.IdNumber},"), "blank-certificates.csv");
        await admin.UploadRoster(Rosters.GbkCsv("姓名,身份证号", $"{absent.Name},{absent.IdNumber}"), "no-certificates.csv");
        var ownId = (await api.Veteran("vet-roster-recorded").CreateProfile(VeteranData.Profile(own.Name, own.IdNumber, own.Phone)))
            .As<VeteranAnswer>().Id;

        async Task<bool> Recorded(Guid id)
        {
            await using var db = new Npgsql.NpgsqlConnection(api.Cluster.AppConnectionString(api.Database));
            await db.OpenAsync();
            await using var query = new Npgsql.NpgsqlCommand("SELECT certificates_recorded FROM veterans WHERE id = $1", db)
            {
                Parameters = { new() { Value = id } },
            };
            return (bool)(await query.ExecuteScalarAsync())!;
        }

        Assert.True(await Recorded((await admin.ProfileByIdNumber(blank.IdNumber))!.Id));
        Assert.False(await Recorded((await admin.ProfileByIdNumber(absent.IdNumber))!.Id));
        Assert.True(await Recorded(ownId));
    }
}
