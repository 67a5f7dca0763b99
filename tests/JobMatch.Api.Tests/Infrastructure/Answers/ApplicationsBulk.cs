namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The bulk move's answer (src/JobMatch.Api/Applications/ApplicationBulk.cs) as a client reads it.

public sealed record MoveResultsAnswer(IReadOnlyList<MoveResultAnswer> Results);

public sealed record MoveResultAnswer(Guid Id, bool Moved, string? State, int Status, string? Problem);
