using System.Net;
using JobMatch.Api.DemoData;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobMatch.Api.Tests.Imports;

/// <summary>A small upload limit for the 413 test.</summary>
public sealed class SmallUploadsFactory : ApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Imports:MaxFileBytes", "4096");
    }
}

public sealed class ImportFailureTests(SmallUploadsFactory api) : IClassFixture<SmallUploadsFactory>
{
    [Fact]
    public async Task DatabaseErrorInTheMiddleOfAnImportLeavesNoPartialBatch()
    {
        var admin = api.Admin();
        var fair = await admin.CreateFair();
        var marker = "故障" + Guid.NewGuid().ToString("N")[..8];
        // Companies are written before positions: a failure on the positions proves the companies are rolled back too.
        await using (var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database)))
        {
            await db.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                CREATE FUNCTION fail_{marker.GetHashCode() & 0x7fffffff}() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.title = '{marker}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER fail_{marker.GetHashCode() & 0x7fffffff} BEFORE INSERT ON positions
                    FOR EACH ROW EXECUTE FUNCTION fail_{marker.GetHashCode() & 0x7fffffff}();
                """, db);
            await command.ExecuteNonQueryAsync();
        }
        var company = "淮南中断" + Guid.NewGuid().ToString("N")[..6];
        var file = Listings.Csv("单位名称,岗位名称,招聘人数", $"{company}有限公司,保安员,2", $"{company}有限公司,{marker},1", $"{company}二有限公司,电工,1");

        var failed = await admin.Upload(fair, file, "fails.csv");
        await failed.AssertProblem(500);

        Assert.Empty(await admin.OpeningAnswersOf(fair));
        var companies = await (await admin.GetAsync($"/api/companies?q={Uri.EscapeDataString(company)}")).Read<PageOf<CompanyAnswer>>();
        Assert.Equal(0, companies.Total);
        await using (var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database)))
        {
            await db.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM import_batches WHERE fair_id = $1", db) { Parameters = { new() { Value = fair } } };
            Assert.Equal(0L, await count.ExecuteScalarAsync());
        }
    }

    [Fact]
    public async Task FileOverTheConfiguredSizeAnswers413()
    {
        var fair = await api.Admin().CreateFair();
        var response = await api.Admin().Upload(fair, new byte[8192], "big.csv");
        await response.AssertProblem(413);
    }

    [Fact]
    public async Task DemoDataLoadsTheSampleFairAndTheUnionUniversityProgram()
    {
        Assert.True(await DemoDataLoader.LoadAsync(api.Services, new Progress<SeedProgress>(), CancellationToken.None));
        var admin = api.Admin();
        var fairs = await (await admin.GetAsync("/api/job-fairs")).Read<PageOf<JobFairAnswer>>();
        var fair = fairs.Items.Single(f => f.Name == "淮南市退役军人网络专场招聘会").Id;
        var openings = await (await admin.GetAsync($"/api/openings?fairId={fair}&limit=1")).Read<PageOf<OpeningAnswer>>();
        Assert.Equal(384, openings.Total);
        var programs = await (await admin.GetAsync("/api/programs")).Read<PageOf<ProgramAnswer>>();
        var program = programs.Items.Single(p => p.College == "淮南联合大学");
        Assert.Equal(4, program.Sponsors.Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/openings?programId={program.Id}")).StatusCode);
    }
}
