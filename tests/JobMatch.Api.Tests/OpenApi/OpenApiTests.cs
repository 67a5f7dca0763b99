using System.Net;
using System.Text.Json;
using JobMatch.Api.Tests.Infrastructure;

namespace JobMatch.Api.Tests.OpenApi;

public sealed class OpenApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task DocumentIsPublicAndEveryOperationHasSummaryResponsesAndBearerAuth()
    {
        var document = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJson();
        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (name: $"{op.Name} {path.Name}", op: op.Value))).ToList();
        Assert.NotEmpty(operations);
        Assert.All(operations, o =>
        {
            Assert.True(o.op.TryGetProperty("summary", out var summary) && summary.GetString()!.Length > 0, $"{o.name} has a summary");
            Assert.True(o.op.GetProperty("responses").EnumerateObject().Any(), $"{o.name} documents responses");
        });
    }

    [Fact]
    public async Task CreatingOperationsDocumentIdempotencyKeyAndAuthFailures()
    {
        var document = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJson();
        var post = document.GetProperty("paths").GetProperty("/api/companies").GetProperty("post");
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        var responses = post.GetProperty("responses");
        foreach (var status in new[] { "201", "400", "401", "403", "409", "422" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"POST /api/companies documents {status}");
        }
    }

    [Fact]
    public async Task EveryErrorAnswerIsProblemDetailsAndRateLimitsSayWhenToRetry()
    {
        var document = await (await api.CreateClient().GetAsync("/swagger/v1/swagger.json")).ReadJson();
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (name: $"{op.Name} {path.Name}", op: op.Value))).ToList();
        Assert.All(operations, o =>
        {
            var responses = o.op.GetProperty("responses");
            foreach (var error in responses.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                Assert.True(error.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
                    $"{o.name} {error.Name} is ProblemDetails");
            }
            Assert.True(responses.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _), $"{o.name} 429 has Retry-After");
        });
        var list = document.GetProperty("paths").GetProperty("/api/companies").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(list.TryGetProperty("application/json", out _) && list.TryGetProperty("text/csv", out _), "a list documents its JSON page beside its CSV");
        var anonymous = document.GetProperty("paths").GetProperty("/api/console/settings").GetProperty("get");
        var security = anonymous.GetProperty("security");
        Assert.True(security.GetArrayLength() == 1 && !security[0].EnumerateObject().Any(), "an anonymous route needs no token");
    }

    [Fact]
    public async Task SwaggerUiAndHealthNeedNoToken()
    {
        var client = api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task ResponsesCarrySecurityHeaders()
    {
        var response = await api.CreateClient().GetAsync("/health/live");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("X-Frame-Options"));
    }

    [Fact]
    public async Task JsonIsCamelCase()
    {
        var me = await (await api.Admin().GetAsync("/api/me")).Content.ReadAsStringAsync();
        using var parsed = JsonDocument.Parse(me);
        Assert.True(parsed.RootElement.TryGetProperty("companyIds", out _));
    }
}
