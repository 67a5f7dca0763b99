using Dapper;
using JobMatch.Api.Audit;
using Npgsql;

namespace JobMatch.Api.DemoData;

/// <summary>Seeding progress of one seeder: its name and how far it is (0 to 1).</summary>
public sealed record SeedProgress(string Seeder, double Fraction);

public static class DemoDataLoader
{
    /// <summary>The app_state row written with the demo data, in the same transaction.</summary>
    const string Marker = "demo_data_loaded_at";

    public static IServiceCollection AddDemoSeeder<T>(this IServiceCollection services) where T : class, IDemoSeeder =>
        services.AddSingleton<IDemoSeeder, T>();

    /// <summary>On the first start of the embedded database (DemoData:Enabled): a populated service to try at once.</summary>
    public static async Task LoadOnFirstStartAsync(IServiceProvider services)
    {
        if (services.GetRequiredService<IConfiguration>().GetValue<bool>("DemoData:Enabled"))
        {
            await LoadAsync(services, new Progress<SeedProgress>(), CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs every seeder in one transaction with the marker row; false when demo data was loaded before.
    /// A crash mid-way rolls everything back, and the next start loads it again from scratch.
    /// </summary>
    public static async Task<bool> LoadAsync(IServiceProvider services, IProgress<SeedProgress> progress, CancellationToken ct)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var db = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        var claimed = await db.ExecuteAsync("""
            INSERT INTO app_state (key, value) VALUES (@Marker, now()::text) ON CONFLICT (key) DO NOTHING
            """, new { Marker }, tx);
        if (claimed == 0)
        {
            return false;
        }
        foreach (var seeder in services.GetServices<IDemoSeeder>().OrderBy(seeder => seeder.Order))
        {
            var reporter = new Progress<double>(fraction => progress.Report(new SeedProgress(seeder.Name, fraction)));
            await seeder.SeedAsync(db, tx, reporter, ct);
            progress.Report(new SeedProgress(seeder.Name, 1));
        }
        await AuditLog.WriteAsync(db, tx, "system", "system", "demo_data.loaded", "database", null);
        await tx.CommitAsync(ct);
        return true;
    }

    public static Task<bool> WasLoadedAsync(NpgsqlConnection db) =>
        db.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM app_state WHERE key = @Marker)", new { Marker });
}
