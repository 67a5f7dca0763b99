using System.Data.Common;
using Dapper;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Api.Veterans;

/// <summary>Reading and writing profiles: SQL in one place, ID numbers encrypted on the way in.</summary>
sealed class VeteranStore(IdNumberVault vault, ReferenceData data)
{
    const string Columns = """
        id, subject, synthetic, name, gender, birth_date::text AS birth_date, id_number_cipher, phone, branch, service_years,
        discharge_year, rank, specialties, education_level, major, licence_classes, special_operations, special_equipment,
        other_certificates, home_district, preferred_districts, preferred_industries, min_monthly_salary, seeking, status,
        dismissed_skills, created_at, updated_at
        """;

    public Task<VeteranRow?> BySubject(DbConnection db, string subject, DbTransaction? tx = null) =>
        db.QuerySingleOrDefaultAsync<VeteranRow>($"SELECT {Columns} FROM veterans WHERE subject = @subject", new { subject }, tx);

    public Task<VeteranRow?> ById(DbConnection db, Guid id, DbTransaction? tx = null) =>
        db.QuerySingleOrDefaultAsync<VeteranRow>($"SELECT {Columns} FROM veterans WHERE id = @id", new { id }, tx);

    public async Task Insert(DbConnection db, DbTransaction tx, Guid id, string subject, ProfileData profile)
    {
        await db.ExecuteAsync("""
            INSERT INTO veterans (id, subject, name, gender, birth_date, id_number_cipher, id_number_hash, phone, branch, service_years,
                discharge_year, rank, specialties, education_level, major, licence_classes, special_operations, special_equipment,
                other_certificates, certificates_recorded, home_district, preferred_districts, preferred_industries, min_monthly_salary,
                seeking, status)
            VALUES (@id, @subject, @Name, @gender, @birthDate::date, @cipher, @hash, @Phone, @Branch, @ServiceYears,
                @DischargeYear, @Rank, @Specialties, @EducationLevel, @Major, @LicenceClasses, @SpecialOperations, @SpecialEquipment,
                @OtherCertificates, @CertificatesRecorded, @HomeDistrict, @PreferredDistricts, @PreferredIndustries, @MinMonthlySalary,
                @Seeking, @Status)
            """, Parameters(profile, new { id, subject }), tx);
        await ReplaceSkills(db, tx, id, profile.Skills, profile.Specialties, []);
    }

    /// <summary>Replaces the profile; an absent ID number keeps the stored one (absent certificates are no longer recorded).</summary>
    public async Task Update(DbConnection db, DbTransaction tx, VeteranRow row, ProfileData profile)
    {
        await db.ExecuteAsync("""
            UPDATE veterans SET name = @Name, phone = @Phone, branch = @Branch, service_years = @ServiceYears, discharge_year = @DischargeYear,
                rank = @Rank, specialties = @Specialties, education_level = @EducationLevel, major = @Major, licence_classes = @LicenceClasses,
                special_operations = @SpecialOperations, special_equipment = @SpecialEquipment, other_certificates = @OtherCertificates,
                certificates_recorded = @CertificatesRecorded,
                home_district = @HomeDistrict, preferred_districts = @PreferredDistricts, preferred_industries = @PreferredIndustries,
                min_monthly_salary = @MinMonthlySalary, seeking = @Seeking, status = @Status, updated_at = now(),
                gender = COALESCE(@gender, gender), birth_date = COALESCE(@birthDate::date, birth_date),
                id_number_cipher = COALESCE(@cipher, id_number_cipher), id_number_hash = COALESCE(@hash, id_number_hash)
            WHERE id = @id
            """, Parameters(profile, new { id = row.Id }), tx);
        await ReplaceSkills(db, tx, row.Id, profile.Skills, profile.Specialties, row.DismissedSkills);
    }

    DynamicParameters Parameters(ProfileData profile, object keys)
    {
        var parameters = new DynamicParameters(profile);
        parameters.AddDynamicParams(keys);
        parameters.AddDynamicParams(new
        {
            gender = profile.Resident?.Gender,
            birthDate = profile.Resident?.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            cipher = profile.Resident is { } id ? vault.Encrypt(id.Number) : null,
            hash = profile.Resident is { } same ? vault.LookupHash(same.Number) : null,
        });
        return parameters;
    }

    public async Task ReplaceSkills(DbConnection db, DbTransaction tx, Guid veteranId, IReadOnlyList<NormalizedSkill> stated, string[] specialties, string[] dismissed)
    {
        var rows = SkillRows(data, stated, specialties, dismissed).Select(s => new { veteranId, s.Label, s.SkillId, s.Source, s.MatchType, s.Specialty });
        await db.ExecuteAsync("DELETE FROM veteran_skills WHERE veteran_id = @veteranId", new { veteranId }, tx);
        await db.ExecuteAsync("""
            INSERT INTO veteran_skills (veteran_id, label, skill_id, source, match_type, specialty)
            VALUES (@veteranId, @Label, @SkillId, @Source, @MatchType, @Specialty)
            """, rows, tx);
    }

    /// <summary>Stated skills as given; each specialty adds its crosswalk skills as inferred, unless stated or dismissed.</summary>
    public static List<VeteranSkill> SkillRows(ReferenceData data, IReadOnlyList<NormalizedSkill> stated, IEnumerable<string> specialties, string[] dismissed)
    {
        var rows = stated.Select(s => new VeteranSkill(s.Text, s.Skill?.Id, "stated", null, null)).ToList();
        foreach (var written in specialties)
        {
            if (data.Specialties.Match(written) is not { } specialty)
            {
                continue;
            }
            foreach (var entry in data.Specialties.SkillsOf(specialty))
            {
                var skill = data.Skills.Taxonomy.Find(entry.SkillId)!;
                if (!dismissed.Contains(skill.Id) && rows.All(r => r.Label != skill.NameZh))
                {
                    rows.Add(new VeteranSkill(skill.NameZh, skill.Id, "inferred", entry.Match == CrosswalkMatch.Most ? "most" : "some", specialty.NameZh));
                }
            }
        }
        return rows;
    }

    public Task<IEnumerable<VeteranSkill>> Skills(DbConnection db, Guid veteranId, DbTransaction? tx = null) =>
        db.QueryAsync<VeteranSkill>("""
            SELECT label, skill_id, source, match_type || ' duties' AS match_type, specialty FROM veteran_skills WHERE veteran_id = @veteranId
            ORDER BY source DESC, match_type NULLS FIRST, label
            """, new { veteranId }, tx);

    /// <summary>The profile as shown: identifiers in clear only when asked (the owner, an admin unmasking).</summary>
    public async Task<VeteranView> View(DbConnection db, VeteranRow row, bool clear, DbTransaction? tx = null)
    {
        var idNumber = row.IdNumberCipher is null ? null : vault.Decrypt(row.IdNumberCipher);
        var skills = (await Skills(db, row.Id, tx)).ToList();
        var consents = (await Consents.CurrentAsync(db, row.Id, tx)).ToList();
        return new VeteranView(row.Id, row.Name, row.Gender, row.BirthDate,
            idNumber is null ? null : clear ? idNumber : Masking.IdNumber(idNumber),
            PhoneAccess.Shown(row.Phone, clear ? PhoneReader.Owner : PhoneReader.Other),
            new ServiceRecord(row.Branch, row.ServiceYears, row.DischargeYear, row.Rank, row.Specialties),
            new EducationView(row.EducationLevel, row.Major),
            new CertificateRecord(row.LicenceClasses, row.SpecialOperations, row.SpecialEquipment, row.OtherCertificates),
            skills, row.HomeDistrict,
            new PreferenceRecord(row.PreferredDistricts, row.PreferredIndustries, row.MinMonthlySalary, row.Seeking),
            row.Status, consents, row.Synthetic, row.CreatedAt, row.UpdatedAt);
    }

    /// <summary>What a recruiter may see, with the veteran's consent: no ID number, gender or birth date; phone masked.</summary>
    public async Task<VeteranView> RecruiterView(DbConnection db, VeteranRow row) =>
        await View(db, row, clear: false) with { IdNumber = null, Gender = null, BirthDate = null, Consents = [] };

    public string? ClearIdNumber(VeteranRow row) => row.IdNumberCipher is null ? null : vault.Decrypt(row.IdNumberCipher);

    public byte[] LookupHash(string idNumber) => vault.LookupHash(idNumber);
}
