namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Matching as a client reads them: only the fields the tests read.

/// <summary>Openings for a veteran; ranked is false when the veteran has not consented to automated matching.</summary>
public sealed record MatchesAnswer(bool Ranked, IReadOnlyList<MatchAnswer> Items, string Model, Guid RequestId, int? NextOffset,
    IReadOnlyList<ExcludedMatchAnswer> Excluded);

/// <summary>One opening on a veteran's list; score and reasons are there only when it was ranked.</summary>
public sealed record MatchAnswer(int Rank, Guid OpeningId, string Title, string CompanyName, float? Score,
    IReadOnlyList<MatchReasonAnswer> Reasons, IReadOnlyList<MatchRuleAnswer> Rules);

/// <summary>A reason for a match, every field (pairs compare them whole).</summary>
public sealed record MatchReasonAnswer(string Feature, string Zh, string En);

/// <summary>An eligibility rule passed or failed, every field (pairs compare them whole).</summary>
public sealed record MatchRuleAnswer(string Rule, string Zh, string En);

/// <summary>An opening the rules closed to the veteran, with the rules it failed.</summary>
public sealed record ExcludedMatchAnswer(string Title, IReadOnlyList<MatchRuleAnswer> Failed);

/// <summary>A page of candidates for an opening.</summary>
public sealed record CandidatesAnswer(IReadOnlyList<CandidateAnswer> Items);

/// <summary>A veteran as a recruiter sees them: masked unless shared through a live application.</summary>
public sealed record CandidateAnswer(Guid CandidateId, string DisplayName, string? Phone, bool Shared, string? Invitation, float Score,
    IReadOnlyList<MatchReasonAnswer> Reasons, IReadOnlyList<MatchRuleAnswer> Rules);

/// <summary>An invitation as both sides see it.</summary>
public sealed record InvitationAnswer(Guid Id, string Title, string Status, string? Message);

/// <summary>A ranking model: its training progress, held-out metrics and the promotion decision.</summary>
public sealed record RankingModelAnswer(Guid Id, string Status, float Progress, string Stage, string? Source, string? TrainingSnapshot,
    double? Ndcg10, IReadOnlyDictionary<string, double>? BaselineMetrics, string? Reason, PromotionDecisionAnswer? Decision);

/// <summary>Why a model was or was not promoted, as stored with it.</summary>
public sealed record PromotionDecisionAnswer(string Code, RivalAnswer Production, IReadOnlyList<RivalAnswer> Rivals,
    TrainingDataAnswer Data, string ReasonEn);

public sealed record RivalAnswer(string Name, string Role, double Ndcg10);

public sealed record TrainingDataAnswer(int HistoricalVeterans);
