using JobMatch.Api.Conventions;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Veterans;

/// <summary>
/// A profile checked and normalised at the edge, ready to store: codes for closed lists, canonical skills and certificates.
/// CertificatesRecorded: the input gave its certificates (even none), so empty lists mean "holds none", not "unknown".
/// </summary>
sealed record ProfileData(
    string Name, ResidentId? Resident, string? Phone, string? Branch, int? ServiceYears, int? DischargeYear, string? Rank, string[] Specialties,
    string? EducationLevel, string? Major, string[] LicenceClasses, string[] SpecialOperations, string[] SpecialEquipment, string[] OtherCertificates,
    string? HomeDistrict, string[] PreferredDistricts, string[] PreferredIndustries, int? MinMonthlySalary, string[] Seeking, string Status,
    IReadOnlyList<NormalizedSkill> Skills, bool CertificatesRecorded)
{
    /// <summary>ID number and service details are sensitive: storing them needs the sensitive-data consent.</summary>
    public bool HasSensitiveData => Resident is not null || Branch is not null || ServiceYears is not null || DischargeYear is not null
        || Rank is not null || Specialties.Length > 0;

    /// <summary>
    /// The rules the input's record cannot declare: a name given, an ID number and a phone that parse, names turned into codes,
    /// certificates sorted. The limits (lengths, counts, ranges) are declared on the records (VeteranInput) and already checked:
    /// a null answer means <paramref name="errors"/> holds them.
    /// </summary>
    public static ProfileData? Validate(VeteranInput input, ReferenceData data, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        void Error(string field, string chinese, string english) => errors[field] = [Say.Text(chinese, english)];

        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0)
        {
            Error("name", "请填写姓名（1–50 字）。", "Give the name (1–50 characters).");
        }
        ResidentId? id = null;
        if (input.IdNumber is not null && !ResidentId.TryParse(input.IdNumber, clock, out id))
        {
            Error("idNumber", "身份证号无效：应为 18 位，出生日期有效，且校验位正确。", "Invalid ID number: 18 characters, a real birth date and a correct check character.");
        }
        var phone = PhoneNumber.Normalize(input.Phone);
        if (input.Phone is not null && phone is null)
        {
            Error("phone", "手机号无效：应为 11 位，以 13–19 开头。", "Invalid mobile number: 11 digits starting with 13–19.");
        }
        var service = input.Service ?? new ServiceRecord(null, null, null, null, null);
        var branch = Closed(service.Branch, ServiceBranches.Names, "service.branch", "军种", "branch", errors);
        var education = input.Education ?? new EducationRecord(null, null);
        var level = education.Level is null ? null : EducationCodes.Read(education.Level)?.Code();
        if (education.Level is not null && level is null)
        {
            var allowed = string.Join("、", EducationCodes.All.Select(l => l.Label));
            Error("education.level", $"未知的学历「{education.Level}」：可选 {allowed}。", $"Unknown education level '{education.Level}': use one of {allowed}.");
        }
        var certificates = input.Certificates ?? new CertificateRecord(null, null, null, null);
        var sorted = Sorted(Texts(certificates.SpecialOperations), Texts(certificates.SpecialEquipment), Texts(certificates.Others));
        // "B2驾驶证" or "Ｂ２" is its class; anything else stays as written, for the error below.
        var licences = Texts(certificates.LicenceClasses)
            .SelectMany(c => CertificateNames.LicenceClasses(c) is { Length: > 0 } classes ? classes : [c.ToUpperInvariant()])
            .Concat(sorted.LicenceClasses).Distinct().ToArray();
        if (licences.FirstOrDefault(c => !Vocabulary.LicenceClasses.Contains(c)) is { } unknownClass)
        {
            Error("certificates.licenceClasses", $"未知的准驾车型 {unknownClass}：应为 A1 A2 A3 B1 B2 C1 C2。", $"Unknown licence class {unknownClass}: use A1 A2 A3 B1 B2 C1 C2.");
        }
        var home = input.HomeDistrict is null ? null : Districts.Code(input.HomeDistrict);
        if (input.HomeDistrict is not null && home is null)
        {
            Error("homeDistrict", "未知的区县：请使用淮南市的区县名称或代码。", "Unknown district: use a Huainan district name or code.");
        }
        var preferences = input.Preferences ?? new PreferenceRecord(null, null, null, null);
        var districts = Texts(preferences.Districts).Select(Districts.Code).ToArray();
        if (districts.Any(d => d is null))
        {
            Error("preferences.districts", "意向区县中有未知的区县。", "The preferred districts include an unknown district.");
        }
        var seeking = Texts(preferences.Seeking).Select(s => Vocabulary.Code(Vocabulary.Seeking, s)).ToArray();
        if (seeking.Any(s => s is null))
        {
            Error("preferences.seeking", "意向类型应为 job（就业）、training（培训）或 entrepreneurship（创业）。", "Seeking must be job, training or entrepreneurship.");
        }
        var status = input.Status is null ? "seeking" : Closed(input.Status, Vocabulary.Statuses, "status", "求职状态", "job-seeking status", errors);
        var skills = data.Skills.Normalize(string.Join('、', Texts(input.Skills)));
        var specialties = Texts(service.Specialties);
        var industries = Texts(preferences.Industries);
        if (errors.Count > 0)
        {
            return null;
        }
        return new ProfileData(name, id, phone, branch, service.Years, service.DischargeYear, Trimmed(service.Rank), specialties,
            level, Trimmed(education.Major), licences, sorted.SpecialOperations, sorted.SpecialEquipment, sorted.Others, home,
            [.. districts.Distinct().OfType<string>()], industries, preferences.MinMonthlySalary, [.. seeking.Distinct().OfType<string>()], status!,
            skills, input.Certificates is not null);
    }

    /// <summary>
    /// Certificates sorted the same way whichever door they came in (CertificateNames): a licence class to the licences, a
    /// gated certificate under its canonical name to its kind; an item the parser does not know stays in the list it came in.
    /// </summary>
    static CertificateSet Sorted(string[] operations, string[] equipment, string[] others)
    {
        var (o, e, x) = (CertificateNames.Parse(operations), CertificateNames.Parse(equipment), CertificateNames.Parse(others));
        return new CertificateSet([.. o.LicenceClasses.Concat(e.LicenceClasses).Concat(x.LicenceClasses).Distinct()],
            [.. o.SpecialOperations.Concat(o.Others).Concat(e.SpecialOperations).Concat(x.SpecialOperations).Distinct()],
            [.. e.SpecialEquipment.Concat(e.Others).Concat(o.SpecialEquipment).Concat(x.SpecialEquipment).Distinct()], x.Others);
    }

    static string? Closed(string? value, IReadOnlyDictionary<string, string> names, string field, string chinese, string english, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }
        var code = Vocabulary.Code(names, value);
        if (code is null)
        {
            var allowed = string.Join("、", names.Values.Distinct());
            errors[field] = [Say.Text($"未知的{chinese}「{value}」：可选 {allowed}。", $"Unknown {english} '{value}': use one of {allowed}.")];
        }
        return code;
    }

    /// <summary>A free-text list: trimmed, blanks and repeats dropped (its record limits the count and lengths).</summary>
    static string[] Texts(IReadOnlyList<string>? values) =>
        (values ?? []).Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).Distinct().ToArray();

    static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim()[..Math.Min(value.Trim().Length, 50)];
}
