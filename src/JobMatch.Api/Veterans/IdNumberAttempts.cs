using Dapper;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Veterans;

/// <summary>
/// The budgets that keep ID numbers from being guessed through a login: the name, birth date and district leave 1,000
/// sequence numbers. A caller has 5 attempts in 24 hours to tie an ID number to themselves: failed claims, and ID
/// numbers set on their own profile (whose answer, taken or not, would otherwise tell who is registered). An ID number
/// takes 5 failed claims, on a profile or not, since its profile's last claim code; after either, even the right answer
/// is refused. Kept in PostgreSQL (table id_number_attempts), so they hold across instances and restarts; refused
/// attempts are not counted.
/// </summary>
static class IdNumberAttempts
{
    public const int Budget = 5;
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    public const string Claim = "claim";
    public const string Profile = "profile";

    /// <summary>One attempt at a time per caller, then per ID number, so that requests in parallel cannot overrun a budget.</summary>
    public static Task LockAsync(NpgsqlConnection db, NpgsqlTransaction tx, string subject, byte[]? numberHash) =>
        db.ExecuteAsync("""
            SELECT pg_advisory_xact_lock(hashtextextended('jobmatch id-number attempts by ' || @subject, 0));
            SELECT pg_advisory_xact_lock(hashtextextended('jobmatch id-number attempts on ' || encode(@numberHash, 'hex'), 0))
            WHERE @numberHash::bytea IS NOT NULL;
            """, new { subject, numberHash }, tx);

    /// <summary>When the caller may try again, or null while they have attempts left.</summary>
    public static async Task<DateTime?> CallerBlockedUntil(NpgsqlConnection db, NpgsqlTransaction tx, string subject, DateTime now) =>
        await db.QuerySingleOrDefaultAsync<DateTime?>("""
            SELECT at FROM id_number_attempts WHERE subject = @subject AND at > @since ORDER BY at DESC OFFSET @skip LIMIT 1
            """, new { subject, since = now - Window, skip = Budget - 1 }, tx) + Window;

    /// <summary>When claims with this ID number may be tried again, or null while it has attempts left.</summary>
    public static async Task<DateTime?> NumberBlockedUntil(NpgsqlConnection db, NpgsqlTransaction tx, byte[] numberHash, DateTime now) =>
        await db.QuerySingleOrDefaultAsync<DateTime?>("""
            SELECT at FROM id_number_attempts WHERE id_number_hash = @numberHash AND at > @since ORDER BY at DESC OFFSET @skip LIMIT 1
            """, new { numberHash, since = now - Window, skip = Budget - 1 }, tx) + Window;

    /// <summary>Counts an attempt (a claim's with the number it named). Rows past the window go, those no one else holds.</summary>
    public static Task RecordAsync(NpgsqlConnection db, NpgsqlTransaction tx, string subject, string kind, byte[]? numberHash, DateTime now) =>
        db.ExecuteAsync("""
            DELETE FROM id_number_attempts WHERE id IN (SELECT id FROM id_number_attempts WHERE at < @since FOR UPDATE SKIP LOCKED);
            INSERT INTO id_number_attempts (id, subject, kind, id_number_hash, at) VALUES (@id, @subject, @kind, @numberHash, @now);
            """, new { since = now - Window, id = Guid.CreateVersion7(), subject, kind, numberHash, now }, tx);

    /// <summary>A new claim code starts the number's budget afresh; the failures still count for their callers.</summary>
    public static Task ForgiveNumberAsync(NpgsqlConnection db, NpgsqlTransaction tx, byte[] numberHash) =>
        db.ExecuteAsync("UPDATE id_number_attempts SET id_number_hash = NULL WHERE id_number_hash = @numberHash", new { numberHash }, tx);

    public static ProblemHttpResult CallerRefused(HttpResponse response, DateTime until, DateTime now) => Refused(response, until, now,
        $"24 小时内的 {Budget} 次身份证号核验（认领失败，以及为本人档案登记身份证号）已用完，请于{Beijing(until)}后再试；认领码无效时，请向退役军人服务中心索取新的认领码。",
        $"You have used the {Budget} ID-number attempts of 24 hours (failed claims, and ID numbers set on your profile): try again after "
        + $"{Utc(until)}. If your claim code does not work, ask the veterans service centre for a new one.");

    public static ProblemHttpResult NumberRefused(HttpResponse response, DateTime until, DateTime now) => Refused(response, until, now,
        $"该身份证号的认领已失败 {Budget} 次，暂停认领：请向退役军人服务中心索取新的认领码（新码立即可用），或于{Beijing(until)}后再试。",
        $"Claims with this ID number failed {Budget} times and are paused: ask the veterans service centre for a new claim code "
        + $"(it works at once), or try again after {Utc(until)}.");

    static ProblemHttpResult Refused(HttpResponse response, DateTime until, DateTime now, string chinese, string english) =>
        Problems.TooMany(response, until, now, "Too many attempts", Say.Text(chinese, english),
            new Dictionary<string, object?> { ["retryAt"] = until });

    static string Beijing(DateTime until) => $" {ShanghaiTime.Minute(until)}（北京时间）";

    static string Utc(DateTime until) => $"{ShanghaiTime.Minute(until)} (Asia/Shanghai)";
}
