using System.Text.RegularExpressions;
using JobMatch.Api.Spreadsheets;

namespace JobMatch.Api.Imports;

/// <summary>The columns an import understands. The mapping form field names them in camelCase (companyName, salary...).</summary>
public enum ImportField
{
    CompanyName, CreditCode, Industry, VeteranFounded, ContactName, ContactPhone,
    Title, Headcount, Education, Majors, Age, Gender, Location, District, Salary,
    Duties, Requirements, Skills, Certificates, VeteranPreference, ClosesOn, Notes,
}

/// <summary>Where each field sits in a sheet, and which row holds the header.</summary>
public sealed record ColumnMap(int HeaderIndex, IReadOnlyDictionary<ImportField, int> Columns, IReadOnlyList<string?> HeaderCells)
{
    public string? Cell(SheetRow row, ImportField field) =>
        Columns.TryGetValue(field, out var column) && column < row.Cells.Length && row.Cells[column] is { } text
            && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>The header cells the import does not read, one warning each (see <see cref="IgnoredColumns"/>).</summary>
    public IEnumerable<ImportProblem> Ignored(SheetRow header) =>
        IgnoredColumns.Of(header, Columns.Values, cell => Headers.Recognise(cell) is not null, column =>
        {
            var mapping = $$"""{"notes":"{{column}}"}""";
            return ($"可识别的表头：{string.Join("、", Headers.UsualNames)}；或在表单字段 mapping 中指定，如 {mapping}。",
                $"Recognised headers: {string.Join(", ", Headers.UsualNames)}; or name its field in the mapping form field, " +
                $"e.g. {mapping}.");
        });

    public string ColumnName(ImportField field) =>
        Columns.TryGetValue(field, out var column) && column < HeaderCells.Count && HeaderCells[column] is { } name ? name.Trim() : field.ToString();
}

/// <summary>Recognises header rows written in Chinese or English with their common variants.</summary>
public static partial class Headers
{
    static readonly Dictionary<ImportField, string[]> Names = new()
    {
        [ImportField.CompanyName] = ["单位名称", "企业名称", "公司名称", "用人单位", "招聘单位", "单位", "企业", "公司", "company", "companyname", "employer"],
        [ImportField.CreditCode] = ["统一社会信用代码", "社会信用代码", "信用代码", "creditcode", "uscc", "unifiedsocialcreditcode"],
        [ImportField.Industry] = ["所属行业", "行业", "行业类别", "industry"],
        [ImportField.VeteranFounded] = ["军创企业", "是否军创企业", "veteranfounded"],
        [ImportField.ContactName] = ["联系人", "contact", "contactname"],
        [ImportField.ContactPhone] = ["联系电话", "联系方式", "电话", "手机", "手机号码", "phone", "contactphone", "tel"],
        [ImportField.Title] = ["岗位名称", "职位名称", "招聘岗位", "招聘职位", "岗位", "职位", "工种", "position", "title", "jobtitle", "job"],
        [ImportField.Headcount] = ["招聘人数", "需求人数", "人数", "招聘数量", "岗位数", "headcount", "openings", "vacancies", "number"],
        [ImportField.Education] = ["学历要求", "学历", "最低学历", "education"],
        [ImportField.Majors] = ["专业要求", "专业", "major", "majors"],
        [ImportField.Age] = ["年龄要求", "年龄", "age"],
        [ImportField.Gender] = ["性别要求", "性别", "gender"],
        [ImportField.Location] = ["工作地点", "工作地址", "地点", "工作区域", "location", "worklocation"],
        [ImportField.District] = ["所属区县", "区县", "县区", "district"],
        [ImportField.Salary] = ["薪资待遇", "月薪", "工资", "薪资", "薪酬", "工资待遇", "薪酬待遇", "待遇", "salary", "pay", "wage"],
        [ImportField.Duties] = ["岗位职责", "工作内容", "职责", "duties", "responsibilities"],
        [ImportField.Requirements] = ["任职要求", "岗位要求", "任职条件", "requirements"],
        [ImportField.Skills] = ["技能要求", "技能", "skills"],
        [ImportField.Certificates] = ["证书要求", "资格证书", "证书", "certificates"],
        [ImportField.VeteranPreference] = ["退役军人优先", "veteranpreference"],
        [ImportField.ClosesOn] = ["截止日期", "截止时间", "报名截止", "closingdate", "closeson", "deadline"],
        [ImportField.Notes] = ["备注", "说明", "notes", "remarks"],
    };

    static readonly Dictionary<string, ImportField> Variants = Build(Names);

    /// <summary>The usual header of each field (its first variant), for the report's advice.</summary>
    public static IEnumerable<string> UsualNames => Names.Values.Select(variants => variants[0]);

    static Dictionary<string, ImportField> Build(Dictionary<ImportField, string[]> variants) =>
        variants.SelectMany(pair => pair.Value.Select(name => (name, pair.Key))).ToDictionary(pair => pair.name, pair => pair.Key);

    /// <summary>招聘人数（人）, "Job Title", 岗位名称* all read as their field.</summary>
    public static ImportField? Recognise(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        var key = Decoration().Replace(CellParsers.Compact(header), "");
        return Variants.TryGetValue(key, out var field) ? field : null;
    }

    [GeneratedRegex(@"\(.*?\)|[*:_\-.]")]
    private static partial Regex Decoration();

    /// <summary>
    /// The header is the first of the top rows naming both a company and a title column; rows above it are titles.
    /// An explicit mapping (field → header text) overrides or adds columns.
    /// </summary>
    public static ColumnMap? Find(IReadOnlyList<SheetRow> rows, IReadOnlyDictionary<ImportField, string>? mapping)
    {
        for (var i = 0; i < Math.Min(rows.Count, 30); i++)
        {
            var cells = rows[i].Cells;
            var columns = new Dictionary<ImportField, int>();
            for (var c = 0; c < cells.Length; c++)
            {
                if (Recognise(cells[c]) is { } field)
                {
                    columns.TryAdd(field, c);
                }
            }
            foreach (var (field, header) in mapping ?? new Dictionary<ImportField, string>())
            {
                var at = Array.FindIndex(cells, cell => cell is not null && CellParsers.Compact(cell) == CellParsers.Compact(header));
                if (at >= 0)
                {
                    columns[field] = at;
                }
            }
            if (columns.ContainsKey(ImportField.CompanyName) && columns.ContainsKey(ImportField.Title))
            {
                return new ColumnMap(i, columns, cells);
            }
        }
        return null;
    }
}
