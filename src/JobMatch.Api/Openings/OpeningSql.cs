using JobMatch.Api.Taxonomy;

namespace JobMatch.Api.Openings;

/// <summary>The SELECT that fills <see cref="Opening"/>; @today is the Shanghai date, so expired positions read as closed.</summary>
static class OpeningSql
{
    public const string Select = """
        SELECT p.id, p.company_id, c.name AS company_name, c.industry, p.fair_id, p.program_id, p.kind, p.title, p.headcount, p.filled,
               p.remaining, p.duties, p.requirements, p.skills, p.education, p.majors, p.age_min, p.age_max, p.district_code, p.location,
               p.salary_min, p.salary_max, p.salary_text, p.certificates, p.veteran_preference, p.gender_note, p.notes, p.closes_on,
               CASE WHEN p.status = 'open' AND p.closes_on < @today THEN 'closed' ELSE p.status END AS status,
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
          AND (NOT @openOnly OR p.status = 'open' AND (p.closes_on IS NULL OR p.closes_on >= @today))
        """;
}
