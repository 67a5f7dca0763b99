using System.Globalization;

namespace JobMatch.Api.Matching;

/// <summary>
/// A new model is promoted only if its held-out NDCG@10 beats the current model and every baseline, all measured on the
/// same test split, by at least the margin; otherwise it stays a candidate and the reason names what it failed to beat.
/// </summary>
public static class PromotionRule
{
    public static (bool Promote, string Reason) Decide(double modelNdcg10, IReadOnlyDictionary<string, double> rivals, double margin)
    {
        var s = (double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);
        var failed = rivals.Where(r => modelNdcg10 < r.Value + margin).OrderByDescending(r => r.Value).ToList();
        if (failed.Count == 0)
        {
            var best = rivals.Count == 0 ? "nothing to compare" : string.Join(", ", rivals.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {s(r.Value)}"));
            return (true, $"NDCG@10 {s(modelNdcg10)} beats every rival by at least {s(margin)} ({best}).");
        }
        return (false, $"NDCG@10 {s(modelNdcg10)} does not beat by the margin {s(margin)}: "
            + string.Join(", ", failed.Select(r => $"{r.Key} {s(r.Value)}")) + ".");
    }
}
