using System.Net;
using System.Net.Http.Headers;
using JobMatch.Api.Auth;
using JobMatch.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JobMatch.Api.Tests.Security;

/// <summary>
/// Tight limits (3 requests a minute per user, 10 per address, 4 KB bodies, 8 KB files), and the client's address taken
/// from a test header (<see cref="AddressFromHeader"/>).
/// </summary>
public sealed class TightLimitsFactory : ApiFactory
{
    public const string AddressHeader = AddressFromHeader.Header;

    protected override int RequestsPerMinute => 3;
    protected override int RequestsPerMinutePerAddress => 10;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Limits:MaxBodyBytes", "4096");
        builder.UseSetting("Imports:MaxFileBytes", "8192");
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new AddressFromHeader()));
    }
}

/// <summary>Rate limits per user and per address on every list and upload endpoint, and body limits on every body-taking one.</summary>
public sealed class LimitsTests(TightLimitsFactory api) : IClassFixture<TightLimitsFactory>
{
    static int addresses;

    static string NewAddress() => $"10.{Interlocked.Increment(ref addresses) / 250}.{addresses % 250}.7";

    HttpClient From(string address, string? role = null, string? subject = null)
    {
        var client = role is null ? api.CreateClient() : api.ClientFor(role, subject ?? "limits-" + Guid.NewGuid().ToString("N")[..8]);
        client.DefaultRequestHeaders.Add(TightLimitsFactory.AddressHeader, address);
        return client;
    }

    HttpClient AllowedFrom(string address, string operation) =>
        From(address, OpenApiBodies.AllowedRole(operation));

    [Fact]
    public async Task EveryListAndUploadEndpointLimitsEachUserWith429AndRetryAfter()
    {
        var openApi = await OpenApiBodies.LoadAsync(api);
        var limited = openApi.Operations().Where(o => (o.Method == "GET" && o.QueryParameters.Contains("limit", StringComparer.OrdinalIgnoreCase))
            || (o.Method == "POST" && o.Template.EndsWith("/imports", StringComparison.Ordinal))).ToList();
        Assert.True(limited.Count >= 25, $"only {limited.Count} list and upload operations found");
        var failures = new List<string>();
        foreach (var operation in limited)
        {
            var client = AllowedFrom(NewAddress(), operation.Name);
            var path = OpenApiBodies.Concrete(operation.Template);
            for (var i = 0; i < 3; i++)
            {
                using var allowed = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), path));
                if (allowed.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    failures.Add($"{operation.Name}: 429 after {i} requests");
                }
            }
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(operation.Method), path));
            if (response.StatusCode != HttpStatusCode.TooManyRequests || !(response.Headers.RetryAfter?.Delta > TimeSpan.Zero))
            {
                failures.Add($"{operation.Name}: the fourth request answered {(int)response.StatusCode}, Retry-After {response.Headers.RetryAfter}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task OneAddressIsLimitedWhateverTokensItSendsWhileOtherAddressesAreServed()
    {
        var address = NewAddress();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await From(address, Roles.Veteran).GetAsync("/api/me")).StatusCode);
        }
        var limited = await From(address, Roles.Admin).GetAsync("/api/me");
        await limited.AssertProblem(429);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await From(NewAddress(), Roles.Veteran).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await From(address).GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutAValidTokenAreLimitedPerAddressToo()
    {
        var address = NewAddress();
        var anonymous = From(address);
        var forged = From(address);
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "guess-" + Guid.NewGuid());
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await (i % 2 == 0 ? anonymous : forged).GetAsync("/api/companies")).StatusCode);
        }
        var limited = await forged.GetAsync("/api/companies");
        await limited.AssertProblem(429);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task EveryBodyTakingEndpointAnswers413ProblemToAnOversizedBody()
    {
        var openApi = await OpenApiBodies.LoadAsync(api);
        var operations = openApi.Operations().Where(o => o.Method is "POST" or "PUT" or "PATCH").ToList();
        var failures = new List<string>();
        foreach (var operation in operations)
        {
            // 256 KB: over the 4 KB body limit, and over the 8 KB file limit plus the form allowance of imports.
            var content = new ByteArrayContent(new byte[256 * 1024]);
            content.Headers.ContentType = new MediaTypeHeaderValue(operation.Template.EndsWith("/imports", StringComparison.Ordinal) ? "multipart/form-data" : "application/json");
            using var request = new HttpRequestMessage(new HttpMethod(operation.Method), OpenApiBodies.Concrete(operation.Template)) { Content = content };
            using var response = await AllowedFrom(NewAddress(), operation.Name).SendAsync(request);
            if (response.StatusCode != HttpStatusCode.RequestEntityTooLarge || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{operation.Name}: {(int)response.StatusCode}");
            }
        }
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
