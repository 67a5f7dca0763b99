using Dapper;
using JobMatch.Api.DemoData;
using Npgsql;

namespace JobMatch.Api.Companies;

/// <summary>The order-class sponsors named in the seed report, and a demo recruiter (<c>demo-recruiter</c>) linked to the first.</summary>
sealed class DemoCompanies : IDemoSeeder
{
    public const string DemoRecruiter = "demo-recruiter";

    static readonly (string Name, string Industry, string District)[] Sponsors =
    [
        ("国瑞药业有限公司", "医药制造", "经济技术开发区"),
        ("安徽山河药用辅料股份有限公司", "医药制造", "经济技术开发区"),
        ("安徽嘉玺新材料科技有限公司", "新材料", "高新技术产业开发区"),
        ("浙江华友钴业股份有限公司", "新材料", "凤台县"),
    ];

    public string Name => "companies";
    public int Order => 10;

    public async Task SeedAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IProgress<double> progress, CancellationToken ct)
    {
        Guid? first = null;
        foreach (var (name, industry, district) in Sponsors)
        {
            var id = Guid.CreateVersion7();
            first ??= id;
            await db.ExecuteAsync("""
                INSERT INTO companies (id, name, normalized_name, industry, district, created_by)
                VALUES (@id, @name, @normalized, @industry, @district, 'system')
                ON CONFLICT DO NOTHING
                """, new { id, name, normalized = CompanyName.Normalize(name), industry, district }, transaction);
        }
        await db.ExecuteAsync("""
            INSERT INTO recruiter_links (subject, company_id, linked_by) VALUES (@subject, @first, 'system')
            """, new { subject = DemoRecruiter, first }, transaction);
    }
}
