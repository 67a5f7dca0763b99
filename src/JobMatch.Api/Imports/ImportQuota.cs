using System.Security.Claims;
using Dapper;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Npgsql;

namespace JobMatch.Api.Imports;

/// <summary>
/// A recruiter's daily import quota (<see cref="ImportOptions.RecruiterFilesPerDay"/> and <see cref="ImportOptions.RecruiterRowsPerDay"/>):
/// the files and data rows of their batches into fairs and programs since midnight in Shanghai, counted from import_batches
/// so that every instance sees the same count. Staff (admin) have none. A dry run is checked against what is left but not
/// counted; the same file sent again answers its earlier batch and costs nothing.
/// </summary>
public static class ImportQuota
{
    /// <summary>
    /// The 429 to answer, or null. <paramref name="rows"/> is null before the file is read (refused only when nothing is
    /// left). Inside a transaction, just before writing, a recruiter's imports first queue on a lock of their own, so that
    /// uploads sent at once cannot all pass on the same count.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefusalAsync(NpgsqlConnection db, NpgsqlTransaction? tx, ClaimsPrincipal user, int? rows,
        ImportOptions options, TimeProvider clock, HttpResponse response)
    {
        if (user.IsAdmin())
        {
            return null;
        }
        var subject = user.Subject();
        var today = ShanghaiTime.Today(clock);
        var (since, resetsAt) = (ShanghaiTime.StartUtc(today), ShanghaiTime.StartUtc(today.AddDays(1)));
        if (tx is not null)
        {
            await db.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('jobmatch import quota'), hashtext(@subject))",
                new { subject }, tx);
        }
        var (files, used) = await db.QuerySingleAsync<(long Files, long Rows)>("""
            SELECT count(*), coalesce(sum(rows_read), 0)::bigint FROM import_batches
            WHERE kind = 'positions' AND created_by = @subject AND created_at >= @since
            """, new { subject, since }, tx);
        var over = files >= options.RecruiterFilesPerDay
            || (rows is { } coming ? used + coming > options.RecruiterRowsPerDay : used >= options.RecruiterRowsPerDay);
        if (!over)
        {
            return null;
        }
        var reset = ShanghaiTime.Minute(resetsAt);
        var (file, fileEn) = rows is { } n ? ($"，此文件 {n} 行", $"; this file: {n} rows") : ("", "");
        return Problems.TooMany(response, resetsAt, clock.GetUtcNow().UtcDateTime, "Daily import quota used up", Say.Text(
            $"今日导入额度不足：每位招聘方每天最多导入 {options.RecruiterFilesPerDay} 个文件、{options.RecruiterRowsPerDay} 行（今日已导入 "
            + $"{files} 个文件、{used} 行{file}）。额度于北京时间 {reset} 重置；如需更多，请联系退役军人事务局提高额度。",
            $"Not enough of your daily import quota is left: a recruiter may import {options.RecruiterFilesPerDay} files and "
            + $"{options.RecruiterRowsPerDay} rows a day (today so far: {files} files, {used} rows{fileEn}). It resets at {reset} "
            + "Shanghai time; the bureau can raise it if you need more."),
            new Dictionary<string, object?>
            {
                ["resetsAt"] = resetsAt, ["filesPerDay"] = options.RecruiterFilesPerDay, ["rowsPerDay"] = options.RecruiterRowsPerDay,
                ["filesToday"] = files, ["rowsToday"] = used,
            });
    }
}
