using Dapper;
using JobMatch.Api.Companies;
using JobMatch.Api.DemoData;
using JobMatch.Api.Programs;
using Npgsql;

namespace JobMatch.Api.Imports;

/// <summary>
/// The seed report's listings (synthetic data, see data/listings/README.md): the Huainan Union University order class
/// with its four sponsors, and the online fair of 2023-03-16 imported from data/listings/fair-2023-03-16.xlsx
/// through the same import engine that serves uploads. The demo recruiter also acts for one of the fair's employers
/// (<see cref="DemoRecruiterFairCompany"/>), so that they can import their share of the fair's sheet as the bureau sends it.
/// </summary>
sealed class DemoListings : IDemoSeeder
{
    public const string SampleFair = "fair-2023-03-16.xlsx";

    /// <summary>An employer of the sample fair (six positions) that the demo recruiter acts for besides the first sponsor.</summary>
    public const string DemoRecruiterFairCompany = "淮南凤凰鑫源药业股份有限公司";

    static readonly (string Name, int Seats)[] Sponsors =
    [
        ("国瑞药业有限公司", 15), ("安徽山河药用辅料股份有限公司", 10), ("安徽嘉玺新材料科技有限公司", 10), ("浙江华友钴业股份有限公司", 15),
    ];

    public string Name => "listings";
    public int Order => 20;

    public async Task SeedAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IProgress<double> progress, CancellationToken ct)
    {
        var sponsorIds = new List<SponsorSeats>();
        foreach (var (name, seats) in Sponsors)
        {
            var id = await db.QuerySingleAsync<Guid>("SELECT id FROM companies WHERE normalized_name = @normalized ORDER BY id LIMIT 1",
                new { normalized = CompanyName.Normalize(name) }, transaction);
            sponsorIds.Add(new SponsorSeats(id, seats));
        }
        await ProgramsApi.CreateAsync(db, transaction, new CreateProgram("学历+就业订单班（首期）", "淮南联合大学",
            ["药品生产技术", "应用化工技术", "材料工程技术"], "大专", new DateOnly(2023, 9, 1), 36, [.. sponsorIds]), "system");
        progress.Report(0.1);

        var fairId = Guid.CreateVersion7();
        await db.ExecuteAsync("""
            INSERT INTO job_fairs (id, name, held_on, online, organiser, declared_companies, declared_positions, declared_openings, created_by)
            VALUES (@fairId, '淮南市退役军人网络专场招聘会', '2023-03-16', true, '淮南市退役军人服务中心', 182, 384, 1264, 'system')
            """, new { fairId }, transaction);
        await using var stream = typeof(DemoListings).Assembly.GetManifestResourceStream(SampleFair)
            ?? throw new InvalidOperationException($"{SampleFair} is not embedded in the assembly.");
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        await ImportRunner.RunAsync(db, transaction, Guid.CreateVersion7(),
            new ImportRequest(new ImportSource(fairId, null), SampleFair, buffer.ToArray(), null, "system", null), new ImportOptions(),
            (done, total) => progress.Report(0.1 + 0.9 * done / Math.Max(total, 1)), ct);
        await db.ExecuteAsync("""
            INSERT INTO recruiter_links (subject, company_id, linked_by)
            SELECT @subject, id, 'system' FROM companies WHERE normalized_name = @normalized
            """, new { subject = DemoCompanies.DemoRecruiter, normalized = CompanyName.Normalize(DemoRecruiterFairCompany) }, transaction);
    }
}
