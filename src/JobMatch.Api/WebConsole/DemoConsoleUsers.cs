using Dapper;
using JobMatch.Api.DemoData;
using Npgsql;

namespace JobMatch.Api.WebConsole;

/// <summary>
/// Sign-in names for the console's demo: the two mentors with the most overdue check-ins (then the largest caseloads)
/// become <c>demo-mentor-1</c> and <c>-2</c>, and one synthetic veteran with applications and both matching consents
/// becomes <c>demo-veteran-1</c>.
/// </summary>
sealed class DemoConsoleUsers : IDemoSeeder
{
    public string Name => "console users";
    public int Order => 50;

    public async Task SeedAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IProgress<double> progress, CancellationToken ct)
    {
        await db.ExecuteAsync("""
            WITH last AS (SELECT enterprise_id, max(held_on) AS held_on FROM mentoring_sessions GROUP BY enterprise_id),
                 busiest AS (
                     SELECT a.mentor_id, row_number() OVER (
                         ORDER BY count(*) FILTER (WHERE coalesce(l.held_on, a.starts_on) < current_date - 30) DESC, count(*) DESC, a.mentor_id) AS n
                     FROM mentor_assignments a LEFT JOIN last l USING (enterprise_id)
                     WHERE a.ends_on IS NULL GROUP BY a.mentor_id)
            UPDATE mentors m SET subject = 'demo-mentor-' || busiest.n
            FROM busiest WHERE m.id = busiest.mentor_id AND busiest.n <= 2 AND m.subject IS NULL;

            UPDATE veterans v SET subject = 'demo-veteran-1'
            WHERE v.id = (
                SELECT a.veteran_id FROM applications a JOIN veterans w ON w.id = a.veteran_id
                WHERE w.synthetic AND w.subject IS NULL AND a.state = 'interview'
                  AND (SELECT count(*) FROM current_consents c WHERE c.veteran_id = a.veteran_id AND c.granted
                       AND c.kind IN ('share_with_recruiters', 'automated_matching')) = 2
                ORDER BY a.veteran_id LIMIT 1);
            """, transaction: transaction);
        progress.Report(1);
    }
}
