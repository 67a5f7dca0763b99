using System.Text;
using System.Text.RegularExpressions;

namespace JobMatch.Ranking.Taxonomy;

/// <summary>What a certificate is, as far as the law and the ranker tell them apart.</summary>
public enum CertificateKind
{
    Other,
    DrivingLicence,

    /// <summary>特种作业操作证 (electrician, welder, work at height...): legally required to do the work.</summary>
    SpecialOperation,

    /// <summary>特种设备作业人员证 (forklift, crane, boiler...): legally required to operate the equipment.</summary>
    SpecialEquipment,
}

/// <summary>A gated certificate's canonical name, its kind and its English name.</summary>
public sealed record GatedCertificate(string Name, CertificateKind Kind, string English);

/// <summary>A free-text certificate list sorted the way a profile keeps it; names of gated certificates are canonical.</summary>
public sealed record CertificateSet(string[] LicenceClasses, string[] SpecialOperations, string[] SpecialEquipment, string[] Others);

/// <summary>
/// The one home of certificate names written in free text on rosters, profiles and listings: "B2驾驶证", "驾驶证B2", "B2照",
/// "A1、A2" are driving-licence classes; "电工证（低压）", "低压电工作业证", "特种作业操作证（电工）" are the electrician's certificate.
/// </summary>
public static partial class CertificateNames
{
    /// <summary>Gated certificates and the words that name them, most specific first (电梯 before 电工 cannot clash; 焊 before 工).</summary>
    static readonly (GatedCertificate Certificate, string[] Words)[] Gated =
    [
        (new("叉车证", CertificateKind.SpecialEquipment, "forklift certificate"), ["叉车", "场内机动", "厂内机动", "场（厂）内机动"]),
        (new("起重机证", CertificateKind.SpecialEquipment, "crane certificate"), ["起重", "吊车", "行车", "塔吊"]),
        (new("电梯作业证", CertificateKind.SpecialEquipment, "lift operator certificate"), ["电梯"]),
        (new("锅炉作业证", CertificateKind.SpecialEquipment, "boiler certificate"), ["锅炉"]),
        (new("压力容器作业证", CertificateKind.SpecialEquipment, "pressure vessel certificate"), ["压力容器", "气瓶"]),
        (new("焊工证", CertificateKind.SpecialOperation, "welder certificate"), ["焊工", "焊接", "电焊", "气焊", "氩弧焊"]),
        (new("电工证", CertificateKind.SpecialOperation, "electrician certificate"), ["电工"]),
        (new("高处作业证", CertificateKind.SpecialOperation, "work-at-height certificate"), ["高处", "登高", "高空作业", "架子工"]),
        (new("制冷作业证", CertificateKind.SpecialOperation, "refrigeration certificate"), ["制冷", "空调作业"]),
        (new("危险化学品作业证", CertificateKind.SpecialOperation, "hazardous chemicals certificate"), ["危险化学品", "危化品"]),
        (new("爆破作业证", CertificateKind.SpecialOperation, "blasting certificate"), ["爆破"]),
        (new("煤矿安全作业证", CertificateKind.SpecialOperation, "coal mine safety certificate"), ["煤矿安全", "瓦斯检查", "井下电气"]),
    ];

    /// <summary>Every gated certificate this build knows, by canonical name.</summary>
    public static IReadOnlyList<GatedCertificate> Known { get; } = Gated.Select(g => g.Certificate).ToArray();

    [GeneratedRegex("(?<![A-Z])([ABC][1-3])(?![0-9])")]
    private static partial Regex LicenceClass();

    /// <summary>Classes alone, one after another or listed ("A1A2", "A1、A2", "A1/A2"): on a roster that is a licence.</summary>
    [GeneratedRegex(@"^[ABC][1-3]([、,;/+]?[ABC][1-3])*$")]
    private static partial Regex OnlyClasses();

    [GeneratedRegex(@"[（(]([^）)]*)[）)]")]
    private static partial Regex Qualifier();

    /// <summary>Full-width letters and digits folded (Ｂ２ → B2), spaces removed, upper case.</summary>
    public static string Fold(string text) =>
        new string(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    /// <summary>The driving-licence classes a text names ("B2驾驶证", "驾驶证：A2", "B2照", "A1A2", "A1、A2"); none when it names no licence.</summary>
    public static string[] LicenceClasses(string text)
    {
        var folded = Fold(text);
        var namesLicence = folded.Contains('驾') || folded.Contains('照') || OnlyClasses().IsMatch(folded);
        return namesLicence ? LicenceClass().Matches(folded).Select(m => m.Groups[1].Value).Distinct().ToArray() : [];
    }

    /// <summary>The gated certificate a text names, or null ("电工证（低压）" → 电工证; "健康证" → null).</summary>
    public static GatedCertificate? GatedOf(string text)
    {
        var folded = Fold(text);
        foreach (var (certificate, words) in Gated)
        {
            if (words.Any(w => folded.Contains(w, StringComparison.Ordinal)))
            {
                return certificate;
            }
        }

        return null;
    }

    /// <summary>Whether any of these certificates is a gated one.</summary>
    public static bool RequiresAny(IEnumerable<string> certificates) => certificates.Any(c => GatedOf(c) is not null);

    /// <summary>
    /// The canonical form of one certificate: a gated certificate by its canonical name with any qualifier kept
    /// ("低压电工作业证" → "电工证（低压）"), anything else as written, trimmed.
    /// </summary>
    public static string Canonical(string text)
    {
        var trimmed = text.Trim();
        if (GatedOf(trimmed) is not { } gated)
        {
            return trimmed;
        }

        var folded = Fold(trimmed);
        var qualifier = Qualifier().Match(folded) is { Success: true } m && GatedOf(m.Groups[1].Value) is null ? m.Groups[1].Value
            : folded.Contains("低压", StringComparison.Ordinal) ? "低压"
            : folded.Contains("高压", StringComparison.Ordinal) ? "高压" : null;
        return qualifier is { Length: > 0 } ? $"{gated.Name}（{qualifier}）" : gated.Name;
    }

    /// <summary>Sorts free-text items (already split on 、，; etc.) into licence classes, special operations, special equipment, others.</summary>
    public static CertificateSet Parse(IEnumerable<string> items)
    {
        var licences = new List<string>();
        var operations = new List<string>();
        var equipment = new List<string>();
        var others = new List<string>();
        foreach (var item in items.Where(i => !string.IsNullOrWhiteSpace(i)))
        {
            var classes = LicenceClasses(item);
            if (classes.Length > 0)
            {
                licences.AddRange(classes);
                continue;
            }

            var target = GatedOf(item)?.Kind switch
            {
                CertificateKind.SpecialOperation => operations,
                CertificateKind.SpecialEquipment => equipment,
                _ => others,
            };
            target.Add(Canonical(item));
        }

        return new CertificateSet([.. licences.Distinct()], [.. operations.Distinct()], [.. equipment.Distinct()], [.. others.Distinct()]);
    }
}
