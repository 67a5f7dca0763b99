using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace JobMatch.Api.Mentoring;

public static class MentoringReportApi
{
    public static RouteHandlerBuilder MapMentoringReport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/reports/mentoring", Get).WithTags("Mentoring").RequireAuthorization(Policies.Admin)
            .WithSummary("Load against capacity per mentor, enterprises without a mentor, overdue check-ins, sessions and hours per month; JSON or CSV (admin)");

    static async Task<Results<Ok<MentoringReport>, CsvResult<ReportRow>>> Get(
        HttpRequest request, NpgsqlDataSource dataSource, TimeProvider clock, IOptions<MentoringOptions> options)
    {
        var (overdueDays, today) = CheckIns.Parameters(clock, options.Value);
        var (mentors, enterprises, months) = await ReadAsync(dataSource, new { overdueDays, today });
        if (Listing.WantsCsv(request))
        {
            var rows = Flatten(mentors, enterprises, months).ToList();
            return new CsvResult<ReportRow>(rows, "mentoring-report.csv", rows.Count, null);
        }
        var totals = new ReportTotals(
            mentors.Count, enterprises.Count,
            enterprises.Count(e => e.Status != "unassigned"), enterprises.Count(e => e.Status == "unassigned"),
            enterprises.Count(e => e.Status == "overdue"), mentors.Count(m => m.OverCapacity),
            months.Sum(m => m.Sessions), months.Sum(m => m.Hours));
        return TypedResults.Ok(new MentoringReport(ShanghaiTime.Today(clock), overdueDays, totals, mentors, enterprises, months));
    }

    /// <summary>Load per mentor, status per enterprise and sessions per month.</summary>
    static async Task<(List<MentorLoad> Mentors, List<EnterpriseStatus> Enterprises, List<MonthlySessions> Months)> ReadAsync(
        NpgsqlDataSource dataSource, object parameters)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        // One snapshot for all four queries, so the parts add up.
        await using var tx = await db.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        var mentors = (await db.QueryAsync<MentorLoad>($"""
            SELECT m.id AS mentor_id, m.name, m.district, m.capacity, count(a.id) AS load, m.paused,
                   count(a.id) > m.capacity AS over_capacity, count(*) FILTER (WHERE {CheckIns.Overdue}) AS overdue
            FROM mentors m
            LEFT JOIN mentor_assignments a ON a.mentor_id = m.id AND a.ends_on IS NULL
            LEFT JOIN enterprise_check_ins c ON c.enterprise_id = a.enterprise_id
            GROUP BY m.id ORDER BY m.id
            """, parameters, tx)).ToList();
        var enterprises = (await db.QueryAsync<EnterpriseStatus>($"""
            SELECT e.id AS enterprise_id, e.name, e.district, e.industry,
                   CASE WHEN c.mentored_since IS NULL THEN 'unassigned' WHEN {CheckIns.Overdue} THEN 'overdue' ELSE 'on_track' END AS status,
                   (SELECT count(*) FROM mentor_assignments a WHERE a.enterprise_id = e.id AND a.ends_on IS NULL)::int AS mentors,
                   c.last_session_on, CASE WHEN c.mentored_since IS NULL THEN NULL ELSE {CheckIns.DueOn} END AS due_on
            FROM enterprises e JOIN enterprise_check_ins c ON c.enterprise_id = e.id
            ORDER BY e.id
            """, parameters, tx)).ToList();
        var months = (await db.QueryAsync<MonthlySessions>("""
            SELECT to_char(held_on, 'YYYY-MM') AS month, count(*) AS sessions, sum(hours) AS hours
            FROM mentoring_sessions GROUP BY 1 ORDER BY 1
            """, transaction: tx)).ToList();
        await tx.CommitAsync();
        return (mentors, enterprises, months);
    }

    static IEnumerable<ReportRow> Flatten(List<MentorLoad> mentors, List<EnterpriseStatus> enterprises, List<MonthlySessions> months)
    {
        foreach (var m in mentors)
        {
            yield return new ReportRow("mentor", m.MentorId.ToString(), m.Name, m.District,
                m.Paused ? "paused" : m.OverCapacity ? "over_capacity" : "active", m.Capacity, m.Load, m.Overdue, null, null, null, null);
        }
        foreach (var e in enterprises)
        {
            yield return new ReportRow("enterprise", e.EnterpriseId.ToString(), e.Name, e.District, e.Status, null, e.Mentors, null,
                e.LastSessionOn, e.DueOn, null, null);
        }
        foreach (var month in months)
        {
            yield return new ReportRow("month", month.Month, month.Month, null, null, null, null, null, null, null, month.Sessions, month.Hours);
        }
    }
}
