using JobMatch.Api.DemoData;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Veterans;

/// <summary>2,000 synthetic veterans (synthetic = true, no login), with skills and consents, written by binary COPY.</summary>
sealed class DemoVeterans(IConfiguration configuration) : IDemoSeeder
{
    public const int Count = 2000;

    public string Name => "veterans";
    public int Order => 20;

    public async Task SeedAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IProgress<double> progress, CancellationToken ct)
    {
        // Built from configuration rather than injected: the seed command registers seeders only.
        var vault = new IdNumberVault(configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>() ?? new());
        var data = ReferenceData.Default;
        var veterans = SyntheticVeterans.Generate(Count, data).ToList();
        var text = NpgsqlDbType.Array | NpgsqlDbType.Text;

        await using (var writer = await db.BeginBinaryImportAsync("""
            COPY veterans (id, synthetic, name, gender, birth_date, id_number_cipher, id_number_hash, phone, branch, service_years, discharge_year,
                rank, specialties, education_level, major, licence_classes, special_operations, special_equipment, other_certificates, home_district,
                preferred_districts, preferred_industries, min_monthly_salary, seeking, status) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            for (var i = 0; i < veterans.Count; i++)
            {
                var v = veterans[i];
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(v.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(v.Name, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(v.Gender, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(v.BirthDate, NpgsqlDbType.Date, ct);
                await writer.WriteAsync(vault.Encrypt(v.IdNumber), NpgsqlDbType.Bytea, ct);
                await writer.WriteAsync(vault.LookupHash(v.IdNumber), NpgsqlDbType.Bytea, ct);
                await writer.WriteAsync(v.Phone, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(v.Branch, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(v.ServiceYears, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(v.DischargeYear, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(v.Rank, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(new[] { v.Specialty }, text, ct);
                await writer.WriteAsync(v.EducationLevel, NpgsqlDbType.Text, ct);
                await WriteNullable(writer, v.Major, ct);
                await writer.WriteAsync(v.LicenceClasses, text, ct);
                await writer.WriteAsync(v.SpecialOperations, text, ct);
                await writer.WriteAsync(v.SpecialEquipment, text, ct);
                await writer.WriteAsync(v.OtherCertificates, text, ct);
                await writer.WriteAsync(v.HomeDistrict, NpgsqlDbType.Text, ct);
                await writer.WriteAsync(v.PreferredDistricts.Distinct().ToArray(), text, ct);
                await writer.WriteAsync(v.PreferredIndustries, text, ct);
                await writer.WriteAsync(v.MinMonthlySalary, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(v.Seeking, text, ct);
                await writer.WriteAsync(v.Status, NpgsqlDbType.Text, ct);
                if (i % 200 == 0)
                {
                    progress.Report(0.6 * i / veterans.Count);
                }
            }
            await writer.CompleteAsync(ct);
        }

        await using (var writer = await db.BeginBinaryImportAsync(
            "COPY veteran_skills (veteran_id, label, skill_id, source, match_type, specialty) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var v in veterans)
            {
                var stated = v.StatedSkills.Select(label => data.Skills.Normalize(label)[0]).ToList();
                foreach (var skill in VeteranStore.SkillRows(data, stated, [v.Specialty], []))
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(v.Id, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(skill.Label, NpgsqlDbType.Text, ct);
                    await WriteNullable(writer, skill.SkillId, ct);
                    await writer.WriteAsync(skill.Source, NpgsqlDbType.Text, ct);
                    await WriteNullable(writer, skill.MatchType, ct);
                    await WriteNullable(writer, skill.Specialty, ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
        progress.Report(0.8);

        await using (var writer = await db.BeginBinaryImportAsync(
            "COPY veteran_consents (id, veteran_id, kind, granted, text_version) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var v in veterans)
            {
                foreach (var (kind, granted) in new[] { (Consents.SensitiveData, true), (Consents.AutomatedMatching, v.AllowsMatching), (Consents.ShareWithRecruiters, v.SharesWithRecruiters) })
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(v.Id, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync(kind, NpgsqlDbType.Text, ct);
                    await writer.WriteAsync(granted, NpgsqlDbType.Boolean, ct);
                    await writer.WriteAsync(Consents.Current(kind)!.Version, NpgsqlDbType.Text, ct);
                }
            }
            await writer.CompleteAsync(ct);
        }
    }

    static Task WriteNullable(NpgsqlBinaryImporter writer, string? value, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, NpgsqlDbType.Text, ct);
}
