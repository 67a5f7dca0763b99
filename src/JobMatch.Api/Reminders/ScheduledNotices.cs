using System.Globalization;
using Dapper;
using JobMatch.Api.Conventions;
using JobMatch.Api.Mentoring;
using JobMatch.Api.Notifications;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Reminders;

/// <summary>What one run of the scheduled job wrote: the events of each kind (an event may have no reachable recipient).</summary>
public sealed record ScheduleRun(int Expiring, int Overdue, int Caseloads, int Digests, int Milestones);

/// <summary>
/// The events that come from time, written to the outbox (<see cref="Outbox.AddAsync"/>) once per event and period: each
/// event's key (V24 scheduled_notices) is inserted in the transaction that writes its messages, so a second run, or a run on
/// another instance at the same moment, finds the key (waiting for the first run's transaction) and writes nothing.
/// </summary>
public sealed class ScheduledNotices(NpgsqlDataSource dataSource, IOptions<ScheduleOptions> options, IOptions<MentoringOptions> mentoring)
{
    /// <summary>Writes what is due at <paramref name="now"/> (the clock's time; tests pass another).</summary>
    public async Task<ScheduleRun> RunAsync(DateTime now, CancellationToken ct = default)
    {
        var settings = options.Value;
        var today = ShanghaiTime.DateOf(now);
        await using var db = await dataSource.OpenConnectionAsync(ct);
        return new ScheduleRun(
            await ExpiringAsync(db, now, settings.InvitationWarning, ct),
            await OverdueAsync(db, today, ct),
            await CaseloadsAsync(db, today, ct),
            await DigestsAsync(db, today, settings.DigestTitles, ct),
            await MilestonesAsync(db, today, settings.MilestoneLeadDays, ct));
    }

    /// <summary>A pending invitation expiring within the warning: once per invitation.</summary>
    async Task<int> ExpiringAsync(NpgsqlConnection db, DateTime now, TimeSpan warning, CancellationToken ct)
    {
        var due = await db.QueryAsync<(Guid Id, Guid VeteranId, Guid PositionId, DateTime ExpiresAt)>("""
            SELECT i.id, i.veteran_id, i.position_id, i.expires_at FROM invitations i
            WHERE i.status = 'pending' AND i.expires_at > @now AND i.expires_at <= @now + @warning
              AND NOT EXISTS (SELECT 1 FROM scheduled_notices n WHERE n.key = 'invitation.expiring:' || i.id)
            """, new { now, warning });
        return await WriteAsync(db, due.Select(i => ($"invitation.expiring:{i.Id}", Notices.Expiring(i.VeteranId, i.PositionId, i.ExpiresAt))), ct);
    }

    /// <summary>An overdue check-in (<see cref="CheckIns.Overdue"/>) of a linked mentor's enterprise: once per assignment and due date.</summary>
    async Task<int> OverdueAsync(NpgsqlConnection db, DateOnly today, CancellationToken ct)
    {
        var due = await db.QueryAsync<(Guid AssignmentId, Guid MentorId, string Name, DateOnly DueOn)>($"""
            SELECT a.id, a.mentor_id, e.name, {CheckIns.DueOn} AS due_on
            FROM mentor_assignments a JOIN mentors m ON m.id = a.mentor_id
            JOIN enterprises e ON e.id = a.enterprise_id JOIN enterprise_check_ins c ON c.enterprise_id = e.id
            WHERE a.ends_on IS NULL AND m.subject IS NOT NULL AND {CheckIns.Overdue}
            """, new { overdueDays = mentoring.Value.OverdueDays, today = today.AsParameter() });
        return await WriteAsync(db, due.Select(o => ($"checkin.overdue:{o.AssignmentId}:{o.DueOn:yyyy-MM-dd}",
            Notices.Overdue(o.MentorId, o.Name, o.DueOn))), ct);
    }

    /// <summary>Each linked mentor with a caseload: once per ISO week (the first run of the week).</summary>
    async Task<int> CaseloadsAsync(NpgsqlConnection db, DateOnly today, CancellationToken ct)
    {
        var week = $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";
        var mentors = await db.QueryAsync<(Guid MentorId, int Enterprises, int Overdue)>($"""
            SELECT m.id, count(*)::int, (count(*) FILTER (WHERE {CheckIns.Overdue}))::int
            FROM mentors m JOIN mentor_assignments a ON a.mentor_id = m.id AND a.ends_on IS NULL
            JOIN enterprise_check_ins c ON c.enterprise_id = a.enterprise_id
            WHERE m.subject IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM scheduled_notices n WHERE n.key = 'caseload.weekly:' || m.id || ':' || @week)
            GROUP BY m.id
            """, new { week, overdueDays = mentoring.Value.OverdueDays, today = today.AsParameter() });
        return await WriteAsync(db, mentors.Select(m => ($"caseload.weekly:{m.MentorId}:{week}", Notices.Caseload(m.MentorId, m.Enterprises, m.Overdue))), ct);
    }

    /// <summary>
    /// Yesterday's imported openings (Asia/Shanghai) that are open and in the veteran's home or preferred districts (or
    /// anywhere, when the opening names none): one digest a day with the count and the newest few titles, only for a veteran
    /// with the matching consent who can be reached (<see cref="Reach"/>). A cheap filter, not the ranking of the matches page.
    /// </summary>
    async Task<int> DigestsAsync(NpgsqlConnection db, DateOnly today, int top, CancellationToken ct)
    {
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var digests = await db.QueryAsync<(Guid VeteranId, int Matches, string[] Titles)>($"""
            SELECT v.id, count(*)::int, (array_agg(p.title ORDER BY p.created_at DESC, p.id DESC))[1:50]
            FROM veterans v {Reach.Join("v.subject")}
            JOIN positions p ON p.status = 'open' AND p.created_batch_id IS NOT NULL AND p.created_at >= @from AND p.created_at < @to
                            AND (p.district_code IS NULL OR p.district_code = v.home_district OR p.district_code = ANY (v.preferred_districts))
            WHERE v.accepts_matching
              AND NOT EXISTS (SELECT 1 FROM scheduled_notices n WHERE n.key = 'matches.digest:' || v.id || ':' || @day)
            GROUP BY v.id
            """, new { day, from = ShanghaiTime.StartUtc(today.AddDays(-1)), to = ShanghaiTime.StartUtc(today) });
        return await WriteAsync(db, digests.Select(d => ($"matches.digest:{d.VeteranId}:{day}", Notices.Digest(d.VeteranId, d.Matches, d.Titles.Distinct().Take(top)))), ct);
    }

    /// <summary>An open order class starting or ending within the lead days: once per program, milestone and date.</summary>
    async Task<int> MilestonesAsync(NpgsqlConnection db, DateOnly today, int leadDays, CancellationToken ct)
    {
        var due = await db.QueryAsync<(Guid ProgramId, string Name, bool Start, DateOnly On)>("""
            SELECT p.id, p.name, m.start, m.on_date FROM programs p
            CROSS JOIN LATERAL (VALUES (true, p.starts_on), (false, (p.starts_on + make_interval(months => p.duration_months))::date))
                AS m (start, on_date)
            WHERE p.closed_at IS NULL AND m.on_date BETWEEN @today::date AND @today::date + @leadDays
            """, new { today = today.AsParameter(), leadDays });
        return await WriteAsync(db, due.Select(m => ($"program.milestone:{m.ProgramId}:{(m.Start ? "start" : "end")}:{m.On:yyyy-MM-dd}",
            Notices.Milestone(m.ProgramId, m.Name, m.Start, m.On))), ct);
    }

    /// <summary>Each event in its own transaction with its key; an event whose key exists (another run wrote it) is skipped.</summary>
    static async Task<int> WriteAsync(NpgsqlConnection db, IEnumerable<(string Key, Notice Notice)> events, CancellationToken ct)
    {
        var written = 0;
        foreach (var (key, notice) in events)
        {
            await using var tx = await db.BeginTransactionAsync(ct);
            if (await db.ExecuteAsync("INSERT INTO scheduled_notices (key) VALUES (@key) ON CONFLICT DO NOTHING", new { key }, tx) == 1)
            {
                await Outbox.AddAsync(db, tx, notice);
                await tx.CommitAsync(ct);
                written++;
            }
        }
        return written;
    }
}
