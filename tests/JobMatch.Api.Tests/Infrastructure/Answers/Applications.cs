namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The answers of src/JobMatch.Api/Applications as a client reads them: only the fields the tests read.

/// <summary>An application as listed (mine, a position's, the bureau's).</summary>
public sealed record ApplicationAnswer(Guid Id, string State, Guid VeteranId, string? ProfileSharedWith, string VeteranName,
    Guid PositionId);

/// <summary>One application with its history, oldest first (apply, read, move).</summary>
public sealed record ApplicationDetailAnswer(ApplicationAnswer Application, IReadOnlyList<ApplicationEventAnswer> History);

public sealed record ApplicationEventAnswer(string? FromState, string OccurredOn, string? Note, string Actor);

public sealed record FairFunnelAnswer(long Positions, long Openings, long HeadcountUnknown, long Applications, long Screened,
    long Interviews, long Offers, long Hires, long Rejected, long Withdrawn, long Cancelled, decimal? FillRate);

public sealed record ProgramFunnelAnswer(long Seats, long SeatsOffered, long Applications, long Enrolments, long Graduations, long Employed,
    long Retained6m, long Retained12m, long Dropped, long SeatsTaken, decimal? FillRate);

/// <summary>A row of the placements report (month, district, branch).</summary>
public sealed record PlacementCountAnswer(string Month, string District, string? DistrictName, long Live, long Historical);

public sealed record PlacementImportAnswer(bool DryRun, int RowsRead, int Written, int Duplicates, int Rejected, int CompaniesCreated,
    int PositionsCreated, IReadOnlyList<ReportLineAnswer> Report);
