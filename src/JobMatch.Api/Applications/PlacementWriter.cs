using System.Data.Common;
using Dapper;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using JobMatch.Api.Interactions;
using JobMatch.Api.Veterans;
using ReportLine = JobMatch.Api.Imports.ImportProblems.ReportLine;

namespace JobMatch.Api.Applications;

/// <summary>Writes one historical record at a time in the import's transaction, remembering companies and positions it has seen.</summary>
sealed class PlacementWriter(DbConnection db, DbTransaction tx, IdNumberVault vault, string actor)
{
    const string UnknownTitle = "（历史记录）";
    readonly Dictionary<string, Guid> companies = [];
    readonly Dictionary<(Guid, string), Guid> positions = [];

    public List<ReportLine> Report { get; } = [];
    public int Written { get; private set; }
    public int Duplicates { get; private set; }
    public int CompaniesCreated { get; private set; }
    public int PositionsCreated { get; private set; }

    public async Task WriteAsync(int rowNumber, string? idNumber, string? company, string? title, string? date, string? outcome)
    {
        if (!ResidentId.TryParse(idNumber, out var resident))
        {
            // Never echo a whole ID number, even a wrong one.
            Reject(rowNumber, "身份证号", idNumber is { Length: >= 8 } ? ResidentId.Mask(idNumber) : null, "身份证号无效。", "Invalid ID number.");
            return;
        }
        var veteranId = await db.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM veterans WHERE id_number_hash = @hash",
            new { hash = vault.LookupHash(resident.Number) }, tx);
        if (veteranId is null)
        {
            Reject(rowNumber, "身份证号", ResidentId.Mask(resident.Number), "没有该身份证号的档案。", "No profile has this ID number.");
            return;
        }
        if (company is null)
        {
            Reject(rowNumber, "单位名称", null, "缺少单位名称。", "The company is missing.");
            return;
        }
        if (!CellParsers.TryDate(date, out var day) || day is null)
        {
            Reject(rowNumber, "日期", date, "日期无法识别。", "Date not understood.");
            return;
        }
        if (outcome is null || !PlacementImport.Outcomes.TryGetValue(CellParsers.Compact(outcome), out var kind))
        {
            Reject(rowNumber, "结果", outcome, $"结果无法识别：可用 {string.Join("、", PlacementImport.Outcomes.Keys.Take(8))} 等。",
                "Outcome not understood (录用, 面试, 已投递, 未录用...).");
            return;
        }
        var positionId = await PositionAsync(await CompanyAsync(company), title ?? UnknownTitle);
        // Noon in Asia/Shanghai: the record's day stays the same day in every report.
        var at = TimeZoneInfo.ConvertTimeToUtc(day.Value.ToDateTime(new TimeOnly(12, 0)), ShanghaiTime.Zone);
        var already = await db.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM interactions WHERE veteran_id = @veteranId AND position_id = @positionId AND kind = @kind
                           AND at = @at AND source = 'historical')
            """, new { veteranId, positionId, kind, at }, tx);
        if (already)
        {
            Duplicates++;
            Report.Add(new ReportLine(rowNumber, null, null, "duplicate", Say.Text("该记录已导入过。", "This record was imported before.")));
            return;
        }
        await InteractionLog.RecordAsync(db, tx, veteranId.Value, positionId, kind, "historical", at);
        Written++;
    }

    void Reject(int rowNumber, string column, string? value, string chinese, string english) =>
        Report.Add(new ReportLine(rowNumber, column, value, "rejected", Say.Text(chinese, english)));

    async Task<Guid> CompanyAsync(string name)
    {
        var normalized = CompanyName.Normalize(name);
        if (companies.TryGetValue(normalized, out var known))
        {
            return known;
        }
        var id = await db.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM companies WHERE normalized_name = @normalized ORDER BY id LIMIT 1",
            new { normalized }, tx);
        if (id is null)
        {
            id = Guid.CreateVersion7();
            await db.ExecuteAsync("INSERT INTO companies (id, name, normalized_name, created_by) VALUES (@id, @name, @normalized, @actor)",
                new { id, name = name.Trim(), normalized, actor }, tx);
            CompaniesCreated++;
        }
        return companies[normalized] = id.Value;
    }

    async Task<Guid> PositionAsync(Guid companyId, string title)
    {
        if (positions.TryGetValue((companyId, title), out var known))
        {
            return known;
        }
        var id = await db.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM positions WHERE company_id = @companyId AND title = @title ORDER BY id LIMIT 1",
            new { companyId, title }, tx);
        if (id is null)
        {
            // A past position, known only from the record: closed, so it never shows as an opening.
            id = Guid.CreateVersion7();
            await db.ExecuteAsync("""
                INSERT INTO positions (id, company_id, kind, title, status, created_by, notes)
                VALUES (@id, @companyId, 'job', @title, 'closed', @actor, '历史安置记录导入')
                """, new { id, companyId, title, actor }, tx);
            PositionsCreated++;
        }
        return positions[(companyId, title)] = id.Value;
    }
}
