using Dapper;
using JobMatch.Api.Applications;
using JobMatch.Api.DemoData;
using JobMatch.Api.Tests.Infrastructure;
using Npgsql;

namespace JobMatch.Api.Tests.Applications;

public sealed class DemoApplicationsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task DemoApplicationsReachEveryStateWithoutOverfillingAndTheirFunnelAddsUp()
    {
        _ = api.Server;
        Assert.True(await DemoDataLoader.LoadAsync(api.Services, new Progress<SeedProgress>(), CancellationToken.None));
        await using var db = new NpgsqlConnection(api.Cluster.SuperuserConnectionString(api.Database));

        var states = (await db.QueryAsync<string>("SELECT DISTINCT state FROM applications")).ToHashSet();
        Assert.Superset(new HashSet<string> { "submitted", "screening", "interview", "offer", "hired", "rejected", "withdrawn", "cancelled",
            "applied", "enrolled", "graduated", "employed", "dropped" }, states);
        // Every position's filled count is exactly the applications that hold one of its openings.
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM positions p
            WHERE p.filled <> (SELECT count(*) FROM applications a WHERE a.position_id = p.id
                               AND a.state IN ('hired', 'enrolled', 'graduated', 'employed', 'retained_6m', 'retained_12m'))
            """));
        Assert.All(await db.QueryAsync<Guid>("SELECT id FROM applications"), id => Assert.Equal(7, id.Version));
        Assert.Equal(0, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM positions WHERE status = 'filled'"));
        // The demo's applicants answered the consents when they registered, before applying: no "no" to sharing came after,
        // so each company reads its live applicants (a quarter of them do not share with recruiters at large).
        Assert.Equal(0, await db.ExecuteScalarAsync<long>($"""
            SELECT count(*) FROM applications a JOIN positions p ON p.id = a.position_id
            WHERE a.state <> ALL(@ended) AND NOT {ApplicationAccess.CompanyReadsVeteran("a.veteran_id", "p.company_id")}
            """, new { ended = ApplicationStates.Ended.ToArray() }));

        var fair = await db.QuerySingleAsync<Guid>("SELECT id FROM job_fairs WHERE name = '淮南市退役军人网络专场招聘会'");
        var funnel = await (await api.Admin().GetAsync($"/api/reports/job-fairs/{fair}")).Read<FairFunnelAnswer>();
        var hired = await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM applications a JOIN positions p ON p.id = a.position_id WHERE p.fair_id = @fair AND a.state = 'hired'", new { fair });
        Assert.Equal(hired, funnel.Hires);
        Assert.Equal(1264, funnel.Openings);
        Assert.True(funnel.Applications >= 1000);
    }
}
