using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Companies;
using Npgsql;

namespace JobMatch.Api.DemoData;

/// <summary>
/// On the first start of an embedded database, a few records so the service can be tried at once: the order-class
/// sponsors named in the seed report, and a demo recruiter (subject <c>demo-recruiter</c>) linked to one of them.
/// One transaction with its marker, so a crash mid-way loads it again next time rather than half of it.
/// </summary>
public static class DemoDataLoader
{
    public const string DemoRecruiter = "demo-recruiter";

    static readonly (string Name, string Industry, string District)[] Companies =
    [
        ("国瑞药业有限公司", "医药制造", "经济技术开发区"),
        ("安徽山河药用辅料股份有限公司", "医药制造", "经济技术开发区"),
        ("安徽嘉玺新材料科技有限公司", "新材料", "高新技术产业开发区"),
        ("浙江华友钴业股份有限公司", "新材料", "凤台县"),
    ];

    public static async Task LoadOnFirstStartAsync(IServiceProvider services)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue<bool>("DemoData:Enabled"))
        {
            return;
        }
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var claimed = await db.ExecuteAsync("""
            INSERT INTO app_state (key, value) VALUES ('demo_data_loaded_at', now()::text) ON CONFLICT (key) DO NOTHING
            """, transaction: tx);
        if (claimed == 0)
        {
            return; // loaded on an earlier start
        }
        Guid? first = null;
        foreach (var (name, industry, district) in Companies)
        {
            var id = Guid.CreateVersion7();
            first ??= id;
            await db.ExecuteAsync("""
                INSERT INTO companies (id, name, normalized_name, industry, district, created_by)
                VALUES (@id, @name, @normalized, @industry, @district, 'system')
                """, new { id, name, normalized = CompanyName.Normalize(name), industry, district }, tx);
        }
        await db.ExecuteAsync("""
            INSERT INTO recruiter_links (subject, company_id, linked_by) VALUES (@subject, @first, 'system')
            """, new { subject = DemoRecruiter, first }, tx);
        await AuditLog.WriteAsync(db, tx, "system", "system", "demo_data.loaded", "database", null, new { companies = Companies.Length });
        await tx.CommitAsync();
    }
}
