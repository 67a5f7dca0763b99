namespace JobMatch.Api.Tests.Infrastructure.Answers;

// A recruiter's upload as the share tests read it (src/JobMatch.Api/Imports): the batch with the uploader's share of the file.

/// <summary>An upload's answer with the share: how many rows were the recruiter's, how many other companies', and whether it may be committed.</summary>
public sealed record ShareImportAnswer(Guid Id, string Status, ImportCountsAnswer Counts, ImportShareAnswer? Share,
    ReconciliationAnswer? Reconciliation, IReadOnlyList<ReportLineAnswer>? Problems);

public sealed record ImportShareAnswer(int RowsTheirs, int RowsOtherCompanies, bool CanCommit, string? Reason);
