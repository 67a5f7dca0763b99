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

    /// <summary>Huainan's districts and zones (data/districts.csv): code → name and centre, for the distance part of fit.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, double Lat, double Lon)> Districts = new Dictionary<string, (string, double, double)>
    {
        ["340403"] = ("田家庵区", 32.647, 117.017),
        ["340402"] = ("大通区", 32.632, 117.053),
        ["340404"] = ("谢家集区", 32.600, 116.864),
        ["340405"] = ("八公山区", 32.631, 116.834),
        ["340406"] = ("潘集区", 32.772, 116.834),
        ["340421"] = ("凤台县", 32.709, 116.711),
        ["340422"] = ("寿县", 32.573, 116.787),
        ["340407"] = ("毛集实验区", 32.520, 116.540),
        ["340401"] = ("经济技术开发区", 32.620, 117.060),
        ["340471"] = ("高新技术产业开发区", 32.610, 116.990),
    };

    public static string NeedLabel(string need) =>
        Needs.TryGetValue(need, out var label) ? Conventions.Say.Text(label.Zh, label.En) : need;

    /// <summary>Great-circle distance in kilometres between two district centres.</summary>
    public static double DistanceKm(string fromDistrict, string toDistrict)
    {
        if (!Districts.TryGetValue(fromDistrict, out var a) || !Districts.TryGetValue(toDistrict, out var b))
        {
            return double.PositiveInfinity;
        }
        const double radius = 6371;
        double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(b.Lat - a.Lat);
        var dLon = Rad(b.Lon - a.Lon);
        var h = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Rad(a.Lat)) * Math.Cos(Rad(b.Lat)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * radius * Math.Asin(Math.Sqrt(h));
    }
}
