using Npgsql;

namespace JobMatch.Api.DemoData;

/// <summary>
/// One feature's demo records. Every seeder runs inside the same transaction as the others and the "loaded" marker,
/// so demo data is either all there or not at all. Register with <c>services.AddDemoSeeder&lt;T&gt;()</c>.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Shown beside the progress bar.</summary>
    string Name { get; }

    /// <summary>Seeders run in ascending order: companies before the positions that refer to them.</summary>
    int Order { get; }

    /// <summary>Writes the records; reports progress from 0 to 1.</summary>
    Task SeedAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IProgress<double> progress, CancellationToken ct);
}
