namespace JobMatch.Api.Matching;

/// <summary>Configuration section "Matching".</summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>At most this many openings (or veterans) are scored per request; SQL picks them by a cheap score.</summary>
    public int CandidateCap { get; set; } = 1000;

    /// <summary>Capacity-aware re-ranking for veterans (see docs/RANKING.md): on by default.</summary>
    public bool CapacityReranking { get; set; } = true;

    /// <summary>The largest share of an opening's score that crowding can take away (0..0.5).</summary>
    public double CapacityMaxPenalty { get; set; } = 0.15;

    /// <summary>How often every instance checks which model is promoted.</summary>
    public double ModelPollSeconds { get; set; } = 5;

    /// <summary>A new model is promoted only if its held-out NDCG@10 beats the current model and every baseline by this much.</summary>
    public double PromotionMargin { get; set; } = 0.01;

    /// <summary>Veterans with outcomes (imported or logged) needed before training reads them instead of the synthetic world.</summary>
    public int MinLoggedVeterans { get; set; } = 300;

    /// <summary>Positions a veteran had no outcome with, drawn into each training query as label 0 (docs/RANKING.md).</summary>
    public int NegativesPerQuery { get; set; } = 40;

    /// <summary>Size of the synthetic world trained on while the log is too small.</summary>
    public int SyntheticVeterans { get; set; } = 1000;
    public int SyntheticOpenings { get; set; } = 400;

    /// <summary>Impressions wait this long to be written together (one COPY per batch).</summary>
    public int ImpressionBatchMilliseconds { get; set; } = 200;
    public int ImpressionQueueCapacity { get; set; } = 100_000;

    /// <summary>
    /// Certificates (canonical names, e.g. 叉车证, 电工证) that close a listing requiring them to a veteran recorded without them.
    /// Unset: every special-operation and special-equipment certificate, which the law requires to do the work; empty: none.
    /// </summary>
    public string[]? GatedCertificates { get; set; }

    /// <summary>Days an unanswered invitation stays open.</summary>
    public int InvitationDays { get; set; } = 14;

    public bool IsValid() => CandidateCap is >= 20 and <= 100_000 && CapacityMaxPenalty is >= 0 and <= 0.5 && ModelPollSeconds > 0
        && PromotionMargin >= 0 && NegativesPerQuery is >= 1 and <= 1000 && MinLoggedVeterans > 0 && SyntheticVeterans >= 50 && SyntheticOpenings >= 20
        && (GatedCertificates ?? []).All(c => JobMatch.Ranking.Taxonomy.CertificateNames.GatedOf(c) is not null)
        && ImpressionBatchMilliseconds >= 0 && ImpressionQueueCapacity > 0 && InvitationDays > 0;
}
