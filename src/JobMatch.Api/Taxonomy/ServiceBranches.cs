namespace JobMatch.Api.Taxonomy;

/// <summary>A service branch as stored and answered: its code, its Chinese label and its English name.</summary>
public sealed record BranchEntry(string Code, string Label, string LabelEn);

/// <summary>
/// The branches of the PLA and the armed police, as a profile, a roster row and the veterans search name them. The one
/// list: the database CHECK (V3) holds the same codes, and the console reads them from GET /api/service-branches.
/// </summary>
public static class ServiceBranches
{
    public static IReadOnlyList<BranchEntry> All { get; } =
    [
        new("army", "陆军", "Army"), new("navy", "海军", "Navy"), new("air_force", "空军", "Air Force"),
        new("rocket_force", "火箭军", "Rocket Force"), new("armed_police", "武警部队", "Armed Police"),
        new("joint_logistics", "联勤保障部队", "Joint Logistics"), new("strategic_support", "战略支援部队", "Strategic Support (former)"),
    ];

    /// <summary>Short forms common on rosters and discharge papers.</summary>
    static readonly (string Alias, string Code)[] Aliases = [("武警", "armed_police"), ("联勤", "joint_logistics")];

    /// <summary>Every spelling taken (code, label, short form; case ignored), to the code it stands for.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = All
        .SelectMany(b => new[] { (b.Code, b.Code), (b.Label, b.Code) })
        .Concat(Aliases)
        .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.OrdinalIgnoreCase);
}
