namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Imports as a client reads them: only the fields the tests read.

/// <summary>An import batch (a listings batch, or a roster batch as the listings routes show it).</summary>
public sealed record ImportAnswer(Guid Id, string Status, ImportCountsAnswer Counts, string? Encoding, ImportProgressAnswer Progress,
    ReconciliationAnswer? Reconciliation, IReadOnlyList<ReportLineAnswer>? Problems);

public sealed record ImportCountsAnswer(int RowsRead, int RowsRejected, int RowsDuplicate, int CompaniesCreated, int CompaniesMatched,
    int PositionsCreated, int PositionsUpdated, int PositionsUnchanged, int OpeningsCreated, int HeadcountUnknown);

/// <summary>A line of an import's report: a row (or column) not taken as it was, and why.</summary>
public sealed record ReportLineAnswer(int RowNumber, string? Column, string? Value, string Severity, string Problem);

public sealed record ImportProgressAnswer(int RowsProcessed, int RowsTotal);

/// <summary>A fair's batch: the file's totals against what the fair declared, and the fair as it now stands.</summary>
public sealed record ReconciliationAnswer(ImportTotalsAnswer Source, bool Matches);

public sealed record ImportTotalsAnswer(long Companies, long Positions, long Openings);

// The listing sources (src/JobMatch.Api/JobFairs, Programs) as the imports tests read them.

public sealed record JobFairAnswer(Guid Id, string Name, string HeldOn, int? DeclaredOpenings);

/// <summary>An order-class program and its sponsors' seats.</summary>
public sealed record ProgramAnswer(Guid Id, string College, IReadOnlyList<SponsorAnswer> Sponsors);

public sealed record SponsorAnswer(Guid CompanyId, int Seats);
