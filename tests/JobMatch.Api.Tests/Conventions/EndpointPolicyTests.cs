using JobMatch.Api.Conventions;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Conventions;

/// <summary>Guards the conventions as features are added: a new endpoint that forgets one fails here.</summary>
public sealed class EndpointPolicyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    IEnumerable<RouteEndpoint> Endpoints()
    {
        _ = api.Server; // build the host
        return api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
    }

    [Fact]
    public void EveryEndpointDecidesAuthorizationExplicitly()
    {
        var undecided = Endpoints()
            .Where(endpoint => endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
                && endpoint.Metadata.GetMetadata<IAuthorizeData>() is null
                && endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is null)
            .Select(endpoint => endpoint.RoutePattern.RawText)
            .ToList();
        Assert.Empty(undecided);
    }

    /// <summary>POSTs without Idempotency-Key, and why.</summary>
    static readonly Dictionary<string, string> NotReplayed = new()
    {
        // A kept answer would be the code in clear in idempotency_keys; sent again, the code is replaced, which is as safe.
        ["/api/veterans/{id:guid}/claim-code"] = "the claim code is shown once and stored only as a hash",
        // Built-in accounts: a kept answer would hold a bearer token in clear; each of these is safe to send again as it is.
        ["/api/auth/sign-in"] = "a kept answer would be a bearer token in clear; a second sign-in is a second session",
        ["/api/auth/refresh"] = "a kept answer would be a bearer token in clear; the cookie is single use by design",
        ["/api/auth/sign-out"] = "ending a sign-in twice ends it once",
        ["/api/auth/sign-out-everywhere"] = "ending every sign-in twice ends them once",
        ["/api/auth/second-factor/"] = "a kept answer would be a bearer token in clear; a challenge is single use by design",
        ["/api/auth/second-factor/enrolment"] = "a kept answer would be an authenticator key in clear; asking again gives a new key",
        ["/api/auth/set-password"] = "a kept answer would be a bearer token in clear; a code is single use by design",
        ["/api/auth/set-password/check"] = "reads whose code it is and changes nothing",
        ["/api/auth/register"] = "a number registered twice is one account: the second gets the same answer",
        ["/api/auth/password-reset"] = "a kept answer would tell one request from another; asking twice mails a newer link",
        ["/api/auth/email-confirmation"] = "a code is single use by design",
        ["/api/account/password"] = "a kept answer would be a bearer token in clear; the current password is checked each time",
        ["/api/account/second-factor/"] = "a kept answer would be an authenticator key in clear; asking again gives a new key",
        ["/api/account/second-factor/confirm"] = "confirming twice turns it on once",
        // Staff's accounts: an invitation or reset code is shown once and stored only as a hash, never in idempotency_keys.
        ["/api/accounts/"] = "the invitation code is shown once; a second create of the same user name is refused (409)",
        ["/api/accounts/{id:guid}/invitation"] = "the code is shown once; sending again gives a new code and voids the last",
        ["/api/accounts/{id:guid}/disable"] = "disabling twice disables once",
        ["/api/accounts/{id:guid}/enable"] = "enabling twice enables once",
        ["/api/accounts/{id:guid}/phone-confirmation"] = "confirming twice confirms once (the second is 409)",
        // A fair or program closed twice is closed once: the second answers it as it is.
        ["/api/job-fairs/{id:guid}/close"] = "closing twice closes once",
        ["/api/programs/{id:guid}/close"] = "closing twice closes once",
        // Mail programs send RFC 8058's one-click POST with no such header; the same link twice turns the kind off once.
        ["/api/notifications/unsubscribe/"] = "unsubscribing twice turns the kind off once (RFC 8058 one-click sends no key)",
    };

    [Fact]
    public void EveryPostAcceptsAnIdempotencyKey()
    {
        var posts = Endpoints().Where(endpoint => endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true
            && !NotReplayed.ContainsKey(endpoint.RoutePattern.RawText!)).ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, post => Assert.True(post.Metadata.GetMetadata<IdempotentAttribute>() is not null, post.RoutePattern.RawText));
    }

    [Fact]
    public void EveryRouteIdIsAGuid()
    {
        var idParameters = Endpoints().SelectMany(endpoint => endpoint.RoutePattern.Parameters)
            .Where(parameter => parameter.Name == "id" || parameter.Name.EndsWith("Id", StringComparison.Ordinal)).ToList();
        Assert.All(idParameters, parameter => Assert.Contains(parameter.ParameterPolicies, policy => policy.Content == "guid"));
    }
}
