using Dapper;
using JobMatch.Api.DemoData;
using Npgsql;

namespace JobMatch.Api.Applications;

/// <summary>
/// Applications of synthetic veterans to the demo fair and order class, at every stage, with their histories and
/// interactions, so the lists and funnels have something to show. Deterministic: the n-th veteran always gets the same.
/// </summary>
sealed class DemoApplications : IDemoSeeder
{
    public string Name => "applications";
    public int Order => 40;

    // Paths by the veteran's number mod 20: most applications stay early, a few end in each other state.
    const string JobPaths = """
        (VALUES (0, '{submitted}'), (1, '{submitted}'), (2, '{submitted}'), (3, '{submitted}'), (4, '{submitted}'), (5, '{submitted}'),
                (6, '{submitted,screening}'), (7, '{submitted,screening}'), (8, '{submitted,screening}'),
                (9, '{submitted,screening,interview}'), (10, '{submitted,screening,interview}'), (11, '{submitted,screening,interview,offer}'),
                (12, '{submitted,screening,interview,offer,hired}'), (13, '{submitted,screening,interview,offer,hired}'),
                (14, '{submitted,screening,interview,offer,hired}'), (15, '{submitted,screening,rejected}'), (16, '{submitted,rejected}'),
                (17, '{submitted,screening,interview,rejected}'), (18, '{submitted,withdrawn}'),
                (19, '{submitted,screening,interview,offer,hired,cancelled}')) AS p (k, path)
        """;

    const string TrainingPaths = """
        (VALUES (0, '{applied}'), (1, '{applied,enrolled}'), (2, '{applied,enrolled}'), (3, '{applied,enrolled,graduated}'),
                (4, '{applied,enrolled,graduated,employed}'), (5, '{applied,enrolled,dropped}'), (6, '{applied,dropped}')) AS p (k, path)
        """;

    /// <summary>A UUIDv7 for a time in SQL (PostgreSQL before 18 has no uuidv7()): 48-bit milliseconds, version 7, variant 10, random rest.</summary>
    static string V7(string at) =>
        $"(lpad(to_hex((extract(epoch FROM {at}) * 1000)::bigint), 12, '0') || '7' || substr(md5(random()::text), 1, 3) " +
        "|| to_hex(8 + floor(random() * 4)::int) || substr(md5(random()::text), 1, 15))::uuid";

    public async Task SeedAsync(NpgsqlConnection db, NpgsqlTransaction transaction, IProgress<double> progress, CancellationToken ct)
    {
        await db.ExecuteAsync($"""
            CREATE TEMP TABLE demo_paths ON COMMIT DROP AS
            WITH v AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM veterans WHERE synthetic),
                 jobs AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM positions WHERE kind = 'job' AND fair_id IS NOT NULL),
                 seats AS (SELECT id, row_number() OVER (ORDER BY id) AS n, count(*) OVER () AS total FROM positions WHERE program_id IS NOT NULL)
            SELECT v.id AS veteran_id, j.id AS position_id, 'job' AS kind, p.path::text[] AS path, v.n
            FROM v JOIN jobs j ON j.n = 1 + (v.n * 7919) % j.total JOIN {JobPaths} ON p.k = v.n % 20
            WHERE v.n <= 1200
            UNION ALL
            SELECT v.id, s.id, 'training', p.path::text[], v.n
            FROM v JOIN seats s ON s.n = 1 + v.n % s.total JOIN {TrainingPaths} ON p.k = v.n % 7
            WHERE v.n > 1200 AND v.n <= 1235;
            """, transaction: transaction);
        progress.Report(0.3);
        // Hires (enrolments) stop at the stage before once a position would have no opening left: headcount holds, and
        // every demo position stays open for people trying the service.
        await db.ExecuteAsync($"""
            WITH ranked AS (
                SELECT d.veteran_id, d.position_id, row_number() OVER (PARTITION BY d.position_id ORDER BY d.n) AS k, p.headcount
                FROM demo_paths d JOIN positions p ON p.id = d.position_id
                WHERE d.path && ARRAY['hired', 'enrolled'] AND NOT d.path && ARRAY['cancelled', 'dropped'])
            UPDATE demo_paths d SET path = d.path[1:array_position(d.path, CASE WHEN d.kind = 'job' THEN 'hired' ELSE 'enrolled' END) - 1]
            FROM ranked r WHERE r.veteran_id = d.veteran_id AND r.position_id = d.position_id AND r.headcount IS NOT NULL AND r.k >= r.headcount;

            INSERT INTO applications (id, veteran_id, position_id, kind, state, created_at, updated_at)
            SELECT {V7("timestamptz '2023-03-16 10:00+08' + n * interval '1 minute'")}, veteran_id, position_id, kind, path[cardinality(path)],
                   timestamptz '2023-03-16 10:00+08' + n * interval '1 minute', timestamptz '2023-03-16 10:00+08' + (cardinality(path) * 3) * interval '1 day'
            FROM demo_paths;

            INSERT INTO application_events (id, application_id, from_state, to_state, at, occurred_on, actor, actor_role, note)
            SELECT {V7("a.created_at + (s.i - 1) * 3 * interval '1 day'")}, a.id, d.path[s.i - 1], d.path[s.i], a.created_at + (s.i - 1) * 3 * interval '1 day',
                   ((a.created_at + (s.i - 1) * 3 * interval '1 day') AT TIME ZONE 'Asia/Shanghai')::date, 'system', 'system', NULL
            FROM demo_paths d JOIN applications a ON a.veteran_id = d.veteran_id AND a.position_id = d.position_id
                 CROSS JOIN LATERAL generate_series(1, cardinality(d.path)) AS s (i);

            INSERT INTO interactions (id, at, veteran_id, position_id, kind, label, source)
            SELECT {V7("e.at")}, e.at, a.veteran_id, a.position_id, CASE WHEN e.from_state IS NULL THEN 'application' ELSE e.to_state END,
                   CASE WHEN e.from_state IS NULL THEN 2 ELSE
                       CASE e.to_state WHEN 'screening' THEN 2 WHEN 'cancelled' THEN 2 WHEN 'interview' THEN 3 WHEN 'offer' THEN 3
                            WHEN 'enrolled' THEN 3 WHEN 'graduated' THEN 3 WHEN 'hired' THEN 4 WHEN 'employed' THEN 4 ELSE 0 END END,
                   'synthetic'
            FROM application_events e JOIN applications a ON a.id = e.application_id JOIN demo_paths d USING (veteran_id, position_id);

            -- The applicants registered, answering the consents, before the fair: a "no" to sharing recorded after their
            -- (back-dated) application would read as a withdrawal and hide them from the company they applied to.
            UPDATE veteran_consents c SET at = timestamptz '2023-03-01 09:00+08'
            WHERE c.veteran_id IN (SELECT veteran_id FROM demo_paths);

            UPDATE positions p SET filled = p.filled + t.taken,
                status = CASE WHEN p.headcount IS NOT NULL AND p.filled + t.taken >= p.headcount THEN 'filled' ELSE p.status END
            FROM (SELECT position_id, count(*) AS taken FROM applications
                  WHERE veteran_id IN (SELECT veteran_id FROM demo_paths) AND state IN ('hired', 'enrolled', 'graduated', 'employed')
                  GROUP BY position_id) t
            WHERE p.id = t.position_id;
            """, transaction: transaction);
        progress.Report(1);
    }
}
