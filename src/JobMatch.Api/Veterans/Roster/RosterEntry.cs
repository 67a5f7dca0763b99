using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Veterans.Roster;

/// <summary>
/// A roster row checked by the profile rules, ready to stage. A null field is one the row does not give (blank cell or
/// no such column): an existing profile keeps its value there. CertificatesRecorded is true when the roster has a certificate
/// or licence column at all. The ID number is already encrypted and hashed. Consents are the signed form's answers
/// (RosterConsents), read only when the upload names their text version.
/// </summary>
sealed record RosterEntry(
    int RowNumber, byte[] Hash, byte[] Cipher, string Gender, DateOnly BirthDate, string Name, string? Phone, string? Branch,
    int? ServiceYears, int? DischargeYear, string? Rank, string[]? Specialties, string? EducationLevel, string? Major,
    string[]? LicenceClasses, string[]? SpecialOperations, string[]? SpecialEquipment, string[]? OtherCertificates,
    string? HomeDistrict, string[]? PreferredDistricts, string[]? PreferredIndustries, int? MinMonthlySalary, string[]? Seeking,
    string? Status, IReadOnlyList<NormalizedSkill>? Skills, bool? CertificatesRecorded, (string Kind, bool Granted)[] Consents)
{
    /// <summary>What the row says, apart from where it sits and the random parts of its ciphertext: equal rows are duplicates.</summary>
    public string Signature() => string.Join('\u001f', Name, Phone, Branch, ServiceYears, DischargeYear, Rank, Join(Specialties),
        EducationLevel, Major, Join(LicenceClasses), Join(SpecialOperations), Join(SpecialEquipment), Join(OtherCertificates),
        HomeDistrict, Join(PreferredDistricts), Join(PreferredIndustries), MinMonthlySalary, Join(Seeking), Status,
        Skills is null ? "\u0000" : Join([.. Skills.Select(s => s.Text)]), Join([.. Consents.Select(c => $"{c.Kind}={c.Granted}")]));

    static string Join(string[]? items) => items is null ? "\u0000" : string.Join('\u001e', items);
}
