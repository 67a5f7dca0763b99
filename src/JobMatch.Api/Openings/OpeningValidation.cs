using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;
using JobMatch.Api.Spreadsheets;

namespace JobMatch.Api.Openings;

/// <summary>Checks a posting and turns it into column values, parsing salary text the way imports do.</summary>
static class OpeningValidation
{
    public const string Columns = $"location, {OpeningSql.ContentColumns}";

    /// <summary>The columns as parameters named for the members of <see cref="Values"/>: district_code is @DistrictCode.</summary>
    public static readonly string Parameters = string.Join(", ", Columns.Split(',').Select(column =>
        "@" + string.Concat(column.Trim().Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]))));

    public sealed record Values(Guid Id, Guid CompanyId, Guid? FairId, string Kind, string Title, string Actor, int? Headcount,
        string? Duties, string? Requirements, string[] Skills, string? Education, string[] Majors, short? AgeMin, short? AgeMax,
        string? DistrictCode, string Location, int? SalaryMin, int? SalaryMax, string? SalaryText, string[] Certificates,
        bool VeteranPreference, string? GenderNote, string? Notes, DateOnly? ClosesOn);

    public static (Dictionary<string, string[]> Errors, Values Values) Check(OpeningInput body)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string chinese, string english) => errors[field] = [Say.Text(chinese, english)];

        // Lengths, headcount, the ages' range and the kinds are declared on OpeningInput; what is left relates members or parses them.
        if (string.IsNullOrWhiteSpace(body.Title))
        {
            Add("title", "请填写岗位名称（1–200 字）。", "Give the title (1–200 characters).");
        }
        if (!CellParsers.TrySalary(body.Salary, out var salary))
        {
            Add("salary", "薪资无法识别。", "Salary not understood.");
        }
        var (salaryMin, salaryMax) = (body.SalaryMin ?? salary.Min, body.SalaryMax ?? salary.Max);
        if (salaryMin < 0 || salaryMax < salaryMin)
        {
            Add("salaryMax", "最高薪资不能低于最低薪资。", "The maximum salary cannot be below the minimum.");
        }
        if (!CellParsers.TryEducation(body.Education, out var education))
        {
            Add("education", "学历无法识别。", "Education not understood.");
        }
        if (body.AgeMax < body.AgeMin)
        {
            Add("ageMax", "年龄范围应在 14–80 岁之间。", "Ages must lie between 14 and 80.");
        }
        var districtCode = Districts.InAddress(body.District) ?? Districts.InAddress(body.Location);
        if (body.District is not null && Districts.InAddress(body.District) is null)
        {
            Add("district", "未知的区县。", "Unknown district.");
        }
        // A null in a list would be stored, and break matching for every veteran who meets the position.
        foreach (var (field, list) in new[] { ("skills", body.Skills), ("majors", body.Majors), ("certificates", body.Certificates) })
        {
            if ((list ?? []).Any(string.IsNullOrWhiteSpace))
            {
                Add(field, "列表中不能有空项。", "The list cannot contain empty items.");
            }
        }
        var values = new Values(Guid.Empty, body.CompanyId, body.FairId, body.Kind ?? "job", body.Title?.Trim() ?? "", "", body.Headcount,
            body.Duties, body.Requirements, body.Skills ?? [], education, body.Majors ?? [], body.AgeMin, body.AgeMax,
            districtCode, body.Location?.Trim() ?? "", salaryMin, salaryMax, body.Salary, body.Certificates ?? [], body.VeteranPreference ?? false,
            CellParsers.Gender(body.Gender), body.Notes, body.ClosesOn);
        return (errors, values);
    }
}
