using System.Security.Claims;
using System.Text;
using Dapper;
using JobMatch.Api.Accounts;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Notifications;
using JobMatch.Api.Privacy;
using Npgsql;

namespace JobMatch.Api.Veterans;

public sealed record ConsentOverview(IReadOnlyList<ConsentState> Current, IReadOnlyList<ConsentState> History);

public sealed record ProcessingRecord(DateTime At, string Action, string ActorRole);

/// <summary>A withdrawal the veteran asked staff for in person; the note goes to the audit log, so it names no one.</summary>
public sealed record ConsentWithdrawal([Text(200)] string? Note);

/// <summary>
/// A copy of everything held about a veteran (PIPL art. 45): the profile in clear, consents, who processed it, and the
/// built-in account they sign in with (null for a token no account issued). An account holder who never made a profile
/// gets the account alone (the profile null, the lists empty).
/// </summary>
public sealed record VeteranExport(VeteranView? Profile, IReadOnlyList<ConsentState> ConsentHistory, IReadOnlyList<ProcessingRecord> Processing, DateTime ExportedAt,
    IReadOnlyList<ApplicationStep> Applications, AccountCopy? Account);

/// <summary>One step of one of my applications, with the company's note about it.</summary>
public sealed record ApplicationStep(Guid ApplicationId, string CompanyName, string PositionTitle, string State, DateTime At, string OccurredOn, string? Note);

/// <summary>PIPL rights: copy, deletion, consent and its withdrawal, removal of inferred data.</summary>
static class VeteranRights
{
    public static async Task<Results<Ok<VeteranExport>, NotFound>> Export(
        ClaimsPrincipal user, NpgsqlDataSource dataSource, VeteranStore store, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        if (await store.BySubject(db, user.Subject()) is not { } row)
        {
            return await OwnAccounts.CopyAsync(db, user) is { } account
                ? TypedResults.Ok(new VeteranExport(null, [], [], clock.GetUtcNow().UtcDateTime, [], account))
                : TypedResults.NotFound();
        }
        var processing = await db.QueryAsync<ProcessingRecord>("""
            SELECT at, action, actor_role FROM audit.entries WHERE object_id = @id ORDER BY at, id
            """, new { id = row.Id });
        var applications = await db.QueryAsync<ApplicationStep>("""
            SELECT a.id AS application_id, c.name AS company_name, p.title AS position_title, e.to_state AS state, e.at,
                   e.occurred_on::text AS occurred_on, e.note
            FROM applications a JOIN positions p ON p.id = a.position_id JOIN companies c ON c.id = p.company_id
                 JOIN application_events e ON e.application_id = a.id
            WHERE a.veteran_id = @id ORDER BY a.id, e.at, e.id
            """, new { id = row.Id });
        // The copy holds the identifiers in clear: it is on the record like an unmasking (and in the next copy's list).
        await AuditLog.WriteAsync(db, null, user, "veteran.exported", "veteran", row.Id);
        return TypedResults.Ok(new VeteranExport(await store.View(db, row, clear: true),
            [.. await Consents.HistoryAsync(db, row.Id)], [.. processing], clock.GetUtcNow().UtcDateTime,
            [.. applications], await OwnAccounts.CopyAsync(db, user)));
    }

    /// <summary>
    /// Removes the profile with its skills and consents (cascade), and any stored answer that copied the person's
    /// identifiers (idempotency replays) and their outbox messages, and erases the built-in account's phone and e-mail and disables it
    /// (Accounts/OwnAccounts). Only a count by month, district and branch stays; the audit entries name the profile and the
    /// account by their opaque ids. An account holder without a profile erases the account alone.
    /// </summary>
    public static async Task<Results<NoContent, NotFound>> Delete(ClaimsPrincipal user, NpgsqlDataSource dataSource, VeteranStore store,
        SecurityStamps stamps, TimeProvider clock)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        var row = await store.BySubject(db, user.Subject(), tx);
        if (row is not null)
        {
            await DeleteProfileAsync(db, tx, store, row, user);
        }
        var account = await OwnAccounts.EraseAsync(db, tx, user, clock.GetUtcNow().UtcDateTime);
        if (row is null && account is null)
        {
            return TypedResults.NotFound();
        }
        await tx.CommitAsync();
        if (account is { } erased)
        {
            stamps.Forget(erased);
        }
        return TypedResults.NoContent();
    }

    static async Task DeleteProfileAsync(NpgsqlConnection db, NpgsqlTransaction tx, VeteranStore store, VeteranRow row, ClaimsPrincipal user)
    {
        await db.ExecuteAsync("""
            INSERT INTO veteran_deletions (month, home_district, branch, deleted)
            VALUES (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai')::date, coalesce(@HomeDistrict, ''), coalesce(@Branch, ''), 1)
            ON CONFLICT (month, home_district, branch) DO UPDATE SET deleted = veteran_deletions.deleted + 1
            """, new { row.HomeDistrict, row.Branch }, tx);
        var identifiers = new[] { store.ClearIdNumber(row), row.Phone }.OfType<string>().Select(Encoding.UTF8.GetBytes).ToArray();
        await db.ExecuteAsync("""
            DELETE FROM idempotency_keys
            WHERE subject = @subject OR EXISTS (SELECT 1 FROM unnest(@identifiers::bytea[]) AS i (value) WHERE position(i.value IN body) > 0)
            """, new { subject = row.Subject, identifiers }, tx);
        await Outbox.ForgetAsync(db, tx, user.Subject());
        await db.ExecuteAsync("DELETE FROM veterans WHERE id = @id", new { id = row.Id }, tx);
        await AuditLog.WriteAsync(db, tx, user, "veteran.deleted", "veteran", row.Id);
    }

    public static async Task<Results<Ok<ConsentOverview>, NotFound>> ConsentHistory(ClaimsPrincipal user, NpgsqlDataSource dataSource, VeteranStore store)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        return await store.BySubject(db, user.Subject()) is { } row
            ? TypedResults.Ok(new ConsentOverview([.. await Consents.CurrentAsync(db, row.Id)], [.. await Consents.HistoryAsync(db, row.Id)]))
            : TypedResults.NotFound();
    }

    /// <summary>Every answer is kept. Withdrawing sensitive_data erases the ID number, what came from it, and the service details.</summary>
    public static async Task<Results<Ok<ConsentOverview>, NotFound, ValidationProblem>> ChangeConsent(
        [OneOf(typeof(ConsentInput), nameof(ConsentInput.Kinds))] string kind, ConsentChange body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, VeteranStore store)
    {
        if (Consents.Current(kind) is not { } text)
        {
            return UnknownKind(kind);
        }
        if (body.TextVersion != text.Version)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["textVersion"] = [Say.Text($"同意文本版本应为 {text.Version}：请先阅读当前文本。", $"The consent text version must be {text.Version}: read the current text first.")],
            });
        }
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await store.BySubject(db, user.Subject(), tx) is not { } row)
        {
            return TypedResults.NotFound();
        }
        await Consents.RecordAsync(db, tx, row.Id, kind, body.Granted, body.TextVersion);
        if (kind == Consents.SensitiveData && !body.Granted)
        {
            await EraseSensitiveData(db, tx, row.Id);
        }
        await AuditLog.WriteAsync(db, tx, user, body.Granted ? "veteran.consent_granted" : "veteran.consent_withdrawn", "veteran", row.Id, new { kind });
        await tx.CommitAsync();
        return TypedResults.Ok(new ConsentOverview([.. await Consents.CurrentAsync(db, row.Id)], [.. await Consents.HistoryAsync(db, row.Id)]));
    }

    /// <summary>
    /// Staff record a withdrawal the veteran asked for in person (at the service centre, by phone to staff): the same
    /// effect as the veteran's own, recorded as in_person by the staff member, and audited with the note.
    /// </summary>
    public static async Task<Results<Ok<ConsentOverview>, NotFound, ValidationProblem>> WithdrawInPerson(
        Guid id, [OneOf(typeof(ConsentInput), nameof(ConsentInput.Kinds))] string kind, ConsentWithdrawal? body, ClaimsPrincipal user,
        NpgsqlDataSource dataSource, VeteranStore store)
    {
        if (Consents.Current(kind) is not { } text)
        {
            return UnknownKind(kind);
        }
        var note = string.IsNullOrWhiteSpace(body?.Note) ? null : body.Note.Trim(); // its length is declared on ConsentWithdrawal
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await store.ById(db, id, tx) is not { } row)
        {
            return TypedResults.NotFound();
        }
        // The note goes to the audit log, which holds no personal data: refuse one that quotes the person.
        if (note is not null && AuditLog.QuotesPerson(note, row.Name, store.ClearIdNumber(row), row.Phone))
        {
            return NoteRefused("备注会写入审计日志：不能包含姓名、身份证号、手机号或 11 位以上的数字。请写明经过，例如“本人到服务中心要求撤回”。",
                "The note goes to the audit log: it must not contain a name, an ID number, a phone or 11 or more digits. " +
                "Say what happened instead, e.g. \"asked at the service centre to withdraw\".");
        }
        await Consents.RecordAsync(db, tx, id, kind, granted: false, text.Version, Consents.InPerson, user.Subject());
        if (kind == Consents.SensitiveData)
        {
            await EraseSensitiveData(db, tx, id);
        }
        await AuditLog.WriteAsync(db, tx, user, "veteran.consent_withdrawn_in_person", "veteran", id, new { kind, note });
        await tx.CommitAsync();
        return TypedResults.Ok(new ConsentOverview([.. await Consents.CurrentAsync(db, id)], [.. await Consents.HistoryAsync(db, id)]));
    }

    static ValidationProblem UnknownKind(string kind) => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["kind"] = [Say.Text($"未知的同意类型 {kind}：可选 {string.Join("、", Consents.Texts.Select(t => t.Kind))}。",
                             $"Unknown consent kind {kind}: use one of {string.Join(", ", Consents.Texts.Select(t => t.Kind))}.")],
    });

    static ValidationProblem NoteRefused(string chinese, string english) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = [Say.Text(chinese, english)] });

    /// <summary>Withdrawing sensitive_data erases the ID number, what came from it, and the service details.</summary>
    static Task EraseSensitiveData(NpgsqlConnection db, NpgsqlTransaction tx, Guid id) =>
        db.ExecuteAsync("""
            UPDATE veterans SET id_number_cipher = NULL, id_number_hash = NULL, gender = NULL, birth_date = NULL, branch = NULL,
                service_years = NULL, discharge_year = NULL, rank = NULL, specialties = '{}', updated_at = now()
            WHERE id = @id;
            DELETE FROM veteran_skills WHERE veteran_id = @id AND source = 'inferred';
            """, new { id }, tx);

    public static async Task<Results<NoContent, NotFound>> RemoveSkill(string label, ClaimsPrincipal user, NpgsqlDataSource dataSource, VeteranStore store)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        await using var tx = await db.BeginTransactionAsync();
        if (await store.BySubject(db, user.Subject(), tx) is not { } row)
        {
            return TypedResults.NotFound();
        }
        var removed = await db.QuerySingleOrDefaultAsync<VeteranSkill>("""
            DELETE FROM veteran_skills WHERE veteran_id = @id AND label = @label
            RETURNING label, skill_id, source, match_type, specialty
            """, new { id = row.Id, label }, tx);
        if (removed is null)
        {
            return TypedResults.NotFound();
        }
        if (removed.Source == "inferred")
        {
            await db.ExecuteAsync("""
                UPDATE veterans SET dismissed_skills = array_append(dismissed_skills, @skillId), updated_at = now() WHERE id = @id
                """, new { id = row.Id, skillId = removed.SkillId }, tx);
        }
        await AuditLog.WriteAsync(db, tx, user, "veteran.skill_removed", "veteran", row.Id);
        await tx.CommitAsync();
        return TypedResults.NoContent();
    }
}
