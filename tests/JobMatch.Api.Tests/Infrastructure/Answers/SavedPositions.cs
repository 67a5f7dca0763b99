namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/SavedPositions as a client reads them: only the fields the tests read.

/// <summary>A position in my saved list, with its status today.</summary>
public sealed record SavedPositionAnswer(Guid PositionId, string Title, string CompanyName, string Status, DateTime SavedAt);
