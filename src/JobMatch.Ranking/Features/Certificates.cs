using JobMatch.Ranking.Taxonomy;

namespace JobMatch.Ranking.Features;

/// <summary>
/// Certificate names are free text ("叉车证", "叉车操作证", "特种设备作业人员证（叉车）"): a gated certificate is held when the
/// veteran holds one of the same canonical kind (<see cref="CertificateNames"/>); any other is compared loosely.
/// </summary>
internal static class Certificates
{
    public static string Normalize(string name) =>
        CertificateNames.GatedOf(name) is { } gated ? gated.Name
            : name.Trim().Replace("操作证", "", StringComparison.Ordinal).Replace("资格证", "", StringComparison.Ordinal)
                .Replace("上岗证", "", StringComparison.Ordinal).TrimEnd('证').ToUpperInvariant();

    public static bool Holds(IReadOnlyList<string> held, string required) =>
        CertificateNames.GatedOf(required) is { } gated
            ? held.Any(h => h == gated.Name)
            : held.Any(h => h.Length > 0 && (h.Contains(required, StringComparison.Ordinal) || required.Contains(h, StringComparison.Ordinal)));

    public static int Missing(IReadOnlyList<string> held, IReadOnlyList<string> required)
    {
        var missing = 0;
        foreach (var r in required)
        {
            missing += Holds(held, r) ? 0 : 1;
        }

        return missing;
    }
}
