using Dapper;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using Npgsql;

namespace JobMatch.Api.Veterans;

/// <summary>Bureau staff's search of profiles: a page of summaries, identifiers masked, and how many the filters match.</summary>
static class VeteranSearch
{
    /// <summary>The filters as asked (query string); null matches all.</summary>
    public sealed record Query(string? Q, string? IdNumber, string? Phone, string? District, string? Branch, string? Status, bool? Synthetic);

    /// <summary>
    /// The checked filters; null matches all. Q: part of the name; IdNumberHash: the vault's lookup hash of one number;
    /// Phone: one whole mobile number; District, Branch and Status: codes.
    /// </summary>
    public sealed record Filter(string? Q, byte[]? IdNumberHash, string? Phone, string? District, string? Branch, string? Status, bool? Synthetic);

    /// <summary>The query checked into a filter; each value not understood adds its error (the filter is then not to be used).</summary>
    public static Filter Check(Query query, IdNumberVault vault, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        ResidentId? resident = null;
        if (query.IdNumber is not null && !ResidentId.TryParse(query.IdNumber, clock, out resident))
        {
            errors["idNumber"] = [Say.Text("身份证号无效。", "Invalid ID number.")];
        }
        var phone = query.Phone is null ? null : PhoneNumber.Normalize(query.Phone);
        if (query.Phone is not null && phone is null)
        {
            errors["phone"] = [Say.Text("请输入完整的 11 位手机号。", "Give the whole 11-digit mobile number.")];
        }
        var district = query.District is null ? null : Districts.Code(query.District);
        if (query.District is not null && district is null)
        {
            errors["district"] = [Say.Text("未知的区县。", "Unknown district.")];
        }
        var branch = query.Branch is null ? null : Vocabulary.Code(ServiceBranches.Names, query.Branch);
        if (query.Branch is not null && branch is null)
        {
            errors["branch"] = [Say.Text("未知的军种。", "Unknown branch.")];
        }
        var status = query.Status is null ? null : Vocabulary.Code(Vocabulary.Statuses, query.Status);
        if (query.Status is not null && status is null)
        {
            errors["status"] = [Say.Text("未知的求职状态。", "Unknown job status.")];
        }
        return new Filter(string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim(),
            resident is null ? null : vault.LookupHash(resident.Number), phone, district, branch, status, query.Synthetic);
    }

    sealed record SummaryRow(Guid Id, string Name, byte[]? IdNumberCipher, string? Phone, string? Branch, string? HomeDistrict,
        string? EducationLevel, string Status, bool Synthetic, DateTime CreatedAt);

    const string Where = """
        WHERE (@q::text IS NULL OR strpos(name, @q) > 0) AND (@hash::bytea IS NULL OR id_number_hash = @hash)
          AND (@phone::text IS NULL OR phone = @phone)
          AND (@district::text IS NULL OR home_district = @district) AND (@branch::text IS NULL OR branch = @branch)
          AND (@status::text IS NULL OR status = @status) AND (@synthetic::boolean IS NULL OR synthetic = @synthetic)
        """;

    /// <summary>Newest first, up to <paramref name="take"/> after the cursor's id.</summary>
    public static async Task<Page<VeteranSummary>> PageAsync(NpgsqlDataSource dataSource, IdNumberVault vault, Filter filter, Guid? after,
        int take)
    {
        var parameters = new
        {
            q = filter.Q, hash = filter.IdNumberHash, phone = filter.Phone, district = filter.District, branch = filter.Branch,
            status = filter.Status, synthetic = filter.Synthetic,
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
