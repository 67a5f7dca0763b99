namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Audit as a client reads them: only the fields the tests read.

/// <summary>An audit entry; its details are JSON written as a string.</summary>
public sealed record AuditEntryAnswer(string Actor, string Action, string Details, Guid Id, string ActorRole);

/// <summary>The details of the audit entry for a CSV download: the rows it held and the route it came from.</summary>
public sealed record CsvExportDetails(int Rows, string Route);
