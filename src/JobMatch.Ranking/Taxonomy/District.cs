namespace JobMatch.Ranking.Taxonomy;

/// <summary>
/// A district of Huainan with its approximate centroid; Kind is district, county or pseudo (made-up code); NameEn is the
/// English name the console shows (an optional name_en column).
/// </summary>
public sealed record District(string Code, string Name, string Kind, double Latitude, double Longitude, string? NameEn = null);

/// <summary>Districts by code, and great-circle distances between their centroids.</summary>
public sealed class DistrictMap
{
    private const double EarthRadiusKm = 6371.0;
    private readonly Dictionary<string, District> _byCode;

    public DistrictMap(IEnumerable<District> districts)
    {
        Districts = districts.ToArray();
        _byCode = Districts.ToDictionary(d => d.Code, StringComparer.Ordinal);
    }

    public IReadOnlyList<District> Districts { get; }

    public static DistrictMap Load(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Parse(reader);
    }

    public static DistrictMap Parse(TextReader reader)
    {
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        return new DistrictMap(CsvRows.Read(reader, "code", "name", "kind", "lat", "lon").Select(r => new District(
            r["code"], r["name"], r["kind"], double.Parse(r["lat"], culture), double.Parse(r["lon"], culture),
            r.GetValueOrDefault("name_en"))));
    }

    public District? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var d) ? d : null;

    /// <summary>Kilometres between two district centroids, or null when either is unknown.</summary>
    public double? DistanceKm(string? fromCode, string? toCode)
    {
        if (Find(fromCode) is not { } a || Find(toCode) is not { } b)
        {
            return null;
        }

        var dLat = ToRadians(b.Latitude - a.Latitude);
        var dLon = ToRadians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
            + (Math.Cos(ToRadians(a.Latitude)) * Math.Cos(ToRadians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(h));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180.0;
}
