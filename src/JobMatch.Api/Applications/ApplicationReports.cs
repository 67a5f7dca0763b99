using Dapper;
using JobMatch.Api.Audit;
using JobMatch.Api.Auth;
using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;
using Npgsql;

namespace JobMatch.Api.Applications;

/// <summary>A job fair's funnel: how many applications reached each stage (hires: still hired), and the share of openings filled.</summary>
public sealed record FairFunnel(Guid FairId, string FairName, long Positions, long Openings, long HeadcountUnknown, long Applications,
    long Screened, long Interviews, long Offers, long Hires, long Rejected, long Withdrawn, long Cancelled, decimal? FillRate);

/// <summary>
/// An order-class program's funnel: seats (its sponsors' quotas), the seats its training positions offer (their known
/// headcounts, at most the quotas), applications, enrolments and the milestones after them; fill rate = seats taken / seats.
/// </summary>
public sealed record ProgramFunnel(Guid ProgramId, string ProgramName, long Seats, long SeatsOffered, long Applications, long Enrolments, long Graduations,
    long Employed, long Retained6m, long Retained12m, long Dropped, long SeatsTaken, decimal? FillRate);

/// <summary>Placements (hired, or employed after a program; cancelled hires excluded) per Asia/Shanghai month, home district and service branch.</summary>
public sealed record PlacementCount(string Month, string District, string? DistrictName, string Branch, long Live, long Historical, long Total);

public static class ApplicationReports
{
    internal static IEndpointRouteBuilder MapApplicationReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports").RequireAuthorization(Policies.Admin);
        group.MapGet("/job-fairs/{id:guid}", Fair).WithSummary("A job fair's funnel: openings, applications, interviews, offers, hires, fill rate (admin); JSON or CSV");
        group.MapGet("/programs/{id:guid}", Program)
            .WithSummary("A program's funnel: seats (sponsors' quotas), seats offered, enrolments, graduations, employment, retention (admin)")
            .WithDescription("JSON or CSV. Fill rate is seats taken over the sponsors' quotas.");
        group.MapGet("/placements", Placements)
            .WithSummary("Placements by month, home district and service branch, live and historical (admin); JSON or CSV")
            .WithDescription("from and to (dates, Asia/Shanghai) bound the day of the hire or employment.");
        return app;
    }

    /// <summary>Applications (of the rows in a) that ever reached a stage, or a later one (a skipped optional stage counts as passed).</summary>
    static string Reached(string state) =>
        $"""
        (SELECT count(DISTINCT e.application_id) FROM application_events e JOIN a ON a.id = e.application_id
         WHERE e.to_state IN ({string.Join(", ", ApplicationStates.ThisOrLater(state).Select(stage => $"'{stage}'"))}))
        """;

    static string Reached(string state, string name) => $"{Reached(state)} AS {name}";

    static async Task<Results<Ok<FairFunnel>, CsvResult<FairFunnel>, NotFound>> Fair(Guid id, HttpRequest request, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var funnel = await db.QuerySingleOrDefaultAsync<FairFunnel>($"""
            WITH p AS (SELECT id, headcount FROM positions WHERE fair_id = @id),
                 a AS (SELECT a.id, a.state FROM applications a JOIN p ON p.id = a.position_id)
            SELECT f.id AS fair_id, f.name AS fair_name, (SELECT count(*) FROM p) AS positions,
                   (SELECT coalesce(sum(headcount), 0)::bigint FROM p) AS openings,
                   (SELECT count(*) FROM p WHERE headcount IS NULL) AS headcount_unknown, (SELECT count(*) FROM a) AS applications,
                   {Reached("screening", "screened")}, {Reached("interview", "interviews")}, {Reached("offer", "offers")},
                   (SELECT count(*) FROM a WHERE state = 'hired') AS hires, (SELECT count(*) FROM a WHERE state = 'rejected') AS rejected,
                   (SELECT count(*) FROM a WHERE state = 'withdrawn') AS withdrawn, (SELECT count(*) FROM a WHERE state = 'cancelled') AS cancelled,
                   round((SELECT count(*) FROM a WHERE state = 'hired')::numeric / nullif((SELECT sum(headcount) FROM p), 0), 4) AS fill_rate
            FROM job_fairs f WHERE f.id = @id
            """, new { id });
        return funnel is null ? TypedResults.NotFound()
            : Listing.WantsCsv(request) ? new CsvResult<FairFunnel>([funnel], "fair-funnel.csv", 1, null) : TypedResults.Ok(funnel);
    }

    static async Task<Results<Ok<ProgramFunnel>, CsvResult<ProgramFunnel>, NotFound>> Program(Guid id, HttpRequest request, NpgsqlDataSource dataSource)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        var funnel = await db.QuerySingleOrDefaultAsync<ProgramFunnel>($"""
            WITH p AS (SELECT id, headcount FROM positions WHERE program_id = @id),
                 a AS (SELECT a.id, a.state FROM applications a JOIN p ON p.id = a.position_id),
                 taken AS (SELECT count(*) AS n FROM a WHERE state IN ('enrolled', 'graduated', 'employed', 'retained_6m', 'retained_12m')),
                 quota AS (SELECT coalesce(sum(seats), 0)::bigint AS n FROM program_sponsors WHERE program_id = @id)
            SELECT g.id AS program_id, g.name AS program_name, (SELECT n FROM quota) AS seats,
                   (SELECT coalesce(sum(headcount), 0)::bigint FROM p) AS seats_offered, (SELECT count(*) FROM a) AS applications, {Reached("enrolled", "enrolments")}, {Reached("graduated", "graduations")},
                   {Reached("employed", "employed")}, {Reached("retained_6m", "retained6m")}, {Reached("retained_12m", "retained12m")},
                   (SELECT count(*) FROM a WHERE state = 'dropped') AS dropped, (SELECT n FROM taken) AS seats_taken,
                   round((SELECT n FROM taken)::numeric / nullif((SELECT n FROM quota), 0), 4) AS fill_rate
            FROM programs g WHERE g.id = @id
            """, new { id });
        return funnel is null ? TypedResults.NotFound()
            : Listing.WantsCsv(request) ? new CsvResult<ProgramFunnel>([funnel], "program-funnel.csv", 1, null) : TypedResults.Ok(funnel);
    }

    sealed record PlacementRow(string Month, string District, string Branch, long Live, long Historical);

    static async Task<Results<Ok<List<PlacementCount>>, CsvResult<PlacementCount>>> Placements(
        HttpRequest request, NpgsqlDataSource dataSource, DateOnly? from, DateOnly? to)
    {
        await using var db = await dataSource.OpenConnectionAsync();
        // Live: the first hire or employment of each application not cancelled since. Historical: imported records.
        var rows = await db.QueryAsync<PlacementRow>("""
            WITH placed AS (
                SELECT a.veteran_id, min(e.occurred_on) AS day, true AS live
                FROM applications a JOIN application_events e ON e.application_id = a.id
                WHERE e.to_state IN ('hired', 'employed') AND a.state <> 'cancelled'
                GROUP BY a.id, a.veteran_id
                UNION ALL
                SELECT i.veteran_id, (i.at AT TIME ZONE 'Asia/Shanghai')::date, false
                FROM interactions i WHERE i.source = 'historical' AND i.kind IN ('hired', 'employed'))
            SELECT to_char(p.day, 'YYYY-MM') AS month, coalesce(v.home_district, '') AS district, coalesce(v.branch, '') AS branch,
                   count(*) FILTER (WHERE p.live) AS live, count(*) FILTER (WHERE NOT p.live) AS historical
            FROM placed p JOIN veterans v ON v.id = p.veteran_id
            WHERE (@from::date IS NULL OR p.day >= @from) AND (@to::date IS NULL OR p.day <= @to)
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """, new { from, to });
        var counts = rows.Select(r => new PlacementCount(r.Month, r.District, Districts.Name(r.District),
            r.Branch, r.Live, r.Historical, r.Live + r.Historical)).ToList();
        return Listing.WantsCsv(request) ? new CsvResult<PlacementCount>(counts, "placements.csv", counts.Count, null) : TypedResults.Ok(counts);
    }
}
