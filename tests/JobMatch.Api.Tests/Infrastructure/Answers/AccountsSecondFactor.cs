namespace JobMatch.Api.Tests.Infrastructure.Answers;

// The second factor's answers of src/JobMatch.Api/Accounts as a client reads them: only the fields the tests read.

/// <summary>The second factor's step of a sign-in: the challenge to answer with a code, after enrolling when Enrol.</summary>
public sealed record SecondFactorStepAnswer(string Challenge, bool Enrol, DateTime ExpiresAt);

/// <summary>A sign-in's answer as a whole: a token, or no token yet and the second factor's step.</summary>
public sealed record SignInStepAnswer(string? AccessToken, DateTime? ExpiresAt, SecondFactorStepAnswer? SecondFactor);

/// <summary>A new authenticator key (POST /api/auth/second-factor/enrolment, POST /api/account/second-factor).</summary>
public sealed record AuthenticatorSetupAnswer(string Key, string Uri, string QrSvg);
