namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Audit as a client reads them: only the fields the tests read.

/// <summary>An audit entry; its details are JSON written as a string.</summary>
public sealed record AuditEntryAnswer(string Actor, string Action, string Details);
