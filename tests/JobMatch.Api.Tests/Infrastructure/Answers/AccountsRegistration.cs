namespace JobMatch.Api.Tests.Infrastructure.Answers;

/// <summary>A registration (POST /api/auth/register): always awaiting_confirmation, and what to do next.</summary>
public sealed record RegisteredAnswer(string State, string Detail);
