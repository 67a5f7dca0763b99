namespace JobMatch.Api.Tests.Infrastructure.Answers;

// What the console's mentoring screens read beyond Mentoring.cs: the pairs a refused plan names.

/// <summary>A refused plan's 409: the first reason, and each refused pair with its own.</summary>
public sealed record RefusedPlanAnswer(string Detail, IReadOnlyList<RefusedPairAnswer> Refused);

public sealed record RefusedPairAnswer(Guid EnterpriseId, Guid MentorId, string Reason);

public sealed record NamedMentorAnswer(Guid Id, string Name);
