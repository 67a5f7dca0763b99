namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The shapes src/JobMatch.Api/Conventions gives every feature's answers.

/// <summary>A page of a list: its items, the total matching the filters, and the cursor of the next page (null on the last).</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, long Total, string? NextCursor);

/// <summary>What a create answers when the test needs only the new id.</summary>
public sealed record Created(Guid Id);
