namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Privacy as a client reads them: only the fields the tests read.

/// <summary>One consent answer: given by the veteran (self), a signed form or in person, or the bureau's statutory basis.</summary>
public sealed record ConsentAnswer(string Kind, bool Granted, string TextVersion, string Method, string? RecordedBy, Guid? ImportBatchId);
