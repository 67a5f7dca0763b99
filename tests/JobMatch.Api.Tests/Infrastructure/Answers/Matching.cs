namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Matching as a client reads them: only the fields the tests read.

/// <summary>Openings for a veteran; ranked is false when the veteran has not consented to automated matching.</summary>
public sealed record MatchesAnswer(bool Ranked);
