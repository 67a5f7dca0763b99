using System.Net;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.Conventions;

public sealed class StrictLimitsFactory : ApiFactory
{
    protected override int RequestsPerMinute => 3;
}

public sealed class RateLimitTests(StrictLimitsFactory api) : IClassFixture<StrictLimitsFactory>
{
    [Fact]
    public async Task UserOverTheLimitGets429WithRetryAfterWhileOthersAreServed()
    {
        var busy = api.ClientFor(Roles.Veteran, "busy-veteran");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/me")).StatusCode);
        }
        var limited = await busy.GetAsync("/api/me");
        await limited.AssertProblem(429);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        Assert.Equal(HttpStatusCode.OK, (await api.ClientFor(Roles.Veteran, "quiet-veteran").GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/health/ready")).StatusCode);
    }
}
