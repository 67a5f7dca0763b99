namespace JobMatch.Ranking.Explanations;

/// <summary>One short reason a result ranks where it does, in Chinese and English, with the feature behind it.</summary>
public sealed record Reason(string Feature, string Zh, string En, float Contribution)
{
    public override string ToString() => $"{Zh} / {En}";
}
