using Dapper;
using JobMatch.Api.Imports;
using JobMatch.Api.Privacy;
using JobMatch.Api.Taxonomy;
using JobMatch.Ranking.Taxonomy;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Veterans.Roster;

public sealed record RosterWriteCounts(int Created, int Updated, int Unchanged);

/// <summary>
/// Writes roster entries in the caller's transaction: binary COPY into a staging table, then set-based statements.
/// A row whose keyed hash matches a profile updates the fields the row gives (a blank cell keeps the stored value);
/// any other row creates an unclaimed profile (no subject) with the bureau's basis for its sensitive data recorded.
/// With a consent text version, the signed form's consents are recorded too (RosterConsents).
/// </summary>
static class RosterWriter
{
    /// <summary>Staged column, its type, and the veterans column it fills; gender and birth date come with a new ID number only.</summary>
    static readonly (string Column, string Type, RosterField Field)[] Fields =
    [
        ("name", "text", RosterField.Name), ("phone", "text", RosterField.Phone), ("branch", "text", RosterField.Branch),
        ("service_years", "int", RosterField.ServiceYears), ("discharge_year", "int", RosterField.DischargeYear), ("rank", "text", RosterField.Rank),
        ("specialties", "text[]", RosterField.Specialties), ("education_level", "text", RosterField.EducationLevel), ("major", "text", RosterField.Major),
        ("licence_classes", "text[]", RosterField.LicenceClasses), ("special_operations", "text[]", RosterField.Certificates),
        ("special_equipment", "text[]", RosterField.Certificates), ("other_certificates", "text[]", RosterField.Certificates),
        ("certificates_recorded", "boolean", RosterField.Certificates),
        ("home_district", "text", RosterField.HomeDistrict), ("preferred_districts", "text[]", RosterField.PreferredDistricts),
        ("preferred_industries", "text[]", RosterField.PreferredIndustries), ("min_monthly_salary", "int", RosterField.MinMonthlySalary),
        ("seeking", "text[]", RosterField.Seeking), ("status", "text", RosterField.Status),
    ];

    static string Columns(string prefix = "") => string.Join(", ", Fields.Select(f => prefix + f.Column));

    public static async Task<RosterWriteCounts> WriteAsync(NpgsqlConnection db, NpgsqlTransaction tx, Guid batchId, IReadOnlyList<RosterEntry> entries,
        RosterColumns map, ReferenceData data, List<ImportProblem> problems, (string Subject, string Role) actor,
        string? consentTextVersion, CancellationToken ct)
    {
        await db.ExecuteAsync($"""
            CREATE TEMP TABLE staged_veterans (source_row int, id uuid, consent_id uuid, audit_id uuid, hash bytea, cipher bytea, gender text, birth_date date,
                {string.Join(", ", Fields.Select(f => f.Column + " " + f.Type))}, skills text[], existing_id uuid, changed text[]) ON COMMIT DROP
            """, transaction: tx);
        await using (var copy = await db.BeginBinaryImportAsync($"""
            COPY staged_veterans (source_row, id, consent_id, audit_id, hash, cipher, gender, birth_date, {Columns()}, skills) FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var e in entries)
            {
                copy.StartRow();
                copy.Write(e.RowNumber, NpgsqlDbType.Integer);
                copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                copy.Write(e.Hash, NpgsqlDbType.Bytea);
                copy.Write(e.Cipher, NpgsqlDbType.Bytea);
                copy.Write(e.Gender, NpgsqlDbType.Text);
                copy.Write(e.BirthDate, NpgsqlDbType.Date);
                object?[] values = [e.Name, e.Phone, e.Branch, e.ServiceYears, e.DischargeYear, e.Rank, e.Specialties, e.EducationLevel, e.Major,
                    e.LicenceClasses, e.SpecialOperations, e.SpecialEquipment, e.OtherCertificates, e.CertificatesRecorded, e.HomeDistrict, e.PreferredDistricts,
                    e.PreferredIndustries, e.MinMonthlySalary, e.Seeking, e.Status, e.Skills?.Select(s => s.Text).ToArray()];
                foreach (var value in values)
                {
                    switch (value)
                    {
                        case null: copy.WriteNull(); break;
                        case string text: copy.Write(text, NpgsqlDbType.Text); break;
                        case int number: copy.Write(number, NpgsqlDbType.Integer); break;
                        case bool flag: copy.Write(flag, NpgsqlDbType.Boolean); break;
                        case string[] list: copy.Write(list, NpgsqlDbType.Array | NpgsqlDbType.Text); break;
                    }
                }
            }
            await copy.CompleteAsync(ct);
        }

        // changed: the columns a row gives with a value other than the stored one (stated skills compared as sets).
        var differs = string.Join(", ", Fields.Select(f => $"CASE WHEN s.{f.Column} IS NOT NULL AND s.{f.Column} IS DISTINCT FROM v.{f.Column} THEN '{f.Column}' END"));
        var assign = string.Join(", ", Fields.Select(f => $"{f.Column} = coalesce(s.{f.Column}, v.{f.Column})"));
        var inserted = string.Join(", ", Fields.Select(f => f.Type switch
        {
            "text[]" => $"coalesce(s.{f.Column}, '{{}}')",
            "boolean" => $"coalesce(s.{f.Column}, false)",
            _ => f.Column == "status" ? "coalesce(s.status, 'seeking')" : "s." + f.Column,
        }));
        await db.ExecuteAsync($"""
            UPDATE staged_veterans s SET existing_id = v.id, changed = array_remove(ARRAY[{differs},
                CASE WHEN s.skills IS NOT NULL AND NOT (s.skills @> k.stated AND s.skills <@ k.stated) THEN 'skills' END], NULL)
            FROM veterans v CROSS JOIN LATERAL (
                SELECT coalesce(array_agg(label), ARRAY[]::text[]) AS stated FROM veteran_skills WHERE veteran_id = v.id AND source = 'stated') k
            WHERE v.id_number_hash = s.hash;

            UPDATE veterans v SET {assign}, import_batch_id = @batchId, updated_at = now()
            FROM staged_veterans s WHERE s.existing_id = v.id AND cardinality(s.changed) > 0;

            INSERT INTO veterans (id, gender, birth_date, id_number_cipher, id_number_hash, {Columns()}, created_batch_id, import_batch_id)
            SELECT s.id, s.gender, s.birth_date, s.cipher, s.hash, {inserted}, @batchId, @batchId
            FROM staged_veterans s WHERE s.existing_id IS NULL;

            INSERT INTO veteran_consents (id, veteran_id, kind, granted, text_version, method, recorded_by, import_batch_id)
            SELECT consent_id, id, 'sensitive_data', true, @basis, @method, @subject, @batchId FROM staged_veterans WHERE existing_id IS NULL;

            -- Each profile the roster wrote shows it in the veteran's own record of who processed their data (export).
            INSERT INTO audit.entries (id, actor, actor_role, action, object_type, object_id, details)
            SELECT audit_id, @subject, @role, CASE WHEN existing_id IS NULL THEN 'veteran.imported' ELSE 'veteran.roster_updated' END,
                   'veteran', coalesce(existing_id, id), jsonb_build_object('batchId', @batchId)
            FROM staged_veterans WHERE existing_id IS NULL OR cardinality(changed) > 0;
            """, new { batchId, basis = RosterBasis.Version, method = Consents.StatutoryDuty, subject = actor.Subject, role = actor.Role }, tx);

        var outcome = (await db.QueryAsync<(int Row, Guid Id, bool Created, string[] Changed)>("""
            SELECT source_row, coalesce(existing_id, id), existing_id IS NULL, coalesce(changed, '{}') FROM staged_veterans ORDER BY source_row
            """, transaction: tx)).ToList();
        if (consentTextVersion is not null)
        {
            await RosterConsents.WriteAsync(db, tx, batchId, entries, map, consentTextVersion, actor, problems, ct);
        }
        await db.ExecuteAsync("DROP TABLE staged_veterans", transaction: tx);
        var byRow = entries.ToDictionary(e => e.RowNumber);
        await ReplaceSkills(db, tx, data, outcome.Where(o => o.Created || o.Changed.Contains("skills") || o.Changed.Contains("specialties"))
            .Select(o => (o.Id, byRow[o.Row].Skills)).ToList(), ct);

        var names = Fields.ToDictionary(f => f.Column, f => f.Field is RosterField.ServiceYears && !map.Has(RosterField.ServiceYears)
            ? map.Name(RosterField.EnlistYear) : map.Name(f.Field));
        names["skills"] = map.Name(RosterField.Skills);
        names["certificates_recorded"] = map.Name(map.Has(RosterField.Certificates) ? RosterField.Certificates : RosterField.LicenceClasses);
        foreach (var (row, _, _, changed) in outcome.Where(o => o.Changed.Length > 0))
        {
            problems.Add(new(row, string.Join(", ", changed.Select(c => names[c]).Distinct()), null, ImportProblem.Updated,
                Conventions.Say.Text("更新了已有的退役军人档案。", "Updated an existing veteran profile.")));
        }
        return new RosterWriteCounts(outcome.Count(o => o.Created), outcome.Count(o => o.Changed.Length > 0),
            outcome.Count(o => !o.Created && o.Changed.Length == 0));
    }

    /// <summary>
    /// The skills of created profiles, and of updated ones whose skills or specialties changed, computed as the profile
    /// API computes them (VeteranStore.SkillRows): stated skills as given (or kept), inferred ones from the specialties
    /// unless the veteran removed them.
    /// </summary>
    static async Task ReplaceSkills(NpgsqlConnection db, NpgsqlTransaction tx, ReferenceData data,
        List<(Guid Id, IReadOnlyList<NormalizedSkill>? Given)> affected, CancellationToken ct)
    {
        var ids = affected.Select(a => a.Id).ToArray();
        var stored = (await db.QueryAsync<(Guid Id, string[] Specialties, string[] Dismissed)>("""
            SELECT id, specialties, dismissed_skills FROM veterans WHERE id = ANY(@ids)
            """, new { ids }, tx)).ToDictionary(r => r.Id);
        var stated = (await db.QueryAsync<(Guid Id, string Label, string? SkillId)>("""
            SELECT veteran_id, label, skill_id FROM veteran_skills WHERE veteran_id = ANY(@ids) AND source = 'stated'
            """, new { ids }, tx)).ToLookup(s => s.Id);
        await db.ExecuteAsync("DELETE FROM veteran_skills WHERE veteran_id = ANY(@ids)", new { ids }, tx);
        await using var copy = await db.BeginBinaryImportAsync(
            "COPY veteran_skills (veteran_id, label, skill_id, source, match_type, specialty) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (id, given) in affected)
        {
            var skills = given ?? [.. stated[id].Select(s => new NormalizedSkill(s.Label, s.SkillId is null ? null : data.Skills.Taxonomy.Find(s.SkillId)))];
            foreach (var skill in VeteranStore.SkillRows(data, skills, stored[id].Specialties, stored[id].Dismissed))
            {
                copy.StartRow();
                copy.Write(id, NpgsqlDbType.Uuid);
                copy.Write(skill.Label, NpgsqlDbType.Text);
                Write(copy, skill.SkillId);
                copy.Write(skill.Source, NpgsqlDbType.Text);
                Write(copy, skill.MatchType);
                Write(copy, skill.Specialty);
            }
        }
        await copy.CompleteAsync(ct);
    }

    static void Write(NpgsqlBinaryImporter copy, string? text)
    {
        if (text is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(text, NpgsqlDbType.Text);
        }
    }
}
