using System.Text.RegularExpressions;
using JobMatch.Api.Imports;
using JobMatch.Api.Spreadsheets;

namespace JobMatch.Api.Veterans.Roster;

/// <summary>The columns a roster may hold. The mapping form field names them in camelCase (idNumber, enlistYear...).</summary>
public enum RosterField
{
    Name, IdNumber, Phone, Gender, Branch, EnlistYear, DischargeYear, ServiceYears, Rank, Specialties, EducationLevel, Major,
    LicenceClasses, Certificates, Skills, HomeDistrict, Seeking, PreferredDistricts, PreferredIndustries, MinMonthlySalary, Status,
    ShareWithRecruiters, AutomatedMatching,
}

/// <summary>Where each roster field sits, and which row holds the header.</summary>
public sealed partial record RosterColumns(int HeaderIndex, IReadOnlyDictionary<RosterField, int> Columns, IReadOnlyList<string?> HeaderCells)
{
    /// <summary>The trimmed cell, or null when blank or a placeholder for nothing (无, —, /).</summary>
    public string? Cell(SheetRow row, RosterField field) =>
        Columns.TryGetValue(field, out var column) && column < row.Cells.Length && row.Cells[column] is { } text
            && CellParsers.Compact(text) is { Length: > 0 } compact && compact is not ("无" or "暂无" or "-" or "—" or "/" or "\\")
            ? text.Trim() : null;

    public bool Has(RosterField field) => Columns.ContainsKey(field);

    /// <summary>The column as headed in the file, for the report.</summary>
    public string Name(RosterField field) =>
        Columns.TryGetValue(field, out var column) && column < HeaderCells.Count && HeaderCells[column] is { } name ? name.Trim() : field.ToString();

    /// <summary>The header cells the roster does not read, one warning each (see <see cref="IgnoredColumns"/>).</summary>
    public IEnumerable<ImportProblem> Ignored(SheetRow header) =>
        IgnoredColumns.Of(header, Columns.Values, cell => Recognise(cell) is not null, column =>
        {
            var mapping = $$"""{"specialties":"{{column}}"}""";
            return ($"如需导入，请在表单字段 mapping 中指定它对应的字段，如 {mapping}；字段：{string.Join("、", FieldNames)}。",
                $"To import it, name its field in the mapping form field, e.g. {mapping}; fields: {string.Join(", ", FieldNames)}.");
        });

    /// <summary>The fields as the mapping names them (camelCase).</summary>
    static readonly string[] FieldNames = [.. Enum.GetNames<RosterField>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName)];

    /// <summary>Recognises the roster's Chinese and English headers with their usual variants.</summary>
    static readonly Dictionary<string, RosterField> Variants = new Dictionary<RosterField, string[]>
    {
        [RosterField.Name] = ["姓名", "名字", "name", "fullname"],
        [RosterField.IdNumber] = ["身份证号", "公民身份号码", "身份证号码", "身份证", "居民身份证号", "居民身份证号码", "身份证件号码", "idnumber", "id"],
        [RosterField.Phone] = ["手机", "手机号", "手机号码", "联系电话", "联系方式", "电话", "phone", "mobile"],
        [RosterField.Gender] = ["性别", "gender", "sex"],
        [RosterField.Branch] = ["军种", "服役部队", "服役军种", "branch"],
        [RosterField.EnlistYear] = ["入伍年份", "入伍时间", "入伍年月", "入伍日期", "enlistyear", "enlisted"],
        [RosterField.DischargeYear] = ["退役年份", "退役时间", "退役年月", "退役日期", "退伍时间", "退伍年份", "dischargeyear", "discharged"],
        [RosterField.ServiceYears] = ["服役年限", "服役年数", "军龄", "serviceyears", "years"],
        [RosterField.Rank] = ["军衔", "退役时军衔", "rank"],
        // The military specialty; 所学专业 is the civilian major.
        [RosterField.Specialties] = ["专业", "兵种", "岗位", "军事专业", "军队专业", "原部队专业", "服役专业", "部队专业", "兵种专业", "专业特长",
            "原服役专业", "militaryspecialty", "specialty", "specialties"],
        [RosterField.EducationLevel] = ["学历", "文化程度", "最高学历", "education", "educationlevel"],
        [RosterField.Major] = ["所学专业", "学历专业", "major"],
        [RosterField.LicenceClasses] = ["驾驶证", "准驾车型", "驾照", "驾驶证类型", "licence", "license", "licenceclasses", "drivinglicence"],
        [RosterField.Certificates] = ["证书", "资格证书", "职业资格证书", "持有证书", "certificates"],
        [RosterField.Skills] = ["技能", "专业技能", "特长", "skills"],
        [RosterField.HomeDistrict] = ["户籍区县", "居住区县", "区县", "户籍所在地", "所在区县", "homedistrict", "district"],
        [RosterField.Seeking] = ["就业意向", "意向", "需求类型", "seeking"],
        [RosterField.PreferredDistricts] = ["意向区县", "意向工作地", "期望工作地点", "preferreddistricts"],
        [RosterField.PreferredIndustries] = ["意向行业", "期望行业", "preferredindustries", "industries"],
        [RosterField.MinMonthlySalary] = ["期望月薪", "最低月薪", "期望薪资", "minmonthlysalary", "salary"],
        [RosterField.Status] = ["就业状态", "求职状态", "status"],
        [RosterField.ShareWithRecruiters] = ["同意推荐给用人单位", "同意推荐", "推荐授权", "同意向用人单位推荐", "sharewithrecruiters"],
        [RosterField.AutomatedMatching] = ["同意智能匹配", "同意自动匹配", "智能匹配授权", "automatedmatching"],
    }.SelectMany(pair => pair.Value.Select(name => (name, pair.Key))).ToDictionary(pair => pair.name, pair => pair.Key);

    public static RosterField? Recognise(string? header) =>
        string.IsNullOrWhiteSpace(header) ? null
            : Variants.TryGetValue(Decoration().Replace(CellParsers.Compact(header), ""), out var field) ? field : null;

    [GeneratedRegex(@"\(.*?\)|[*:_\-.]")]
    private static partial Regex Decoration();

    /// <summary>
    /// The header is the first of the top 30 rows naming a name and an ID-number column; rows above it are titles.
    /// An explicit mapping (field → header text) overrides or adds columns.
    /// </summary>
    public static RosterColumns? Find(IReadOnlyList<SheetRow> rows, IReadOnlyDictionary<RosterField, string>? mapping)
    {
        for (var i = 0; i < Math.Min(rows.Count, 30); i++)
        {
            var cells = rows[i].Cells;
            var columns = new Dictionary<RosterField, int>();
            for (var c = 0; c < cells.Length; c++)
            {
                if (Recognise(cells[c]) is { } field)
                {
                    columns.TryAdd(field, c);
                }
            }
            foreach (var (field, header) in mapping ?? new Dictionary<RosterField, string>())
            {
                var at = Array.FindIndex(cells, cell => cell is not null && CellParsers.Compact(cell) == CellParsers.Compact(header));
                if (at >= 0)
                {
                    columns[field] = at;
                }
            }
            if (columns.ContainsKey(RosterField.Name) && columns.ContainsKey(RosterField.IdNumber))
            {
                return new RosterColumns(i, columns, cells);
            }
        }
        return null;
    }
}
