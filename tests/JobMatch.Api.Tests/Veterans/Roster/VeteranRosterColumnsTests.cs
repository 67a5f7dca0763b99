using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Veterans.Roster;

/// <summary>Roster columns: header variants, certificates as written, and columns the roster does not read.</summary>
public sealed class VeteranRosterColumnsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    static (string Name, string IdNumber, string Phone) Person() => (VeteranData.NewName(), VeteranData.NewIdNumber(), VeteranData.NewPhone());

    static IEnumerable<string> Texts(System.Text.Json.JsonElement list) => list.EnumerateArray().Select(item => item.GetString()!);

    [Fact]
    public async Task ARosterWithAnUnknownColumnReportsIt()
    {
        var (name, idNumber, phone) = Person();
        var file = Rosters.GbkCsv(Rosters.Title, "序号,姓名,公民身份号码,联系电话,家庭住址,", $"1,{name},{idNumber},{phone},洞山路1号,");
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "unknown-column.csv")).ReadJson();

        Assert.Equal(1, batch.RosterCount("veteransCreated"));
        var line = Assert.Single(await admin.Errors(batch.GetProperty("id").GetGuid()));
        Assert.Equal((2, "家庭住址", "warning"),
            (line.GetProperty("rowNumber").GetInt32(), line.GetProperty("column").GetString(), line.GetProperty("severity").GetString()));
        Assert.Contains("mapping", line.GetProperty("problem").GetString());
        Assert.Contains("homeDistrict", line.GetProperty("problem").GetString());
    }

    [Fact]
    public async Task TheMilitarySpecialtyColumnFillsTheSpecialties()
    {
        var (name, idNumber, phone) = Person();
        var file = Rosters.GbkCsv("姓名,身份证号,手机号,军队专业,所学专业", $"{name},{idNumber},{phone},汽车驾驶员,机电一体化");
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "specialty.csv")).ReadJson();

        Assert.Equal(1, batch.RosterCount("veteransCreated"));
        Assert.Empty(await admin.Errors(batch.GetProperty("id").GetGuid()));
        var profile = (await admin.ProfileByIdNumber(idNumber))!.Value;
        Assert.Equal(["汽车驾驶员"], Texts(profile.GetProperty("service").GetProperty("specialties")));
        Assert.Equal("机电一体化", profile.GetProperty("education").GetProperty("major").GetString());
        Assert.Contains(profile.GetProperty("skills").EnumerateArray(), s => s.GetProperty("source").GetString() == "inferred"
            && s.GetProperty("specialty").GetString() == "汽车驾驶员");
    }

    [Fact]
    public async Task ALicenceWrittenInTheCertificateColumnBecomesALicenceClass()
    {
        var (first, second) = (Person(), Person());
        var file = Rosters.GbkCsv("姓名,身份证号,手机号,准驾车型,持有证书",
            $"{first.Name},{first.IdNumber},{first.Phone},,B2驾驶证、电工证（低压）、叉车证、保安员证",
            $"{second.Name},{second.IdNumber},{second.Phone},C1,A1、A2");
        var admin = api.Admin();

        var batch = await (await admin.UploadRoster(file, "certificates.csv")).ReadJson();

        Assert.Equal((2, 0), (batch.RosterCount("veteransCreated"), batch.RosterCount("rowsRejected")));
        var certificates = (await admin.ProfileByIdNumber(first.IdNumber))!.Value.GetProperty("certificates");
        Assert.Equal(["B2"], Texts(certificates.GetProperty("licenceClasses")));
        Assert.Equal(["电工证（低压）"], Texts(certificates.GetProperty("specialOperations")));
        Assert.Equal(["叉车证"], Texts(certificates.GetProperty("specialEquipment")));
        Assert.Equal(["保安员证"], Texts(certificates.GetProperty("others")));
        var merged = (await admin.ProfileByIdNumber(second.IdNumber))!.Value.GetProperty("certificates");
        Assert.Equal(["A1", "A2", "C1"], Texts(merged.GetProperty("licenceClasses")).Order());
    }

    [Fact]
    public async Task ACertificateColumnRecordsTheCertificatesEvenWhenItsCellIsBlank()
    {
        var (blank, absent, own) = (Person(), Person(), Person());
        var admin = api.Admin();
        await admin.UploadRoster(Rosters.GbkCsv("姓名,身份证号,证书", $"{blank.Name},{blank.IdNumber},"), "blank-certificates.csv");
        await admin.UploadRoster(Rosters.GbkCsv("姓名,身份证号", $"{absent.Name},{absent.IdNumber}"), "no-certificates.csv");
        var ownId = (await api.Veteran("vet-roster-recorded").CreateProfile(VeteranData.Profile(own.Name, own.IdNumber, own.Phone)))
            .GetProperty("id").GetGuid();

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

        Assert.True(await Recorded((await admin.ProfileByIdNumber(blank.IdNumber))!.Value.GetProperty("id").GetGuid()));
        Assert.False(await Recorded((await admin.ProfileByIdNumber(absent.IdNumber))!.Value.GetProperty("id").GetGuid()));
        Assert.True(await Recorded(ownId));
    }
}
