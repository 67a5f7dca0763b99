namespace JobMatch.Api.Tests.Infrastructure;

// Editing and closing the listing sources (src/JobMatch.Api/JobFairs, Programs, Openings/SourceClosing, ProgramChanges).

public sealed record FairStateAnswer(Guid Id, string Name, string HeldOn, string? Venue, bool Online, DateTime? ClosedAt);

public sealed record ProgramStateAnswer(Guid Id, string Name, string College, IReadOnlyList<SponsorAnswer> Sponsors, DateTime? ClosedAt);
