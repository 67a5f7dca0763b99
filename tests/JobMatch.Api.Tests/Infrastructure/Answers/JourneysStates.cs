namespace JobMatch.Api.Tests.Infrastructure;

/// <summary>The moves an application offers next (issue #22: a company may skip optional stages).</summary>
public sealed record ApplicationNextAnswer(IReadOnlyList<string> NextStates);
