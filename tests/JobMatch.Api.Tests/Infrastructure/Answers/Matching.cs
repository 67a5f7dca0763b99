namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Matching as a client reads them: only the fields the tests read.

/// <summary>Openings for a veteran; ranked is false when the veteran has not consented to automated matching.</summary>
public sealed record MatchesAnswer(bool Ranked);

/// <summary>A candidate for an opening: named and with a phone only while shared with the company, masked otherwise.</summary>
public sealed record CandidateAnswer(Guid CandidateId, string DisplayName, bool Shared, string? Phone);

/// <summary>A page of candidates for an opening (paged by offset, not cursor).</summary>
public sealed record CandidatesPageAnswer(IReadOnlyList<CandidateAnswer> Items);
