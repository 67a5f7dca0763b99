using System.Diagnostics;
using Dapper;
using JobMatch.Api.DemoData;
using JobMatch.Api.Privacy;
using JobMatch.Api.Tests.Infrastructure;
using JobMatch.Api.Veterans;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobMatch.Api.Tests.Veterans;

public sealed class DemoVeteransTests(ApiFactory api, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<ApiFactory>
{
    sealed record Seeded(Guid Id, byte[] IdNumberCipher, string Phone, string Branch, string HomeDistrict);

    [Fact]
    public async Task SeedWritesTwoThousandSyntheticVeteransWithValidHuainanIdNumbersSkillsAndConsents()
    {
        _ = api.Server;
        var clock = Stopwatch.StartNew();
        Assert.True(await DemoDataLoader.LoadAsync(api.Services, new Progress<SeedProgress>(), CancellationToken.None));
        clock.Stop();
        output.WriteLine($"Demo data (companies and {DemoVeterans.Count} veterans) loaded in {clock.Elapsed.TotalSeconds:0.00} s");

        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));
        var rows = (await db.QueryAsync<Seeded>(
            "SELECT id, id_number_cipher, phone, branch, home_district FROM veterans WHERE synthetic")).ToList();
        Assert.Equal(DemoVeterans.Count, rows.Count);
        var vault = api.Services.GetRequiredService<IdNumberVault>();
        var numbers = rows.Select(r => vault.Decrypt(r.IdNumberCipher)).ToList();
        Assert.All(numbers, n => Assert.True(ResidentId.TryParse(n, TimeProvider.System, out _)
            && n.StartsWith("3404", StringComparison.Ordinal), "a valid Huainan ID number"));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.All(rows, r => Assert.NotNull(PhoneNumber.Normalize(r.Phone)));
        var branches = rows.GroupBy(r => r.Branch).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        Assert.Equal("army", branches[0]);
        Assert.True(rows.Select(r => r.HomeDistrict).Distinct().Count() >= 7);
        var withInferredSkills = await db.ExecuteScalarAsync<long>(
            "SELECT count(DISTINCT veteran_id) FROM veteran_skills s JOIN veterans v ON v.id = s.veteran_id WHERE v.synthetic AND s.source = 'inferred'");
        Assert.Equal(DemoVeterans.Count, withInferredSkills);
        var sharing = await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM current_consents c JOIN veterans v ON v.id = c.veteran_id WHERE v.synthetic AND c.kind = 'share_with_recruiters' AND c.granted");
        Assert.InRange(sharing, 1300, 1700);
    }
}
