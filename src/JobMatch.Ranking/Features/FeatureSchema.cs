namespace JobMatch.Ranking.Features;

/// <summary>One column of the (veteran, opening) feature vector.</summary>
public sealed record FeatureDefinition(int Index, string Name, string Meaning, string Range);

/// <summary>
/// The versioned feature vector of a (veteran, opening) pair. Change the order, meaning or count of features and
/// bump <see cref="Version"/>: a saved model refuses to load against another version. No feature reads gender or age.
/// </summary>
public static class FeatureSchema
{
    /// <summary>v2: preferred districts, the nearest of home and preferred districts, specialty against title, unrecorded certificates.</summary>
    public const int Version = 2;

    public const int SkillCoverage = 0;
    public const int SkillMatchCount = 1;
    public const int SkillDirectShare = 2;
    public const int CrosswalkMostShare = 3;
    public const int CrosswalkSomeShare = 4;
    public const int EducationGap = 5;
    public const int EducationMeets = 6;
    public const int MajorMatch = 7;
    public const int CertificatesHeldShare = 8;
    public const int CertificatesMissing = 9;
    public const int SameDistrict = 10;
    public const int DistanceKm = 11;
    public const int SalaryFit = 12;
    public const int SalaryKnown = 13;
    public const int IndustryPreferred = 14;
    public const int KindPreferred = 15;
    public const int TextSimilarity = 16;
    public const int TitleSimilarity = 17;
    public const int RemainingHeadcountLog = 18;
    public const int DaysSincePosted = 19;
    public const int IsTraining = 20;
    public const int PreferredDistrict = 21;
    public const int NearestKm = 22;
    public const int SpecialtyTitleSimilarity = 23;
    public const int CertificatesUnknown = 24;

    public static IReadOnlyList<FeatureDefinition> Features { get; } =
    [
        new(SkillCoverage, "skill_coverage", "Rarity-weighted share of the opening's required skills the veteran has; declared 1.0, crosswalk 'most' 0.8, mentioned in profile text 0.6, crosswalk 'some' 0.4", "0..1"),
        new(SkillMatchCount, "skill_match_count", "Required skills matched by any route", "0..n"),
        new(SkillDirectShare, "skill_direct_share", "Share of required skills the veteran declared", "0..1"),
        new(CrosswalkMostShare, "crosswalk_most_share", "Share of required skills reached only through a 'most duties' specialty crosswalk", "0..1"),
        new(CrosswalkSomeShare, "crosswalk_some_share", "Share of required skills reached only through a 'some duties' crosswalk", "0..1"),
        new(EducationGap, "education_gap", "Veteran level minus required level (0 when either is unknown)", "-5..5"),
        new(EducationMeets, "education_meets", "1 meets or no requirement, 0 below, 0.5 veteran's level unknown", "0..1"),
        new(MajorMatch, "major_match", "1 major matches, 0 no major required, -1 required major not matched", "-1..1"),
        new(CertificatesHeldShare, "certificates_held_share", "Share of required certificates held (1 when none required)", "0..1"),
        new(CertificatesMissing, "certificates_missing", "Required certificates not held", "0..n"),
        new(SameDistrict, "same_district", "1 when veteran and opening are in the same district", "0/1"),
        new(DistanceKm, "distance_km", "Great-circle km between district centroids, -1 unknown", "-1..150"),
        new(SalaryFit, "salary_fit", "(offered max - veteran's minimum) / minimum, clipped; 0 unknown", "-1..2"),
        new(SalaryKnown, "salary_known", "1 when both the offer and the veteran's minimum are known", "0/1"),
        new(IndustryPreferred, "industry_preferred", "1 preferred industry, 0 not preferred, 0.5 no preference stated", "0..1"),
        new(KindPreferred, "kind_preferred", "1 preferred kind (job/training), 0 not preferred, 0.5 no preference", "0..1"),
        new(TextSimilarity, "text_similarity", "Cosine of character uni+bigram vectors, profile vs title+description", "0..1"),
        new(TitleSimilarity, "title_similarity", "Cosine of character uni+bigram vectors, profile vs title", "0..1"),
        new(RemainingHeadcountLog, "remaining_headcount_log", "ln(1 + headcount not yet filled)", "0..n"),
        new(DaysSincePosted, "days_since_posted", "Days between posting and the ranking date, clipped", "0..365"),
        new(IsTraining, "is_training", "1 for a training seat, 0 for a job", "0/1"),
        new(PreferredDistrict, "preferred_district", "1 in one of the veteran's preferred districts, 0 not, 0.5 none stated or the opening's district unknown", "0..1"),
        new(NearestKm, "nearest_km", "Great-circle km to the nearest of the home and preferred districts, -1 unknown", "-1..150"),
        new(SpecialtyTitleSimilarity, "specialty_title_similarity", "Cosine of character uni+bigram vectors, military specialties vs title", "0..1"),
        new(CertificatesUnknown, "certificates_unknown", "1 when the opening requires certificates and the veteran's were never recorded", "0/1"),
    ];

    public static int Count => Features.Count;

    public static IReadOnlyList<string> Names { get; } = Features.Select(f => f.Name).ToArray();
}
