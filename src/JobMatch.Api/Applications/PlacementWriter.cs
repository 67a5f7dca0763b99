using System.Data.Common;
using Dapper;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using JobMatch.Api.Interactions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Spreadsheets;
using ReportLine = JobMatch.Api.Imports.ImportProblems.ReportLine;

namespace JobMatch.Api.Applications;

/// <summary>
/// Writes one historical record at a time in the import's transaction, remembering companies and positions it has seen; the
/// report says what it rejected and what it created.
/// </summary>
sealed class PlacementWriter(DbConnection db, DbTransaction tx, IdNumberVault vault, TimeProvider clock, string actor)
{
    const string UnknownTitle = "（历史记录）";
    readonly Dictionary<(string?, string), Guid> companies = [];
    readonly Dictionary<(Guid, string), Guid> positions = [];

    public List<ReportLine> Report { get; } = [];
    public int Written { get; private set; }
    public int Duplicates { get; private set; }
    public int Rejected { get; private set; }
    public int CompaniesCreated { get; private set; }
    public int PositionsCreated { get; private set; }

    public async Task WriteAsync(int rowNumber, string? idNumber, string? company, string? creditCode, string? title, string? date,
        string? outcome)
    {
        if (!ResidentId.TryParse(idNumber, clock, out var resident))
        {
            // Never echo a whole ID number, even a wrong one.
            Reject(rowNumber, "身份证号", Masking.IdNumber(idNumber), "身份证号无效。", "Invalid ID number.");
            return;
        }
        var veteranId = await db.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM veterans WHERE id_number_hash = @hash",
            new { hash = vault.LookupHash(resident.Number) }, tx);
        if (veteranId is null)
        {
            Reject(rowNumber, "身份证号", Masking.IdNumber(resident.Number), "没有该身份证号的档案。", "No profile has this ID number.");
            return;
        }
        var code = creditCode is null ? null : CreditCode.Normalize(creditCode);
        if (code is not null && !CreditCode.IsValid(code))
        {
            Reject(rowNumber, "统一社会信用代码", creditCode, "统一社会信用代码无效（18 位，校验位须正确）。",
                "Invalid unified social credit code (18 characters with a correct check character).");
            return;
        }
        if (company is null && code is null)
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
        if (await CompanyAsync(rowNumber, company, code) is not { } companyId)
        {
            return;
        }
        var positionId = await PositionAsync(rowNumber, companyId, company ?? code!, title ?? UnknownTitle);
        // Noon in Asia/Shanghai: the record's day stays the same day in every report.
        var at = TimeZoneInfo.ConvertTimeToUtc(day.Value.ToDateTime(new TimeOnly(12, 0)), ShanghaiTime.Zone);
        var already = await db.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (SELECT 1 FROM interactions WHERE veteran_id = @veteranId AND position_id = @positionId AND kind = @kind
                           AND at = @at AND source = 'historical')
            """, new { veteranId, positionId, kind, at }, tx);
        if (already)
        {
            Duplicates++;
            Report.Add(new ReportLine(rowNumber, null, null, ImportProblem.Duplicate, Say.Text(
                "该记录已导入过。", "This record was imported before.")));
            return;
        }
        await InteractionLog.RecordAsync(db, tx, veteranId.Value, positionId, kind, "historical", at);
        Written++;
    }

    void Reject(int rowNumber, string column, string? value, string chinese, string english)
    {
        Rejected++;
        Report.Add(new ReportLine(rowNumber, column, value, ImportProblem.Rejected, Say.Text(chinese, english)));
    }

    sealed record KnownCompany(Guid Id, string Name, string? CreditCode);

    /// <summary>
    /// The company by credit code first, else by normalised name; a name that fits several companies is no answer (the row is
    /// rejected naming them), and a company found by neither is created and listed in the report.
    /// </summary>
    async Task<Guid?> CompanyAsync(int rowNumber, string? name, string? code)
    {
        var normalized = name is null ? "" : CompanyName.Normalize(name);
        if (companies.TryGetValue((code, normalized), out var known))
        {
            return known;
        }
        if (code is not null && await db.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM companies WHERE credit_code = @code",
            new { code }, tx) is { } byCode)
        {
            return companies[(code, normalized)] = byCode;
        }
        if (name is null)
        {
            Reject(rowNumber, "统一社会信用代码", code, "没有该统一社会信用代码的单位，且缺少单位名称。",
                "No company has this credit code, and the company name is missing.");
            return null;
        }
        // A code the register does not hold still rules out a namesake registered under another code.
        var namesakes = (await db.QueryAsync<KnownCompany>("""
            SELECT id, name, credit_code FROM companies
            WHERE normalized_name = @normalized AND (@code::text IS NULL OR credit_code IS NULL)
            ORDER BY id LIMIT 5
            """, new { normalized, code }, tx)).ToList();
        if (namesakes.Count > 1)
        {
            var named = string.Join("；", namesakes.Select(c => $"{c.Name}（{c.CreditCode ?? "无统一社会信用代码 / no credit code"}）"));
            Reject(rowNumber, "单位名称", name, $"单位名称对应多家单位：{named}。请增加“统一社会信用代码”列指明是哪一家。",
                $"The company name matches several companies: {named}. Add a 统一社会信用代码 (credit code) column to say which.");
            return null;
        }
        if (namesakes.Count == 1)
        {
            return companies[(code, normalized)] = namesakes[0].Id;
        }
        var id = Guid.CreateVersion7();
        await db.ExecuteAsync("""
            INSERT INTO companies (id, name, normalized_name, credit_code, created_by) VALUES (@id, @name, @normalized, @code, @actor)
            """, new { id, name = name.Trim(), normalized, code, actor }, tx);
        CompaniesCreated++;
        Report.Add(new ReportLine(rowNumber, "单位名称", name.Trim(), ImportProblem.Warning, Say.Text(
            "未找到该单位：已新建（请核对它是否为已登记单位的另一种写法）。",
            "No such company: created (check it is not another name of a registered company).")));
        return companies[(code, normalized)] = id;
    }

    async Task<Guid> PositionAsync(int rowNumber, Guid companyId, string company, string title)
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
            Report.Add(new ReportLine(rowNumber, "岗位名称", title, ImportProblem.Warning, Say.Text(
                $"单位「{company.Trim()}」没有岗位「{title}」：已作为已关闭的历史岗位创建。",
                $"'{company.Trim()}' had no position '{title}': created as a closed historical position.")));
        }
        return positions[(companyId, title)] = id.Value;
    }
}
