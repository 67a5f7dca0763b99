using System.Text.RegularExpressions;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using JobMatch.Api.Privacy;
using JobMatch.Api.Spreadsheets;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Veterans.Roster;

/// <summary>
/// Turns the rows under a roster's header into entries and report lines. Each row becomes the same VeteranInput the
/// profile API takes and is checked by the same rules (the limits its record declares, then ProfileData.Validate); an error
/// names the column it came from. Blank, totals and note rows are skipped; the gender column is read as nothing (the ID
/// number says it).
/// </summary>
/// <param name="services">The request's services, for the record's limits (<see cref="RecordLimits"/>).</param>
sealed partial class RosterReader(ReferenceData data, IdNumberVault vault, TimeProvider clock, IServiceProvider services)
{
    /// <param name="readConsents">Whether the consent columns are read (the upload named their text version).</param>
    public (List<RosterEntry> Entries, List<ImportProblem> Problems, int RowsRead) Read(
        IReadOnlyList<SheetRow> rows, RosterColumns map, bool readConsents, CancellationToken ct)
    {
        var entries = new List<RosterEntry>();
        var problems = map.Ignored(rows[map.HeaderIndex]).ToList();
        var read = 0;
        var firstByNumber = new Dictionary<string, (int Row, string Signature)>(StringComparer.Ordinal);
        for (var i = map.HeaderIndex + 1; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i % 1000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            if (IsSkipped(row, map))
            {
                continue;
            }
            read++;
            if (Parse(row, map, readConsents, problems) is not { } entry)
            {
                continue;
            }
            var key = Convert.ToBase64String(entry.Hash);
            var signature = entry.Signature();
            if (firstByNumber.TryGetValue(key, out var first))
            {
                problems.Add(first.Signature == signature
                    ? new(row.Number, map.Name(RosterField.IdNumber), null, ImportProblem.Duplicate,
                        Say.Text($"与第 {first.Row} 行相同：只导入一次。", $"Same as row {first.Row}: imported once."))
                    : new(row.Number, map.Name(RosterField.IdNumber), null, ImportProblem.Rejected,
                        Say.Text($"身份证号与第 {first.Row} 行相同，但其他内容不同：请核对后只保留一行。",
                            $"Same ID number as row {first.Row} with other values: check and keep one row.")));
                continue;
            }
            firstByNumber[key] = (row.Number, signature);
            entries.Add(entry);
        }
        return (entries, problems, read);
    }

    static bool IsSkipped(SheetRow row, RosterColumns map)
    {
        var filled = row.Cells.Where(cell => !string.IsNullOrWhiteSpace(cell)).ToList();
        if (filled.Count == 0)
        {
            return true;
        }
        var start = CellParsers.Compact(filled[0]!.Length > 8 ? filled[0]![..8] : filled[0]!);
        return TotalsPattern().IsMatch(start) || filled.Count == 1 && NotePattern().IsMatch(start)
            || map.Cell(row, RosterField.Name) is null && map.Cell(row, RosterField.IdNumber) is null;
    }

    [GeneratedRegex(@"^(合计|总计|小计|共计|total)")]
    private static partial Regex TotalsPattern();

    [GeneratedRegex(@"^(注|备注|说明|note|填表|制表)")]
    private static partial Regex NotePattern();

    RosterEntry? Parse(SheetRow row, RosterColumns map, bool readConsents, List<ImportProblem> problems)
    {
        var count = problems.Count;
        string? Cell(RosterField field) => map.Cell(row, field);
        void Reject(RosterField field, string chinese, string english) =>
            problems.Add(new(row.Number, map.Name(field), Shown(field, Cell(field)), ImportProblem.Rejected, Say.Text(chinese, english)));

        if (Cell(RosterField.IdNumber) is null)
        {
            Reject(RosterField.IdNumber, "缺少身份证号：花名册按身份证号识别每位退役军人。", "The ID number is missing: the roster knows each veteran by it.");
        }
        var enlist = Year(Cell(RosterField.EnlistYear), RosterField.EnlistYear, Reject);
        var discharge = Year(Cell(RosterField.DischargeYear), RosterField.DischargeYear, Reject);
        int? years = null;
        if (Cell(RosterField.ServiceYears) is { } yearsText)
        {
            var digits = yearsText.TrimEnd('年').Trim();
            if (int.TryParse(CellParsers.Compact(digits), out var parsed))
            {
                years = parsed;
            }
            else
            {
                Reject(RosterField.ServiceYears, "服役年限应为整数（如 5 或 5年）。", "Years of service must be a whole number (5 or 5年).");
            }
        }
        else if (enlist is not null && discharge is not null)
        {
            years = discharge - enlist;
            if (years < 0)
            {
                Reject(RosterField.EnlistYear, "入伍年份晚于退役年份。", "The enlistment year is after the discharge year.");
            }
        }
        int? salary = null;
        if (Cell(RosterField.MinMonthlySalary) is { } salaryText)
        {
            if (CellParsers.TrySalary(salaryText, out var parsed) && parsed.Min is not null)
            {
                salary = parsed.Min;
            }
            else
            {
                Reject(RosterField.MinMonthlySalary, "期望月薪无法识别：如 5000 或 4000-6000元/月。", "Salary not understood: write 5000 or 4000-6000元/月.");
            }
        }
        var input = new VeteranInput(
            Cell(RosterField.Name) ?? "", Cell(RosterField.IdNumber), Cell(RosterField.Phone),
            new ServiceRecord(Cell(RosterField.Branch), years, discharge, Cell(RosterField.Rank), List(Cell(RosterField.Specialties))),
            new EducationRecord(Cell(RosterField.EducationLevel), Cell(RosterField.Major)),
            // The certificate column goes in whole: the profile rules sort it (CertificateNames), licence classes included.
            new CertificateRecord(Licences(Cell(RosterField.LicenceClasses)), null, null, List(Cell(RosterField.Certificates))),
            List(Cell(RosterField.Skills)), Cell(RosterField.HomeDistrict),
            new PreferenceRecord(List(Cell(RosterField.PreferredDistricts)), List(Cell(RosterField.PreferredIndustries)), salary,
                Cell(RosterField.Seeking) is { } seeking ? [.. CellParsers.List(seeking).Select(SeekingCode)] : null),
            Cell(RosterField.Status) is { } status ? StatusCode(status) : null, null);
        var consents = new List<(string Kind, bool Granted)>();
        foreach (var (field, kind) in readConsents ? RosterConsents.Columns : [])
        {
            if (Cell(field) is not { } answer)
            {
                continue;
            }
            if (RosterConsents.Answer(answer) is { } granted)
            {
                consents.Add((kind, granted));
            }
            else
            {
                problems.Add(new(row.Number, map.Name(field), answer, ImportProblem.Rejected, RosterConsents.Unreadable));
            }
        }
        var errors = RecordLimits.Check(input, services);
        var profile = ProfileData.Validate(input, data, clock, errors);
        foreach (var (key, messages) in errors)
        {
            var field = FieldOf(key, map);
            problems.Add(new(row.Number, map.Name(field), Shown(field, Cell(field)), ImportProblem.Rejected, string.Join(" ", messages)));
        }
        if (profile is null || profile.Resident is not { } resident || problems.Count > count)
        {
            return null;
        }
        T? Given<T>(RosterField field, T value) where T : class => Cell(field) is null ? null : value;
        var certificatesGiven = Cell(RosterField.Certificates) is not null;
        var licencesGiven = Cell(RosterField.LicenceClasses) is not null || certificatesGiven && profile.LicenceClasses.Length > 0;
        return new RosterEntry(row.Number, vault.LookupHash(resident.Number), vault.Encrypt(resident.Number), resident.Gender, resident.BirthDate,
            profile.Name, profile.Phone, profile.Branch, profile.ServiceYears, profile.DischargeYear, profile.Rank,
            Given(RosterField.Specialties, profile.Specialties), profile.EducationLevel, profile.Major,
            licencesGiven ? profile.LicenceClasses : null,
            certificatesGiven ? profile.SpecialOperations : null, certificatesGiven ? profile.SpecialEquipment : null,
            certificatesGiven ? profile.OtherCertificates : null, profile.HomeDistrict,
            Given(RosterField.PreferredDistricts, profile.PreferredDistricts), Given(RosterField.PreferredIndustries, profile.PreferredIndustries),
            profile.MinMonthlySalary, Given(RosterField.Seeking, profile.Seeking), Cell(RosterField.Status) is null ? null : profile.Status,
            Given(RosterField.Skills, profile.Skills),
            // A certificate or licence column records the certificates even where the cell is blank: the bureau wrote "none".
            map.Has(RosterField.Certificates) || map.Has(RosterField.LicenceClasses) ? true : null, [.. consents]);
    }

    /// <summary>The column a profile-rule error came from.</summary>
    static RosterField FieldOf(string key, RosterColumns map) => key switch
    {
        "idNumber" => RosterField.IdNumber,
        "phone" => RosterField.Phone,
        "service.branch" => RosterField.Branch,
        "service.years" => map.Has(RosterField.ServiceYears) ? RosterField.ServiceYears : RosterField.EnlistYear,
        "service.dischargeYear" => RosterField.DischargeYear,
        "service.specialties" => RosterField.Specialties,
        "education.level" => RosterField.EducationLevel,
        "certificates.licenceClasses" => map.Has(RosterField.LicenceClasses) ? RosterField.LicenceClasses : RosterField.Certificates,
        "certificates.specialOperations" or "certificates.specialEquipment" or "certificates.others" => RosterField.Certificates,
        "homeDistrict" => RosterField.HomeDistrict,
        "preferences.districts" => RosterField.PreferredDistricts,
        "preferences.industries" => RosterField.PreferredIndustries,
        "preferences.minMonthlySalary" => RosterField.MinMonthlySalary,
        "preferences.seeking" => RosterField.Seeking,
        "status" => RosterField.Status,
        "skills" => RosterField.Skills,
        _ => RosterField.Name,
    };

    /// <summary>The report never holds a name, nor an ID number or phone in clear: the scan after a deletion must find nothing.</summary>
    static string? Shown(RosterField field, string? value) => field switch
    {
        RosterField.Name => null,
        RosterField.IdNumber => Masking.IdNumber(value),
        RosterField.Phone => Masking.Phone(value),
        _ => value,
    };

    static string[]? List(string? text) => text is null ? null : CellParsers.List(text);

    /// <summary>
    /// The licence column as written ("A2、B2", "C1驾照", "B2（增驾）"): its classes, noise beside them dropped; a cell naming
    /// no class goes to the profile rules as written, to be reported.
    /// </summary>
    static string[]? Licences(string? text)
    {
        if (List(text) is not { } items)
        {
            return null;
        }
        var classes = items.SelectMany(CertificateNames.LicenceClasses).Distinct().ToArray();
        return classes.Length > 0 ? classes : items;
    }

    static string SeekingCode(string item) =>
        item.Contains("培训", StringComparison.Ordinal) ? "training"
        : item.Contains("创业", StringComparison.Ordinal) ? "entrepreneurship"
        : item is "就业" or "求职" or "工作" or "安置就业" or "自主就业" ? "job" : item;

    static string StatusCode(string text) => CellParsers.Compact(text) switch
    {
        "未就业" or "待业" or "失业" or "求职" => "seeking",
        "在岗" or "就业" => "employed",
        "培训" => "training",
        _ => text,
    };

    /// <summary>2015, 2015年, 2015-09, 2015年9月, 2015/9/1, or an Excel date serial.</summary>
    static int? Year(string? text, RosterField field, Action<RosterField, string, string> reject)
    {
        if (text is null)
        {
            return null;
        }
        var compact = CellParsers.Compact(text);
        if (YearPattern().Match(compact) is { Success: true } match)
        {
            return int.Parse(match.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        if (CellParsers.TryDate(compact, out var date) && date is { } day)
        {
            return day.Year;
        }
        reject(field, "年份无法识别：如 2015、2015年9月、2015-09-01。", "Year not understood: write 2015, 2015年9月 or 2015-09-01.");
        return null;
    }

    [GeneratedRegex(@"^(?<y>(19|20)\d{2})([年.\-/](\d{1,2}([月.\-/](\d{1,2}日?)?)?)?)?$")]
    private static partial Regex YearPattern();
}
