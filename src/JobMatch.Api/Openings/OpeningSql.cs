using JobMatch.Api.Taxonomy;

namespace JobMatch.Api.Openings;

/// <summary>
/// The SQL of positions, read as alias p with @today the Shanghai date: the one rule of "open" and the SELECT that fills
/// <see cref="Opening"/>. The stored status (open, filled, closed) is kept by <see cref="OpeningStatus"/>; the date is read here.
/// </summary>
static class OpeningSql
{
    /// <summary>SQL, true when position p is past its closing date: an open one reads as closed, and the sweep writes it.</summary>
    public const string PastClosingDate = "p.closes_on < @today";

    /// <summary>SQL, true when position p is open today: stored open and not past its closing date. Searches, matches, applying.</summary>
    public const string IsOpen = $"(p.status = 'open' AND (p.closes_on IS NULL OR NOT {PastClosingDate}))";

    /// <summary>SQL, the status of position p as read today (the same in C#: <see cref="OpeningStatus.AsOf"/>).</summary>
    public const string Status = $"CASE WHEN p.status = 'open' AND {PastClosingDate} THEN 'closed' ELSE p.status END";

    /// <summary>
    /// The columns of a position's content, as a posting or an import row writes them and a revert restores them; the
    /// company, the source, the title and the location say which position it is.
    /// </summary>
    public const string ContentColumns = """
        headcount, duties, requirements, skills, education, majors, age_min, age_max, district_code,
        salary_min, salary_max, salary_text, certificates, veteran_preference, gender_note, notes, closes_on
        """;

    /// <summary>The names of <see cref="ContentColumns"/>, one by one.</summary>
    public static readonly IReadOnlyList<string> ContentColumnNames = [.. ContentColumns.Split(',').Select(column => column.Trim())];

    public const string Select = $"""
        SELECT p.id, p.company_id, c.name AS company_name, c.industry, p.fair_id, p.program_id, p.kind, p.title, p.headcount, p.filled,
               p.remaining, p.duties, p.requirements, p.skills, p.education, p.majors, p.age_min, p.age_max, p.district_code, p.location,
               p.salary_min, p.salary_max, p.salary_text, p.certificates, p.veteran_preference, p.gender_note, p.notes, p.closes_on,
               {Status} AS status,
               p.import_batch_id, p.source_row, p.created_at, p.updated_at
        FROM positions p JOIN companies c ON c.id = p.company_id
        """;

    public const string Filter = $"""
        WHERE (@q::text IS NULL OR p.title ILIKE @like OR c.name ILIKE @like OR @q = ANY(p.skills))
          AND (@district::text IS NULL OR p.district_code = @district)
          AND (@salaryMin::int IS NULL OR coalesce(p.salary_max, p.salary_min) >= @salaryMin)
          AND (@educationRank::int IS NULL OR p.education_rank IS NULL OR p.education_rank <= @educationRank)
          AND (@industry::text IS NULL OR {Industries.Contains})
          AND (@kind::text IS NULL OR p.kind = @kind)
          AND (@fairId::uuid IS NULL OR p.fair_id = @fairId)
          AND (@programId::uuid IS NULL OR p.program_id = @programId)
          AND (@companyId::uuid IS NULL OR p.company_id = @companyId)
          AND (NOT @openOnly OR {IsOpen})
        """;
}
