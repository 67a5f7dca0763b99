using Dapper;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using Npgsql;

namespace JobMatch.Api.Veterans;

/// <summary>Bureau staff's search of profiles: a page of summaries, identifiers masked, and how many the filters match.</summary>
static class VeteranSearch
{
    /// <summary>The checked filters; null matches all. Q: part of the name; IdNumberHash: the vault's lookup hash of one number.</summary>
    public sealed record Filter(string? Q, byte[]? IdNumberHash, string? District, string? Branch, bool? Synthetic);

    sealed record SummaryRow(Guid Id, string Name, byte[]? IdNumberCipher, string? Phone, string? Branch, string? HomeDistrict,
        string? EducationLevel, string Status, bool Synthetic, DateTime CreatedAt);

    const string Where = """
        WHERE (@q::text IS NULL OR strpos(name, @q) > 0) AND (@hash::bytea IS NULL OR id_number_hash = @hash)
          AND (@district::text IS NULL OR home_district = @district) AND (@branch::text IS NULL OR branch = @branch)
          AND (@synthetic::boolean IS NULL OR synthetic = @synthetic)
        """;

    /// <summary>Newest first, up to <paramref name="take"/> after the cursor's id.</summary>
    public static async Task<Page<VeteranSummary>> PageAsync(NpgsqlDataSource dataSource, IdNumberVault vault, Filter filter, Guid? after,
        int take)
    {
        var parameters = new
        {
            q = filter.Q, hash = filter.IdNumberHash, district = filter.District, branch = filter.Branch, synthetic = filter.Synthetic,
            after, take = take + 1,
        };
        await using var db = await dataSource.OpenConnectionAsync();
        var rows = (await db.QueryAsync<SummaryRow>($"""
            SELECT id, name, id_number_cipher, phone, branch, home_district, education_level, status, synthetic, created_at
            FROM veterans {Where} AND (@after::uuid IS NULL OR id < @after)
            ORDER BY id DESC LIMIT @take
            """, parameters)).Select(r => new VeteranSummary(r.Id, r.Name,
                r.IdNumberCipher is null ? null : Masking.IdNumber(vault.Decrypt(r.IdNumberCipher)),
                Masking.Phone(r.Phone), r.Branch, r.HomeDistrict, r.EducationLevel, r.Status, r.Synthetic, r.CreatedAt)).ToList();
        var total = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM veterans {Where}", parameters);
        return Paging.ToPage(rows, take, total, v => v.Id);
    }
}
