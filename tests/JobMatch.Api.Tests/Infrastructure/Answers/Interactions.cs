namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Interactions as a client reads them: only the fields the tests read.

/// <summary>A row of the ranker's training set.</summary>
public sealed record TrainingRowAnswer(Guid VeteranId, Guid PositionId, short Label, string Source, DateTime LastAt, long GroupId);
