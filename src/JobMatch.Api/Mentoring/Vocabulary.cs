namespace JobMatch.Api.Mentoring;

/// <summary>Fixed vocabularies of the mentoring feature; the database checks the same lists.</summary>
public static class Vocabulary
{
    /// <summary>What an enterprise needs help with, and what a mentor is expert in (one list, so they can be matched).</summary>
    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> Needs = new Dictionary<string, (string, string)>
    {
        ["financing"] = ("融资", "financing"),
        ["marketing"] = ("营销", "marketing"),
        ["ecommerce"] = ("电子商务", "e-commerce"),
        ["legal"] = ("法律", "legal"),
        ["technology"] = ("技术", "technology"),
        ["hiring"] = ("招聘用工", "hiring"),
        ["management"] = ("经营管理", "management"),
        ["accounting"] = ("财税", "accounting"),
        ["policy"] = ("政策申报", "policy applications"),
        ["export"] = ("外贸", "export"),
    };

    public static readonly IReadOnlySet<string> Stages = new HashSet<string> { "idea", "started", "growing" };

    public static readonly IReadOnlySet<string> SessionFormats = new HashSet<string> { "in_person", "phone", "video", "site_visit" };

    public static string NeedLabel(string need) =>
        Needs.TryGetValue(need, out var label) ? Conventions.Say.Text(label.Zh, label.En) : need;
}
