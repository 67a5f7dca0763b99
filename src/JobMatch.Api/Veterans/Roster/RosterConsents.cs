using Dapper;
using JobMatch.Api.Conventions;
using JobMatch.Api.Imports;
using JobMatch.Api.Privacy;
using JobMatch.Api.Spreadsheets;
using Npgsql;
using NpgsqlTypes;

namespace JobMatch.Api.Veterans.Roster;

/// <summary>
/// The consents the veteran gave on the bureau's signed registration form, in the roster's 同意推荐给用人单位 and
/// 同意智能匹配 columns. They are recorded only when the upload names the consent text version the form carried (form
/// field consentTextVersion), as staff's record of the form (method signed_form, with the batch); without it a "yes"
/// agrees to no known text, so the columns are reported as ignored.
/// </summary>
static class RosterConsents
{
    public static readonly (RosterField Field, string Kind)[] Columns =
        [(RosterField.ShareWithRecruiters, Consents.ShareWithRecruiters), (RosterField.AutomatedMatching, Consents.AutomatedMatching)];

    static string[] Versions => [.. Consents.Texts.Where(t => Columns.Any(c => c.Kind == t.Kind)).Select(t => t.Version).Distinct()];

    /// <summary>The form field naming the consent text version, as the roster import documents it.</summary>
    public static UploadField VersionField => new("consentTextVersion", "可选：老兵签署的纸质表上的同意书版本；给出时记录同意列",
        "Optional: the consent text version of the paper form the veterans signed; given, the consent columns are recorded", Versions);

    /// <summary>The consentTextVersion form field (null when absent or blank), or a 400 naming the versions in force.</summary>
    public static ValidationProblem? ReadVersion(IFormCollection form, out string? version)
    {
        version = form[VersionField.Name].ToString().Trim() is { Length: > 0 } given ? given : null;
        if (version is null || Versions.Contains(version))
        {
            return null;
        }
        return TypedResults.ValidationProblem(new Dictionary<string, string[]>
        {
            ["consentTextVersion"] = [Say.Text(
                $"未知的同意书版本 {version}：现行版本为 {string.Join("、", Versions)}（见 GET /api/veterans/consent-texts）。",
                $"Unknown consent text version {version}: the versions in force are {string.Join(", ", Versions)} "
                + "(GET /api/veterans/consent-texts).")],
        });
    }

    /// <summary>A form answer: 是/否, 同意/不同意, Y/N, yes/no, true/false, 1/0, √/×; null when it is none of them.</summary>
    public static bool? Answer(string text) => CellParsers.Compact(text) switch
    {
        "是" or "同意" or "y" or "yes" or "true" or "1" or "√" or "✓" or "✔" => true,
        "否" or "不同意" or "n" or "no" or "false" or "0" or "×" or "✗" or "✘" => false,
        _ => null,
    };

    public static readonly string Unreadable = Say.Text("同意答复无法识别：请填 是/否、同意/不同意、Y/N、yes/no、true/false、1/0 或 √/×（留空表示未记录）。",
        "Consent answer not understood: write 是/否, 同意/不同意, Y/N, yes/no, true/false, 1/0 or √/× (blank records nothing).");

    /// <summary>One report line per consent column the roster has, when the upload named no version.</summary>
    public static IEnumerable<ImportProblem> Ignored(RosterColumns map, int headerRow) =>
        Columns.Where(c => map.Has(c.Field)).Select(c => new ImportProblem(headerRow, map.Name(c.Field), null, ImportProblem.Warning,
            Say.Text("未提供 consentTextVersion：同意列未导入。请在上传时填写受访者签署的同意书版本。",
                "No consentTextVersion: the consent columns were not imported; name the consent text version the veterans signed.")));

    /// <summary>
    /// Records the form answers of the staged veterans (RosterWriter's staged_veterans, in its transaction), set-based:
    /// only where the answer differs from the veteran's current one of that kind, so a re-import adds nothing. An answer
    /// the veteran gave otherwise (in the service, or in person to staff) is never overridden by a form, which cannot
    /// be dated against it: the row gets a warning instead.
    /// </summary>
    public static async Task WriteAsync(NpgsqlConnection db, NpgsqlTransaction tx, Guid batchId, IReadOnlyList<RosterEntry> entries,
        RosterColumns map, string textVersion, (string Subject, string Role) actor, List<ImportProblem> problems, CancellationToken ct)
    {
        await db.ExecuteAsync("""
            CREATE TEMP TABLE staged_consents (source_row int, kind text, granted boolean, id uuid, audit_id uuid,
                veteran_id uuid, current_granted boolean, current_method text) ON COMMIT DROP
            """, transaction: tx);
        await using (var copy = await db.BeginBinaryImportAsync(
            "COPY staged_consents (source_row, kind, granted, id, audit_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var entry in entries)
            {
                foreach (var (kind, granted) in entry.Consents)
                {
                    copy.StartRow();
                    copy.Write(entry.RowNumber, NpgsqlDbType.Integer);
                    copy.Write(kind, NpgsqlDbType.Text);
                    copy.Write(granted, NpgsqlDbType.Boolean);
                    copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                    copy.Write(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                }
            }
            await copy.CompleteAsync(ct);
        }
        // The latest answer of each staged kind (new profiles have none), read once by the index on (veteran, kind, at).
        await db.ExecuteAsync("""
            UPDATE staged_consents c SET veteran_id = coalesce(s.existing_id, s.id)
            FROM staged_veterans s WHERE s.source_row = c.source_row;
            UPDATE staged_consents c SET (current_granted, current_method) = (
                SELECT granted, method FROM veteran_consents WHERE veteran_id = c.veteran_id AND kind = c.kind
                ORDER BY at DESC, id DESC LIMIT 1);

            WITH recorded AS (
                INSERT INTO veteran_consents (id, veteran_id, kind, granted, text_version, method, recorded_by, import_batch_id)
                SELECT id, veteran_id, kind, granted, @textVersion, 'signed_form', @subject, @batchId FROM staged_consents
                WHERE current_granted IS NULL OR current_method = 'signed_form' AND current_granted <> granted
                RETURNING id)
            INSERT INTO audit.entries (id, actor, actor_role, action, object_type, object_id, details)
            SELECT c.audit_id, @subject, @role, 'veteran.consent_recorded_from_form', 'veteran', c.veteran_id,
                   jsonb_build_object('batchId', @batchId, 'kind', c.kind, 'granted', c.granted, 'textVersion', @textVersion::text)
            FROM staged_consents c JOIN recorded r ON r.id = c.id;
            """, new { batchId, textVersion, subject = actor.Subject, role = actor.Role }, tx);

        var kept = await db.QueryAsync<(int Row, string Kind)>("""
            SELECT source_row, kind FROM staged_consents WHERE current_method <> 'signed_form' AND current_granted <> granted
            ORDER BY source_row, kind
            """, transaction: tx);
        foreach (var (row, kind) in kept)
        {
            problems.Add(new(row, map.Name(Columns.Single(c => c.Kind == kind).Field), null, ImportProblem.Warning, Say.Text(
                "该退役军人已另行作答（本人在系统中或当面），以其答复为准，未按表格更改。",
                "The veteran answered otherwise (in the service, or in person): their answer stands and the form did not change it.")));
        }
        await db.ExecuteAsync("DROP TABLE staged_consents", transaction: tx);
    }
}
