namespace JobMatch.Api.Mentoring;

/// <summary>
/// SQL fragments over the <c>enterprise_check_ins</c> view (aliased <c>c</c>) and <c>enterprises</c> (aliased <c>e</c>);
/// they expect the parameters <c>@overdueDays</c> and <c>@today</c> (the Shanghai date, see <see cref="Today"/>).
/// An enterprise with a mentor is overdue once more than OverdueDays whole days have passed since its last session,
/// or since it was first assigned when no session has happened yet.
/// </summary>
public static class CheckIns
{
    public const string DueOn = "(greatest(c.last_session_on, c.mentored_since) + @overdueDays)";

    public const string Overdue = "(c.mentored_since IS NOT NULL AND greatest(c.last_session_on, c.mentored_since) + @overdueDays < @today::date)";

    /// <summary>Needs that no session of the enterprise has addressed yet, in the enterprise's own order.</summary>
    public const string OpenNeeds = """
        ARRAY(SELECT n FROM unnest(e.needs) AS n WHERE NOT EXISTS (
              SELECT 1 FROM mentoring_sessions s WHERE s.enterprise_id = e.id AND n = ANY (s.needs_addressed)))
        """;

    /// <summary>The parameters the fragments expect, for a clock and the configured overdue days.</summary>
    public static (int OverdueDays, DateTime Today) Parameters(TimeProvider clock, MentoringOptions options) =>
        (options.OverdueDays, Conventions.ShanghaiTime.Today(clock).AsParameter());
}
