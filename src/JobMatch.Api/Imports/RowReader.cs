using System.Text.RegularExpressions;
using JobMatch.Api.Companies;
using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Taxonomy;
using JobMatch.Api.Spreadsheets;

namespace JobMatch.Api.Imports;

/// <summary>
/// Turns the data rows under the header into parsed rows and report lines. Blank, totals and note rows are skipped;
/// a row without a company continues the company above it (a merged cell exported to CSV leaves it blank).
/// </summary>
public static partial class RowReader
{
    static readonly ImportField[] CompanyFields =
        [ImportField.CompanyName, ImportField.CreditCode, ImportField.Industry, ImportField.VeteranFounded, ImportField.ContactName, ImportField.ContactPhone];

    public static (List<ParsedRow> Rows, List<ImportProblem> Problems, int RowsRead) Read(
        IReadOnlyList<SheetRow> rows, ColumnMap map, Action<int>? progress = null, CancellationToken ct = default)
    {
        var parsed = new List<ParsedRow>();
        var problems = map.Ignored(rows[map.HeaderIndex]).ToList();
        SheetRow? companyAbove = null;
        var memo = new Memo();
        var read = 0;
        for (var i = map.HeaderIndex + 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i % 1000 == 0)
            {
                progress?.Invoke(i);
                ct.ThrowIfCancellationRequested();
            }
            if (IsSkipped(row, map))
            {
                continue;
            }
            if (map.Cell(row, ImportField.CompanyName) is null && companyAbove is not null && map.Cell(row, ImportField.Title) is not null)
            {
                row = row with { Cells = FillCompany(row, companyAbove, map) };
            }
            else if (map.Cell(row, ImportField.CompanyName) is not null)
            {
                companyAbove = row;
            }
            read++;
            var rowProblems = new List<ImportProblem>();
            var result = Parse(row, map, rowProblems, memo);
            problems.AddRange(rowProblems);
            if (result is not null && rowProblems.All(problem => problem.Severity != ImportProblem.Rejected))
            {
                parsed.Add(result);
            }
        }
        return (parsed, problems, read);
    }

    static bool IsSkipped(SheetRow row, ColumnMap map)
    {
        string? first = null;
        var filled = 0;
        foreach (var cell in row.Cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                first ??= cell;
                filled++;
            }
        }
        if (first is null)
        {
            return true;
        }
        // A totals row starts with 合计 (or the like); a note under the table is one cell of text, or leaves both the
        // company and the title columns empty.
        var start = CellParsers.Compact(first.Length > 8 ? first[..8] : first);
        return TotalsPattern().IsMatch(start)
            || filled == 1 && NotePattern().IsMatch(start)
            || map.Cell(row, ImportField.CompanyName) is null && map.Cell(row, ImportField.Title) is null;
    }

    [GeneratedRegex(@"^(合计|总计|小计|共计|total)")]
    private static partial Regex TotalsPattern();

    [GeneratedRegex(@"^(注|备注|说明|note|填表|制表)")]
    private static partial Regex NotePattern();

    static string?[] FillCompany(SheetRow row, SheetRow above, ColumnMap map)
    {
        var cells = row.Cells.ToArray();
        foreach (var field in CompanyFields)
        {
            if (map.Columns.TryGetValue(field, out var column) && column < above.Cells.Length)
            {
                if (cells.Length <= column)
                {
                    Array.Resize(ref cells, column + 1);
                }
                cells[column] = string.IsNullOrWhiteSpace(cells[column]) ? above.Cells[column] : cells[column];
            }
        }
        return cells;
    }

    /// <summary>A column holds few distinct values (salaries, education, places, company names): each is read once per file.</summary>
    sealed class Memo
    {
        readonly Dictionary<(int, string), object?> seen = [];

        public T Get<T>(int kind, string? text, Func<string?, T> read)
        {
            if (text is null)
            {
                return read(null);
            }
            if (!seen.TryGetValue((kind, text), out var value))
            {
                seen[(kind, text)] = value = read(text);
            }
            return (T)value!;
        }
    }

    static ParsedRow? Parse(SheetRow row, ColumnMap map, List<ImportProblem> problems, Memo memo)
    {
        void Reject(ImportField field, string? value, string chinese, string english) =>
            problems.Add(new(row.Number, map.ColumnName(field), value, ImportProblem.Rejected, Say.Text(chinese, english)));
        void Warn(ImportField field, string? value, string chinese, string english) =>
            problems.Add(new(row.Number, map.ColumnName(field), value, ImportProblem.Warning, Say.Text(chinese, english)));
        string? Cell(ImportField field) => map.Cell(row, field);

        var name = Cell(ImportField.CompanyName);
        if (name is null || name.Length > 200)
        {
            Reject(ImportField.CompanyName, name, "缺少单位名称（或超过 200 字）。", "The company name is missing (or over 200 characters).");
        }
        var title = Cell(ImportField.Title);
        if (title is null || title.Length > 200)
        {
            Reject(ImportField.Title, title, "缺少岗位名称（或超过 200 字）。", "The position title is missing (or over 200 characters).");
        }
        var creditCode = Cell(ImportField.CreditCode) is { } code ? CreditCode.Normalize(code) : null;
        if (creditCode is not null && !CreditCode.IsValid(creditCode))
        {
            Reject(ImportField.CreditCode, Cell(ImportField.CreditCode), "统一社会信用代码无效（18 位，校验位须正确）。", "Invalid unified social credit code (18 characters with a correct check character).");
        }
        var (headcountRead, headcount, unknown) = memo.Get(1, Cell(ImportField.Headcount),
            text => (CellParsers.TryHeadcount(text, out var count, out var isUnknown), count, isUnknown));
        if (!headcountRead)
        {
            if (Cell(ImportField.Headcount) is null)
            {
                unknown = true;
            }
            else
            {
                Reject(ImportField.Headcount, Cell(ImportField.Headcount), "招聘人数无法识别：请写数字（如 3 或 3人）或“若干”。", "Headcount not understood: write a number (3 or 3人) or 若干.");
            }
        }
        if (unknown)
        {
            Warn(ImportField.Headcount, Cell(ImportField.Headcount), "招聘人数未知（若干）：已导入，但不计入岗位总数。", "Headcount unknown (若干): imported, not counted in the openings total.");
        }
        var (salaryRead, salary) = memo.Get(2, Cell(ImportField.Salary), text => (CellParsers.TrySalary(text, out var parsed), parsed));
        if (!salaryRead)
        {
            Reject(ImportField.Salary, Cell(ImportField.Salary), "薪资无法识别：可写 4000-6000元/月、4k-6k、5000元以上、面议、年薪8万、3500+提成。", "Salary not understood: write 4000-6000元/月, 4k-6k, 5000元以上, 面议, 年薪8万 or 3500+提成.");
        }
        var (educationRead, education) = memo.Get(3, Cell(ImportField.Education), text => (CellParsers.TryEducation(text, out var level), level));
        if (!educationRead)
        {
            Reject(ImportField.Education, Cell(ImportField.Education), "学历要求无法识别：初中、高中/中专/技校、大专、本科、硕士、博士或不限。", "Education not understood: 初中, 高中/中专/技校, 大专, 本科, 硕士, 博士 or 不限.");
        }
        var (ageRead, ageMin, ageMax) = memo.Get(4, Cell(ImportField.Age), text => (CellParsers.TryAge(text, out var low, out var high), low, high));
        if (!ageRead)
        {
            Reject(ImportField.Age, Cell(ImportField.Age), "年龄要求无法识别：如 18-45岁、45岁以下、不限。", "Age not understood: write 18-45岁, 45岁以下 or 不限.");
        }
        if (!CellParsers.TryDate(Cell(ImportField.ClosesOn), out var closesOn))
        {
            Reject(ImportField.ClosesOn, Cell(ImportField.ClosesOn), "截止日期无法识别：如 2023-04-30。", "Closing date not understood: write 2023-04-30.");
        }
        if (!CellParsers.TryFlag(Cell(ImportField.VeteranFounded), out var veteranFounded))
        {
            Reject(ImportField.VeteranFounded, Cell(ImportField.VeteranFounded), "请填“是”或“否”。", "Write 是 (yes) or 否 (no).");
        }
        if (!CellParsers.TryFlag(Cell(ImportField.VeteranPreference), out var veteranPreference))
        {
            Reject(ImportField.VeteranPreference, Cell(ImportField.VeteranPreference), "请填“是”或“否”。", "Write 是 (yes) or 否 (no).");
        }
        var phone = Cell(ImportField.ContactPhone) is { } rawPhone ? TermKey.HalfWidth(rawPhone).Trim() : null;
        if (phone is not null && !PhoneNumber.IsContact(phone))
        {
            Reject(ImportField.ContactPhone, Masking.Phone(phone), "联系电话格式无效。", "The contact phone is not a phone number.");
        }
        var gender = CellParsers.Gender(Cell(ImportField.Gender));
        if (gender is not null)
        {
            Warn(ImportField.Gender, gender, "性别要求属法律敏感信息：按原文保留，不用于筛选或排序。", "A gender requirement is legally sensitive: kept as written, never used to filter or rank.");
        }
        if (name is null || title is null || problems.Any(problem => problem.Severity == ImportProblem.Rejected))
        {
            return null;
        }
        var location = Cell(ImportField.Location) ?? "";
        var districtCode = memo.Get(5, Cell(ImportField.District), Districts.InAddress) ?? memo.Get(6, location, Districts.InAddress);
        var requirements = Cell(ImportField.Requirements);
        var company = new CompanyCells(name, memo.Get(7, name, text => CompanyName.Normalize(text!)), creditCode, Cell(ImportField.Industry), veteranFounded,
            Clip(Cell(ImportField.ContactName), 100), phone, districtCode);
        var position = new PositionCells(title, headcount, Cell(ImportField.Duties), requirements, memo.Get(8, Cell(ImportField.Skills), CellParsers.List),
            education, memo.Get(9, Cell(ImportField.Majors), CellParsers.List), ageMin, ageMax, districtCode, location.Length > 200 ? location[..200] : location,
            salary.Min, salary.Max, Cell(ImportField.Salary) is { } salaryText && salaryText.Length <= 100 ? salaryText : null,
            memo.Get(10, Cell(ImportField.Certificates), CellParsers.List),
            veteranPreference || (requirements?.Contains("退役军人优先", StringComparison.Ordinal) ?? false), Clip(gender, 50), Cell(ImportField.Notes), closesOn);
        return new ParsedRow(row.Number, company, position);
    }

    static string? Clip(string? text, int length) => text is { } t && t.Length > length ? t[..length] : text;
}
