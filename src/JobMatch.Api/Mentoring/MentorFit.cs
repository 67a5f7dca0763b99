using JobMatch.Api.Conventions;
using JobMatch.Api.Taxonomy;

namespace JobMatch.Api.Mentoring;

/// <summary>What fit is computed from: a mentor's side and an enterprise's side.</summary>
public sealed record MentorTraits(Guid Id, IReadOnlyList<string> Expertise, IReadOnlyList<string> Industries, string District);

public sealed record EnterpriseTraits(Guid Id, IReadOnlyList<string> Needs, string Industry, string District);

/// <summary>The parts of one mentor's fit to one enterprise, with the reasons a person reads.</summary>
public sealed record FitScore(int Expertise, int Industry, int District, int Capacity, IReadOnlyList<string> Reasons)
{
    /// <summary>0–100: expertise up to 50, industry 25, district 15, spare capacity 10.</summary>
    public int Total => Expertise + Industry + District + Capacity;
}

/// <summary>
/// Fit of a mentor to an enterprise. Needs covered by expertise weigh most, because a session is spent on a need;
/// industry knowledge next; then being close (visits are in person), then spare capacity (only when ranking, since the
/// assignment plan handles capacity as a constraint).
/// </summary>
public static class MentorFit
{
    public const int MaxStatic = 90;

    public static FitScore Score(MentorTraits mentor, EnterpriseTraits enterprise, int spare = 0, int capacity = 0)
    {
        var reasons = new List<string>();
        var covered = enterprise.Needs.Where(mentor.Expertise.Contains).ToList();
        var expertise = enterprise.Needs.Count == 0 ? 20 : (int)Math.Round(50.0 * covered.Count / enterprise.Needs.Count);
        if (covered.Count > 0)
        {
            var labels = string.Join("、", covered.Select(Vocabulary.NeedLabel));
            reasons.Add(Say.Text($"擅长企业所需：{labels}（{covered.Count}/{enterprise.Needs.Count}）",
                $"Expert in what the enterprise needs: {labels} ({covered.Count}/{enterprise.Needs.Count})"));
        }
        var industry = mentor.Industries.Contains(enterprise.Industry) ? 25 : 0;
        if (industry > 0)
        {
            reasons.Add(Say.Text($"熟悉{enterprise.Industry}行业", $"Knows the {enterprise.Industry} industry"));
        }
        var km = Districts.DistanceKm(mentor.District, enterprise.District) ?? double.PositiveInfinity;
        var district = mentor.District == enterprise.District ? 15 : (int)Math.Round(10 * Math.Max(0, 1 - km / 60));
        if (mentor.District == enterprise.District)
        {
            reasons.Add(Say.Text("同一区县", "Same district"));
        }
        else if (district > 0)
        {
            reasons.Add(Say.Text($"相距约 {km:0} 公里", $"About {km:0} km away"));
        }
        var room = capacity <= 0 ? 0 : (int)Math.Round(10.0 * Math.Clamp(spare, 0, capacity) / capacity);
        if (spare > 0)
        {
            reasons.Add(Say.Text($"尚可接收 {spare} 家企业", $"Room for {spare} more enterprises"));
        }
        return new FitScore(expertise, industry, district, room, reasons);
    }
}
