namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Veterans/Roster as a client reads them: only the fields the tests read.

/// <summary>A roster import batch (status completed, or preview for a dry run).</summary>
public sealed record RosterBatchAnswer(Guid Id, string? Encoding, string Status, RosterCountsAnswer Counts, string? ConsentTextVersion);

public sealed record RosterCountsAnswer(int RowsRead, int RowsRejected, int VeteransCreated, int VeteransUpdated, int VeteransUnchanged);

/// <summary>The bureau's basis for holding a roster profile.</summary>
public sealed record RosterBasisAnswer(string Version);

public sealed record ClaimCodeAnswer(string Code, DateTimeOffset ExpiresAt);

/// <summary>The details of the audit entry for a consent recorded from a signed form.</summary>
public sealed record FormConsentDetails(Guid BatchId, string TextVersion, bool Granted);
