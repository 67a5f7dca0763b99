namespace JobMatch.Ranking.Training;

/// <summary>
/// One row of an outcome log: an opening shown to a veteran at a position, and the furthest it got, as a graded
/// label (see <see cref="OutcomeLabels"/>). <see cref="ShownAt"/> dates the features (freshness) when known;
/// <see cref="Source"/> says where the row came from: "live" (this service's log), "historical" (imported records),
/// "negative" (a position the veteran had no outcome with, see <see cref="NegativeSampling"/>) or "synthetic".
/// </summary>
public sealed record Impression(string VeteranId, string OpeningId, int Position, int Label, DateTime? ShownAt = null, string Source = "live");

/// <summary>The graded relevance labels the trainer learns from; the gain of label l is 2^l − 1.</summary>
public static class OutcomeLabels
{
    public const int IgnoredOrRejected = 0;
    public const int Viewed = 1;
    public const int SavedOrApplied = 2;
    public const int Interviewed = 3;
    public const int Hired = 4;
}
