namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Imports as a client reads them: only the fields the tests read.

/// <summary>An import batch (a listings batch, or a roster batch as the listings routes show it).</summary>
public sealed record ImportAnswer(Guid Id, string Status, ImportCountsAnswer Counts);

public sealed record ImportCountsAnswer(int RowsRead);

/// <summary>A line of an import's report: a row (or column) not taken as it was, and why.</summary>
public sealed record ReportLineAnswer(int RowNumber, string? Column, string? Value, string Severity, string Problem);
