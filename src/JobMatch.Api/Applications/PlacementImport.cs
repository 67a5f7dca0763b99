using System.Security.Claims;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using JobMatch.Api.Privacy;
using JobMatch.Api.Spreadsheets;
using Microsoft.Extensions.Options;
using Npgsql;
using ReportLine = JobMatch.Api.Imports.ImportProblems.ReportLine;

namespace JobMatch.Api.Applications;

/// <summary>
/// What a historical placements file brought in; the report lists each row not written and why (ID numbers masked), each
/// company and position the import created, and each column it did not read.
/// </summary>
public sealed record PlacementImportResult(bool DryRun, int RowsRead, int Written, int Duplicates, int Rejected, int CompaniesCreated,
    int PositionsCreated, IReadOnlyList<ReportLine> Report);

/// <summary>
/// A bureau's past placement records (veteran ID number, company, title, date, outcome in Chinese) become interactions with
/// source 'historical', the ranker's training data. Reads files with the import engine's reader (CSV in UTF-8 or GBK, XLSX)
/// and its header recognition for company and title; veterans are found by the keyed hash of their ID number.
/// </summary>
public static class PlacementImport
{
    enum Column { IdNumber, Company, CreditCode, Title, Date, Outcome }

    static readonly Dictionary<string, Column> OwnHeaders = new()
    {
        ["身份证号"] = Column.IdNumber, ["身份证号码"] = Column.IdNumber, ["公民身份号码"] = Column.IdNumber, ["身份证"] = Column.IdNumber, ["idnumber"] = Column.IdNumber,
        ["日期"] = Column.Date, ["录用日期"] = Column.Date, ["入职日期"] = Column.Date, ["投递日期"] = Column.Date, ["面试日期"] = Column.Date,
        ["时间"] = Column.Date, ["办理日期"] = Column.Date, ["date"] = Column.Date,
        ["结果"] = Column.Outcome, ["状态"] = Column.Outcome, ["录用情况"] = Column.Outcome, ["应聘结果"] = Column.Outcome,
        ["求职结果"] = Column.Outcome, ["就业情况"] = Column.Outcome, ["outcome"] = Column.Outcome, ["status"] = Column.Outcome,
    };

    /// <summary>Outcomes as bureaus write them, to interaction kinds (and so to the ranker's labels).</summary>
    public static readonly IReadOnlyDictionary<string, string> Outcomes = new Dictionary<string, string>
    {
        ["录用"] = "hired", ["已录用"] = "hired", ["入职"] = "hired", ["已入职"] = "hired", ["聘用"] = "hired",
        ["上岗"] = "hired", ["已上岗"] = "hired", ["已就业"] = "hired",
        ["拟录用"] = "offer", ["签约"] = "offer", ["已签约"] = "offer",
        ["面试"] = "interview", ["已面试"] = "interview", ["参加面试"] = "interview",
        ["已投递"] = "application", ["投递"] = "application", ["已报名"] = "application", ["报名"] = "application", ["已申请"] = "application",
        ["约面"] = "interview", ["已约面"] = "interview",
        // A referral by the bureau counts as an application: the veteran was put before the company.
        ["推荐"] = "application", ["已推荐"] = "application",
        ["未录用"] = "rejected", ["不录用"] = "rejected", ["未通过"] = "rejected", ["落选"] = "rejected", ["淘汰"] = "rejected", ["不合适"] = "rejected",
        ["放弃"] = "withdrawn", ["已放弃"] = "withdrawn", ["未到岗"] = "cancelled", ["未报到"] = "cancelled",
        ["入学"] = "enrolled", ["已入学"] = "enrolled", ["毕业"] = "graduated", ["已毕业"] = "graduated",
    };

    internal static IEndpointRouteBuilder MapPlacementImport(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ImportOptions>>().Value;
        app.MapPost("/api/placements/imports", Import).WithTags("Imports").RequireAuthorization(Policies.Admin).AcceptsIdempotencyKey()
            .AcceptsUpload(options)
            .WithSummary("Import historical placement records (CSV or XLSX) as training data (admin; ?dryRun=true previews)")
            .WithDescription("Columns: 身份证号 (veteran ID number, matched to an existing profile), 单位名称 (company), 统一社会信用代码 " +
                "(optional; finds the company first), 岗位名称 (title, optional), 日期 (date), 结果 (outcome: 录用, 面试, 约面, 已投递, 已推荐, " +
                "未录用, 不合适, 拟录用, 放弃, 未到岗, 入学, 毕业...). A name matching several companies without a credit code is rejected naming " +
                "them. Unknown companies and titles are registered (the positions closed) and each is listed in the report, as is every " +
                "column not read. A row already imported is counted as a duplicate, so a file may be sent again.");
        return app;
    }

    static async Task<Results<Ok<PlacementImportResult>, Created<PlacementImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        bool? dryRun, HttpRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, IdNumberVault vault, IOptions<ImportOptions> options,
        TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: 415, title: "Unsupported media type",
                detail: Say.Text("请以 multipart/form-data 上传文件（字段 file）。", "Upload the file as multipart/form-data (field \"file\")."));
        }
        var form = await Uploads.TryReadFormAsync(request, ct);
        if ((form?.Files.GetFile(Uploads.FileField) ?? form?.Files.FirstOrDefault()) is not { } file || file.Length > options.Value.MaxFileBytes)
        {
            return Invalid("file", "请上传 CSV 或 XLSX 文件（字段 file），不超过大小上限。", "Upload a CSV or XLSX file (field \"file\") within the size limit.");
        }
        var (sheet, header, unreadable) = Read(await Uploads.BytesAsync(file, ct), options.Value, ct);
        if (unreadable is not null)
        {
            return unreadable;
        }
        await using var db = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await db.BeginTransactionAsync(ct);
        var result = await WriteAsync(new PlacementWriter(db, tx, vault, clock, user.Subject()), sheet!, header!, dryRun ?? false, ct);
        if (dryRun == true)
        {
            await tx.RollbackAsync(ct);
            return TypedResults.Ok(result);
        }
        await AuditLog.WriteAsync(db, tx, user, "placements.imported", "placement_import", null,
            new { file = Path.GetFileName(file.FileName), result.RowsRead, result.Written, result.Duplicates, result.Rejected });
        await tx.CommitAsync(ct);
        return TypedResults.Created("/api/interactions/training-set?source=historical", result);
    }

    /// <summary>The file's sheet and header, or the 422 to answer when it cannot be read or names no header.</summary>
    static (Sheet? Sheet, Header? Header, ProblemHttpResult? Unreadable) Read(byte[] bytes, ImportOptions options, CancellationToken ct)
    {
        Sheet sheet;
        try
        {
            sheet = SheetReader.Read(bytes, options, ct);
        }
        catch (UnreadableFileException unreadable)
        {
            return (null, null, Problems.Unprocessable(unreadable.Message, unreadable.Message));
        }
        return FindHeader(sheet.Rows) is { } header
            ? (sheet, header, null)
            : (null, null, Problems.Unprocessable("未找到表头：需要身份证号、单位名称、日期和结果列。",
                "No header found: the file needs ID number, company, date and outcome columns."));
    }

    /// <summary>Each data row below the header through the writer, in its transaction; the result keeps 1,000 report lines.</summary>
    static async Task<PlacementImportResult> WriteAsync(PlacementWriter writer, Sheet sheet, Header header, bool dryRun,
        CancellationToken ct)
    {
        writer.Report.AddRange(IgnoredColumns.Of(sheet.Rows[header.Index], header.Columns.Values, cell => Recognise(cell) is not null,
            _ => ($"可识别的表头：{string.Join("、", UsualNames)}。", $"Recognised headers: {string.Join(", ", UsualNames)}."))
            .Select(p => new ReportLine(p.RowNumber, p.Column, p.Value, p.Severity, p.Problem)));
        var rows = sheet.Rows.Skip(header.Index + 1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            string? Cell(Column column) => header.Columns.TryGetValue(column, out var at) && at < row.Cells.Length
                && !string.IsNullOrWhiteSpace(row.Cells[at]) ? row.Cells[at]!.Trim() : null;
            await writer.WriteAsync(row.Number, Cell(Column.IdNumber), Cell(Column.Company), Cell(Column.CreditCode), Cell(Column.Title),
                Cell(Column.Date), Cell(Column.Outcome));
        }
        return new PlacementImportResult(dryRun, rows.Count, writer.Written, writer.Duplicates, writer.Rejected,
            writer.CompaniesCreated, writer.PositionsCreated, [.. writer.Report.Take(1000)]);
    }

    sealed record Header(int Index, Dictionary<Column, int> Columns);

    /// <summary>The first of the top rows naming an ID number, a company, a date and an outcome column.</summary>
    static Header? FindHeader(IReadOnlyList<SheetRow> rows)
    {
        for (var i = 0; i < Math.Min(rows.Count, 30); i++)
        {
            var columns = new Dictionary<Column, int>();
            for (var c = 0; c < rows[i].Cells.Length; c++)
            {
                if (Recognise(rows[i].Cells[c]) is { } found)
                {
                    columns.TryAdd(found, c);
                }
            }
            if (new[] { Column.IdNumber, Column.Company, Column.Date, Column.Outcome }.All(columns.ContainsKey))
            {
                return new Header(i, columns);
            }
        }
        return null;
    }

    static Column? Recognise(string? text) => Headers.Recognise(text) switch
    {
        ImportField.CompanyName => Column.Company,
        ImportField.CreditCode => Column.CreditCode,
        ImportField.Title => Column.Title,
        _ => text is not null && OwnHeaders.TryGetValue(CellParsers.Compact(text).Trim('*', ':', '：'), out var own) ? own : null,
    };

    static readonly string[] UsualNames = ["身份证号", "单位名称", "统一社会信用代码", "岗位名称", "日期", "结果"];

    static ValidationProblem Invalid(string field, string chinese, string english) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [Say.Text(chinese, english)] });
}
